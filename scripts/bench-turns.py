#!/usr/bin/env python3
"""A process's first command and its second, with several lane binaries taking turns (docs/performance.md).

Usage: scripts/bench-turns.py DATABASE USER "COMMAND" PROCESSES LANE_BINARY...

Starts PROCESSES lane sessions per binary, one binary after the other in each round, so an hour's slowness
falls on every binary alike (this machine's speed moves by up to 2x from one hour to the next). Each session
runs COMMAND twice on stdin; prints, per binary, the p50, p90 and max in-process ms of the first run (the
process's first command: its statements compiled, its pages read) and of the second (LANE_TIMINGS, through
bench-scale.py's `run_lane`). Warm the page cache first (`cat DATABASE > /dev/null`).
"""
import importlib.util, os, statistics, sys

spec = importlib.util.spec_from_file_location("bench_scale", os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-scale.py"))
scale = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scale)

if len(sys.argv) < 6:
    sys.exit(__doc__)
db, user, command, processes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
binaries = sys.argv[5:]
runs = {b: ([], []) for b in binaries}
for _ in range(processes):
    for b in binaries:
        scale.LANE = b
        ns, _, _ = scale.run_lane(db, [command, command], user=user)
        if len(ns) < 2:
            sys.exit(f"{b}: {command!r} did not run twice")
        for i in range(2):
            runs[b][i].append(ns[i] / 1e6)


def at(values, p):
    return values[min(len(values) - 1, int(p * len(values)))]


for b in binaries:
    first, second = (sorted(v) for v in runs[b])
    print(f"{b}: {command}  first p50 {statistics.median(first):.2f} p90 {at(first, .9):.2f} max {first[-1]:.2f}"
          f"  | second p50 {statistics.median(second):.2f} p90 {at(second, .9):.2f} max {second[-1]:.2f}")
