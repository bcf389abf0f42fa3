"""gunicorn's settings for Pantau, read by ``gunicorn`` started from the checkout.

Each worker runs two threads (decision 0019). A request spends much of its time waiting for
PostgreSQL, above all for its commit to reach the disk; with one thread per worker that wait
leaves the CPU idle, with two the worker answers another request meanwhile.

A connection is closed after each answer (``keepalive = 0``), as with gunicorn's sync workers.
nginx, in front of it, opens a connection per request anyway; and a connection kept open stays
with the worker that accepted it, so a few busy clients could load one worker while the other
idles (measured: half the throughput on some runs). For the same reason a worker holds no
more connections than it has threads.

The number of workers comes from ``-w`` (or gunicorn's ``WEB_CONCURRENCY``), the address from
``-b`` (default 127.0.0.1:8000). Command-line flags and ``GUNICORN_CMD_ARGS`` override what is
set here; whoever raises ``--threads`` raises ``--worker-connections`` with it.
"""

wsgi_app = "config.wsgi"
worker_class = "gthread"
threads = 2
keepalive = 0  # seconds
# A worker takes a new connection only when one of its threads is free; the others wait in the
# listen queue for whichever worker frees first, as with sync workers. Left at gunicorn's 1,000,
# one worker would take connections while busy and their requests would wait behind its lock.
worker_connections = threads
timeout = 60  # a report rendered as PDF in the request stays well under this
graceful_timeout = 30
