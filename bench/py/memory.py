"""The API's peak RSS per phase of a run (issue 30): the "rss" lines bench/lib/api.sh api_rss_mark writes at the end of
each phase, each holding the peak since the previous mark (the peak is reset after each reading where Linux allows it)."""


def rss_marks(results):
    return [r for r in results if r["type"] == "rss"]


def run_peak(results, final):
    """The run's peak RSS in MiB: the largest of the marks' peaks and the final reading (None when nothing was read)."""
    marks = rss_marks(results)
    if marks and not all(m["reset"] for m in marks):
        # A peak that was never reset is the process's: its last reading covers all before it.
        return max([marks[-1]["peakMiB"]] + ([final] if final is not None else []))
    values = [m["peakMiB"] for m in marks] + ([final] if final is not None else [])
    return max(values) if values else None


def memory_lines(results, final):
    """The section of the report: one row per phase, the phase that sets the run's peak in bold."""
    marks = rss_marks(results)
    if not marks:
        return []
    reset = all(m["reset"] for m in marks)
    top = max(marks, key=lambda m: m["peakMiB"])
    out = ["## API memory by phase", "",
           "Peak RSS (VmHWM) of the API process during each phase, in order"
           + (", each since the end of the previous one (the peak is reset after each reading)" if reset
              else "; the kernel refused to reset the peak, so each figure is the peak since the start") + ", and its RSS at the phase's end.",
           "", "| phase | peak RSS MiB | RSS at its end MiB |", "|---|--:|--:|"]
    for m in marks:
        bold = "**" if m is top and reset else ""
        out.append(f"| {bold}{m['phase']}{bold} | {bold}{m['peakMiB']:.0f}{bold} | {m['currentMiB']:.0f} |")
    if final is not None and reset:
        out.append(f"| (after the last phase, to the end) | {final:.0f} | – |")
    out.append("")
    return out
