#!/usr/bin/env python3
"""Webhook delivery figures (issue 27, API.md 8) against one API and the verifying receiver (deploy/receiver), both on
127.0.0.1. Subcommands, each printing one JSON line:

  latency     one endpoint (contact.created) in a fresh tenant; WRITES contacts one at a time, PAUSE apart; the
              receiver's delay from each event's occurredUtc (the change, just before its commit) to its first
              verified arrival: p50, p95, max. Every event must arrive.
  throughput  one endpoint, disabled while WRITES contacts are made (8 in flight), then enabled: every delivery is due
              at once; deliveries per second between the first and the last first arrival, and from the enabling PATCH.
  endpoints   COUNT endpoints of every event type in TENANT pointing at the receiver (their ids and ETags to --state).
  drop        deletes the endpoints of --state (their pending deliveries are given up with them).
"""
import argparse
import json
import sys
import threading
import time
import urllib.request

from client import Api, mint_token


def receiver(url, path, data=None):
    request = urllib.request.Request(url + path, data=data, method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
        return json.loads(raw) if raw else None


def create_endpoint(api, args, types=None):
    body = {"url": args.receiver + "/hooks", "description": "bench"}
    if types:
        body["types"] = types
    headers, created = api.expect(201, "POST", "/webhooks", body)
    receiver(args.receiver, "/secret", created["secret"].encode())
    return created["id"], headers["etag"]


def patch_enabled(api, endpoint, etag, enabled):
    headers, _ = api.expect(200, "PATCH", f"/webhooks/{endpoint}", {"enabled": enabled},
                            {"Content-Type": "application/merge-patch+json", "If-Match": etag})
    return headers["etag"]


def wait_for(args, distinct, seconds):
    deadline = time.monotonic() + seconds
    stats = receiver(args.receiver, "/stats")
    while stats["distinct"] < distinct and time.monotonic() < deadline:
        time.sleep(0.05)
        stats = receiver(args.receiver, "/stats")
    return stats


def latency(args):
    api = Api(args.url, mint_token(args.key, "bench-user", f"hooks-latency-{int(time.time())}"))
    endpoint, etag = create_endpoint(api, args, ["contact.created"])
    receiver(args.receiver, "/reset", b"")
    for i in range(args.writes):
        api.expect(201, "POST", "/network/contacts", {"firstName": f"Hook{i}"})
        time.sleep(args.pause)
    stats = wait_for(args, args.writes, 30)
    api.expect(204, "DELETE", f"/webhooks/{endpoint}", headers={"If-Match": etag})
    delay = stats["delayMs"]
    result = {"kind": "latency", "writes": args.writes, "pause_s": args.pause, "arrived": stats["distinct"],
              "rejected": stats["rejected"], "duplicates": stats["duplicates"],
              "p50_ms": round(delay["p50"], 1), "p95_ms": round(delay["p95"], 1), "max_ms": round(delay["max"], 1)}
    print(json.dumps(result))
    return stats["distinct"] == args.writes and stats["rejected"] == 0


def throughput(args):
    api = Api(args.url, mint_token(args.key, "bench-user", f"hooks-throughput-{int(time.time())}"))
    endpoint, etag = create_endpoint(api, args, ["contact.created"])
    etag = patch_enabled(api, endpoint, etag, False)
    work = iter(range(args.writes))
    lock = threading.Lock()

    def writer():
        while True:
            with lock:
                i = next(work, None)
            if i is None:
                return
            api.expect(201, "POST", "/network/contacts", {"firstName": f"Backlog{i}"})

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    receiver(args.receiver, "/reset", b"")
    enabled = time.time()
    etag = patch_enabled(api, endpoint, etag, True)
    stats = wait_for(args, args.writes, 120)
    api.expect(204, "DELETE", f"/webhooks/{endpoint}", headers={"If-Match": etag})
    first = parse_utc(stats["firstArrivalUtc"])
    last = parse_utc(stats["lastArrivalUtc"])
    result = {"kind": "throughput", "deliveries": stats["distinct"], "rejected": stats["rejected"],
              "duplicates": stats["duplicates"],
              "per_second": round((stats["distinct"] - 1) / max(last - first, 1e-6), 1),
              "per_second_from_enable": round(stats["distinct"] / max(last - enabled, 1e-6), 1),
              "seconds": round(last - enabled, 2)}
    print(json.dumps(result))
    return stats["distinct"] == args.writes and stats["rejected"] == 0


def parse_utc(text):
    from datetime import datetime
    return datetime.fromisoformat(text).timestamp()


def endpoints(args):
    api = Api(args.url, mint_token(args.key, "bench-user", args.tenant))
    made = [create_endpoint(api, args) for _ in range(args.count)]
    with open(args.state, "w") as state:
        json.dump([{"id": i, "etag": e} for i, e in made], state)
    print(json.dumps({"kind": "endpoints", "created": len(made)}))
    return True


def drop(args):
    api = Api(args.url, mint_token(args.key, "bench-user", args.tenant))
    with open(args.state) as state:
        made = json.load(state)
    for endpoint in made:
        api.expect(204, "DELETE", f"/webhooks/{endpoint['id']}", headers={"If-Match": endpoint["etag"]})
    print(json.dumps({"kind": "drop", "deleted": len(made), "receiver": receiver(args.receiver, "/stats")}))
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["latency", "throughput", "endpoints", "drop"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--receiver", required=True)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.05)
    parser.add_argument("--tenant", default="bench")
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--state")
    args = parser.parse_args()
    ok = {"latency": latency, "throughput": throughput, "endpoints": endpoints, "drop": drop}[args.command](args)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
