#!/usr/bin/env python3
"""The report of bench/ab.sh: each round's API and PostgreSQL CPU per request for builds A and B, the medians,
and B ÷ A. A round is the wrk result line and the cpu line that follow an {"type":"ab"} marker; a marker's "variant"
(events-page: the feed's size) makes one table per variant, and with several variants each build's p99 and CPU per
request at each variant are compared with its first."""
import argparse
import json
import statistics


def rounds(path):
    current = None
    for line in open(path):
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("type") == "ab":
            current = {"build": item["build"], "round": item["round"], "variant": item.get("variant", "")}
        elif current is not None and item.get("type") == "api":
            current["run"] = item
        elif current is not None and item.get("type") == "cpu" and "run" in current:
            hz, requests = item["after"]["hz"], max(current["run"]["requests"], 1)
            current["api_us"] = (item["after"]["api"] - item["before"]["api"]) * 1e6 / hz / requests
            current["pg_us"] = (item["after"]["pg"] - item["before"]["pg"]) * 1e6 / hz / requests
            bad = current["run"]["s4xx"] + current["run"]["s5xx"] + current["run"]["socketErrors"]
            if bad:
                raise SystemExit(f"round {current['round']} of {current['build']}: {bad} failed requests")
            yield current
            current = None


def medians_of(data):
    medians = {}
    for build in ("A", "B"):
        mine = [r for r in data if r["build"] == build]
        medians[build] = {key: statistics.median(r[key] for r in mine) for key in ("api_us", "pg_us")}
        medians[build]["rps"] = statistics.median(r["run"]["rps"] for r in mine)
        medians[build]["p99"] = statistics.median(r["run"]["p99Ms"] for r in mine)
    return medians


def variant_lines(data, heading):
    out = ([heading, ""] if heading else []) + [
        "| round | build | requests/s | p99 ms | API CPU µs/request | PostgreSQL CPU µs/request |", "|--:|---|--:|--:|--:|--:|"]
    for r in data:
        out.append(f"| {r['round']} | {r['build']} | {r['run']['rps']:.0f} | {r['run']['p99Ms']:.2f} | "
                   f"{r['api_us']:.0f} | {r['pg_us']:.0f} |")
    medians = medians_of(data)
    a, b = medians["A"], medians["B"]
    out += ["", "| median | requests/s | p99 ms | API CPU µs/request | PostgreSQL CPU µs/request |", "|---|--:|--:|--:|--:|",
            f"| A | {a['rps']:.0f} | {a['p99']:.2f} | {a['api_us']:.0f} | {a['pg_us']:.0f} |",
            f"| B | {b['rps']:.0f} | {b['p99']:.2f} | {b['api_us']:.0f} | {b['pg_us']:.0f} |",
            f"| B ÷ A | {b['rps'] / a['rps']:.3f} | {b['p99'] / a['p99']:.3f} | {b['api_us'] / a['api_us']:.3f} | "
            f"{b['pg_us'] / a['pg_us']:.3f} |"]
    # The spread of A's rounds against each other: a difference smaller than this is noise.
    spread = [r["api_us"] for r in data if r["build"] == "A"]
    if len(spread) > 1:
        out.append("")
        out.append(f"A's own rounds spread {min(spread):.0f}–{max(spread):.0f} µs of API CPU per request "
                   f"({100 * (max(spread) - min(spread)) / a['api_us']:.0f} % of its median).")
        # The pairs: in how many rounds B used less API CPU per request than A did in the same round.
        pairs = [(x, y) for x in data for y in data
                 if x["round"] == y["round"] and x["build"] == "A" and y["build"] == "B"]
        out.append(f"B below A in API CPU per request in {sum(y['api_us'] < x['api_us'] for x, y in pairs)} of {len(pairs)} rounds.")
    return out, medians


def main():
    parser = argparse.ArgumentParser()
    for name in ("results", "scenario", "clients", "a", "b", "load", "rss"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    data = list(rounds(args.results))
    variants = list(dict.fromkeys(r["variant"] for r in data))
    out = [f"# A/B: `{args.scenario}` at {args.clients} clients", "",
           f"A = {args.a}, B = {args.b}; load average after the run: {args.load}; peak RSS (VmHWM) {args.rss}."]
    by_variant = {}
    for variant in variants:
        lines, by_variant[variant] = variant_lines([r for r in data if r["variant"] == variant], f"## {variant}" if variant else "")
        out += [""] + lines
    if len(variants) > 1:
        first = by_variant[variants[0]]
        out += ["", f"## Each build at each variant against itself at {variants[0]}", "",
                "| variant | A p99 ÷ | B p99 ÷ | A API CPU ÷ | B API CPU ÷ |", "|---|--:|--:|--:|--:|"]
        for variant in variants[1:]:
            m = by_variant[variant]
            out.append(f"| {variant} | {m['A']['p99'] / first['A']['p99']:.2f} | {m['B']['p99'] / first['B']['p99']:.2f} | "
                       f"{m['A']['api_us'] / first['A']['api_us']:.2f} | {m['B']['api_us'] / first['B']['api_us']:.2f} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
