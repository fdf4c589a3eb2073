#!/usr/bin/env python3
"""Start-up of a whole `lane` process against the sqlite3 CLI doing the equivalent query.

Usage: scripts/bench-startup.py LANE_BINARY DATABASE [PLATE] [RUNS]

Runs `lane -c 'vehicle show PLATE'` and `sqlite3 DATABASE` with the same three lookups (the
vehicle by plate, its owner, its history), interleaved, RUNS times each (default 41), each program
on its own copy of DATABASE (the sqlite3 CLI removes the WAL file at its close, which lane keeps
between runs: on one shared copy each lane would start as if the file had just been made), and prints the median and p90 of wall time and of CPU time (user + system of the
child), and the ratios. CPU is the steadier figure on a shared machine. Prints the load average
before and after, since other builds on the machine inflate wall times.
"""
import os, resource, shutil, statistics, subprocess, sys, tempfile, time

lane, database = sys.argv[1], sys.argv[2]
plate = sys.argv[3] if len(sys.argv) > 3 else "粤B27DP2"
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 41
work = tempfile.mkdtemp(prefix="bench-startup-")
def copy_store(target):
    # The file and its WAL: lane keeps committed pages in the WAL between runs.
    for suffix in ("", "-wal"):
        if os.path.exists(database + suffix):
            shutil.copy(database + suffix, target + suffix)
    return target
db = copy_store(os.path.join(work, "lane.sqlite"))
if os.path.exists(database + ".key"):
    shutil.copy(database + ".key", db + ".key")
    os.chmod(db + ".key", 0o600)
sqlite_db = copy_store(os.path.join(work, "sqlite3.sqlite"))
sql = (f"SELECT id, vin, plate, model, owner_id, sold_on, mileage, mileage_on FROM vehicle WHERE plate = '{plate}';"
       f"SELECT id, number, name, phone, address FROM customer WHERE id = (SELECT owner_id FROM vehicle WHERE plate = '{plate}');"
       f"SELECT occurred_on, kind, visit_kind, mileage, detail, recorded_by FROM vehicle_event "
       f"WHERE vehicle_id = (SELECT id FROM vehicle WHERE plate = '{plate}') ORDER BY occurred_on, id;")
env = dict(os.environ, LANE_DB=db, LANE_USER="薛淑芬", LANG="zh_CN.UTF-8", LANE_PLUGINS=os.path.join(work, "no-plugins"))
env.pop("LANE_NOW", None)
commands = {"lane": [lane, "-c", f"vehicle show {plate}"], "sqlite3": ["sqlite3", sqlite_db, sql]}

def once(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{argv[0]} failed: {result.stderr.decode()}")
    return wall * 1000, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000

print("load average before:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
for name in commands: once(commands[name])  # warm the page cache
times = {name: [] for name in commands}
for _ in range(runs):
    for name, argv in commands.items():
        times[name].append(once(argv))
print("load average after: ", " ".join(f"{x:.2f}" for x in os.getloadavg()))

def p(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]

print(f"{'':8} {'wall p50':>9} {'wall p90':>9} {'CPU p50':>8} {'CPU p90':>8}   ms, {runs} runs")
for name, t in times.items():
    wall, cpu = [w for w, _ in t], [c for _, c in t]
    print(f"{name:8} {statistics.median(wall):9.1f} {p(wall, .9):9.1f} {statistics.median(cpu):8.1f} {p(cpu, .9):8.1f}")
lw, sw = statistics.median([w for w, _ in times["lane"]]), statistics.median([w for w, _ in times["sqlite3"]])
lc, sc = statistics.median([c for _, c in times["lane"]]), statistics.median([c for _, c in times["sqlite3"]])
print(f"lane / sqlite3: wall {lw / sw:.1f}x, CPU {lc / max(sc, 0.001):.1f}x")
shutil.rmtree(work)
