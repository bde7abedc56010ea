#!/usr/bin/env python3
"""The report of bench/profile.sh: where the API's CPU goes for one request kind.

Input: `perf script` of an on-CPU profile of the API process (perf record -g; JIT-compiled frames named by the
runtime's perf map), the wrk result and CPU ticks of the same window, and dotnet-trace's topN reports.

Each sample is a stack. Its frames are classified by module: the kernel, the runtime's native code (GC, JIT,
stubs), a managed layer (LAYERS), or the base library (System.Private.CoreLib, collections, LINQ, libc), which
works for whoever called it. Three views per layer, as a share of the samples and in µs of CPU per request:
- self: the sample's innermost non-base frame is in this layer;
- with what it calls: the innermost *managed* non-base frame is, so the kernel's work for a socket send and a GC
  triggered by an allocation count for the managed layer that asked for them;
- on the stack: the layer is anywhere on the stack (a layer that calls everything is near 100 %).
"""
import argparse
import collections
import json
import re

# (layer, module prefixes), tried in order.
LAYERS = [
    ("Npgsql (driver)", ("Npgsql",)),
    ("EF Core", ("Microsoft.EntityFrameworkCore", "EFCore.")),
    ("MediatR", ("MediatR",)),
    ("FluentValidation", ("FluentValidation",)),
    ("Linkage.Api", ("Linkage.Api",)),
    ("Linkage.Application", ("Linkage.Application",)),
    ("Linkage.Domain", ("Linkage.Domain",)),
    ("Linkage.Infrastructure", ("Linkage.Infrastructure",)),
    ("JWT, authentication, authorization", ("Microsoft.IdentityModel", "System.IdentityModel",
                                            "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization",
                                            "System.Security.Cryptography", "System.Security.Claims")),
    ("MVC", ("Microsoft.AspNetCore.Mvc",)),
    ("Logging (Serilog, Microsoft.Extensions.Logging)", ("Serilog", "Microsoft.Extensions.Logging")),
    ("Dependency injection", ("Microsoft.Extensions.DependencyInjection",)),
    ("OpenAPI middleware (NSwag)", ("NSwag",)),
    ("Kestrel, routing, middleware", ("Microsoft.AspNetCore", "System.IO.Pipelines", "Microsoft.Net.Http",
                                      "Microsoft.Extensions")),
    ("System.Text.Json", ("System.Text.Json",)),
    ("Sockets", ("System.Net.Sockets",)),
]
KERNEL = "Kernel (syscalls, TCP, scheduler)"
RUNTIME = "Runtime native code (GC, JIT, stubs)"
BASE = "Base library only"
BASE_MODULES = ("System.Private.CoreLib", "System.Collections", "System.Linq", "System.Runtime", "System.Memory",
                "System.Threading", "System.Diagnostics.DiagnosticSource", "System.Private.Uri", "System.Text.Encoding",
                "System.ComponentModel", "System.ObjectModel", "System.Console", "System.Data.Common", "dynamicClass",
                "Anonymously Hosted DynamicMethods Assembly")  # compiled expression trees, as perf and EventPipe name them
MODULE = re.compile(r"\[([A-Za-z][\w.]*)\] ")


def classify(symbol, dso):
    """(layer or None for the base library, is_managed)."""
    if "kernel.kallsyms" in dso:
        return KERNEL, False
    if dso.endswith(("libcoreclr.so", "libclrjit.so")):
        return RUNTIME, False
    if not dso.endswith(".map"):
        return None, False  # libc, libSystem.Native, a not yet mapped stub
    module = MODULE.search(symbol)
    return layer_of_module(module.group(1) if module else ""), True


def layer_of_module(module):
    """The layer of a managed module (an assembly's name), None for the base library (BASE_MODULES)."""
    if module.startswith(BASE_MODULES):
        return None
    for name, prefixes in LAYERS:
        if module.startswith(prefixes):
            return name
    return f"other ({module or 'unnamed'})"


def samples(path):
    """Each sample of `perf script -F comm,tid,period,ip,sym,dso`: (period, [(symbol, dso)] leaf first)."""
    period, frames = None, []
    for line in open(path, errors="replace"):
        if not line.strip():
            if period is not None:
                yield period, frames
            period, frames = None, []
        elif line[0] not in " \t":
            period, frames = int(line.split()[-1]), []
        else:
            body = line.strip().split(" ", 1)[-1]
            dso = body[body.rfind("(") + 1:-1] if body.endswith(")") else ""
            symbol = body[:body.rfind("(")].strip() if dso else body
            frames.append((symbol, dso))
    if period is not None:
        yield period, frames


def method_name(symbol):
    """A frame's type and method without its signature and offsets: Namespace.Type::Method."""
    name = MODULE.split(symbol)[-1] if MODULE.search(symbol) else symbol
    return re.sub(r"\(.*$", "", name).strip()[-110:]


def window_cpu(path):
    """(requests, requests/s, API µs of CPU per request) of the profiled wrk run."""
    lines = [json.loads(line) for line in open(path) if line.strip()]
    run = next(line for line in lines if line.get("type") == "api")
    cpu = next(line for line in lines if line.get("type") == "cpu")
    ticks = cpu["after"]["api"] - cpu["before"]["api"]
    return run["requests"], run["rps"], ticks * 1e6 / cpu["after"]["hz"] / max(run["requests"], 1)


def counters_per_request(path, window):
    """The runtime's counters over their own window (dotnet-counters, JSON), per request of that window: a dict of
    requests, rps, cpuUs, allocKiB, gcsPer1000 (gen0, gen1, gen2), pausePercent, userPercent, workItems, contentionsPer1000."""
    requests, rps, us = window_cpu(window)
    totals, seconds = collections.Counter(), collections.Counter()
    for event in json.load(open(path))["Events"]:
        if event["counterType"] == "Rate":  # a value per refresh interval of 1 s: the sum is the window's total
            key = event["name"].split(" (")[0] + (f" [{event['tags']}]" if event.get("tags") else "")
            totals[key] += event["value"]
            seconds[key] += 1
    per_request = lambda key: totals[key] / max(requests, 1)  # noqa: E731
    user = totals["dotnet.process.cpu.time [cpu.mode=user]"]
    system = totals["dotnet.process.cpu.time [cpu.mode=system]"]
    return {
        "requests": requests, "rps": rps, "cpuUs": us,
        "allocKiB": per_request("dotnet.gc.heap.total_allocated") / 1024,
        "gcsPer1000": tuple(1000 * totals[f"dotnet.gc.collections [gc.heap.generation={g}]"] / max(requests, 1)
                            for g in ("gen0", "gen1", "gen2")),
        "pausePercent": 100 * totals["dotnet.gc.pause.time"] / max(seconds["dotnet.gc.pause.time"], 1),
        "userPercent": 100 * user / max(user + system, 1e-9),
        "systemPercent": 100 * system / max(user + system, 1e-9),
        "workItems": per_request("dotnet.thread_pool.work_item.count"),
        "contentionsPer1000": 1000 * per_request("dotnet.monitor.lock_contentions"),
    }


def counters_section(path, window):
    """The runtime's counters over their own window, per request, as the profile report's section."""
    c = counters_per_request(path, window)
    return ["", f"## Runtime counters (dotnet-counters, a window of {c['requests']} requests at {c['rps']:.0f}/s, "
                f"{c['cpuUs']:.0f} µs of API CPU per request)", "",
            "| counter | value |", "|---|--:|",
            f"| allocated per request | {c['allocKiB']:.1f} KiB |",
            f"| GCs per 1 000 requests (gen0 / gen1 / gen2) | {' / '.join(f'{g:.1f}' for g in c['gcsPer1000'])} |",
            f"| time paused in GC | {c['pausePercent']:.1f} % of the wall clock |",
            f"| CPU in user / kernel mode | {c['userPercent']:.0f} % / {c['systemPercent']:.0f} % |",
            f"| thread-pool work items per request | {c['workItems']:.1f} |",
            f"| lock contentions per 1 000 requests | {c['contentionsPer1000']:.1f} |"]


def main():
    parser = argparse.ArgumentParser()
    for name in ("window", "perf", "counters", "counters-window", "scenario", "commit", "clients", "exclusive", "inclusive"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()

    own, managed_own, on_stack = collections.Counter(), collections.Counter(), collections.Counter()
    leaf_methods, total = collections.Counter(), 0
    for period, frames in samples(args.perf):
        total += period
        kinds = [classify(symbol, dso) for symbol, dso in frames]
        own[next((layer for layer, _ in kinds if layer), BASE)] += period
        managed_own[next((layer for layer, managed in kinds if layer and managed), BASE)] += period
        for layer in {layer for layer, _ in kinds if layer}:
            on_stack[layer] += period
        leaf = next(((symbol, dso) for (symbol, dso), (_, managed) in zip(frames, kinds) if managed), None)
        leaf_methods[method_name(leaf[0]) if leaf else "(native only: " + (frames[0][1].rsplit("/", 1)[-1] if frames else "?") + ")"] += period

    requests, rps, us = window_cpu(args.window)
    share = lambda counter, layer: counter[layer] / total if total else 0  # noqa: E731
    out = [f"# CPU profile of `{args.scenario}` at {args.clients} clients ({args.commit})", "",
           f"perf's window: {requests} requests at {rps:.0f}/s, **{us:.0f} µs of API CPU per request** "
           f"(perf's own cost included), {total / 1e9:.1f} s of CPU sampled.", "",
           "| layer | self | with what it calls | on the stack |", "|---|--:|--:|--:|"]
    for layer in sorted(set(own) | set(managed_own), key=lambda layer: -managed_own[layer] - own[layer]):
        cells = [f"{100 * share(c, layer):.1f} % ({us * share(c, layer):.0f} µs)" for c in (own, managed_own)]
        out.append(f"| {layer} | {cells[0]} | {cells[1]} | {100 * share(on_stack, layer):.1f} % |")
    out += ["", "## Innermost managed method (perf)", "", "| share | µs/request | method |", "|--:|--:|---|"]
    for method, period in leaf_methods.most_common(30):
        out.append(f"| {100 * period / total:.1f} % | {us * period / total:.0f} | `{method}` |")
    out += counters_section(args.counters, args.counters_window)
    for label, path in (("exclusive", args.exclusive), ("inclusive", args.inclusive)):
        out += ["", f"## dotnet-trace topN, {label} (thread time of all threads: waits included)", "", "```"]
        out += [line.rstrip() for line in open(path) if line.strip()]
        out.append("```")
    print("\n".join(out))


if __name__ == "__main__":
    main()
