"""gunicorn's settings for Pantau, read by ``gunicorn config.wsgi`` started from the checkout.

Each worker runs two threads (decision 0019). A request spends much of its time waiting for
PostgreSQL, above all for its commit to reach the disk; with one thread per worker that wait
leaves the CPU idle, with two the worker answers another request meanwhile.

A connection is closed after each answer (``keepalive = 0``), as with gunicorn's sync workers.
nginx, in front of it, opens a connection per request anyway; and a connection kept open stays
with the worker that accepted it, so a few busy clients could load one worker while the other
idles (measured: half the throughput on some runs). For the same reason a worker holds no
more connections than it has threads.

Every setting can be overridden on the command line or by the environment variables below; the
number of workers comes from ``-w`` or ``WEB_CONCURRENCY`` (gunicorn's own), default 2.
"""

import os

wsgi_app = "config.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))  # seconds
# A worker takes a new connection only when one of its threads is free; the others wait in the
# listen queue for whichever worker frees first, as with sync workers. Left at gunicorn's 1,000,
# one worker would take connections while busy and their requests would wait behind its lock.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", str(threads)))
timeout = 60  # a report rendered as PDF in the request stays well under this
graceful_timeout = 30
