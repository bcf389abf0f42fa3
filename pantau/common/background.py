"""Work that must never hold up the person who caused it: mail and webhook deliveries.

With a Celery broker (production) a task goes to the workers. Without one (``make run``, the
embedded demo) Celery would run it *inside* the request: a stalled webhook receiver kept a
citizen's report waiting 33 seconds. Here such a task runs after the response instead, once, on
a small pool of background threads, each with its own database connection. Tests set
``PANTAU_TASKS_INLINE`` to run tasks at once, in order, as before (issue 17).
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import close_old_connections, connections

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pantau-task")
        return _pool


def inline() -> bool:
    """True when tasks run at once in the caller's thread (tests)."""
    return bool(getattr(settings, "PANTAU_TASKS_INLINE", False))


def dispatch(task, *args, **kwargs) -> None:
    """Send ``task`` to the workers, or run it after the response when there is no broker."""
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        task.delay(*args, **kwargs)
    elif inline():
        task.apply(args=args, kwargs=kwargs, throw=True)
    else:
        _executor().submit(_run, task, args, kwargs)


def _run(task, args, kwargs) -> None:
    close_old_connections()
    try:
        task.apply(args=args, kwargs=kwargs, throw=True)
    except Exception:
        logger.exception("Background task %s failed", getattr(task, "name", task))
    finally:
        connections.close_all()


def wait_for_idle(timeout: float = 10.0) -> None:
    """Block until queued background tasks have run (for the demo loader and its tests)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True)
