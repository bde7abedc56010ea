"""Turns the run's result lines into the Markdown report, checks the targets, and fails on broken sanity.

Exit code 1 when a sanity check fails: a 5xx, a measurement with no successful response, a pgbench
failure, a 2xx PATCH or changing upsert that did not move exactly one version and write exactly two
link.updated actions, an upsert that created a link, a claim link whose type no longer follows its version, or
a typed-link PATCH run whose versions or per-timeline actions do not match its 200s, or that had a 4xx, or one of
issue 23's hostile inputs answered other than with a 4xx or let /health/live take 1 s (py/hostile.py).
"""
import argparse
import os
import sys

from hostile_report import hostile_lines, hostile_problems
from memory import memory_lines, rss_marks, run_peak
from results import load
from targets import change_lines, pgbench_scenario, sanity_problems, sanity_summary, target_lines


def expected_count(r):
    return r["s3xx"] if "If-None-Match" in r["variant"] else r["s2xx"]


def rows_of(results):
    """One row per API measurement, joined with pgbench's measurement of the same scenario and clients (flat out, and held
    to the API's rate when the run measured that)."""
    measures = [r for r in results if r["type"] == "pgbench" and r["phase"] == "measure"]
    # A twin of one variant (twinOf: events-page's feed sizes) before the twin of every variant of the scenario.
    pgbench = {(r["scenario"], r["clients"], r.get("twinOf")): r for r in measures if "heldTo" not in r}
    at_rate = {(r["scenario"], r["clients"]): r for r in measures if "heldTo" in r}
    rows = []
    for r in results:
        if r["type"] != "api" or r["phase"] != "measure":
            continue
        key = (pgbench_scenario(r["scenario"]), r["clients"])
        pg = pgbench.get((*key, r["variant"])) or pgbench.get((*key, None))
        # pgbench at the API's rate is held to patch-link's own rate, so it is not the floors' or other processes' twin.
        rate = at_rate.get(key) if r["scenario"] == key[0] else None
        rows.append({
            "api": r, "pg": pg, "rate": rate,
            "ratio": r["rps"] / pg["rps"] if pg and pg["rps"] else None,
            "p99Ratio": r["p99Ms"] / pg["p99Ms"] if pg and pg["p99Ms"] else None,
            # PostgreSQL's CPU per API request over its CPU per pgbench transaction of the same SQL (issue 19):
            # what one request costs the database, which API replicas multiply and the database does not.
            "pgCpuRatio": _cpu_ratio(r, pg),
            # The same against pgbench held to the API's rate (issue 30): the statements' cost, not the commit rate's.
            "pgCpuRateRatio": _cpu_ratio(r, rate),
            "unexpected": r["requests"] - expected_count(r),
        })
    return rows


def _cpu_ratio(api, pg):
    return api["pgCpuUs"] / pg["pgCpuUs"] if pg and pg.get("pgCpuUs") and api.get("pgCpuUs") is not None else None


def _number(text):
    """A figure passed by run.sh, or None when it could not be read ("?")."""
    return float(text) if text.replace(".", "", 1).isdigit() else None


def fmt(value, digits=1, none="–"):
    return none if value is None else f"{value:,.{digits}f}".replace(",", " ")


def table(rows):
    lines = ["| scenario | variant | clients | API req/s | p50 ms | p99 ms | non-2xx¹ | 5xx | socket errors | "
             "pgbench tx/s | pgbench p50 ms | pgbench p99 ms | ratio² | p99 ÷ pgbench p99 | CPU µs/req API + PG³ | "
             "pgbench: PG CPU µs/tx | PG CPU ÷ pgbench's⁴ | pgbench at the API's rate: tx/s, PG CPU µs/tx | "
             "PG CPU ÷ pgbench's at the API's rate⁵ |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for row in rows:
        a, pg, rate = row["api"], row["pg"], row["rate"]
        lines.append(
            f"| {a['scenario']} | {a['variant']} | {a['clients']} | {fmt(a['rps'], 0)} | {fmt(a['p50Ms'], 2)} | "
            f"{fmt(a['p99Ms'], 2)} | {row['unexpected']} | {a['s5xx']} | {a['socketErrors'] + a['timeouts']} | "
            f"{fmt(pg and pg['rps'], 0)} | {fmt(pg and pg['p50Ms'], 2)} | {fmt(pg and pg['p99Ms'], 2)} | "
            f"{fmt(row['ratio'], 2)} | {fmt(row['p99Ratio'], 2)} | "
            f"{fmt(a.get('apiCpuUs'), 0)} + {fmt(a.get('pgCpuUs'), 0)} | {fmt(pg and pg.get('pgCpuUs'), 0)} | "
            f"{fmt(row['pgCpuRatio'], 2)} | "
            f"{fmt(rate and rate['rps'], 0)}, {fmt(rate and rate.get('pgCpuUs'), 0)} | {fmt(row['pgCpuRateRatio'], 2)} |")
    return lines


def main():
    parser = argparse.ArgumentParser()
    for name in ("results", "out", "mode", "rss-mib", "startup-s", "feed", "duration", "warmup", "seed", "machine", "commit", "started"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()

    results = load(args.results)
    rows = rows_of(results)
    final_rss = _number(args.rss_mib)
    # The marks of each phase (memory.py) hold the peaks; run.sh's figure is only the last part's since the last reset.
    rss = run_peak(results, final_rss)
    rss_source = "VmHWM, the largest of the phases' below" if rss_marks(results) else "VmHWM at the end of the run"
    startup = _number(args.startup_s)
    skipped = [r for r in results if r["type"] == "skipped"]
    seeds = [r for r in results if r["type"] == "seed"]
    problems = sanity_problems(results) + hostile_problems(results)

    note = os.environ.get("BENCH_NOTE")
    out = [f"# Linkage benchmark, {args.mode} run of {args.started}", ""] + ([f"> {note}", ""] if note else []) + [
           f"- commit `{args.commit}`; machine: {args.machine}",
           f"- {args.duration} s per measurement after a {args.warmup} s warm-up; wrk for the API, "
           "pgbench (`-M prepared`, `-j min(N,2)`) for the same SQL, same cluster, same run",
           f"- seed (through the API): {args.seed}"
           + (f", took {seeds[0]['seconds']} s" if seeds else "") + f"; {args.feed}",
           f"- API start-up (launch to the first 200 from /health/ready, the migrations of the empty database "
           f"included): {fmt(startup, 2)} s; peak RSS ({rss_source}): {fmt(rss, 0)} MiB", ""]
    out += table(rows)
    out += ["", "¹ responses other than the expected status: 2xx, or 304 for the If-None-Match row.",
            "² API requests/s ÷ pgbench transactions/s with the same SQL and the same number of clients "
            "(patch-link-floor, patch-link-floor-ef, patch-link-unprepared and patch-link-pgbouncer: patch-link's pgbench).",
            "³ CPU time (user + system) per request of the API process (the floors: the floor app's) and of all "
            "PostgreSQL processes, from /proc.",
            "⁴ PostgreSQL's CPU per API request ÷ its CPU per pgbench transaction of the same SQL: the database's "
            "cost of a request over the cost of its SQL alone, pgbench flat out (information: it commits several times "
            "as often as the API, and PostgreSQL's CPU per commit falls with the rate).",
            "⁵ The same against pgbench with the same SQL, clients and duration held to the API's own rate of that "
            "measurement (`pgbench -R`; patch-link, create-contact, upsert-link and patch-typed-link at 8 clients and "
            "more, and in the smoke run at its one client count): what the targets judge.", ""]
    out += change_lines(results)
    for s in skipped:
        out.append(f"- **{s['scenario']} skipped**: {s['reason']}")
    if skipped:
        out.append("")
    out += ["## Targets", ""] + target_lines(rows, rss, startup, skipped) + [""]
    out += memory_lines(results, final_rss)
    out += hostile_lines(results)
    out += ["## Sanity checks", ""]
    out += [f"- FAILED: {p}" for p in problems] or ["- " + sanity_summary()]
    text = "\n".join(out) + "\n"
    with open(args.out, "w") as f:
        f.write(text)
    print(text)
    print(f"written to {args.out}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
