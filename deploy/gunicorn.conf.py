"""gunicorn settings for the press centre: ``gunicorn presscenter.wsgi -c deploy/gunicorn.conf.py``.

Every value can be changed from the environment; command-line options win over both.

    variable                      meaning                                 default
    GUNICORN_BIND                 where to listen                         127.0.0.1:8000
    GUNICORN_WORKERS              worker processes                        2 x cores + 1
    GUNICORN_TIMEOUT              seconds before a stuck worker is killed 30
    GUNICORN_FORWARDED_ALLOW_IPS  proxies trusted for X-Forwarded-*       127.0.0.1,::1
    GUNICORN_ACCESS_LOG           access log: a file, "-" (stdout), ""    -
    GUNICORN_LOG_LEVEL            error log level                         info
    GUNICORN_CONTROL_SOCKET       control socket (gunicorn 25+)           ~/.gunicorn/gunicorn.ctl

Sync workers: each serves one request at a time, which suits a Django application that
waits on PostgreSQL and Redis, behind nginx, which buffers slow clients so a worker is
never held by a slow connection (deploy/nginx/presscenter.conf).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
worker_class = "sync"

# A request that takes longer than this is stuck: its worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# nginx talks to gunicorn over a fresh connection per request; a short keep-alive is
# enough for a load balancer that reuses its connections.
keepalive = 2

# Load Django once in the master, then fork: workers start fast and share memory, and a
# broken configuration (no secret key, no hosts: presscenter/readiness.py) stops the
# server at start-up instead of failing in every worker.
preload_app = True

# Replace each worker now and then, so that a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200

# The heartbeat file on a RAM disk where there is one: a busy /tmp cannot stall workers.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# gunicorn believes no forwarded header: Django alone decides, and only when the
# operator says a TLS proxy sets them (DJANGO_TRUST_PROXY_HTTPS, docs/deployment.md).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "")

# gunicorn 25+ opens a control socket (default ~/.gunicorn/gunicorn.ctl); two servers
# run by one user need one each.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The client as nginx saw it, the request, status, bytes, referer, user agent, and the
# time taken in microseconds.
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(B)s "%(f)s" "%(a)s" %(D)s'
