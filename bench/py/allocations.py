#!/usr/bin/env python3
"""The report of bench/allocations.sh: the runtime's counters per request for each write scenario (issue 30's aim:
at most 64 KiB allocated per PATCH). Arguments: the commit, the client count, the aim in KiB, then one
<scenario>=<counters.json>,<window.jsonl> per scenario."""
import sys

from profile import counters_per_request


def main():
    commit, clients, aim = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    rows = []
    for arg in sys.argv[4:]:
        scenario, files = arg.split("=", 1)
        rows.append((scenario, counters_per_request(*files.split(","))))
    out = [f"# Allocations per request, by write scenario ({commit}, {clients} clients)", "",
           "Each scenario's runtime counters (dotnet-counters, System.Runtime) over a window of load against one API "
           "process, after bench/run.sh's whole-API warm-up; per request of that window.", "",
           "| scenario | requests | requests/s | API CPU µs/request | KiB allocated/request | thread-pool work items/request "
           "| GCs per 1 000 requests (gen0 / gen1 / gen2) | lock contentions per 1 000 |",
           "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for scenario, c in rows:
        out.append(f"| {scenario} | {c['requests']} | {c['rps']:.0f} | {c['cpuUs']:.0f} | {c['allocKiB']:.1f} "
                   f"| {c['workItems']:.1f} | {' / '.join(f'{g:.1f}' for g in c['gcsPer1000'])} "
                   f"| {c['contentionsPer1000']:.1f} |")
    out += ["", "## Against the aim", ""]
    for scenario, c in rows:
        if scenario.startswith("patch"):
            verdict = "met" if c["allocKiB"] <= aim else f"missed by {c['allocKiB'] - aim:.1f} KiB ({c['allocKiB'] / aim:.2f} x)"
            out.append(f"- {scenario}: {c['allocKiB']:.1f} KiB per PATCH against at most {aim:.0f} KiB: {verdict}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
