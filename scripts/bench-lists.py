#!/usr/bin/env python3
"""In-process time of the lists, a process's first command apart (docs/performance.md).

Usage: scripts/bench-lists.py LANE_BINARY DATABASE [COMMANDS_PER_PROCESS] [PROCESSES]

For each list (`remind due` with a page of 200 and of 50, `today` of three roles, `followup due`,
`appt board`) runs PROCESSES lane sessions (default 5), each with the command COMMANDS_PER_PROCESS
times on stdin (default 20), at --now 2026-11-23T09:00, and prints p50, p90, p99 and max of every
command's in-process ms (LANE_TIMINGS), the median of each process's first command, the p99 of the
others ("steady": a desk's shell runs all day) and the peak memory. Warm the page cache first
(`cat DATABASE DATABASE-wal > /dev/null`): a build evicts a 10 GB store.
"""
import os, statistics, subprocess, sys, tempfile

lane, db = sys.argv[1], sys.argv[2]
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 20
procs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
cases = [("remind due (page 200)", "蒋芳", "remind due"), ("remind due --limit 50", "蒋芳", "remind due --limit 50"),
         ("today (service advisor)", "薛淑芬", "today"), ("today (customer service)", "蒋芳", "today"),
         ("today (service manager)", "姚雪", "today"), ("followup due", "蒋芳", "followup due"), ("appt board", "薛淑芬", "appt board")]


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


for label, user, command in cases:
    every, firsts, rest, rss = [], [], [], 0.0
    for _ in range(procs):
        fd, timings = tempfile.mkstemp(prefix="lane-timings-")
        os.close(fd)
        env = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1", LANE_DB=db, LANE_USER=user, LANE_TIMINGS=timings)
        env.pop("LANE_NOW", None)
        p = subprocess.Popen([lane, "--now", "2026-11-23T09:00"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=env)
        p.stdin.write(("\n".join([command] * reps) + "\n").encode())
        p.stdin.close()
        err = p.stderr.read()
        _, _, usage = os.wait4(p.pid, 0)
        rss = max(rss, usage.ru_maxrss / 1024)
        ms = [int(line.split("\t", 1)[0]) / 1e6 for line in open(timings) if line.strip()]
        os.unlink(timings)
        if err.strip():
            sys.stderr.write(err.decode()[:300] + "\n")
        firsts.append(ms[0])
        rest += ms[1:]
        every += ms
    print(f"{label:26s} p50 {pct(every, .5):6.2f}  p90 {pct(every, .9):6.2f}  p99 {pct(every, .99):6.2f}  max {max(every):6.2f}"
          f"  first {statistics.median(firsts):6.2f}  steady p99 {pct(rest or [0], .99):6.2f}  {rss:.0f} MB", flush=True)
