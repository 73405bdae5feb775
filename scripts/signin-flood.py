#!/usr/bin/env python3
"""Floods POST /api/auth/login with wrong passwords from many loopback addresses.

Usage: signin-flood.py BASE_URL SERVER_PID [CONCURRENCY] [ADDRESSES]

Each of ADDRESSES clients (127.0.<x>.<y>) makes 5 wrong guesses, the most the limiter
lets one client try at once, so every attempt reaches the password check; CONCURRENCY
of them run at a time. Meanwhile the manager signs in from 127.0.0.2 every 5 s (within
the sign-in rate limit of 20 a minute).
Prints the answers by status, the manager's sign-in times and the server's memory.
"""
import asyncio
import json
import sys
import time
from collections import Counter
from urllib.parse import urlparse


def memory_mb(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    kb = lambda key: int(fields[key].split()[0])
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024


async def sign_in(host, port, source, username, password):
    """One sign-in on its own connection from `source`; answers (status, seconds)."""
    body = json.dumps({"username": username, "password": password}).encode()
    request = (
        f"POST /api/auth/login HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode() + body
    started = time.monotonic()
    reader, writer = await asyncio.open_connection(host, port, local_addr=(source, 0))
    writer.write(request)
    await writer.drain()
    status_line = await reader.readline()
    await reader.read()
    writer.close()
    return int(status_line.split()[1]), time.monotonic() - started


async def main():
    base, pid = sys.argv[1], int(sys.argv[2])
    concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    addresses = int(sys.argv[4]) if len(sys.argv) > 4 else 256
    url = urlparse(base)
    host, port = url.hostname, url.port
    statuses = Counter()
    gate = asyncio.Semaphore(concurrency)
    peak_seen = 0.0

    async def attacker(n):
        source = f"127.0.{10 + n // 250}.{1 + n % 250}"
        async with gate:
            for guess in range(5):
                status, _ = await sign_in(host, port, source, "manager", f"guess-{guess}")
                statuses[status] += 1

    async def manager(done):
        times = []
        while not done.is_set():
            status, seconds = await sign_in(host, port, "127.0.0.2", "manager", "manager-pass")
            times.append((status, seconds))
            await asyncio.sleep(5)
        return times

    rss_before, _ = memory_mb(pid)
    done = asyncio.Event()
    watcher = asyncio.create_task(manager(done))
    started = time.monotonic()
    await asyncio.gather(*(attacker(n) for n in range(addresses)))
    elapsed = time.monotonic() - started
    done.set()
    times = await watcher
    rss_after, peak = memory_mb(pid)
    print(f"guesses: {sum(statuses.values())} in {elapsed:.1f} s "
          f"({sum(statuses.values()) / elapsed:.0f}/s) at {concurrency} at once, "
          f"answers {dict(sorted(statuses.items()))}")
    manager_ok = [seconds for status, seconds in times if status == 200]
    print(f"manager sign-ins during the flood: {len(manager_ok)} of {len(times)} answered 200, "
          f"slowest {max(manager_ok, default=0) * 1000:.0f} ms")
    print(f"server memory: {rss_before:.0f} MB before, {rss_after:.0f} MB after, peak {peak:.0f} MB")
    if len(manager_ok) != len(times) or any(s >= 500 for s in statuses):
        sys.exit(1)


asyncio.run(main())
