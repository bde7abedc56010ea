"""Prints the CPU time (clock ticks, user + system) used so far by the API process and by PostgreSQL, and by the
process BENCH_EXTRA_PID names when it is set (PgBouncer, in patch-link-pgbouncer).

PostgreSQL's share is the postmaster's own time, its live children's, and what its exited children left
in its cutime/cstime (a backend's time is added there when it is reaped).
"""
import json
import os
import sys


def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # After "pid (comm)": state ppid ... utime(11) stime(12) cutime(13) cstime(14)
    return int(fields[1]), [int(x) for x in fields[11:15]]


def main():
    api_pid, pg_data = int(sys.argv[1]), sys.argv[2]
    _, api = stat(api_pid)
    postmaster = int(open(os.path.join(pg_data, "postmaster.pid")).readline())
    _, own = stat(postmaster)
    pg = sum(own)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid, times = stat(int(entry))
            except (OSError, IndexError):
                continue
            if ppid == postmaster:
                pg += times[0] + times[1]
    ticks = {"api": api[0] + api[1], "pg": pg, "hz": os.sysconf("SC_CLK_TCK")}
    extra = os.environ.get("BENCH_EXTRA_PID")
    if extra:
        ticks["extra"] = sum(stat(int(extra))[1][:2])
    print(json.dumps(ticks))


if __name__ == "__main__":
    main()
