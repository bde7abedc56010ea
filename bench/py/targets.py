"""The benchmark's targets (reported, never enforced) and its sanity checks (a failure fails the run)."""

# The floors are patch-link's PATCH sent to bench/floor, with raw Npgsql and with the API's EF Core work: same
# wrk script, same links, same SQL, so the same pgbench measurement and the same database checks apply to them.
FLOORS = {"patch-link-floor": "platform floor", "patch-link-floor-ef": "EF Core floor"}
# The API itself, straight to PostgreSQL without prepared statements and through PgBouncer in transaction mode (ADR 0022):
# what transaction pooling costs, against patch-link at the same client count.
POOLING = {"patch-link-unprepared": "without prepared statements", "patch-link-pgbouncer": "through PgBouncer (transaction mode)"}
PATCH_SCENARIOS = ("patch-link", *FLOORS, *POOLING)
# Scenarios whose every 2xx should change the link: a version moved and two link.updated actions.
UPSERT_SCENARIOS = ("upsert-link",)
# JSON Patches of typed links: every 200 moves one of their versions and writes one link.updated on the contact's
# and one on the record's timeline; no 4xx at all (each link is on one connection's turn at a time).
TYPED_SCENARIOS = ("patch-typed-link",)
# Scenarios with a pgbench twin but no ratio target yet: their ratio and p99 are listed beside the targets.
UNTARGETED_SCENARIOS = (*UPSERT_SCENARIOS, *TYPED_SCENARIOS)
# Scenarios whose Lua script counts the 200s that moved the version it knew (changed).
CHANGING_SCENARIOS = (*UPSERT_SCENARIOS, *TYPED_SCENARIOS)
# Issue 19: PostgreSQL's CPU per request within 1.1 x its CPU per pgbench transaction with the same SQL (judged on
# the two decimals the report prints, so that "1.10" never reads as missed); since issue 30 against pgbench held to the
# API's own rate (pg_cpu_lines).
PG_CPU_SCENARIOS = ("patch-link", "create-contact", "upsert-link", "patch-typed-link")
PG_CPU_LIMIT = 1.1
# Issue 30: start-up within its budget. No document sets one; 10 s is this benchmark's (bench/README.md), well inside the
# Kubernetes startup probe's 60 s (deploy/k8s/api-deployment.yaml: 30 failures 2 s apart).
STARTUP_LIMIT_S = 10


def pgbench_scenario(scenario):
    """The pgbench scenario an API scenario's ratio is taken against."""
    return "patch-link" if scenario in PATCH_SCENARIOS else scenario


def _verdict(ok):
    return "met" if ok else "**missed**"


def _judged(value, limit, at_least=True, unit=""):
    """"met (by 0.05)" or "**missed** (by 0.12)", on the two decimals the report prints."""
    value = round(value, 2)
    margin = value - limit if at_least else limit - value
    return f"{_verdict(margin >= 0)} (by {abs(margin):.2f}{unit})"


def _row(rows, scenario, clients):
    return next((r for r in rows if r["api"]["scenario"] == scenario and r["api"]["clients"] == clients), None)


# Issue 19: the stack above EF Core within 10 % of the EF Core floor, and EF Core within 20 % of the raw floor
# (throughput ratios at the same client count, all three measured inside the same pgbench bracket).
STACK_TARGETS = (("patch-link", "patch-link-floor-ef", 0.9), ("patch-link-floor-ef", "patch-link-floor", 0.8))
# Ratios to pgbench (API requests/s over pgbench transactions/s with the same SQL).
RATIO_TARGETS = (("create-contact", 8, 0.5),)


def _cpu_lines(rows, upper, lower, limit):
    """The API process's CPU per request of `upper` within `limit` x `lower`'s, at 8 and 32 clients, where both were measured."""
    lines = []
    for clients in (8, 32):
        top, floor = _row(rows, upper, clients), _row(rows, lower, clients)
        if top is None or floor is None or not floor["api"].get("apiCpuUs") or top["api"].get("apiCpuUs") is None:
            continue
        ratio = top["api"]["apiCpuUs"] / floor["api"]["apiCpuUs"]
        lines.append(f"- {upper} API CPU per request <= {limit} x {lower}'s at {clients} clients: "
                     f"{top['api']['apiCpuUs']:.0f} vs {floor['api']['apiCpuUs']:.0f} µs = {ratio:.2f} x "
                     f"{_judged(ratio, limit, at_least=False)}")
    return lines


def target_lines(rows, rss, startup, skipped):
    lines = []
    skipped_names = {s["scenario"] for s in skipped}

    def missing(scenario):
        return "skipped" if scenario in skipped_names else "not measured in this run"

    for upper, lower, limit in STACK_TARGETS:
        for clients in (8, 32):
            top, floor = _row(rows, upper, clients), _row(rows, lower, clients)
            label = f"- {upper} >= {limit} of {lower} at {clients} clients"
            if top is None or floor is None or not floor["api"]["rps"]:
                lines.append(f"{label}: {missing(upper if top is None else lower)}")
                continue
            ratio = top["api"]["rps"] / floor["api"]["rps"]
            lines.append(f"{label}: {top['api']['rps']:.0f} vs {floor['api']['rps']:.0f} requests/s = {ratio:.2f} "
                         f"{_judged(ratio, limit)}")
        # Issue 30 states the same target in CPU: the API's CPU per PATCH within 10 % of the EF Core floor's.
        if upper == "patch-link":
            lines += _cpu_lines(rows, upper, lower, 1.1)
    for scenario, clients, limit in RATIO_TARGETS:
        row = _row(rows, scenario, clients)
        label = f"- {scenario} ratio to pgbench >= {limit} at {clients} clients"
        if row is None or row["ratio"] is None:
            lines.append(f"{label}: {missing(scenario)}")
            continue
        lines.append(f"{label}: {row['ratio']:.2f} {_judged(row['ratio'], limit)}")
    for clients in (8, 32):
        row = _row(rows, "patch-link", clients)
        label = f"- patch-link p99 <= 3 x pgbench p99 at {clients} clients"
        if row is None or row["ratio"] is None:
            lines.append(f"{label}: {missing('patch-link')}")
            continue
        lines.append(f"{label}: {row['p99Ratio']:.2f} x {_judged(row['p99Ratio'], 3, at_least=False)}")

    # timeline-page variants read "<N> actions, depth <D>", events-page's "<N> events": the largest size against the smallest.
    lines += _flat_lines(rows, "timeline-page", "actions", lambda v: v.split(", depth "))
    lines += _flat_lines(rows, "events-page", "events", lambda v: (v, None))
    lines += events_lines(rows)
    # upsert-link and patch-typed-link have no ratio target yet (issue 16 asks for the measurement); their figures,
    # beside patch-link's.
    for row in (r for r in rows if r["api"]["scenario"] in UNTARGETED_SCENARIOS and r["ratio"] is not None):
        a = row["api"]
        lines.append(f"- {a['scenario']} (no target) at {a['clients']} clients: ratio {row['ratio']:.2f}, "
                     f"p99 {row['p99Ratio']:.2f} x pgbench's")
    lines += pg_cpu_lines(rows, skipped_names)
    # The floors themselves, for reference: they say how much of the gap to pgbench is the platform's (and EF Core's), and
    # the API's share of each.
    for floor in (r for r in rows if r["api"]["scenario"] in FLOORS and r["ratio"] is not None):
        clients = floor["api"]["clients"]
        api = _row(rows, "patch-link", clients)
        share = (f"; the API reaches {api['api']['rps'] / floor['api']['rps']:.2f} of it"
                 if api and floor["api"]["rps"] else "")
        scenario = floor["api"]["scenario"]
        lines.append(f"- {FLOORS[scenario]} ({scenario}) ratio to pgbench at {clients} clients: {floor['ratio']:.2f}{share}")
    lines += pooling_lines(rows)
    if rss is None:
        lines.append("- API peak RSS < 300 MiB: not read")
    else:
        lines.append(f"- API peak RSS < 300 MiB: {rss:.0f} MiB ({_verdict(rss < 300)}, by {abs(300 - rss):.0f} MiB)")
    label = f"- API start-up < {STARTUP_LIMIT_S} s (migrations of the empty database included)"
    if startup is None:
        lines.append(f"{label}: not read")
    else:
        lines.append(f"{label}: {startup:.2f} s ({_verdict(startup < STARTUP_LIMIT_S)}, by {abs(STARTUP_LIMIT_S - startup):.2f} s)")
    return lines


def _n(value):
    """A whole number as the report prints them: 1 234 567."""
    return f"{value:,.0f}".replace(",", " ")


def _size(text):
    """The count a variant starts with, as lib/*.sh print it ("1 000 000 actions")."""
    return int(text.rsplit(" ", 1)[0].replace(" ", ""))


def _flat_lines(rows, scenario, noun, split):
    """A read that must not grow with the table: p99 with the largest size within 1.2 x of the smallest, per client count
    and per the rest of the variant (timeline-page's depth). split(variant) -> (size text, depth or None)."""
    groups = {}
    for row in (r for r in rows if r["api"]["scenario"] == scenario):
        a = row["api"]
        size, depth = split(a["variant"])
        groups.setdefault((depth or "", a["clients"]), []).append((_size(size), a))
    lines = []
    for (depth, clients), sizes in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        sizes.sort(key=lambda s: s[0])
        (small_n, small), (large_n, large) = sizes[0], sizes[-1]
        growth = large["p99Ms"] / small["p99Ms"] if small["p99Ms"] else float("inf")
        large_text, small_text = _n(large_n), _n(small_n)
        lines.append(f"- {scenario} p99 with {large_text} {noun} within 1.2 x of {small_text}"
                     f"{f', depth {depth}' if depth else ''}, {clients} clients: {large['p99Ms']:.2f} vs "
                     f"{small['p99Ms']:.2f} ms = {growth:.2f} x ({_verdict(growth <= 1.2)})")
    return lines


# events-page reads pages of this many events (wrk/events-page.lua, sql/events-page.pgbench).
EVENTS_PER_PAGE = 100


def events_lines(rows):
    """The feed's throughput at each size and client count, in pages and events per second, beside pgbench's twin."""
    lines = []
    for row in (r for r in rows if r["api"]["scenario"] == "events-page"):
        a, pg = row["api"], row["pg"]
        twin = (f"; pgbench {_n(pg['rps'])} pages/s = {_n(pg['rps'] * EVENTS_PER_PAGE)} events/s, p99 {pg['p99Ms']:.2f} "
                f"ms, ratio {row['ratio']:.2f}" if pg and row["ratio"] is not None else "")
        lines.append(f"- events-page (no target) with {a['variant']} at {a['clients']} clients: {_n(a['rps'])} pages/s = "
                     f"{_n(a['rps'] * EVENTS_PER_PAGE)} events/s, p50 {a['p50Ms']:.2f} ms, p99 {a['p99Ms']:.2f} ms{twin}")
    return lines


def pg_cpu_lines(rows, skipped_names):
    """Issue 30: PostgreSQL's CPU per request within 1.1 x its CPU per transaction of pgbench running the same SQL held to
    the API's own rate (judged), and the same against pgbench flat out (information: a flat-out pgbench commits several
    times as often, and PostgreSQL's CPU per commit falls with the rate)."""
    lines = []
    for scenario in PG_CPU_SCENARIOS:
        for clients in (8, 32):
            row = _row(rows, scenario, clients)
            if row is None and clients == 32:
                continue
            label = f"- {scenario} PostgreSQL CPU per request <= {PG_CPU_LIMIT} x pgbench's at the API's rate at {clients} clients"
            if row is None or row["pgCpuRateRatio"] is None:
                why = "skipped" if scenario in skipped_names else "not measured in this run"
                lines.append(f"{label}: {why}")
            else:
                a, rate = row["api"], row["rate"]
                lines.append(f"{label}: {a['pgCpuUs']:.0f} vs {rate['pgCpuUs']:.0f} µs (pgbench -R {rate['heldTo']:.0f}: "
                             f"{rate['rps']:.0f} tx/s) = {row['pgCpuRateRatio']:.2f} x "
                             f"{_judged(row['pgCpuRateRatio'], PG_CPU_LIMIT, at_least=False)}")
            if row is not None and row["pgCpuRatio"] is not None:
                a = row["api"]
                lines.append(f"  - (flat out, information) {a['pgCpuUs']:.0f} vs {row['pg']['pgCpuUs']:.0f} µs "
                             f"(pgbench {row['pg']['rps']:.0f} tx/s) = {row['pgCpuRatio']:.2f} x")
    return lines


def pooling_lines(rows):
    """What transaction pooling costs (ADR 0022): each pooling variant against patch-link at the same client count,
    throughput and CPU per request (the API's, PostgreSQL's, PgBouncer's)."""
    lines = []
    for row in (r for r in rows if r["api"]["scenario"] in POOLING):
        a = row["api"]
        direct = _row(rows, "patch-link", a["clients"])
        if direct is None or not direct["api"]["rps"]:
            continue
        d = direct["api"]
        cpu = ""
        if a.get("apiCpuUs") is not None and d.get("apiCpuUs") is not None and d.get("pgCpuUs"):
            pooler = f" + PgBouncer {a['extraCpuUs']:.0f}" if a.get("extraCpuUs") is not None else ""
            cpu = (f"; CPU µs per request API {a['apiCpuUs']:.0f} vs {d['apiCpuUs']:.0f}, PostgreSQL {a['pgCpuUs']:.0f} vs "
                   f"{d['pgCpuUs']:.0f}{pooler}")
        lines.append(f"- patch-link {POOLING[a['scenario']]} ({a['scenario']}, no target) at {a['clients']} clients: "
                     f"{a['rps']:.0f} vs {d['rps']:.0f} requests/s = {a['rps'] / d['rps']:.2f} x the direct API, "
                     f"p99 {a['p99Ms']:.2f} vs {d['p99Ms']:.2f} ms{cpu}")
    return lines


def _still_in_flight(r):
    """A warm-up whose requests were all still in flight when it ended, none failed: a fresh process's first requests
    (JIT, first connections through PgBouncer) outlasting a short warm-up on a loaded machine. Slow, not wrong: the
    measurement after it is checked as every other."""
    return r["phase"] == "warmup" and r["requests"] == 0 and not (r["s4xx"] or r["s5xx"] or r["socketErrors"] or r["timeouts"])


def sanity_problems(results):
    problems = []
    for i, r in enumerate(results):
        if r["type"] == "pgbench":
            if r["failed"] or not r["transactions"]:
                problems.append(f"pgbench {r['scenario']} x{r['clients']} ({r['phase']}): "
                                f"{r['transactions']} transactions, {r['failed']} failed")
            continue
        if r["type"] != "api":
            continue
        name = f"{r['scenario']} ({r['variant']}) x{r['clients']} {r['phase']}"
        if r["s5xx"]:
            problems.append(f"{name}: {r['s5xx']} responses with status 5xx")
        expected = r["s3xx"] if "If-None-Match" in r["variant"] else r["s2xx"]
        if expected == 0 and not _still_in_flight(r):
            problems.append(f"{name}: no successful response at all")
        before, after = (results[i - 1] if i else {}), (results[i + 1] if i + 1 < len(results) else {})
        if r["scenario"] in PATCH_SCENARIOS:
            # Every 2xx PATCH changed its link.
            problems += _moved_problems(name, r, before, after, r["s2xx"], "PATCHes answered 2xx")
        if r["scenario"] in UPSERT_SCENARIOS:
            # Only the 200s that moved the version the client knew changed something; they must be all the moves.
            problems += _moved_problems(name, r, before, after, r["changed"], "upserts answered 200 with a new version")
            if r["created"]:
                problems.append(f"{name}: {r['created']} upserts answered 201: the pair had no live link, not the update path")
        if r["scenario"] in TYPED_SCENARIOS:
            problems += _typed_problems(name, r, before, after)
        if r["scenario"] == "events-page" and (r.get("full", 0) != r["s2xx"] or r["s4xx"]):
            # Every cursor is of a full page (py/cursors.py): a short page or a 4xx is a feed that lost events or a cursor
            # the API did not take.
            problems.append(f"{name}: {r['s2xx']} pages answered 200, {r.get('full', 0)} of them with "
                            f"{EVENTS_PER_PAGE} events; {r['s4xx']} answered 4xx")
    for r in results:
        if r["type"] == "db" and r.get("typeParity"):
            problems.append(f"{r['typeParity']} claim links have a relationship type that does not follow from their "
                            "version, which upsert-link's pgbench twin relies on")
            break
    return problems


def _moved_problems(name, r, before, after, changing, what):
    """Link versions moved by the run's changing responses (plus at most the requests still in flight when wrk
    stopped, carried out without wrk seeing the answer), with two link.updated actions per version."""
    if before.get("type") != "db" or after.get("type") != "db":
        return [f"{name}: no database snapshot around the run"]
    versions = after["versions"] - before["versions"]
    actions = after["linkUpdated"] - before["linkUpdated"]
    if changing <= versions <= changing + r["inFlight"] and actions == 2 * versions:
        return []
    return [f"{name}: {changing} {what} ({r['inFlight']} were in flight at the end), but link versions moved by "
            f"{versions} and {actions} link.updated actions were written"]


def _typed_problems(name, r, before, after):
    """A typed-link PATCH run: its links' versions moved by its 200s (plus at most the requests in flight when wrk
    stopped), no other link moved, one link.updated per version on the contacts' and on the records' timelines and
    none elsewhere, and no 4xx (a 412 would mean two requests raced on a link, or a stale ETag)."""
    if before.get("type") != "db" or after.get("type") != "db" or "typedVersions" not in before:
        return [f"{name}: no database snapshot around the run"]
    problems = []
    versions = after["typedVersions"] - before["typedVersions"]
    others = after["versions"] - before["versions"] - versions
    by_subject = {k: after["linkUpdatedBySubject"].get(k, 0) - before["linkUpdatedBySubject"].get(k, 0)
                  for k in set(after["linkUpdatedBySubject"]) | set(before["linkUpdatedBySubject"])}
    if not r["s2xx"] <= versions <= r["s2xx"] + r["inFlight"] or others:
        problems.append(f"{name}: {r['s2xx']} PATCHes answered 2xx ({r['inFlight']} were in flight at the end), but the "
                        f"typed links' versions moved by {versions} and other links' by {others}")
    expected = {"contact": versions, "record": versions}
    if {k: v for k, v in by_subject.items() if v} != {k: v for k, v in expected.items() if v}:
        problems.append(f"{name}: {versions} versions moved, but the link.updated actions written per timeline were "
                        f"{by_subject} (expected one per version on the contact's and on the record's)")
    if r["s4xx"]:
        problems.append(f"{name}: {r['s4xx']} responses with status 4xx, {r['s412']} of them 412")
    return problems


def change_lines(results):
    """What share of upsert-link's and patch-typed-link's 2xx responses changed the link (each measurement)."""
    lines = []
    for r in results:
        if r["type"] == "api" and r["phase"] == "measure" and r["scenario"] in CHANGING_SCENARIOS:
            share = r["changed"] / r["s2xx"] if r["s2xx"] else 0
            created = f", {r['created']} created one" if r["scenario"] in UPSERT_SCENARIOS else f", {r['s412']} answered 412"
            lines.append(f"- {r['scenario']} x{r['clients']}: {r['changed']} of {r['s2xx']} 2xx responses changed the "
                         f"link ({share:.1%}){created}")
    return lines + [""] if lines else []


def sanity_summary():
    return ("all passed: zero 5xx; every measurement had successful responses; link versions moved by the number "
            "of 2xx PATCHes, and by the number of upserts that answered 200 with a new version (plus at most the "
            "requests in flight when wrk stopped, whose answers it never reads), with exactly two `link.updated` "
            "actions per version; no upsert created a link; every claim link's type follows from its version; "
            "typed-link PATCHes moved their links' versions by their 200s (the same allowance) and no other link's, "
            "with one `link.updated` per version on the contact's and one on the record's timeline, and no 4xx; "
            "every events-page answer was a 200 holding a full page of 100 events; "
            "issue 23's four hostile inputs were refused with a 4xx and /health/live answered within 1 s meanwhile")
