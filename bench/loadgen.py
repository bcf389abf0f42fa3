"""A paced load generator: N clients, each sending one request every N / rate seconds over its own
keep-alive connection, for a given time.

wrk keeps every connection busy back to back (a closed loop), so with 200 connections the latency
it prints is 200 / throughput whatever the server does. People do not file reports back to back:
"200 concurrent reporters" at a target of 200 reports/s is 200 clients that each send one report a
second. This measures that, the way wrk2 does: every request has a scheduled time, and its latency
is counted from that time, not from when it was sent, so a slow server is not hidden by clients
that wait for it (no "coordinated omission"). A client whose previous request is still running
sends the next one as soon as it can, and that wait is part of the next request's latency.

Only what the benchmarks need: HTTP/1.1 over plain TCP, bodies with Content-Length or chunked.
"""

import asyncio
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Result:
    sent: int = 0
    completed: int = 0  # a 2xx or 3xx response arrived
    errors: int = 0  # any other status, or the connection failed
    statuses: dict[int, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)  # seconds, from the scheduled time
    seconds: float = 0.0  # the scheduled window
    drain: float = 0.0  # how long after the window the last answer came

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]

    def summary(self) -> dict:
        return {
            # Per second of the scheduled window: offering ``rate`` a second, a server that keeps
            # up answers rate a second; one that falls behind answers late, which the latencies
            # (counted from the scheduled times) show.
            "rps": self.completed / self.seconds if self.seconds else 0.0,
            "drain_ms": 1000 * self.drain,
            "p50": 1000 * self.percentile(50),
            "p95": 1000 * self.percentile(95),
            "p99": 1000 * self.percentile(99),
            "mean": 1000 * statistics.fmean(self.latencies) if self.latencies else 0.0,
            "errors": self.errors,
            "requests": self.sent,
            "completed": self.completed,
            "statuses": dict(sorted(self.statuses.items())),
        }


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """The status and whether the server keeps the connection open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, headers.get("connection", "").lower() != "close"


async def _client(
    url, make_request: Callable[[], bytes], interval: float, start: float, end: float, result
):
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 80
    loop = asyncio.get_running_loop()
    due = start + random.uniform(0, interval)  # clients start out of step, like people
    reader = writer = None
    while due < end:
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(make_request())
            result.sent += 1
            await writer.drain()
            status, keep_alive = await _read_response(reader)
            if not keep_alive:  # gunicorn as deployed answers once per connection
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            result.errors += 1
            result.statuses[0] = result.statuses.get(0, 0) + 1
            if writer is not None:
                writer.close()
            reader = writer = None
        else:
            result.statuses[status] = result.statuses.get(status, 0) + 1
            if 200 <= status < 400:
                result.completed += 1
                result.latencies.append(loop.time() - due)
            else:
                result.errors += 1
        due += interval
    if writer is not None:
        writer.close()


async def _run(url, make_request, clients: int, rate: float, seconds: float) -> Result:
    result = Result()
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.2
    end = start + seconds
    interval = clients / rate
    began = time.perf_counter()
    await asyncio.gather(
        *(_client(url, make_request, interval, start, end, result) for _ in range(clients))
    )
    result.seconds = seconds
    result.drain = max(0.0, time.perf_counter() - began - 0.2 - seconds)
    return result


def paced(
    url: str, make_request: Callable[[], bytes], *, clients: int, rate: float, seconds: float
):
    """Run ``clients`` paced clients offering ``rate`` requests/s in all for ``seconds``; returns
    the summary dict (rps achieved, p50/p95/p99 in ms from the scheduled times, errors...)."""
    return asyncio.run(_run(url, make_request, clients, rate, seconds)).summary()


def form_post(host: str, path: str, body: str, *, cookie: str = "") -> bytes:
    """An urlencoded POST as a browser sends it, ready for the socket."""
    data = body.encode()
    headers = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}",
        "Content-Type: application/x-www-form-urlencoded",
        f"Content-Length: {len(data)}",
        "Connection: keep-alive",
    ]
    if cookie:
        headers.append(f"Cookie: {cookie}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + data
