"""Atomic rate limits on the shared cache: at most ``limit`` hits per key in each window.

``hit`` counts with ``cache.add`` (create the counter if missing) and ``cache.incr`` (one atomic
step on Redis and in the local-memory cache), never by reading a count and writing it back, so that
parallel requests cannot all see "one below the limit" and pass together. Windows are fixed (the
counter's key carries the window's number), which also tells a refused client exactly when to try
again; a client may thus make up to twice ``limit`` hits across one window boundary.

Limits hold across processes only on a shared cache: production sets ``REDIS_URL``
(docs/deployment.md); the local-memory cache counts per worker process.
"""

import time

from django.core.cache import cache


def _bucket(key: str, window: int, now: float | None) -> str:
    moment = time.time() if now is None else now
    return f"ratelimit:{key}:{window}:{int(moment // window)}"


def hit(key: str, limit: int, window: int, *, now: float | None = None) -> bool:
    """Count one hit on ``key``; True while the window holds at most ``limit`` hits."""
    return hit_count(key, window, now=now) <= limit


def hit_count(key: str, window: int, *, now: float | None = None) -> int:
    """Count one hit on ``key``; the number of hits in the window, this one included."""
    bucket = _bucket(key, window, now)
    if cache.add(bucket, 1, timeout=window + 1):
        return 1
    try:
        return cache.incr(bucket)
    except ValueError:  # the counter expired between add and incr: this hit opens a new one
        cache.add(bucket, 1, timeout=window + 1)
        return 1


def undo(key: str, window: int, *, now: float | None = None) -> None:
    """Take one hit back (a try that turned out not to count, e.g. a right tracking code)."""
    try:
        cache.decr(_bucket(key, window, now))
    except ValueError:
        pass


def retry_after(window: int, *, now: float | None = None) -> int:
    """Seconds until the current window ends."""
    moment = time.time() if now is None else now
    return max(1, int(window - moment % window))
