"""Turns pgbench runs (output, per-transaction logs, CPU ticks) into one JSON result line and its CPU line.

Several directories are parts of one measurement (bench/lib/runners.sh, pgbench_half): their transactions,
seconds and CPU are added up, and the latency percentiles are taken over all their transactions.
"""
import argparse
import glob
import json
import re

from stats import percentile


def read_part(directory):
    output = open(f"{directory}/out.txt").read()
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", output)
    failed = re.search(r"number of failed transactions: (\d+)", output)
    # Log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
    latencies = []
    for path in glob.glob(f"{directory}/tx.*"):
        with open(path) as f:
            latencies.extend(int(line.split()[2]) for line in f if line.strip())
    cpu = json.load(open(f"{directory}/cpu.json"))
    return {
        "latencies": latencies,
        "tps": float(tps.group(1)) if tps else 0.0,
        "failed": int(failed.group(1)) if failed else 0,
        "cpu": cpu,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", action="append", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--clients", type=int, required=True)
    parser.add_argument("--phase", required=True)
    # pgbench held to the API's own rate (-R, issue 30): PostgreSQL's CPU per transaction compared at equal rate.
    parser.add_argument("--held-to", type=float)
    # The API variant this pgbench measurement is the twin of, when a scenario has one twin per variant (events-page:
    # one per size of the feed); without it, the twin of every variant of the scenario.
    parser.add_argument("--twin-of")
    args = parser.parse_args()

    parts = [read_part(d) for d in args.dir]
    latencies = sorted(x for p in parts for x in p["latencies"])
    # pgbench's tps leaves out connection time; a part's own seconds are its transactions over its tps.
    seconds = sum(len(p["latencies"]) / p["tps"] for p in parts if p["tps"])
    result = {
        "type": "pgbench", "scenario": args.scenario, "variant": "pgbench", "clients": args.clients,
        "phase": args.phase, "parts": len(parts), "transactions": len(latencies),
        "rps": len(latencies) / seconds if seconds else 0.0,
        "p50Ms": percentile(latencies, 50) / 1000, "p99Ms": percentile(latencies, 99) / 1000,
        "maxMs": (latencies[-1] if latencies else 0) / 1000, "failed": sum(p["failed"] for p in parts),
    }
    if args.held_to is not None:
        result.update(variant=f"pgbench -R {args.held_to:.0f}", heldTo=args.held_to)
    if args.twin_of:
        result["twinOf"] = args.twin_of
    print(json.dumps(result))
    # The CPU used during the parts only (not between them), as results.py's with_cpu reads it.
    hz = parts[0]["cpu"]["after"]["hz"]
    used = {side: sum(p["cpu"]["after"][side] - p["cpu"]["before"][side] for p in parts) for side in ("api", "pg")}
    print(json.dumps({"type": "cpu", "before": {"api": 0, "pg": 0, "hz": hz}, "after": {**used, "hz": hz}}))


if __name__ == "__main__":
    main()
