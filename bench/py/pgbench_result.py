"""Turns one pgbench run (its output and per-transaction logs) into a JSON result line."""
import argparse
import glob
import json
import re

from stats import percentile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--clients", type=int, required=True)
    parser.add_argument("--phase", required=True)
    args = parser.parse_args()

    output = open(f"{args.dir}/out.txt").read()
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", output)
    failed = re.search(r"number of failed transactions: (\d+)", output)
    # Log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
    latencies = []
    for path in glob.glob(f"{args.dir}/tx.*"):
        with open(path) as f:
            latencies.extend(int(line.split()[2]) for line in f if line.strip())
    latencies.sort()
    print(json.dumps({
        "type": "pgbench", "scenario": args.scenario, "variant": "pgbench", "clients": args.clients,
        "phase": args.phase, "transactions": len(latencies), "rps": float(tps.group(1)) if tps else 0.0,
        "p50Ms": percentile(latencies, 50) / 1000, "p99Ms": percentile(latencies, 99) / 1000,
        "maxMs": (latencies[-1] if latencies else 0) / 1000, "failed": int(failed.group(1)) if failed else 0,
    }))


if __name__ == "__main__":
    main()
