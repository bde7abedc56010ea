"""Issue 23's four worst inputs, sent at once, while /health/live is asked every 10 ms (bench/README.md, "hostile").

1. a contact whose email is a@, 128 000 dots and @ (the pattern that backtracked quadratically: 18.5 s each);
2. a company with the same email;
3. a contact PATCH of 43 operations whose copies double a 50 KB string into lists (it took the API to 6.8 GB);
4. the same patch over a record's fields.
Each round sends the four together, and a thread asks /health/live until they are all answered. Prints one JSON
result line: each input's statuses and times, and /health/live's latencies alone and during the rounds. API.md 1.1:
four concurrent worst-case requests leave /health/live answering within 1 s.
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse

from client import Api, mint_token

EMAIL = "a@" + "." * 128_000 + "@"


def amplifying(root):
    ops = [{"op": "add", "path": root + "S", "value": "x" * 50_000}]
    source = root + "S"
    for level in range(14):
        target = f"{root}L{level}"
        ops += [{"op": "add", "path": target, "value": []},
                {"op": "copy", "from": source, "path": target + "/-"},
                {"op": "copy", "from": source, "path": target + "/-"}]
        source = target
    return ops


def health_latency(url):
    parsed = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", "/health/live")
    connection.getresponse().read()
    connection.close()
    return (time.perf_counter() - started) * 1000


def summary(latencies):
    ordered = sorted(latencies)
    return {"count": len(ordered), "p50": round(statistics.median(ordered), 1),
            "p99": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1), "max": round(ordered[-1], 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--tenant", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    token = mint_token(args.key, "bench-hostile", args.tenant)
    api = Api(args.url, token)
    _, contact = api.expect(201, "POST", "/network/contacts", {"firstName": "Target"})
    api.expect(201, "POST", "/domains", {"name": "Hostile", "label": "Hostile", "fields": [{"name": "note", "type": "text"}]})
    _, record = api.expect(201, "POST", "/records/Hostile", {"fields": {"note": "target"}})
    patch = {"Content-Type": "application/json-patch+json", "If-Match": "*"}
    inputs = [
        ("contact email a@....@", "POST", "/network/contacts", {"firstName": "r", "emails": [{"value": EMAIL}]}, None),
        ("company email a@....@", "POST", "/network/companies", {"name": "r", "emails": [{"value": EMAIL}]}, None),
        ("contact PATCH, 43 amplifying copies", "PATCH", f"/network/contacts/{contact['id']}", amplifying("/customFields/"), patch),
        ("record PATCH, 43 amplifying copies", "PATCH", f"/records/Hostile/{record['id']}", amplifying("/fields/"), patch),
    ]

    alone = [health_latency(args.url) for _ in range(50)]
    answers = {name: {"status": [], "ms": []} for name, *_ in inputs}
    during = []
    for _ in range(args.rounds):
        start = threading.Barrier(len(inputs) + 1)
        done = threading.Event()

        def send(name, method, path, body, headers):
            start.wait()
            began = time.perf_counter()
            status, _, _ = Api(args.url, token).call(method, path, body, headers)
            answers[name]["status"].append(status)
            answers[name]["ms"].append(round((time.perf_counter() - began) * 1000, 1))

        threads = [threading.Thread(target=send, args=i) for i in inputs]
        for t in threads:
            t.start()
        start.wait()
        while any(t.is_alive() for t in threads):
            during.append(health_latency(args.url))
            time.sleep(0.01)
        for t in threads:
            t.join()
        during.append(health_latency(args.url))

    print(json.dumps({"type": "hostile", "rounds": args.rounds, "inputs": answers,
                      "healthAlone": summary(alone), "healthDuring": summary(during)}))


if __name__ == "__main__":
    main()
