"""--capture-sql: sends each scenario's request once, then lists the SQL the API ran for each of them.

`capture.py send` performs the requests (printing them as JSON); `capture.py report` reads the API's
JSON log lines (EF Core's Database.Command category at Information) and writes, per request, every
command with its round trip, so the pgbench scripts can be checked against what the API really sends.
"""
import argparse
import json

from client import Api
from seed import RELATIONSHIPS


def send(args):
    api = Api(args.url, args.token)
    contact_id, contact_etag = open(args.contacts).readline().split()
    links = [line.split() for line in open(args.links) if line.strip()]
    done = []

    def call(label, method, path, body=None, headers=None):
        status, response_headers, parsed = api.call(method, path, body, headers)
        done.append({"label": label, "method": method, "path": path, "status": status})
        return status, response_headers, parsed

    call("create-contact", "POST", "/network/contacts",
         {"firstName": "Capture", "lastName": "Person", "emails": [{"value": "capture@example.com"}]})
    call("get-contact", "GET", f"/network/contacts/{contact_id}")
    call("get-contact (If-None-Match)", "GET", f"/network/contacts/{contact_id}", headers={"If-None-Match": contact_etag})
    _, _, page = call("timeline-page (depth 0)", "GET", f"/network/contacts/{contact_id}/actions?limit=1")
    if page and page.get("nextCursor"):
        call("timeline-page (deep)", "GET", f"/network/contacts/{contact_id}/actions?limit=1&cursor={page['nextCursor']}")
    if links:
        link_id, link_etag = links[0]
        call("patch-link", "PATCH", f"/network/links/{link_id}", {"jobTitle": "Captured title"}, {"If-Match": link_etag})
    pairs = [line.split() for line in open(args.pairs) if line.strip()]
    if pairs:
        # upsert-link's measured request: an existing pair, both sides by id, retyped to the other relationship
        # (the seed typed it with the first), so the link changes: the update path. Then, for reference, the
        # insert path: the first claim with the last contact, a pair the seed did not link.
        parent, child, relationship, _ = pairs[0]
        upsert = {"parentDomain": "Claim", "parentRecordId": parent, "childDomain": "Contact", "childRecordId": child}
        other = next(r for r in RELATIONSHIPS if r != relationship)
        call("upsert-link (update)", "POST", "/links/upsert", {**upsert, "newRelationship": other})
        claim = open(args.claims).readline().split()[0]
        last_contact = [line.split()[0] for line in open(args.contacts) if line.strip()][-1]
        if (claim, last_contact) not in {(p[0], p[1]) for p in pairs}:
            call("upsert-link (insert, for reference)", "POST", "/links/upsert",
                 {**upsert, "parentRecordId": claim, "childRecordId": last_contact, "newRelationship": other})
    typed = [line.split() for line in open(args.typed_links) if line.strip()]
    if typed:
        # patch-typed-link's measured request: a JSON Patch of a typed link's label and its non-restricted field
        # `note`, with If-Match (the link's restricted field `reference` holds a value the patch leaves alone).
        link_id, link_etag = typed[0]
        call("patch-typed-link", "PATCH", f"/links/{link_id}",
             [{"op": "replace", "path": "/displayLabel", "value": "Captured label"},
              {"op": "add", "path": "/fieldValues/note", "value": "Captured note"}],
             {"If-Match": link_etag, "Content-Type": "application/json-patch+json"})
    print(json.dumps(done))


def report(args):
    requests = json.load(open(args.requests))
    by_request = {}
    for line in open(args.log):
        line = line.strip()
        if not line.startswith("{"):
            continue
        event = json.loads(line)
        if event.get("SourceContext") != "Microsoft.EntityFrameworkCore.Database.Command" or "commandText" not in event:
            continue
        by_request.setdefault(event.get("RequestId", "?"), []).append(event)
    groups = list(by_request.values())

    out = ["# SQL per request, from the EF Core command log", "",
           "Taken by `bench/run.sh --capture-sql`; one block per round trip (a block holding several",
           "statements is one batch). `BEGIN` is sent by Npgsql with the first command of a transaction.", ""]
    if len(groups) != len(requests):
        out += [f"Warning: {len(requests)} requests but {len(groups)} groups of commands in the log.", ""]
    for request, events in zip(requests, groups):
        out += [f"## {request['label']}: {request['method']} {request['path']} -> {request['status']}", "",
                f"{len(events)} round trip(s) through EF Core (plus `COMMIT` for a command).", ""]
        for event in events:
            out += ["```sql", event["commandText"].strip(), "```",
                    f"parameters: `{event.get('parameters', '')}`", ""]
    with open(args.out, "w") as f:
        f.write("\n".join(out))
    print("\n".join(out))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("send")
    s.add_argument("--url", required=True)
    s.add_argument("--token", required=True)
    s.add_argument("--contacts", required=True)
    s.add_argument("--links", required=True)
    s.add_argument("--claims", required=True)
    s.add_argument("--pairs", required=True)
    s.add_argument("--typed-links", required=True)
    r = sub.add_parser("report")
    r.add_argument("--log", required=True)
    r.add_argument("--requests", required=True)
    r.add_argument("--out", required=True)
    args = parser.parse_args()
    send(args) if args.command == "send" else report(args)


if __name__ == "__main__":
    main()
