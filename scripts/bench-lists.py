#!/usr/bin/env python3
"""In-process time of the lists, a process's first command apart (docs/performance.md).

Usage: scripts/bench-lists.py LANE_BINARY DATABASE [COMMANDS_PER_PROCESS] [PROCESSES]

For each list (`remind due` with a page of 200 and of 50, `today` of three roles, `followup due`,
`appt board`) runs PROCESSES lane sessions (default 5), each with the command COMMANDS_PER_PROCESS
times on stdin (default 20), and prints p50, p90, p99 and max of every command's in-process ms
(LANE_TIMINGS, through bench-scale.py's `run_lane`), the median of each process's first command, the
p99 of the others ("steady": a desk's shell runs all day) and the peak memory. Warm the page cache
first (`cat DATABASE DATABASE-wal > /dev/null`): a build evicts a 10 GB store.
"""
import importlib.util, os, statistics, sys

spec = importlib.util.spec_from_file_location("bench_scale", os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-scale.py"))
scale = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scale)
scale.LANE, db = sys.argv[1], sys.argv[2]
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 20
procs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
cases = [("remind due (page 200)", "蒋芳", "remind due"), ("remind due --limit 50", "蒋芳", "remind due --limit 50"),
         ("today (service advisor)", "薛淑芬", "today"), ("today (customer service)", "蒋芳", "today"),
         ("today (service manager)", "姚雪", "today"), ("followup due", "蒋芳", "followup due"), ("appt board", "薛淑芬", "appt board")]

for label, user, command in cases:
    every, firsts, rest, rss = [], [], [], 0.0
    for _ in range(procs):
        ns, peak, _ = scale.run_lane(db, [command] * reps, user=user)
        ms = [n / 1e6 for n in ns]
        rss = max(rss, peak)
        firsts.append(ms[0])
        rest += ms[1:]
        every += ms
    pct = scale.pct
    print(f"{label:26s} p50 {pct(every, .5):6.2f}  p90 {pct(every, .9):6.2f}  p99 {pct(every, .99):6.2f}  max {max(every):6.2f}"
          f"  first {statistics.median(firsts):6.2f}  steady p99 {pct(rest or [0], .99):6.2f}  {rss:.0f} MB", flush=True)
