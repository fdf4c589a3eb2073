#!/usr/bin/env python3
"""Fills a lane store with a realistic dealership of any size (see scripts/make-store).

Why Python through the sqlite3 module: `lane` itself makes the file (its own
schema and migrations, `seed load seeds`: the demo dealership, staff, catalogue
and settings, audit trail, row seals) and books the present day through its own
commands; only the bulk history (customers, vehicles, visits, closed repair orders
with lines, checks and timelines, the reminder log) is written here, in big
transactions with the secondary indexes dropped and rebuilt, which is what makes
1,000,000 vehicles take minutes. A Swift target would add a release build on a
machine shared by every helper and write the same rows through the same SQL.

Deterministic: the same --vehicles and --seed give the same file.
"""
import argparse
import hashlib
import heapq
import hmac
import importlib.util
import os
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta, timezone

TODAY = date(2026, 11, 23)          # the demo's Monday (seeds/README.md)
LAST_VISIT = date(2026, 11, 20)     # no visit after this day
TZ = timezone(timedelta(hours=8))

# The demo's names, phone prefixes and VIN arithmetic, from the script that made the seeds.
_spec = importlib.util.spec_from_file_location("make_seeds", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-seeds.py"))
seeds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seeds)
SURNAMES, GIVEN_1, GIVEN_2, PHONE_PREFIXES = seeds.SURNAMES, seeds.GIVEN_1, seeds.GIVEN_2, seeds.PHONE_PREFIXES
DISTRICTS = [("南山区", "粤海街道", "科技南十二路"), ("南山区", "蛇口街道", "工业八路"), ("福田区", "莲花街道", "红荔西路"),
             ("福田区", "梅林街道", "梅林路"), ("宝安区", "新安街道", "创业一路"), ("宝安区", "西乡街道", "宝安大道")]
ESTATES = seeds.ESTATES

# model: (VDS, plant, new energy)
MODELS = [("星河 S5 1.5T", "A55K2", "G", False), ("星河 S7 2.0T", "A57M3", "G", False),
          ("星河 X3 1.5T", "BX3K2", "G", False), ("星河 EV6", "CE6D2", "Z", True), ("星河 EV9", "DE9D3", "Z", True)]
VIN_VALUES, VIN_WEIGHTS = seeds.VIN_VALUES, seeds.VIN_WEIGHTS
YEAR_CODES = {2016: "G", 2017: "H", 2018: "J", 2019: "K", 2020: "L", 2021: "M", 2022: "N", 2023: "P",
              2024: "R", 2025: "S", 2026: "T", 2027: "V"}
VIN_SERIAL = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
# Offices the demo's plates (粤A, 粤B, 湘A) do not use, so generated plates never clash with them.
OFFICES = ["粤" + c for c in "CDEFGHJKLMNPQRSTUVWXYZ"] + ["湘" + c for c in "BCDEFGHJKLMN"]
ORDINARY_FIRST = [c for c in "0123456789" + PLATE_LETTERS if c not in "DF"]


def vin(model, year, serial):
    _, vds, plant, _ = model
    s = ""
    for _ in range(6):
        s = VIN_SERIAL[serial % 33] + s
        serial //= 33
    body = "LXH" + vds + "0" + YEAR_CODES[year] + plant + s
    r = sum(VIN_VALUES[c] * w for c, w in zip(body, VIN_WEIGHTS)) % 11
    return body[:8] + ("X" if r == 10 else str(r)) + body[9:]


def plate(i, ev):
    office = OFFICES[i % len(OFFICES)]
    k = i // len(OFFICES)
    if ev:   # small new-energy plate: class letter, a letter or digit, four digits
        cls = "DA"[k % 2]
        k //= 2
        return office + cls + (PLATE_LETTERS + "0123456789")[k // 10000 % 34] + f"{k % 10000:04d}"
    return office + ORDINARY_FIRST[k // 10000 % len(ORDINARY_FIRST)] + f"{k % 10000:04d}"


def phone(i):
    # A bijection of i on 0..10^8-1 (odd multiplier), so numbers never repeat within a prefix.
    prefix = PHONE_PREFIXES[i % len(PHONE_PREFIXES)]
    return prefix + f"{(i // len(PHONE_PREFIXES) * 48271 + 12345) % 100_000_000:08d}"


def epoch(day, hh, mm):
    return int(datetime(day.year, day.month, day.day, hh, mm, tzinfo=TZ).timestamp())


def add_months(day, n):
    m = day.month - 1 + n
    y = day.year + m // 12
    m = m % 12 + 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return date(y, m, min(day.day, last))


DAY_CACHE = {}


def day_facts(day):
    """The strings and times a visit day needs, worked out once per day (cProfile at 10,000 vehicles:
    isoformat, epoch and add_months were a fifth of the script's own time)."""
    f = DAY_CACHE.get(day)
    if f is None:
        f = (day.isoformat(), epoch(day, 0, 0), add_months(day, 6).isoformat(), f"{day:%Y%m%d}")
        DAY_CACHE[day] = f
    return f


CUSTOMER_INSERT = "INSERT INTO customer (id, number, name, phone, phone_reversed, address, created_at) VALUES (?,?,?,?,?,?,?)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vehicles", type=int, required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--seed", type=int, default=18)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    t0 = time.time()
    con = sqlite3.connect(a.db, isolation_level=None)
    # The file is new and thrown away if this fails: no rollback journal and no WAL while the bulk rows go
    # in (at 1,000,000 vehicles the WAL grew to 6.5 GB, every page written twice), WAL again at the end.
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -262144")
    con.execute("PRAGMA temp_store = MEMORY")
    con.execute("PRAGMA foreign_keys = OFF")
    key_text = open(a.db + ".key").read().strip()
    key = bytes.fromhex(key_text)

    advisors = [r[0] for r in con.execute("SELECT name FROM staff WHERE role = 'service_advisor' ORDER BY id")]
    techs = con.execute("SELECT name, team FROM staff WHERE role = 'technician' ORDER BY id").fetchall()
    leaders = dict(con.execute("SELECT team, name FROM staff WHERE role = 'team_leader'").fetchall())
    qc = con.execute("SELECT name FROM staff WHERE role = 'qc_inspector'").fetchone()[0]
    cashiers = [r[0] for r in con.execute("SELECT name FROM staff WHERE role = 'cashier'")]
    ops = {r[0]: r[1:] for r in con.execute("SELECT code, name, standard_hours FROM labor_operation")}
    parts = {r[0]: r[1:] for r in con.execute("SELECT number, name, price_fen FROM part")}
    rate_fen = int(con.execute("SELECT value FROM setting WHERE key = 'rates.labor_rate_fen'").fetchone()[0])
    vat_bp = int(con.execute("SELECT value FROM setting WHERE key = 'rates.vat_basis_points'").fetchone()[0])

    # A dealer group: one more advisor for every 5,000 vehicles (a real store has 4-8 for 30,000), sealed like lane seals staff.
    extra_advisors = max(0, a.vehicles // 5000 - len(advisors))
    for n in range(extra_advisors):
        name = SURNAMES[n % len(SURNAMES)] + GIVEN_2[n // len(SURNAMES) % len(GIVEN_2)] + ("" if n < len(SURNAMES) * len(GIVEN_2) else str(n))
        if con.execute("SELECT 1 FROM staff WHERE name = ?", (name,)).fetchone():
            continue
        con.execute("INSERT INTO staff (name, role, team, phone) VALUES (?, 'service_advisor', NULL, ?)", (name, phone(10_000_000 + n)))
        facts = "\x1f".join(["staff", name, "service_advisor", "-"])
        con.execute("INSERT OR REPLACE INTO row_seal (kind, ref, mac) VALUES ('staff', ?, ?)",
                    (name, hmac.new(key, facts.encode(), hashlib.sha256).hexdigest()))
        advisors.append(name)

    # Secondary indexes are dropped while the bulk rows go in and built again after: much faster than keeping them up to date.
    big = ("customer", "vehicle", "vehicle_event", "repair_order", "repair_order_line", "quality_check", "repair_order_event", "reminder_log",
           "follow_up")
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (%s)"
                          % ",".join("?" * len(big)), big).fetchall()
    con.execute("BEGIN")
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")

    base_customer = con.execute("SELECT COALESCE(MAX(id), 0), COALESCE(MAX(number), 0) FROM customer").fetchone()
    base_vehicle = con.execute("SELECT COALESCE(MAX(id), 0) FROM vehicle").fetchone()[0]
    next_event = con.execute("SELECT COALESCE(MAX(id), 0) FROM vehicle_event").fetchone()[0] + 1
    next_order = con.execute("SELECT COALESCE(MAX(id), 0) FROM repair_order").fetchone()[0] + 1
    next_check = con.execute("SELECT COALESCE(MAX(id), 0) FROM quality_check").fetchone()[0] + 1
    next_ro_event = con.execute("SELECT COALESCE(MAX(id), 0) FROM repair_order_event").fetchone()[0] + 1
    day_numbers = {}
    created_at = epoch(TODAY, 9, 0)
    to_make = max(0, a.vehicles - base_vehicle)
    customer_id, customer_number = base_customer
    counts = dict(customers=0, vehicles=0, events=0, orders=0, lines=0, checks=0, timeline=0, log=0, follow_ups=0)

    customers, vehicles, events, orders, lines, checks, timeline, log, follow_ups = [], [], [], [], [], [], [], [], []

    def flush(final=False):
        if len(events) < 200_000 and not final:
            return
        con.executemany(CUSTOMER_INSERT, customers)
        con.executemany("INSERT INTO vehicle (id, vin, plate, model, owner_id, sold_on, mileage, mileage_on, created_at) VALUES (?,?,?,?,?,?,?,?,?)", vehicles)
        con.executemany("INSERT INTO vehicle_event (id, vehicle_id, kind, visit_kind, occurred_on, mileage, detail, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?)", events)
        con.executemany("""INSERT INTO repair_order (id, number, opened_on, vehicle_id, customer_id, advisor, opened_at, status, complaint,
            checkin_mileage, checkin_fuel, checkin_covers, checkin_damage, checkin_valuables, checkin_equipment, warranty, documents_taken,
            promised_at, terms_payment, terms_old_parts, terms_wash, terms_signed_by, terms_signed_at, team, washed, agreed_delivery_at,
            next_service_on, next_service_km, follow_up_preference, old_parts_shown, delivered_at, settlement_signed_by, paid_method,
            paid_fen, invoice_number, gate_pass, paid_by, paid_at) VALUES (?,?,?,?,?,?,?,'closed',?,?,4,1,'无','none','',?,1,?,?,'leave',0,?,?,?,0,?,?,?,'工作日晚上',0,?,?,?,?,?,?,?,?)""", orders)
        con.executemany("""INSERT INTO repair_order_line (repair_order_id, line_no, kind, code, name, hours, quantity, unit_fen, payer, origin,
            approval, safety, issued, issued_to, worked_minutes, clocked_on_at, clocked_on_by, done) VALUES (?,?,?,?,?,?,?,?,?,'estimate','approved',0,?,?,?,NULL,?,?)""", lines)
        con.executemany("INSERT INTO quality_check (id, repair_order_id, stage, passed, checked_by, checked_at, note) VALUES (?,?,?,1,?,?,'')", checks)
        con.executemany("INSERT INTO repair_order_event (id, repair_order_id, at, by, kind, detail) VALUES (?,?,?,?,?,?)", timeline)
        con.executemany("INSERT INTO reminder_log (vehicle_id, kind, due_on, outcome, reason, at, by, reference) VALUES (?,?,?,?,?,?,?,NULL)", log)
        con.executemany("INSERT INTO follow_up (repair_order_id, call, outcome, score, comment, at, by) VALUES (?,?,?,?,?,?,?)", follow_ups)
        for name, rows in (("customers", customers), ("vehicles", vehicles), ("events", events), ("orders", orders), ("lines", lines),
                           ("checks", checks), ("timeline", timeline), ("log", log), ("follow_ups", follow_ups)):
            counts[name] += len(rows)
            rows.clear()

    # The rows go in in the order a dealership's system writes them, day by day: a day's repair orders, checks,
    # timelines and history rows get neighbouring ids, as in a store that ran for years, so a list of one day's
    # orders (follow-ups, surveys, a month's report) finds them on a few pages. (Written vehicle by vehicle,
    # one day's 2,900 orders at 1M vehicles lay on as many pages.) First every customer and car, in the order
    # they came on the books; then each car's sale and visits from a queue ordered by day.
    owner = None
    owner_cars = 0
    first_day = date(2018, 1, 1)
    span = (TODAY - first_day).days
    # Per car: vid, model, sold, sale_km, rate, loyal_until, vin, plate, owner, day, km, served, last_visit, next kind
    cars = {}
    queue = []
    for i in range(to_make):
        vid = base_vehicle + 1 + i
        # About one customer in six owns two cars.
        if owner is None or owner_cars >= (2 if rng.random() < 0.17 else 1):
            customer_id += 1
            customer_number += 1
            name = rng.choice(SURNAMES) + (rng.choice(GIVEN_1) if rng.random() < 0.3 else rng.choice(GIVEN_2))
            ph = phone(customer_number)
            dist, office, road = rng.choice(DISTRICTS)
            address = f"广东省深圳市{dist}{office}{road}{rng.randint(1, 199)}号{rng.choice(ESTATES)}{rng.randint(1, 12)}栋{rng.randint(2, 32)}{rng.randint(1, 8):02d}" \
                if rng.random() < 0.95 else None
            customers.append((customer_id, customer_number, name, ph, ph[::-1], address, created_at))
            owner = (customer_id, name, customer_number)
            owner_cars = 0
        owner_cars += 1
        model = rng.choice(MODELS)
        # Newer cars are more numerous: a dealership that grew.
        sold = first_day + timedelta(days=int(span * (rng.random() ** 0.7)))
        if sold > TODAY - timedelta(days=1):
            sold = TODAY - timedelta(days=1)
        sale_km = rng.randint(5, 40)
        rate = rng.uniform(15, 110)
        # How long the customer keeps coming back (a lost customer stops).
        loyal_until = sold + timedelta(days=int(rng.expovariate(1 / 560)))
        cars[vid] = [vid, model, sold, sale_km, rate, loyal_until, vin(model, sold.year, vid), plate(i, model[3]), owner,
                     None, sale_km, False, sold, None]
        queue.append((sold.toordinal(), vid))
        if len(customers) >= 100_000:
            con.executemany(CUSTOMER_INSERT, customers)
            counts["customers"] += len(customers)
            customers.clear()
    heapq.heapify(queue)
    finished, calls = [], []
    while queue:
        _, vid = heapq.heappop(queue)
        car = cars[vid]
        _, model, sold, sale_km, rate, loyal_until, v, p, owner, day, km, served, last_visit, kind = car
        ev = model[3]
        if day is None:
            events.append((next_event, vid, "sold", None, sold.isoformat(), sale_km, f"sold to {owner[1]} C{owner[2]:04d}", created_at, "admin"))
            next_event += 1
            day = sold
        else:
            km = sale_km + int(rate * (day - sold).days)
            if kind in ("first_service", "regular_service"):
                served = True
            last_visit = day
            # The closed repair order behind the visit: lines, three checks, a timeline.
            n = day_numbers.get(day, 0) + 1
            day_numbers[day] = n
            day_iso, midnight, nxt_iso, ymd = day_facts(day)
            number = f"RO-{ymd}-{n:04d}"
            advisor = advisors[vid % len(advisors)]
            tech, team = techs[(vid + n) % len(techs)]
            cashier = cashiers[n % len(cashiers)]
            opened = midnight + (8 + n % 9) * 3600 + (n * 7) % 60 * 60
            done_at = opened + 3 * 3600
            if kind == "first_service":
                job = [("labor", "MNT-FIRST"), ("part", "XH-15400-0001"), ("part", "XH-08232-0040")]
            elif kind == "regular_service":
                job = [("labor", "MNT-EV" if ev else "MNT-5K")] + ([] if ev else [("part", "XH-15400-0001"), ("part", "XH-08232-0040")])
            elif kind == "repair":
                job = rng.choice([[("labor", "BRK-PAD-F"), ("part", "XH-45022-0011")], [("labor", "WIPER"), ("part", "XH-76620-0030")],
                                  [("labor", "BAT-12V"), ("part", "XH-31500-0060")], [("labor", "AC-RECHARGE"), ("part", "XH-80080-0001")]])
            elif kind == "accident":
                job = [("labor", "PAINT-BUMPER"), ("labor", "BUMPER-F"), ("part", "XH-71101-0101")]
            else:
                job = [("labor", "DIAG-FULL")]
            labour = parts_total = 0
            names = []
            for ln, (lk, code) in enumerate(job, start=1):
                if lk == "labor":
                    nm, hours = ops[code]
                    unit = rate_fen
                    labour += hours * rate_fen // 100
                    lines.append((next_order, ln, "labor", code, nm, hours, 1, unit, "customer", 0, None, hours * 60 // 100, tech, 1))
                else:
                    nm, price = parts[code]
                    parts_total += price
                    lines.append((next_order, ln, "part", code, nm, 0, 1, price, "customer", 1, tech, 0, None, 0))
                names.append(nm)
            net = labour + parts_total
            total = net + (net * vat_bp + 5000) // 10000
            detail = f"{number} " + " ".join(names)
            events.append((next_event, vid, "visit", kind, day_iso, km, detail, done_at, cashier))
            next_event += 1
            nxt = nxt_iso
            orders.append((next_order, number, day_iso, vid, owner[0], advisor, opened, "保养" if "service" in kind else "维修",
                           km, "not_covered", opened + 7200, "wechat", owner[1], opened, team, done_at, nxt, km + 5000,
                           done_at, owner[1], "wechat", total, f"0440{next_order:08d}", f"GP-{ymd}-{n:04d}", cashier, done_at))
            for stage, who in (("self", tech), ("leader", leaders.get(team, tech)), ("final", qc)):
                checks.append((next_check, next_order, stage, who, done_at - 1800, ))
                next_check += 1
            for at, by, k, text in ((opened, advisor, "open", f"opened for {p} by {advisor}"),
                                    (opened + 600, advisor, "sign", f"work order signed by {owner[1]} [reception → signed]"),
                                    (opened + 900, tech, "dispatch", f"dispatched to {team} [signed → dispatched]"),
                                    (done_at - 1800, qc, "check", "final QC passed [in_progress → ready_for_delivery]"),
                                    (done_at, advisor, "deliver", f"delivered; next service {nxt} or {km + 5000} km [ready_for_delivery → delivered]"),
                                    (done_at, advisor, "settle", f"settlement signed: total ¥{total // 100}.{total % 100:02d} [delivered → settled]"),
                                    (done_at, cashier, "pay", f"paid ¥{total // 100}.{total % 100:02d} by wechat; closed [settled → closed]")):
                timeline.append((next_ro_event, next_order, at, by, k, text))
                next_ro_event += 1
            # Customer service's calls after the visit (R6.1, R6.4): the quality call the next day (now and then
            # not reached at first), the tracking call on the fourth; the last days' calls are still to make.
            quality_at = epoch(day + timedelta(days=1), 10, (vid * 7) % 50)
            if rng.random() < 0.15:
                follow_ups.append((next_order, "quality", "unreachable", None, "", quality_at, "蒋芳"))
                quality_at += 7200
            if rng.random() < 0.93 and quality_at < created_at:
                score = rng.choice((5, 5, 5, 4, 4, 3))
                follow_ups.append((next_order, "quality", "reached", score, "" if score > 3 else "等待时间长", quality_at, "蒋芳"))
            tracking_at = epoch(day + timedelta(days=4), 15, (vid * 11) % 50)
            if rng.random() < 0.85 and tracking_at < created_at:
                follow_ups.append((next_order, "tracking", "reached", None, "", tracking_at, "蒋芳"))
            next_order += 1
        # The next visit: the first service, then now and then a repair, else the regular service.
        if not served:
            gap = min(60, int(2000 / rate)) + rng.randint(-10, 5)
            kind = "first_service"
        elif rng.random() < 0.18:
            gap = rng.randint(20, 90)
            kind = rng.choice(["repair", "repair", "accident", "other"])
        else:
            gap = min(182, int(5000 / rate)) + rng.randint(-7, 20)
            kind = "regular_service"
        nxt_day = day + timedelta(days=max(7, gap))
        if nxt_day <= LAST_VISIT and nxt_day <= loyal_until:
            car[9:14] = [nxt_day, km, served, last_visit, kind]
            heapq.heappush(queue, (nxt_day.toordinal(), vid))
        else:
            del cars[vid]
            # A lost customer (R1.3: due 180 days after the last visit) was called: some declined, some did not answer.
            lost_on = last_visit + timedelta(days=180)
            if lost_on < TODAY and rng.random() < 0.5:
                outcome = rng.choice(["declined", "declined", "unreachable"])
                called = epoch(lost_on + timedelta(days=rng.randint(0, 20)), 10, 0)
                if called < created_at:
                    calls.append((vid, "lost_customer", lost_on.isoformat(), outcome,
                                  rng.choice(["已在其他店保养", "车辆已出售", "离店太远"]) if outcome == "declined" else "", called, "蒋芳"))
            finished.append((vid, v, p, model[0], owner[0], sold.isoformat(), km if km else sale_km, last_visit.isoformat(), created_at))
        flush()
    # The cars in the order of their ids, the calls in the order they were made.
    vehicles.extend(sorted(finished))
    log.extend(sorted(calls, key=lambda c: (c[5], c[0])))
    flush(final=True)
    for day, n in day_numbers.items():
        con.execute("INSERT INTO number_series (series, last) VALUES (?, ?) ON CONFLICT(series) DO UPDATE SET last = MAX(last, excluded.last)",
                    (f"RO-{day:%Y%m%d}", n))
    con.execute("INSERT INTO number_series (series, last) VALUES ('customer', ?) ON CONFLICT(series) DO UPDATE SET last = excluded.last",
                (customer_number,))
    for name, sql in indexes:
        con.execute(sql)
    # The reminder schedule (migration v20) is lane's to work out, by its own rules: dropping it with its
    # migration's record makes the next `lane` that opens the file build it again for every vehicle. The
    # later migrations that changed the table's indexes (v35: the due list read from its index alone) go
    # with it, or the store would keep v20's indexes where every store lane migrated has v35's.
    # scripts/make-store compares the finished file's schema with a new store's.
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'reminder_schedule'").fetchone():
        con.execute("DROP TABLE reminder_schedule")
        con.execute("DELETE FROM grdb_migrations WHERE identifier LIKE 'v20 %' OR identifier LIKE 'v35 %'")
    # The same for `customer find`'s search keys (v19: every suffix of the name, its pinyin and initials, and
    # the pinyin sort key), which only lane can work out: without them a bulk customer is found by phone but
    # not by name or pinyin. v19 also added the sort key column, so that goes too and comes back filled.
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'customer_search_key'").fetchone():
        con.execute("DROP TABLE customer_search_key")
        con.execute("DROP INDEX customer_by_sort_key")
        con.execute("ALTER TABLE customer DROP COLUMN sort_key")
        con.execute("DELETE FROM grdb_migrations WHERE identifier LIKE 'v19 %'")
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    print("make-store: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" in {time.time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
