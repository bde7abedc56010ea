"""Prints "<requests/s> <PostgreSQL CPU µs per request>" of the last measurement of one kind in a run's results:
what bench/lib/runners.sh's pgbench_at_rate holds pgbench to (the API's rate), and what bench/pgrate.sh tabulates.

    python3 bench/py/measured.py --results R --type api|pgbench|pgbench-at-rate --scenario S --clients N
"""
import argparse
import sys

from results import load


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--type", required=True, choices=("api", "pgbench", "pgbench-at-rate"))
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--clients", type=int, required=True)
    args = parser.parse_args()
    kind, held = ("pgbench", True) if args.type == "pgbench-at-rate" else (args.type, False)
    found = [r for r in load(args.results)
             if r["type"] == kind and r["phase"] == "measure" and r["scenario"] == args.scenario
             and r["clients"] == args.clients and ("heldTo" in r) == held]
    if not found:
        sys.exit(f"no {args.type} measurement of {args.scenario} x{args.clients} in {args.results}")
    last = found[-1]
    pg = last.get("pgCpuUs")
    print(f"{last['rps']:.0f} {'?' if pg is None else f'{pg:.0f}'}")


if __name__ == "__main__":
    main()
