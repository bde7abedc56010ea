#!/usr/bin/env python3
"""The report of bench/memory.sh: the API's resident set by kind after each step, and the GC's counters over the run."""
import argparse
import csv
import json
from collections import defaultdict

MIB = 1024 * 1024


def steps_with_load(results):
    """The memory steps in order, each with the measurement (wrk's line and the API's CPU ticks after it) just before it,
    if the step was one: requests/s, p99 and the API's CPU per request, for comparing knobs by what they cost."""
    steps, load, last = [], None, None
    for r in results:
        if r["type"] == "api" and r["phase"] == "measure":
            last = r
        elif r["type"] == "cpu" and last is not None:
            ticks = r["after"]["api"] - r["before"]["api"]
            load = {"rps": last["rps"], "p99Ms": last["p99Ms"],
                    "cpuUs": ticks / r["before"]["hz"] * 1e6 / last["requests"] if last["requests"] else 0.0}
            last = None
        elif r["type"] == "memory":
            steps.append((r, load))
            load = None
    return steps


def gc_counters(path):
    """The largest value of each counter over the run (the CSV of dotnet-counters collect), and the number of samples
    (distinct times)."""
    largest, times = defaultdict(float), set()
    try:
        with open(path, newline="") as f:
            for row in csv.reader(f):
                if len(row) < 5 or row[0] == "Timestamp":
                    continue
                try:
                    value = float(row[-1])
                except ValueError:
                    continue
                largest[row[2]] = max(largest[row[2]], value)
                times.add(row[0])
    except FileNotFoundError:
        pass
    return largest, len(times)


def generation(largest, name, gen):
    return largest.get(f"{name}[gc.heap.generation={gen}]", 0.0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--counters", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--dll", required=True)
    p.add_argument("--env", default="")
    p.add_argument("--load", default="")
    a = p.parse_args()
    with open(a.results) as f:
        steps = steps_with_load(map(json.loads, f))
    largest, samples = gc_counters(a.counters)
    out = [f"# The API's memory by kind ({a.title})", "",
           f"Build: `{a.dll}`; environment: {('`' + a.env + '`') if a.env else 'as bench/run.sh starts the API'}; "
           f"load average after the run: {a.load}.", "",
           "Resident set of the API process after each step (`/proc/<pid>/status`), MiB. The peak is each step's own (reset "
           "after each reading). Shared memory is the runtime's executable memory (JIT-compiled code and stubs, mapped from "
           "a memfd for W^X); anonymous memory holds the GC heap, the loader heaps' data, thread stacks and native "
           "allocations.", "",
           "| step | peak | resident at its end | files | shared (code) | anonymous | threads "
           "| requests/s | p99 ms | API CPU µs/request |",
           "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for s, load in steps:
        cost = f"{load['rps']:.0f} | {load['p99Ms']:.1f} | {load['cpuUs']:.0f}" if load else "– | – | –"
        out.append(f"| {s['step']} | {s['peakMiB']:.0f} | {s['rssMiB']:.0f} | {s['fileMiB']:.0f} | {s['shmemMiB']:.0f} "
                   f"| {s['anonMiB']:.0f} | {s['threads']} | {cost} |")
    out += ["", f"The GC over the run ({samples} counter samples, one a second), the largest value of each:", ""]
    if not samples:
        out.append("- no counters were read (dotnet-counters failed; see its log in the run's temporary folder)")
    else:
        sizes = " / ".join(f"{generation(largest, 'dotnet.gc.last_collection.heap.size (By)', g) / MIB:.1f}"
                           for g in ("gen0", "gen1", "gen2", "loh", "poh"))
        gcs = " / ".join(f"{generation(largest, 'dotnet.gc.collections ({collection} / 1 sec)', g):.0f}"
                         for g in ("gen0", "gen1", "gen2"))
        out += [f"- committed by the GC: {largest.get('dotnet.gc.last_collection.memory.committed_size (By)', 0) / MIB:.1f} MiB",
                f"- heap size after a GC, gen0 / gen1 / gen2 / LOH / POH: {sizes} MiB",
                f"- GCs per second, gen0 / gen1 / gen2: {gcs}",
                f"- allocated: {largest.get('dotnet.gc.heap.total_allocated (By / 1 sec)', 0) / MIB:.0f} MiB/s",
                f"- time paused in GC: {largest.get('dotnet.gc.pause.time (s / 1 sec)', 0) * 1000:.0f} ms per second",
                f"- working set (the runtime's own reading): "
                f"{largest.get('dotnet.process.memory.working_set (By)', 0) / MIB:.0f} MiB"]
    print("\n".join(out))


if __name__ == "__main__":
    main()
