"""Reading a run's result lines (bench/lib/runners.sh writes them): each measurement is followed by its "cpu" line."""
import json


def load(path):
    """The result lines of a file, each "cpu" line folded into the measurement before it (with_cpu)."""
    with open(path, encoding="utf-8") as lines:
        return with_cpu([json.loads(line) for line in lines if line.strip()])


def with_cpu(results):
    """Folds each "cpu" line into the measurement before it: CPU microseconds per request, API and PostgreSQL."""
    merged = []
    for r in results:
        if r["type"] != "cpu":
            merged.append(r)
            continue
        owner = merged[-1]
        count = owner.get("requests", owner.get("transactions", 0))
        tick_us = 1e6 / r["after"]["hz"]
        for side in ("api", "pg", "extra"):
            if side not in r["after"] or side not in r["before"]:
                continue
            used = (r["after"][side] - r["before"][side]) * tick_us
            owner[side + "CpuUs"] = used / count if count else None
    return merged
