"""Stream freshness (issue 26, API.md 7.2): how long after a change commits its event reaches open streams.

Opens N streams of GET /api/v1/events/stream (one thread each, from the head), then makes WRITES contacts one at a time,
a pause apart, and for each records the moment its 201 arrived: the commit happened just before the answer was written,
so "arrival - answer" is commit-to-arrival within the answer's own sub-millisecond send. Every stream must receive every
event; the figures are over all (stream, event) pairs. Prints one JSON line.
"""
import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse

from client import Api, mint_token
from stats import percentile


def follow(url, token, after, arrivals, ready, stop):
    parsed = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    connection.request("GET", f"/api/v1/events/stream?types=contact.created&after={after}",
                       headers={"Authorization": "Bearer " + token, "Accept": "text/event-stream"})
    response = connection.getresponse()
    if response.status != 200:
        raise SystemExit(f"stream answered {response.status}")
    ready.release()
    while not stop.is_set():
        line = response.fp.readline()
        if not line:
            return
        if line.startswith(b"data: "):
            now = time.monotonic()
            arrivals.append((json.loads(line[6:])["resource"]["id"], now))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--streams", type=int, default=1)
    parser.add_argument("--writes", type=int, default=40)
    parser.add_argument("--pause", type=float, default=0.25)
    args = parser.parse_args()

    tenant = f"freshness-{args.streams}-{int(time.time())}"
    token = mint_token(args.key, "bench-user", tenant)
    api = Api(args.url, token)
    _, head = api.expect(200, "GET", "/events?after=now")
    ready, stop = threading.Semaphore(0), threading.Event()
    arrivals = [[] for _ in range(args.streams)]
    threads = [threading.Thread(target=follow, args=(args.url, token, head["nextCursor"], arrivals[i], ready, stop), daemon=True)
               for i in range(args.streams)]
    for t in threads:
        t.start()
    for _ in threads:
        ready.acquire()

    committed = {}
    write_ms = []
    for i in range(args.writes):
        sent = time.monotonic()
        _, body = api.expect(201, "POST", "/network/contacts", {"firstName": f"Fresh{i}"})
        committed[body["id"]] = time.monotonic()
        write_ms.append((committed[body["id"]] - sent) * 1000)
        time.sleep(args.pause)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(len(a) < args.writes for a in arrivals):
        time.sleep(0.05)
    stop.set()

    delays = sorted((at - committed[rid]) * 1000 for stream in arrivals for rid, at in stream if rid in committed)
    received = sum(len(a) for a in arrivals)
    print(json.dumps({
        "streams": args.streams, "writes": args.writes, "expected": args.streams * args.writes, "received": received,
        "p50_ms": round(percentile(delays, 50), 1), "p95_ms": round(percentile(delays, 95), 1),
        "max_ms": round(delays[-1], 1) if delays else None,
        "write_p50_ms": round(percentile(sorted(write_ms), 50), 1),
    }))
    if received != args.streams * args.writes:
        sys.exit(1)


if __name__ == "__main__":
    main()
