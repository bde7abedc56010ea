"""Walks a contact's timeline through the API to a depth and prints the cursor found there."""
import argparse

from client import Api


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--contact", required=True)
    parser.add_argument("--depth", type=int, required=True)
    args = parser.parse_args()

    api, cursor, seen = Api(args.url, args.token), None, 0
    while seen < args.depth:
        path = f"/network/contacts/{args.contact}/actions?limit={min(200, args.depth - seen)}"
        _, page = api.expect(200, "GET", path + (f"&cursor={cursor}" if cursor else ""))
        seen += len(page["items"])
        cursor = page["nextCursor"]
        if cursor is None:
            raise SystemExit(f"the timeline ends after {seen} actions, before depth {args.depth}")
    print(cursor)


if __name__ == "__main__":
    main()
