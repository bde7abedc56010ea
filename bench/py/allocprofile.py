#!/usr/bin/env python3
"""The report of `bench/profile.sh <scenario> --allocations`: where the API's allocated bytes come from.

Input: the allocation samples of a dotnet-trace gc-verbose trace as bench/alloc writes them (one GCAllocationTick
event a line: the bytes allocated since the previous sample, about 100 KB, the type of the object that crossed the
threshold, its managed stack innermost first as Module!Method), the wrk result of the window, and the runtime's
counters over the same window.

A sample stands for the bytes it reports, so a type or frame's figure is its share of the sampled volume: the
sampler picks objects in proportion to their size, and a figure under ~1 KiB per request rests on a few samples.
Per request means per request the API finished inside the trace (the hosting's Request/Stop events), or per request
of wrk's window when the trace has none.

The frame that allocated is the innermost frame outside the base library (profile.py's BASE_MODULES:
System.Private.CoreLib, System.Collections, System.Linq, System.Runtime, System.Memory, ..., and compiled expression trees): a List<T> that grows
or a string.Concat counts for the code that called it. Layers are profile.py's (LAYERS, by module).
"""
import argparse
import collections
import re

from profile import counters_per_request, layer_of_module, window_cpu

NO_STACK = "(no managed stack)"


def read_samples(path):
    """(requests in the trace or 0, [(bytes, type, [(module, method)] innermost first)])."""
    requests, samples = 0, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# requests "):
            requests = int(line.split()[-1])
            continue
        fields = line.split("\t")
        frames = [tuple(frame.split("!", 1)) if "!" in frame else ("?", frame) for frame in fields[3:]]
        samples.append((int(fields[0]), fields[2], frames))
    return requests, samples


def method_name(method):
    """Namespace.Type.Method without its signature, at most 120 characters from the end."""
    return re.sub(r"\(.*$", "", method).strip()[-120:]


def allocating_frame(frames):
    """(index, layer) of the innermost frame outside the base library, or (None, None)."""
    for index, (module, _) in enumerate(frames):
        layer = layer_of_module(module)
        if layer:
            return index, layer
    return None, None


def main():
    parser = argparse.ArgumentParser()
    for name in ("samples", "window", "counters", "scenario", "commit", "clients"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()

    traced_requests, samples = read_samples(args.samples)
    wrk_requests, rps, _ = window_cpu(args.window)
    counted = counters_per_request(args.counters, args.window)
    requests = traced_requests or wrk_requests
    total = sum(size for size, _, _ in samples)
    kib = lambda size: size / 1024 / max(requests, 1)  # noqa: E731

    by_type, by_frame, self_layer, on_stack = (collections.Counter() for _ in range(4))
    frame_types = collections.defaultdict(collections.Counter)
    frame_via = collections.defaultdict(collections.Counter)
    frame_callers = collections.defaultdict(collections.Counter)
    for size, type_name, frames in samples:
        by_type[type_name] += size
        index, layer = allocating_frame(frames)
        if index is None:
            key = NO_STACK if not frames else f"(base library only) {method_name(frames[0][1])}"
            layer = "Base library only" if frames else NO_STACK
        else:
            key = method_name(frames[index][1])
            if index > 0:
                frame_via[key][method_name(frames[0][1])] += size
            caller = next((method_name(m) for mod, m in frames[index + 1:]
                           if layer_of_module(mod) and method_name(m) != key), None)
            if caller:
                frame_callers[key][caller] += size
        by_frame[(key, layer)] += size
        frame_types[key][type_name] += size
        self_layer[layer] += size
        for layer_on in {layer_of_module(module) for module, _ in frames} - {None}:
            on_stack[layer_on] += size

    share = lambda size: 100 * size / total if total else 0  # noqa: E731
    out = [f"# Allocation profile of `{args.scenario}` at {args.clients} clients ({args.commit})", "",
           f"dotnet-trace gc-verbose, one window: {traced_requests} requests finished inside the trace "
           f"(wrk: {wrk_requests} at {rps:.0f}/s), {len(samples)} allocation samples of ~100 KB, "
           f"**{kib(total):.1f} KiB sampled per request**; the runtime's counters over the same window: "
           f"{counted['allocKiB']:.1f} KiB per request of wrk's window.", "",
           "Per request: the sampled bytes ÷ the requests in the trace. The allocating frame is the innermost frame "
           "outside the base library (System.Private.CoreLib, System.Collections, System.Linq, System.Runtime, "
           "System.Memory, ...; `bench/py/profile.py`'s BASE_MODULES), so a growing List or a string.Concat counts for "
           "its caller; *via* is the base-library method that allocated, when there is one. Figures under ~1 KiB "
           "rest on a handful of samples.", "",
           "## By layer", "",
           "| layer | allocated by its own frames (KiB/request) | share | on the stack (KiB/request) |", "|---|--:|--:|--:|"]
    for layer in sorted(set(self_layer) | set(on_stack), key=lambda layer: -self_layer[layer] - on_stack[layer] / 1000):
        out.append(f"| {layer} | {kib(self_layer[layer]):.1f} | {share(self_layer[layer]):.1f} % | {kib(on_stack[layer]):.1f} |")
    out += ["", "## By type (top 30)", "", "| KiB/request | share | samples | type |", "|--:|--:|--:|---|"]
    counts = collections.Counter(type_name for _, type_name, _ in samples)
    for type_name, size in by_type.most_common(30):
        out.append(f"| {kib(size):.1f} | {share(size):.1f} % | {counts[type_name]} | `{type_name}` |")
    out += ["", "## By allocating frame (top 30)", "",
            "| KiB/request | share | layer | frame | types | via | called from |", "|--:|--:|---|---|---|---|---|"]
    for (key, layer), size in by_frame.most_common(30):
        types = ", ".join(f"`{t}` {100 * s / size:.0f} %" for t, s in frame_types[key].most_common(3))
        via = ", ".join(f"`{v}`" for v, _ in frame_via[key].most_common(2))
        caller = ", ".join(f"`{c}`" for c, _ in frame_callers[key].most_common(1))
        out.append(f"| {kib(size):.1f} | {share(size):.1f} % | {layer} | `{key}` | {types} | {via} | {caller} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
