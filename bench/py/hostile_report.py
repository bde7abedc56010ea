"""The hostile row of the report (py/hostile.py): issue 23's four worst inputs at once, and /health/live meanwhile."""

HEALTH_BOUND_MS = 1000


def hostile_lines(results):
    rows = [r for r in results if r["type"] == "hostile"]
    if not rows:
        return []
    r = rows[-1]
    alone, during = r["healthAlone"], r["healthDuring"]
    out = ["## Hostile inputs (issue 23)", "",
           f"The four worst inputs the security probe found, sent at once, {r['rounds']} rounds; /health/live asked every "
           "10 ms until all four were answered (API.md 1.1: within 1 s). Before the fix one email took 18.5 s and four "
           "at once took /health/live to 9.5 s.", "",
           "| input | statuses | ms per answer (min / max) |", "|---|---|---|"]
    for name, answers in r["inputs"].items():
        out.append(f"| {name} | {', '.join(str(s) for s in sorted(set(answers['status'])))} | "
                   f"{min(answers['ms']):.1f} / {max(answers['ms']):.1f} |")
    out += ["", "| /health/live | answers | p50 ms | p99 ms | max ms |", "|---|---|---|---|---|",
            f"| alone | {alone['count']} | {alone['p50']} | {alone['p99']} | {alone['max']} |",
            f"| during the four inputs | {during['count']} | {during['p50']} | {during['p99']} | {during['max']} |", ""]
    return out


def hostile_problems(results):
    problems = []
    for r in (r for r in results if r["type"] == "hostile"):
        for name, answers in r["inputs"].items():
            wrong = [s for s in answers["status"] if not 400 <= s < 500]
            if wrong:
                problems.append(f"hostile input '{name}' answered {wrong}, not a 4xx refusal")
        if r["healthDuring"]["max"] >= HEALTH_BOUND_MS:
            problems.append(f"/health/live took {r['healthDuring']['max']} ms during the hostile inputs (bound {HEALTH_BOUND_MS} ms)")
    return problems
