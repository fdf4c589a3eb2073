#!/usr/bin/env python3
"""Scale benchmark (scripts/bench --scale SIZES): lane on stores made by scripts/make-store,
side by side with the sqlite3 CLI running the equivalent SQL on the same file.

In-process times come from LANE_TIMINGS (lane writes each command's nanoseconds, from the
line read to the answer printed); sqlite3's from `.timer on` (real time per statement).
Whole-process times (start-up) are medians of repeated runs, because the machine is shared.
Memory is the lane process's peak resident set (wait4's ru_maxrss).

With BENCH_POSTGRES=postgres://…?schema=NAME (a server store holding a `store copy` of the same file),
the same lookups run again with lane on that store, side by side with psql running the same SQL
(`\\timing`, the server's time plus the round trip on this machine); BENCH_SQLITE=0 runs only those.
"""
import re
import urllib.parse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

# Run as a script; scripts/bench-lists.py loads it for `run_lane` and `pct` and sets LANE itself.
if __name__ == "__main__":
    LANE = sys.argv[1]
    STORES = sys.argv[2]
    SIZES = [int(s) for s in sys.argv[3].split(",")]
RUNS = int(os.environ.get("BENCH_RUNS", "50"))
NOW = "2026-11-23T09:00"
ENV = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1", LANE_USER="薛淑芬")
ENV.pop("LANE_NOW", None)


def run_lane(db, lines, user="薛淑芬", now=True, stdin_extra=""):
    """Runs lane once with `lines` on stdin; returns (per-command ns list, peak RSS in MB, wall seconds)."""
    fd, timings = tempfile.mkstemp(prefix="lane-timings-")
    os.close(fd)
    env = dict(ENV, LANE_DB=db, LANE_TIMINGS=timings, LANE_USER=user)
    args = [LANE, "--on-error", "continue"] + (["--now", NOW] if now else [])
    t = time.perf_counter()
    p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    p.stdin.write(("\n".join(lines) + "\n" + stdin_extra).encode())
    p.stdin.close()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    ns = [int(l.split("\t", 1)[0]) for l in open(timings) if l.strip()]
    os.unlink(timings)
    if err.strip():
        sys.stderr.write(err.decode()[:300] + "\n")
    return ns, usage.ru_maxrss / 1024, wall


SQLITE_START = {}


def sqlite_times(db, statements, repeat=20):
    """Mean seconds per statement for the sqlite3 CLI: every statement `repeat` times in one process,
    less the process's own start-up (median of `sqlite3 db 'select 1'`)."""
    if db not in SQLITE_START:
        SQLITE_START[db] = median_process(["sqlite3", db, "select 1"]) / 1000
    script = ".output /dev/null\n" + "\n".join(s for s in statements for _ in range(repeat)) + "\n"
    samples = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(["sqlite3", db], input=script.encode(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - t)
    return [max(0.0, statistics.median(samples) - SQLITE_START[db]) / (len(statements) * repeat)]


PG = os.environ.get("BENCH_POSTGRES")
# `today` is measured for a member of staff of each role.
ROLES = (("薛淑芬", "service advisor"), ("蒋芳", "customer service"), ("姚雪", "service manager"), ("何子涵", "workshop foreman"),
         ("夏勇", "technician"), ("莫霞", "cashier"), ("范颖", "parts manager"), ("赵子涵", "QC inspector"))


def psql_times(url, statements, repeat=20):
    """Median milliseconds per statement for psql (`\\timing`), each statement `repeat` times in one session, in
    the store's schema."""
    parts = urllib.parse.urlsplit(url)
    schema = urllib.parse.parse_qs(parts.query).get("schema", ["lane"])[0]
    plain = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    script = "\\timing on\n\\o /dev/null\n" + "\n".join(s for s in statements for _ in range(repeat)) + "\n"
    out = subprocess.run(["psql", "-X", "-q", plain], input=script.encode(), capture_output=True,
                         env=dict(os.environ, PGOPTIONS=f"-c search_path={schema}")).stdout.decode()
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
    # A case of several statements counts as one: add up each run's statements.
    per = max(1, len(times) // max(1, len(statements) * repeat)) if times else 1
    return [statistics.median([sum(times[i:i + per]) for i in range(0, len(times), per)]) / 1000] if times else []


def pct(values, q):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))] if v else float("nan")


def ms(ns):
    return ns / 1e6


def median_process(args, runs=21, env=None):
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def report(label, lane_ns, rss, sql_s, other="sqlite3"):
    p50, p99 = ms(pct(lane_ns, 0.5)), ms(pct(lane_ns, 0.99))
    sq = statistics.median(sql_s) * 1000 if sql_s else float("nan")
    ratio = p50 / sq if sql_s and sq > 0 else float("nan")
    print(f"  {label:34s} lane p50 {p50:9.2f} ms  p99 {p99:9.2f} ms  {rss:6.0f} MB | {other:7s} {sq:8.3f} ms | x{ratio:7.1f}", flush=True)


def bench(n):
    db = os.path.join(STORES, f"store-{n}.sqlite")
    if not os.path.exists(db):
        subprocess.run(["scripts/make-store", "--vehicles", str(n), "--db", db], check=True, env=dict(os.environ, LANE_BIN=LANE))
    con = sqlite3.connect(db)
    print(f"\n== {n} vehicles: " + ", ".join(f"{con.execute(f'SELECT COUNT(*) FROM {t}').fetchone()[0]} {t}"
                                           for t in ("customer", "vehicle", "repair_order", "repair_order_line", "vehicle_event", "reminder_log", "appointment")), flush=True)
    rng = random.Random(n)
    ids = [r[0] for r in con.execute("SELECT id FROM customer ORDER BY id")]
    picks = [con.execute("SELECT name, phone FROM customer WHERE id = ?", (rng.choice(ids),)).fetchone() for _ in range(RUNS)]
    vmax = con.execute("SELECT MAX(id) FROM vehicle").fetchone()[0]
    plates = [con.execute("SELECT plate FROM vehicle WHERE id >= ? ORDER BY id LIMIT 1", (rng.randint(1, vmax),)).fetchone()[0] for _ in range(RUNS)]
    omax = con.execute("SELECT MAX(id) FROM repair_order").fetchone()[0]
    orders = [con.execute("SELECT number FROM repair_order WHERE id >= ? ORDER BY id LIMIT 1", (rng.randint(1, omax),)).fetchone()[0] for _ in range(RUNS)]
    con.close()

    # Once first: a store made by an older lane is brought up to date (migrations) outside the figures.
    subprocess.run([LANE, "-c", "whoami"], env=dict(ENV, LANE_DB=db), stdout=subprocess.DEVNULL, check=True)
    # Start-up: a whole process answering one trivial question, against sqlite3 answering `select 1`.
    lane_start = median_process([LANE, "-c", "whoami"], env=dict(ENV, LANE_DB=db))
    sqlite_start = median_process(["sqlite3", db, "select 1"])
    print(f"  {'start-up (median of 21)':34s} lane {lane_start:7.1f} ms | sqlite3 {sqlite_start:6.1f} ms | x{lane_start / sqlite_start:5.1f}", flush=True)

    cols = "id, number, name, phone, address, created_at"
    cases = [
        ("customer find NAME2 (name prefix)", [f"customer find {name[:2]}" for name, _ in picks],
         [f"SELECT {cols} FROM customer WHERE name >= '{name[:2]}' AND name < '{name[:2]}\U0010FFFF' ORDER BY name, number LIMIT 50;" for name, _ in picks]),
        ("customer find 1234 (last four)", [f"customer find {ph[-4:]}" for _, ph in picks],
         [f"SELECT {cols} FROM customer WHERE phone_reversed >= '{ph[-4:][::-1]}' AND phone_reversed < '{ph[-4:][::-1]}~' LIMIT 50;" for _, ph in picks]),
        ("customer find 13 (phone prefix)", ["customer find 13"] * 5,
         ["SELECT id FROM customer WHERE phone >= '13' AND phone < '14' ORDER BY phone LIMIT 50;"] * 5),
        ("vehicle show PLATE", [f"vehicle show {p}" for p in plates],
         [f"SELECT * FROM vehicle v JOIN customer c ON c.id = v.owner_id WHERE plate = '{p}'; SELECT * FROM vehicle_event WHERE vehicle_id = (SELECT id FROM vehicle WHERE plate = '{p}') ORDER BY occurred_on, id;" for p in plates]),
        ("ro show NUMBER", [f"ro show {o}" for o in orders],
         [f"SELECT * FROM repair_order o JOIN vehicle v ON v.id = o.vehicle_id JOIN customer c ON c.id = o.customer_id WHERE o.number = '{o}'; "
          f"SELECT * FROM repair_order_line WHERE repair_order_id = (SELECT id FROM repair_order WHERE number = '{o}'); "
          f"SELECT * FROM quality_check WHERE repair_order_id = (SELECT id FROM repair_order WHERE number = '{o}');" for o in orders]),
    ]
    if PG and os.environ.get("BENCH_SQLITE") == "0":
        # Only the server store (its file's figures taken before): the picks still come from the file.
        postgres(PG, cases)
        return
    for label, lines, sql in cases:
        ns, rss, _ = run_lane(db, lines)
        report(label, ns, rss, sqlite_times(db, sql))
    if PG:
        postgres(PG, cases)

    # Fleet-wide lists: a few runs each (the old ones took seconds).
    heavy = int(os.environ.get("BENCH_HEAVY_RUNS", "5"))
    due_sql = ["SELECT vehicle_id, kind, due_on FROM reminder_log WHERE due_on <= '2026-12-03' ORDER BY due_on LIMIT 50;"] * heavy
    ns, rss, _ = run_lane(db, ["remind due"] * heavy, user="蒋芳")
    report("remind due (customer service)", ns, rss, sqlite_times(db, due_sql))
    for user, role in ROLES:
        ns, rss, _ = run_lane(db, ["today"] * heavy, user=user)
        report(f"today ({role})", ns, rss, [])
    ns, rss, _ = run_lane(db, ["appt board"] * heavy)
    report("appt board", ns, rss, sqlite_times(db, ["SELECT * FROM appointment WHERE day = '2026-11-23' ORDER BY advisor, start_at;"] * heavy))
    # The registers and lists that read the whole log or the month's deliveries before v27.
    registers = [
        ("followup due", "followup due", "SELECT * FROM repair_order WHERE delivered_at >= 1792771200 AND delivered_at < 1795363200 ORDER BY delivered_at, id LIMIT 200;"),
        ("remind register (200 newest)", "remind register", "SELECT * FROM reminder_log ORDER BY id DESC LIMIT 200;"),
        ("remind register --kind lost_customer", "remind register --kind lost_customer",
         "SELECT * FROM reminder_log WHERE kind = 'lost_customer' ORDER BY id DESC LIMIT 200;"),
        ("remind reasons", "remind reasons", "SELECT kind, reason, calls FROM reminder_decline_count;"),
        ("campaign list", "campaign list", "SELECT COUNT(*) FROM vehicle WHERE model >= '星河 EV' AND model < '星河 EV\U0010FFFF';"),
    ]
    for label, line, sql in registers:
        ns, rss, _ = run_lane(db, [line] * heavy, user="姚雪")
        report(label, ns, rss, sqlite_times(db, [sql] * heavy))

    if int(os.environ.get("BENCH_LIFECYCLES", "40")) > 0:
        # BENCH_PAIRS=N: N runs of lane then sqlite3 in turn, and the median ratio. One pair's ratio moves by
        # a fifth between runs on a shared disk (sqlite3's commits are mostly its fsyncs), a median less.
        pairs = int(os.environ.get("BENCH_PAIRS", "1"))
        ratios = [r for r in (lifecycles(db, n) for _ in range(pairs)) if r is not None]
        if pairs > 1 and ratios:
            print(f"  {f'{len(ratios)} pairs':34s} ratio median x{statistics.median(ratios):5.2f} (x{min(ratios):.2f}-x{max(ratios):.2f})", flush=True)


def postgres(url, cases):
    """The lookups again on the server store, with the role lists; psql runs the same SQL there."""
    print(f"  -- PostgreSQL ({url.split('@')[-1]}); psql column: server time per statement seen by psql", flush=True)
    subprocess.run([LANE, "-c", "whoami"], env=dict(ENV, LANE_DB=url), stdout=subprocess.DEVNULL, check=True)
    for label, lines, sql in cases:
        ns, rss, _ = run_lane(url, lines)
        report(label, ns, rss, psql_times(url, sql), other="psql")
    heavy = int(os.environ.get("BENCH_HEAVY_RUNS", "5"))
    ns, rss, _ = run_lane(url, ["remind due"] * heavy, user="蒋芳")
    report("remind due (customer service)", ns, rss, [])
    for user, role in ROLES:
        ns, rss, _ = run_lane(url, ["today"] * heavy, user=user)
        report(f"today ({role})", ns, rss, [])
    ns, rss, _ = run_lane(url, ["appt board"] * heavy)
    report("appt board", ns, rss, psql_times(url, ["SELECT * FROM appointment WHERE day = '2026-11-23' ORDER BY advisor, start_at;"] * heavy),
           other="psql")


def lifecycles(db, n):
    """Scripted full repair-order lifecycles on a copy, against sqlite3 applying the same row changes per command;
    returns the ratio of their rates (None when the rows could not be copied)."""
    count = int(os.environ.get("BENCH_LIFECYCLES", "40"))
    work = tempfile.mkdtemp(prefix="lane-bench-")
    copy = os.path.join(work, "lane.sqlite")
    subprocess.run(["sqlite3", db, f".backup '{copy}'"], check=True)
    shutil.copy(db + ".key", copy + ".key")
    # Enough parts on the shelf for every lifecycle, through the ledger like a delivery.
    subprocess.run(["sqlite3", copy, "INSERT INTO stock_movement (part_number, delta, reason, reference, at, by) "
                    "SELECT number, 10000, 'delivery', 'bench', 1795395600, 'admin' FROM part; UPDATE part SET stock = stock + 10000;"], check=True)
    # sqlite3's copy starts where lane's does, parts restocked.
    copy2 = os.path.join(work, "sql.sqlite")
    subprocess.run(["sqlite3", copy, f".backup '{copy2}'"], check=True)
    con = sqlite3.connect(copy)
    vehicles = con.execute("SELECT id, plate, owner_id, mileage FROM vehicle WHERE id % 89 = 7 AND id NOT IN "
                           "(SELECT vehicle_id FROM repair_order WHERE status != 'closed') ORDER BY id LIMIT ?", (count,)).fetchall()
    con.close()
    script = []
    for i, (_, plate, _, km) in enumerate(vehicles):
        script += [f"set user 薛淑芬", f"ro open {plate}", "ro complaint --text '保养，刹车时有异响'",
                   f"ro check-in --mileage {km + 800} --fuel 4 --covers --damage 无", "ro warranty not_covered", "ro documents",
                   "ro labor MNT-5K", "ro part XH-15400-0001", "ro part XH-08232-0040", "ro labor BRK-PAD-F --recommended --safety",
                   "ro decline 4", "ro promise", f"ro sign --payment wechat --old-parts leave --wash no --signed-by 客户",
                   "set user 何子涵", "ro handover", "ro dispatch --team 机电一组", "set user 夏勇", "ro clock-on 1 --tech 夏勇",
                   "set user 范颖", "ro issue 2 --to 夏勇", "ro issue 3 --to 夏勇", "set user 夏勇", "ro clock-off 1 --finished",
                   "ro check self --pass", "set user 程国栋", "ro check leader --pass --note 前刹车片余量3mm", "set user 赵子涵",
                   "ro check final --pass", "set user 薛淑芬", "ro delivery-check", "ro notify --at 12:30",
                   f"ro deliver --next-date 2027-05-23 --next-km {km + 5800} --call-time 工作日晚上",
                   "ro settle --signed-by 客户 --declined-signed", "set user 莫霞", "ro pay --method wechat --amount 632.80 --invoice 0440" + f"{i:04d}"]
    writes = sum(1 for l in script if l.startswith("ro "))
    ns, rss, wall = run_lane(copy, script)
    lane_s = sum(ns) / 1e9 or wall
    # sqlite3: the rows each command changes, one transaction per command, in WAL with synchronous=FULL,
    # foreign keys and secure_delete on, as lane's connection runs. The rows lane writes besides the
    # order's own are taken from lane's copy after its run, so both write the same bytes: the audit
    # row (its command and answer, hashes, signature) with its personal values kept apart and its
    # subjects, the timeline row with its message, the vehicle's history rows and reminder schedule,
    # the payment row and the order's seal. Before, sqlite3 wrote a short audit row and a timeline row
    # without its message, and none of the others: a sixth fewer pages per commit than lane.
    src = sqlite3.connect(db)
    seq0 = src.execute("SELECT COALESCE(max(seq), 0) FROM audit_log").fetchone()[0]
    order0 = src.execute("SELECT COALESCE(max(id), 0) FROM repair_order").fetchone()[0]
    vevent0 = src.execute("SELECT COALESCE(max(id), 0) FROM vehicle_event").fetchone()[0]
    src.close()
    done = sqlite3.connect(copy)
    audits = done.execute("SELECT seq, at, user, role, command, noun, ref, summary, prev_hash, hash, mac, personal_hash, sealed "
                          "FROM audit_log WHERE seq > ? AND noun = 'ro' ORDER BY seq", (seq0,)).fetchall()
    personal = {r[0]: r for r in done.execute("SELECT seq, salt, vals FROM audit_personal WHERE seq > ?", (seq0,))}
    subjects = {}
    for customer, seq in done.execute("SELECT customer, seq FROM audit_subject WHERE seq > ?", (seq0,)):
        subjects.setdefault(seq, []).append(customer)
    timeline = done.execute("SELECT at, by, kind, detail, message FROM repair_order_event WHERE repair_order_id > ? ORDER BY id", (order0,)).fetchall()
    history = done.execute("SELECT vehicle_id, kind, visit_kind, occurred_on, mileage, detail, recorded_at, recorded_by, message "
                           "FROM vehicle_event WHERE id > ? ORDER BY id", (vevent0,)).fetchall()
    seals = [r[0] for r in done.execute("SELECT s.mac FROM repair_order o JOIN row_seal s ON s.kind = 'repair_order' AND s.ref = o.number "
                                        "WHERE o.id > ? ORDER BY o.id", (order0,))]
    schedules = {vid: done.execute("SELECT kind, reference, due_on, listed_from, listed_until, plate FROM reminder_schedule WHERE vehicle_id = ?",
                                   (vid,)).fetchall() for vid, *_ in vehicles}
    done.close()
    if len(audits) != writes or len(timeline) != writes or len(history) != 2 * len(vehicles) or len(seals) != len(vehicles):
        print(f"  lane wrote {len(audits)} audit rows, {len(timeline)} timeline rows, {len(history)} history rows for {writes} writes: "
              "sqlite3's side cannot copy them", flush=True)
        shutil.rmtree(work)
        return

    def q(v):
        if v is None:
            return "NULL"
        if isinstance(v, int):
            return str(v)
        return "'" + str(v).replace("'", "''") + "'"

    sql = ["PRAGMA synchronous = FULL;", "PRAGMA foreign_keys = ON;", "PRAGMA secure_delete = ON;"]
    oid = 10_000_000
    k = 0
    for i, (vid, plate, owner, km) in enumerate(vehicles):
        oid += 1
        checkin, visit = history[2 * i], history[2 * i + 1]

        def tx(*stmts):
            nonlocal k
            a = audits[k]
            e = timeline[k]
            p = personal.get(a[0])
            sql.append("BEGIN IMMEDIATE;" + "".join(stmts) +
                       f"INSERT INTO repair_order_event (repair_order_id, at, by, kind, detail, message) VALUES ({oid}, {', '.join(q(v) for v in e)});"
                       f"INSERT INTO audit_log (seq, at, user, role, command, noun, ref, summary, prev_hash, hash, mac, personal_hash, sealed) "
                       f"VALUES ({', '.join(q(v) for v in a)});"
                       + (f"INSERT INTO audit_personal (seq, salt, vals) VALUES ({', '.join(q(v) for v in p)});" if p else "")
                       + "".join(f"INSERT INTO audit_subject (customer, seq) VALUES ({q(c)}, {a[0]});" for c in subjects.get(a[0], []))
                       + f"INSERT OR REPLACE INTO row_seal (kind, ref, mac) VALUES ('repair_order', 'RO-B-{oid}', {q(seals[i])});COMMIT;")
            k += 1

        def history_row(h):
            return (f"INSERT INTO vehicle_event (vehicle_id, kind, visit_kind, occurred_on, mileage, detail, recorded_at, recorded_by, message) "
                    f"VALUES ({', '.join(q(v) for v in h)});"
                    f"DELETE FROM reminder_schedule WHERE vehicle_id = {vid};"
                    + "".join(f"INSERT INTO reminder_schedule (vehicle_id, kind, reference, due_on, listed_from, listed_until, plate) "
                              f"VALUES ({vid}, {', '.join(q(v) for v in r)});" for r in schedules[vid]))

        tx("INSERT INTO number_series (series, last) VALUES ('RO-B', 1) ON CONFLICT(series) DO UPDATE SET last = last + 1;",
           f"INSERT INTO repair_order (id, number, opened_on, vehicle_id, customer_id, advisor, opened_at, status) VALUES ({oid}, 'RO-B-{oid}', '2026-11-23', {vid}, {owner}, '薛淑芬', 1795395600, 'reception');")
        tx(f"UPDATE repair_order SET complaint = '保养，刹车时有异响' WHERE id = {oid};")
        tx(f"UPDATE repair_order SET checkin_mileage = {km + 800}, checkin_fuel = 4, checkin_covers = 1, checkin_damage = '无' WHERE id = {oid};",
           history_row(checkin), f"UPDATE vehicle SET mileage = {km + 800}, mileage_on = '2026-11-23' WHERE id = {vid};")
        tx(f"UPDATE repair_order SET warranty = 'not_covered' WHERE id = {oid};")
        tx(f"UPDATE repair_order SET documents_taken = 1 WHERE id = {oid};")
        for ln, (kind, code, hours, unit) in enumerate([("labor", "MNT-5K", 80, 28000), ("part", "XH-15400-0001", 0, 3800),
                                                        ("part", "XH-08232-0040", 0, 29800), ("labor", "BRK-PAD-F", 100, 28000)], start=1):
            tx(f"INSERT INTO repair_order_line VALUES ({oid}, {ln}, '{kind}', '{code}', 'name', {hours}, 1, {unit}, 'customer', 'estimate', 'pending', 0, 0, NULL, 0, NULL, NULL, 0);")
        tx(f"UPDATE repair_order_line SET approval = 'refused' WHERE repair_order_id = {oid} AND line_no = 4;")
        tx(f"UPDATE repair_order SET promised_at = 1795401000 WHERE id = {oid};")
        tx(f"UPDATE repair_order SET status = 'signed', terms_payment = 'wechat', terms_old_parts = 'leave', terms_wash = 0, terms_signed_by = '客户', terms_signed_at = 1795395600 WHERE id = {oid};")
        tx(f"UPDATE repair_order SET status = 'handed_over' WHERE id = {oid};")
        tx(f"UPDATE repair_order SET status = 'dispatched', team = '机电一组' WHERE id = {oid};")
        tx(f"UPDATE repair_order_line SET clocked_on_at = 1795397400, clocked_on_by = '夏勇' WHERE repair_order_id = {oid} AND line_no = 1;"
           f"UPDATE repair_order SET status = 'in_progress' WHERE id = {oid};")
        for ln, part in ((2, "XH-15400-0001"), (3, "XH-08232-0040")):
            tx(f"UPDATE repair_order_line SET issued = 1, issued_to = '夏勇' WHERE repair_order_id = {oid} AND line_no = {ln};",
               f"UPDATE part SET stock = stock - 1 WHERE number = '{part}';"
               f"INSERT INTO stock_movement (part_number, delta, reason, reference, at, by) VALUES ('{part}', -1, 'issue', 'RO-B-{oid} line {ln}', 1795397400, '夏勇');")
        tx(f"UPDATE repair_order_line SET worked_minutes = 50, clocked_on_at = NULL, done = 1 WHERE repair_order_id = {oid} AND line_no = 1;")
        for stage in ("self", "leader", "final"):
            tx(f"INSERT INTO quality_check (repair_order_id, stage, passed, checked_by, checked_at, note) VALUES ({oid}, '{stage}', 1, 'x', 1795400400, '');"
               + (f"UPDATE repair_order SET status = 'ready_for_delivery' WHERE id = {oid};" if stage == "final" else ""))
        tx(f"UPDATE repair_order SET old_parts_shown = 0 WHERE id = {oid};")
        tx(f"UPDATE repair_order SET agreed_delivery_at = 1795408200 WHERE id = {oid};")
        tx(f"UPDATE repair_order SET status = 'delivered', delivered_at = 1795408200, next_service_on = '2027-05-23', next_service_km = {km + 5800}, follow_up_preference = '工作日晚上' WHERE id = {oid};")
        tx(f"UPDATE repair_order SET status = 'settled', settlement_signed_by = '客户' WHERE id = {oid};")
        tx(f"UPDATE repair_order SET status = 'closed', paid_method = 'wechat', paid_fen = 63280, invoice_number = '0440{i:04d}', gate_pass = 'GP-{oid}', paid_by = '莫霞', paid_at = 1795408200 WHERE id = {oid};",
           f"INSERT INTO repair_order_payment (repair_order_id, kind, method, amount_fen, by, at) VALUES ({oid}, 'payment', 'wechat', 63280, '莫霞', 1795408200);",
           history_row(visit))
    t = time.perf_counter()
    subprocess.run(["sqlite3", copy2], input=("PRAGMA journal_mode = WAL;\n" + "\n".join(sql) + "\n").encode(), check=True, stdout=subprocess.DEVNULL)
    sql_s = time.perf_counter() - t
    transactions = k
    print(f"  {f'{len(vehicles)} lifecycles ({writes} writes)':34s} lane {writes / lane_s:7.0f} writes/s ({len(vehicles) / lane_s:5.1f} orders/s, {rss:.0f} MB) "
          f"| sqlite3 {transactions / sql_s:7.0f} tx/s | x{(writes / lane_s) / (transactions / sql_s):5.2f}", flush=True)
    shutil.rmtree(work)
    return (writes / lane_s) / (transactions / sql_s)


if __name__ == "__main__":
    for n in SIZES:
        bench(n)
