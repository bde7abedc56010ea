"""Cursors of the change feed for bench/wrk/events-page.lua: one per line, each at a random position from which a page
of --limit events is full (0 .. size - limit), encoded as the API encodes them (Application/Events/EventCursor.cs: a
version byte 1 and the position as a big-endian int64, base64url without padding).

    python3 bench/py/cursors.py --size N --count K --out FILE [--url URL --token T]

With --url, it first checks the encoding and the feed against the API: the page after the last of those positions
holds --limit events, the first at the next position, and its nextCursor is the head's.
"""
import argparse
import base64
import random
import struct

from client import Api


def cursor(position):
    return base64.urlsafe_b64encode(struct.pack(">bq", 1, position)).decode().rstrip("=")


def check(url, token, size, limit):
    last = size - limit
    _, page = Api(url, token).expect(200, "GET", f"/events?after={cursor(last)}&limit={limit}")
    items = page["items"]
    if len(items) != limit or items[0]["cursor"] != cursor(last + 1) or page["nextCursor"] != cursor(size):
        raise SystemExit(f"the feed after position {last} is not {limit} events up to the head {size}: "
                         f"{len(items)} items, first {items[0]['cursor'] if items else None}, next {page['nextCursor']}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, required=True, help="the tenant's events (its head)")
    parser.add_argument("--count", type=int, default=4096)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--out", required=True)
    parser.add_argument("--url")
    parser.add_argument("--token")
    args = parser.parse_args()
    if args.url:
        check(args.url, args.token, args.size, args.limit)
    with open(args.out, "w") as out:
        for _ in range(args.count):
            out.write(cursor(random.randint(0, args.size - args.limit)) + "\n")


if __name__ == "__main__":
    main()
