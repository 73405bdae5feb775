#!/usr/bin/env python3
"""Floods POST /api/auth/login with wrong passwords from many loopback addresses.

Usage: signin-flood.py BASE_URL SERVER_PID [CONCURRENCY] [ADDRESSES]

Each of ADDRESSES clients (127.0.<x>.<y>) makes 5 wrong guesses, the most the limiter
lets one client try at once, so every attempt reaches the password check; CONCURRENCY
of them run at a time. Meanwhile the manager signs in every 5 s (within the sign-in rate
limit of 20 a minute) from two browsers: from 127.0.0.2 with the device cookie an earlier
sign-in gave it (a known device, whose password check has a lane of its own), and from
127.0.0.3 as a new device (which waits in line with the guesses).
Prints the answers by status, the manager's sign-in times and the server's memory.
"""
import asyncio
import json
import sys
import time
from collections import Counter
from urllib.parse import urlparse


# The device cookie's names: over plain http, and `Secure` (a release build's default).
DEVICE_COOKIES = ("pizzeria_device", "__Host-pizzeria_device")


def memory_mb(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    kb = lambda key: int(fields[key].split()[0])
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024


async def sign_in(host, port, source, username, password, cookie=""):
    """One sign-in on its own connection from `source`, sending `cookie`; answers
    (status, seconds, the device cookie's `name=value` it set, or None)."""
    body = json.dumps({"username": username, "password": password}).encode()
    request = (
        f"POST /api/auth/login HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        + (f"Cookie: {cookie}\r\n" if cookie else "")
        + "Connection: close\r\n\r\n"
    ).encode() + body
    started = time.monotonic()
    reader, writer = await asyncio.open_connection(host, port, local_addr=(source, 0))
    writer.write(request)
    await writer.drain()
    answer = (await reader.read()).decode("latin-1")
    writer.close()
    device = None
    for line in answer.split("\r\n\r\n", 1)[0].split("\r\n"):
        name, _, value = line.partition(":")
        cookie = value.strip()
        if name.lower() == "set-cookie" and cookie.split("=", 1)[0] in DEVICE_COOKIES:
            device = cookie.split(";", 1)[0]
    return int(answer.split()[1]), time.monotonic() - started, device


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
                status, _, _ = await sign_in(host, port, source, "manager", f"guess-{guess}")
                statuses[status] += 1

    async def manager(done, source, cookie):
        times = []
        while not done.is_set():
            status, seconds, _ = await sign_in(
                host, port, source, "manager", "manager-pass", cookie)
            times.append((status, seconds))
            await asyncio.sleep(5)
        return times

    # The manager's usual browser signed in before the flood: it holds a device cookie.
    status, _, device = await sign_in(host, port, "127.0.0.2", "manager", "manager-pass")
    if status != 200 or device is None:
        sys.exit(f"the first sign-in answered {status} without a device cookie")
    rss_before, _ = memory_mb(pid)
    done = asyncio.Event()
    known = asyncio.create_task(manager(done, "127.0.0.2", device))
    new = asyncio.create_task(manager(done, "127.0.0.3", ""))
    started = time.monotonic()
    await asyncio.gather(*(attacker(n) for n in range(addresses)))
    elapsed = time.monotonic() - started
    done.set()
    known_times, new_times = await known, await new
    rss_after, peak = memory_mb(pid)
    print(f"guesses: {sum(statuses.values())} in {elapsed:.1f} s "
          f"({sum(statuses.values()) / elapsed:.0f}/s) at {concurrency} at once, "
          f"answers {dict(sorted(statuses.items()))}")
    for name, times in (("a known device", known_times), ("a new device", new_times)):
        ok = [seconds for status, seconds in times if status == 200]
        print(f"manager sign-ins from {name}: {len(ok)} of {len(times)} answered 200, "
              f"slowest {max(ok, default=0) * 1000:.0f} ms, "
              f"answers {dict(sorted(Counter(status for status, _ in times).items()))}")
    print(f"server memory: {rss_before:.0f} MB before, {rss_after:.0f} MB after, peak {peak:.0f} MB")
    known_ok = all(status == 200 for status, _ in known_times)
    # A guess or a new device may be told to come back (503); nothing may fail.
    if not known_ok or any(s >= 500 and s != 503 for s in statuses):
        sys.exit(1)


asyncio.run(main())
