"""Local sockets that stand in for a failed database or cache server.

``silent_listener()`` accepts connections and never answers: a server that is hung, or
a network that drops replies. ``closed_port()`` refuses every connection: a server
that is down. Both live on 127.0.0.1. The port is any free one, or the first free one
in ``PRESSCENTER_TEST_PORTS`` (e.g. ``8780-8789``) where only some ports may be used.
"""

import contextlib
import os
import socket
import threading


def candidate_ports():
    spec = os.environ.get("PRESSCENTER_TEST_PORTS", "").strip()
    if not spec:
        return [0]
    first, _, last = spec.partition("-")
    return range(int(first), int(last or first) + 1)


def bound_socket():
    for port in candidate_ports():
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        return sock
    raise RuntimeError(f"No free port in {os.environ['PRESSCENTER_TEST_PORTS']}")


@contextlib.contextmanager
def closed_port():
    """A port that refuses connections: bound, so nothing else takes it, but not
    listening."""
    sock = bound_socket()
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


@contextlib.contextmanager
def silent_listener():
    """A port that accepts connections and never says a word; yields the port."""
    sock = bound_socket()
    sock.listen(64)
    sock.settimeout(0.1)
    held = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _address = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=2)
        sock.close()
        for connection in held:
            connection.close()


class Forwarder:
    """A port that passes connections on to ``target`` (a real database) until
    ``cut()``, which drops every connection and refuses new ones, as a database that
    has gone down; ``restore()`` brings it back on the same port."""

    def __init__(self, target):
        self.target = target
        self.sock = bound_socket()
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.open()

    def open(self):
        self.stop = threading.Event()
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.thread = threading.Thread(target=self.accept, args=(self.sock, self.stop))
        self.thread.daemon = True
        self.thread.start()

    def accept(self, sock, stop):
        while not stop.is_set():
            try:
                client, _address = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            server = socket.create_connection(self.target)
            self.connections += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=pump, args=(source, sink), daemon=True).start()

    def cut(self):
        self.stop.set()
        self.thread.join(timeout=2)
        self.sock.close()
        for connection in self.connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self.connections = []

    def restore(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.open()


def pump(source, sink):
    while True:
        try:
            data = source.recv(65536)
        except OSError:
            return
        if not data:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_WR)
            return
        try:
            sink.sendall(data)
        except OSError:
            return
