#!/usr/bin/env python3
"""The ladder of one run, drawn as an SVG: per write scenario and client count, the throughput of pgbench running the
same SQL, the raw floor, the EF Core floor and the API, as horizontal bars on one scale per scenario.

    python3 bench/py/ladder.py --results run.jsonl --out run-ladder.svg [--title "2026-12-04 16:15"]

A rung the run did not measure (the floors exist for patch-link only) is left out, not drawn as zero. Written by hand
in plain SVG so it needs no plotting package; every figure drawn is the measure phase's requests/s of the run's jsonl.
"""
import argparse
import json
from xml.sax.saxutils import escape

SCENARIOS = ["patch-link", "create-contact", "upsert-link", "patch-typed-link"]
CLIENTS = [1, 8, 32]
# (label, the jsonl type, the scenario name it is recorded under given the write scenario, colour)
RUNGS = [
    ("pgbench", "pgbench", lambda s: s, "#4c78a8"),
    ("raw floor", "api", lambda s: s + "-floor", "#72b7b2"),
    ("EF floor", "api", lambda s: s + "-floor-ef", "#f58518"),
    ("API", "api", lambda s: s, "#e45756"),
]

BAR_H, BAR_GAP, GROUP_GAP, SECTION_GAP = 12, 2, 10, 28
LEFT, LABEL_W, PLOT_W, RIGHT = 16, 150, 520, 90
WIDTH = LEFT + LABEL_W + PLOT_W + RIGHT


def measured(path):
    """{(type, scenario, clients): requests/s} of the measure phases."""
    rates = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            # pgbench held to the API's rate (heldTo) is a CPU comparison, not a rung: the ladder's pgbench runs flat out.
            if row.get("phase") == "measure" and row.get("type") in ("api", "pgbench") and "rps" in row \
                    and "heldTo" not in row:
                rates[(row["type"], row["scenario"], row["clients"])] = float(row["rps"])
    return rates


def ladder(rates):
    """[(scenario, [(clients, [(label, colour, rps)])])] for the scenarios the run measured."""
    out = []
    for scenario in SCENARIOS:
        groups = []
        for clients in CLIENTS:
            bars = [(label, colour, rates[(kind, name(scenario), clients)])
                    for label, kind, name, colour in RUNGS if (kind, name(scenario), clients) in rates]
            if bars:
                groups.append((clients, bars))
        if groups:
            out.append((scenario, groups))
    return out


def svg(data, title):
    parts, y = [], 40
    for scenario, groups in data:
        top = max(rps for _, bars in groups for _, _, rps in bars) or 1.0
        parts.append(f'<text x="{LEFT}" y="{y}" class="h">{escape(scenario)} (requests/s)</text>')
        y += 10
        for clients, bars in groups:
            parts.append(f'<text x="{LEFT}" y="{y + BAR_H}" class="c">{clients} client{"s" if clients > 1 else ""}</text>')
            for label, colour, rps in bars:
                width = max(1.0, PLOT_W * rps / top)
                x = LEFT + LABEL_W
                parts.append(f'<text x="{x - 6}" y="{y + BAR_H - 2}" class="l">{escape(label)}</text>')
                parts.append(f'<rect x="{x}" y="{y}" width="{width:.1f}" height="{BAR_H}" fill="{colour}"/>')
                parts.append(f'<text x="{x + width + 4:.1f}" y="{y + BAR_H - 2}" class="v">{rps:,.0f}</text>')
                y += BAR_H + BAR_GAP
            y += GROUP_GAP
        y += SECTION_GAP
    if not data:
        parts.append(f'<text x="{LEFT}" y="{y}" class="c">This run measured no write scenario.</text>')
        y += 20
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y}" viewBox="0 0 {WIDTH} {y}" '
            f'font-family="sans-serif" font-size="11">'
            '<style>.t{font-size:14px;font-weight:bold}.h{font-size:12px;font-weight:bold}.c{fill:#333}'
            '.l{text-anchor:end;fill:#333}.v{fill:#111}</style>'
            f'<rect width="100%" height="100%" fill="#fff"/><text x="{LEFT}" y="20" class="t">{escape(title)}</text>')
    return head + "".join(parts) + "</svg>\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--title", default="The ladder: pgbench, the floors and the API")
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(svg(ladder(measured(args.results)), args.title))


if __name__ == "__main__":
    main()
