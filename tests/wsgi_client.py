"""Requests through the production WSGI application, in a process of their own.

Run as ``python -m tests.wsgi_client`` with the environment of the server under test
(``DATABASE_URL`` pointing at a database that is down, say). Each line read from
standard input is a path, optionally preceded by a Host header value
(``10.0.0.5 /healthz``); each answer is printed as one JSON line: status, the headers
that matter, the time taken, the body, and the log records written while answering.

A process of its own, because the test process is bound to its test database; the
WSGI application itself, not Django's test client, because only the real handler
closes broken database connections between requests, which is how the site recovers.
"""

import io
import json
import logging
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "presscenter.settings")


class Kept(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.records = []

    def emit(self, record):
        self.records.append(
            {
                "logger": record.name,
                "level": record.levelname,
                "message": record.getMessage(),
                "traceback": bool(record.exc_info or record.exc_text),
            }
        )


def request(application, host, path):
    """One GET as a TLS-terminating server hands it on (production redirects plain http
    to https, except /healthz)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(headers)

    result = application(environ, start_response)
    try:
        answer["body"] = b"".join(result).decode()
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer


def main():
    from presscenter.wsgi import application  # sets up Django, and its logging

    kept = Kept()
    logging.getLogger().addHandler(kept)

    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        host, path = words if len(words) == 2 else ("testserver", words[0])
        kept.records = []
        started = time.monotonic()
        answer = request(application, host, path)
        answer["seconds"] = time.monotonic() - started
        answer["log"] = kept.records
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
