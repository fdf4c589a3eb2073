#!/usr/bin/env python3
"""Writes seeds/history.lane: three months of closed repair orders for the demo
dealership (2026-08-24 to 2026-11-19), so that every chart of `report kpi`
(docs/kpis.md) shows a shape. Deterministic (a fixed seed); rerun it rather
than editing the file. scripts/demo runs it after `seed load`, before
scripts/demo-day.lane (whose orders start on 2026-11-21).

Every order goes through the real steps (open, check-in, estimate, sign,
dispatch, clock-on/off, the three checks, delivery, settlement, payment), so
the figures are worked out from recorded events, never typed in: some come by
appointment (and some appointments are missed and followed up), some
customers wait at the store, some parts are back-ordered and the car invited
back, a few jobs come back as comebacks (`ro comeback`), lost customers are
called, and about half the quality calls take the satisfaction survey. The
plates used by scripts/demo-day.lane and seeds/monday.lane are left alone,
and no appointment falls on 11-19 or later (those scripts number them).
The script stops at the first error: it must run clean.
"""
import csv, datetime, random, pathlib, re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
rng = random.Random(19)

RATE = 28000          # rates.labor_rate_fen
VAT_BP = 1300         # rates.vat_basis_points
START, END = datetime.date(2026, 8, 24), datetime.date(2026, 11, 19)  # the demo's own scripts number orders from 11-20
SKIP = {"粤B27DP2", "粤BB8554", "粤BB9188", "粤BJ0Q65", "粤B6R1C3", "粤BC4548", "粤BD92702", "粤BDN4595", "粤BG6396", "粤BV9679", "粤BY4531"}
ADVISORS = ["薛淑芬", "顾静", "赵海燕", "钟慧敏"]
TEAMS = {"机电一组": ("程国栋", ["夏勇", "许思远", "吕颖"]), "机电二组": ("江静", ["叶丽华", "白健", "姚美玲"])}
JOBS = [("MNT-5K", 80, "5000公里保养"), ("MNT-20K", 160, "20000公里保养"), ("BRK-PAD-R", 120, "后刹车异响"),
        ("AC-RECHARGE", 80, "空调不凉"), ("SPARK-PLUG", 60, "发动机抖动"), ("BRK-FLUID", 80, "刹车偏软")]
PARTS = {}
with open(SEEDS / "parts.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        PARTS[row["number"]] = (round(float(row["price"]) * 100), int(row["stock"]))


def half_up(n, d):
    q, r = divmod(n, d)
    return q + 1 if 2 * r >= d else q


def yuan(fen):
    return f"{fen // 100}.{fen % 100:02d}"


def scripted_plates():
    """The cars the demo's own scripts work on (their readings and call lists must stay as those scripts expect)."""
    text = "".join((ROOT / name).read_text(encoding="utf-8") for name in ("seeds/monday.lane", "scripts/demo-day.lane"))
    return set(re.findall(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}", text))


def vehicles():
    km = {}
    with open(SEEDS / "visits.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            km[row["plate"]] = max(km.get(row["plate"], 0), int(row["mileage"]))
    with open(SEEDS / "vehicles.csv", encoding="utf-8") as f:
        # Cars sold before the history starts, so that each was on the road for all of it.
        plates = [r["plate"] for r in csv.DictReader(f) if r["plate"] not in SKIP | scripted_plates() and r["sold"] < START.isoformat()]
    return {p: km.get(p, 1000) for p in plates}


REASONS = ["价格偏高", "已在外地保养", "最近太忙", "车已转卖"]
# Calls to the history's lost and overdue customers (R1.2, R1.3), from what seeds/visits.csv says of them:
# (day, plate, kind, outcome, reason). A booked win-back call brings the car in by appointment.
POOL_CALLS = [
    ("2026-08-25", "粤A8LP59", "lost_customer", "unreachable", ""),
    ("2026-08-26", "粤BN6095", "regular_service", "unreachable", ""),
    ("2026-08-28", "粤BD11513", "regular_service", "unreachable", ""),
    ("2026-09-01", "粤A8LP59", "lost_customer", "unreachable", ""),
    ("2026-09-02", "粤BN6095", "regular_service", "declined", "价格偏高"),
    ("2026-09-08", "粤A8LP59", "lost_customer", "booked", ""),
    ("2026-09-15", "粤BD11513", "lost_customer", "declined", "已在外地保养"),
    ("2026-10-28", "粤BN6095", "lost_customer", "unreachable", ""),
    ("2026-11-03", "粤BN6095", "lost_customer", "booked", ""),
]
POOL = {plate for _, plate, _, _, _ in POOL_CALLS}


COMPLAINT_AT_OR_BELOW = 2   # a quality call scored this or lower opens a complaint (FollowUpRecord.complaintAtOrBelow)
FINDINGS = [("交车晚于承诺时间，客户等待过久", "向客户致歉，调整派工排班"), ("保养后仍有异响，技师未试车确认", "免费返工并加入试车检查项"),
            ("结算单费用未提前说明", "退还差额，服务顾问重新培训报价流程"), ("洗车不干净，车内有油污", "重新清洗并赠送洗车券")]


class Complaints:
    """The complaints the quality calls open (a score of 2 or lower), and what customer service does with them:
    most investigated and resolved within kpi.complaint_days (3 days), some later, a few still open, so that
    "complaints closed in time" has a shape. Its own random stream, so the rest of the history is unchanged."""

    def __init__(self):
        self.rng = random.Random(1919)
        self.count = 0      # complaint numbers: the store's first complaints are the history's, 1, 2, 3 ...
        self.due = {}       # day -> [(number, finding, action)]

    def opened(self, day):
        self.count += 1
        fate = self.rng.random()
        if fate < 0.15:
            return          # still open
        after = self.rng.choice([1, 2]) if fate < 0.70 else self.rng.choice([4, 5, 6, 8])
        finding, action = self.rng.choice(FINDINGS)
        self.due.setdefault(day + datetime.timedelta(days=after), []).append((self.count, finding, action))

    def handled(self, day):
        """The morning's investigations and resolutions, by customer service, after the day's calls (08:30)."""
        lines = []
        for number, finding, action in self.due.pop(day, []):
            lines += [f"clock set {day.isoformat()}T08:35", "set user 蒋芳",
                      f"complaint investigate {number} --finding '{finding}'", f"complaint resolve {number} --action '{action}'"]
        return lines


class SpecialVisits:
    """Visits the rest of the history has none of, so that their charts have a shape too: a young car's first
    service (MNT-FIRST, free by the brand's package, with paid wipers) and, now and then, a repair with a
    software upgrade under warranty (`ro warranty covered`). Its own random stream, so the rest is unchanged."""

    FIRST_JOB = ("MNT-FIRST", 100, "首次保养")

    def __init__(self):
        self.rng = random.Random(1920)
        self.first_done = set()

    def kind(self, plate, km):
        roll = self.rng.random()
        if km < 10000 and plate not in self.first_done:
            self.first_done.add(plate)
            return "first"
        return "warranty" if roll < 0.08 else None


def main():
    fleet = vehicles()
    complaints = Complaints()
    special_visits = SpecialVisits()
    plates = [p for p in fleet if p not in POOL]
    stock = {k: v[1] for k, v in PARTS.items()}
    out = ["# Written by scripts/make-kpi-history.py: three months of closed repair orders for `report kpi`,",
           "# with appointments (kept and missed), reminder calls, back-orders, comebacks, waiting customers and surveys.",
           "# Run on a fresh demo database after `seed load`, before scripts/demo-day.lane."]
    invoice = 900000
    yesterday = []
    scheduled = {}      # day -> visits already decided (appointments, comebacks)
    busy = {}           # plate -> last day it is spoken for (booked, back for a comeback, a delay to call about)
    appt_count = {}     # appointment day -> how many booked for it so far (AP-YYYYMMDD-NNN)
    calls = {}          # day -> [(plate, kind, outcome, reason, advisor, then)]
    for d, plate, kind, outcome, reason in POOL_CALLS:
        calls.setdefault(datetime.date.fromisoformat(d), []).append((plate, kind, outcome, reason, "薛淑芬", None))
    last_appt_day = END - datetime.timedelta(days=1)   # the demo's own scripts number appointments from 11-19

    def book(on, plate, advisor, when, job, after=None, channel="inbound"):
        """An appointment booked on day `on` for `when`; returns its number and adds the visit to that day."""
        n = appt_count.get(when.date(), 0) + 1
        appt_count[when.date()] = n
        number = f"AP-{when.strftime('%Y%m%d')}-{n:03d}"
        extra = f" --after {after}" if after else ""
        out.append(f"appt book {plate} --at {when.isoformat(timespec='minutes')} --job '{job}' --channel {channel} --accept-peak{extra}")
        busy[plate] = max(busy.get(plate, on), when.date())
        return number

    day = START
    while day <= END:
        weekday = day.weekday()
        # A shape: busier at month ends and on Saturdays, quieter on Sundays, growing through the autumn.
        base = 2 + (1 if day.day >= 25 else 0) + (1 if weekday == 5 else 0) - (1 if weekday == 6 else 0) + (day - START).days // 45
        count = max(1, base - 1 + rng.randint(-1, 1))
        out.append(f"\n# {day.isoformat()}")
        out.append(f"clock set {day.isoformat()}T08:30")
        out.append("set user 蒋芳")
        for number, score in yesterday:
            if rng.random() < 0.85:
                out.append(f"followup record {number} quality --score {score}")
                if score <= COMPLAINT_AT_OR_BELOW:
                    complaints.opened(day)
                # About half also answer the satisfaction survey (the survey plugin's NPS and CSI).
                if rng.random() < 0.5:
                    csi = [max(1, min(5, score + rng.choice([-1, 0, 0, 1]))) for _ in range(4)]
                    nps = max(0, min(10, 2 * score + rng.choice([-2, -1, 0, 0, 1])))
                    out.append(f"survey start {number} --answers {','.join(map(str, csi))},{nps}")
                    # The survey opens one too when an answer is the lowest or its CSI is below 60 (store.toml's
                    # complaint_below: 4 answers of 1-5, so (Σ answer − 4) × 62.5 < 60.0), unless the call did.
                    if score > COMPLAINT_AT_OR_BELOW and (min(csi) == 1 or sum(csi) - 4 <= 9):
                        complaints.opened(day)
            else:
                out.append(f"followup record {number} quality --outcome unreachable")
        yesterday = []
        out.extend(complaints.handled(day))
        # Reminder calls of the day: won-back customers and second attempts are booked two or three days ahead.
        for plate, kind, outcome, reason, advisor, then in calls.pop(day, []):
            out.append(f"clock set {day.isoformat()}T08:40")
            out.append(f"set user {advisor}")
            when = datetime.datetime.combine(day + datetime.timedelta(days=rng.choice([2, 3])), datetime.time(rng.choice([9, 10, 14, 15]), 0))
            if outcome == "booked" and kind == "missed_appointment":
                if when.date() <= last_appt_day:
                    number = book(day, plate, advisor, when, "常规保养", after=then, channel="outbound")
                    scheduled.setdefault(when.date(), []).append({"plate": plate, "advisor": advisor, "appt": number, "time": when})
                continue
            out.append(f"remind log {plate} {kind} --outcome {outcome}" + (f" --reason {reason}" if reason else ""))
            if outcome == "booked" and kind == "lost_customer" and when.date() <= last_appt_day:
                number = book(day, plate, advisor, when, "常规保养", channel="outbound")
                scheduled.setdefault(when.date(), []).append({"plate": plate, "advisor": advisor, "appt": number, "time": when})
        # Appointments for two or three days ahead, booked from the morning's calls.
        for lead in (2, 3):
            target = day + datetime.timedelta(days=lead)
            if target > last_appt_day or rng.random() < 0.35:
                continue
            free = [p for p in plates if busy.get(p, START - datetime.timedelta(days=1)) < day]
            if not free:
                continue
            plate = rng.choice(free)
            advisor = rng.choice(ADVISORS)
            when = datetime.datetime.combine(target, datetime.time(rng.choice([9, 10, 11, 13, 14, 15]), rng.choice([0, 30])))
            out.append(f"clock set {day.isoformat()}T08:{45 + lead}")
            out.append(f"set user {advisor}")
            number = book(day, plate, advisor, when, rng.choice(JOBS)[2])
            visit = {"plate": plate, "advisor": advisor, "appt": number, "time": when}
            # About one booking in eight does not come (R2.8): a second attempt is offered three days later.
            if rng.random() < 0.12:
                visit["no_show"] = True
                follow = target + datetime.timedelta(days=3)
                busy[plate] = max(busy[plate], follow)
                if follow <= END:
                    if rng.random() < 0.5:
                        calls.setdefault(follow, []).append((plate, "missed_appointment", "booked", "", advisor, number))
                    else:
                        calls.setdefault(follow, []).append((plate, "missed_appointment", "declined", rng.choice(REASONS), advisor, number))
            scheduled.setdefault(target, []).append(visit)
        todays = scheduled.pop(day, [])
        for v in todays:
            if v.get("no_show"):
                out.append(f"clock set {(v['time'] + datetime.timedelta(minutes=30)).isoformat(timespec='minutes')}")
                out.append(f"set user {v['advisor']}")
                out.append(f"appt no-show {v['appt']}")
        visits = [v for v in todays if not v.get("no_show")]
        used = {v["plate"] for v in todays}
        walk_ins = max(0, count - len(visits))
        for n in range(walk_ins):
            free = [p for p in plates if p not in used and busy.get(p, START - datetime.timedelta(days=1)) < day]
            if not free:
                break
            plate = rng.choice(free)
            used.add(plate)
            hour = 9 + n * 8 // max(walk_ins, 1)
            visits.append({"plate": plate, "advisor": rng.choice(ADVISORS), "appt": None,
                           "time": datetime.datetime.combine(day, datetime.time(hour, rng.choice([0, 10, 20, 30, 40])))})
        visits.sort(key=lambda v: (v["time"], v["plate"]))
        for n, v in enumerate(visits, start=1):
            plate, advisor = v["plate"], v["advisor"]
            comeback = v.get("comeback_of")
            team = v.get("team") or rng.choice(list(TEAMS))
            leader, techs = TEAMS[team]
            tech = rng.choice(techs)
            code, hours, text = v.get("job") or rng.choice(JOBS)
            special = None if comeback else special_visits.kind(plate, fleet[plate])
            if special == "first":
                code, hours, text = SpecialVisits.FIRST_JOB
            if not comeback:
                fleet[plate] += rng.randint(2500, 6000)
            else:
                fleet[plate] += rng.randint(20, 200)
            labour = [(code, hours, "estimate")]
            parts = []
            if not comeback and rng.random() < 0.4:
                labour.append(("BRK-PAD-F", 100, "recommended"))
            if special == "first":
                labour.append(("WIPER", 10, "estimate"))
            elif special == "warranty":
                labour.append(("SW-UPGRADE", 50, "warranty"))
            part = rng.choice(["XH-15400-0001", "XH-17220-0003"])
            if not comeback and rng.random() < 0.5 and stock.get(part, 0) > 4:
                parts.append(part)
                stock[part] -= 1
            now = v["time"]
            waits = rng.random() < 0.45
            out.append(f"clock set {now.isoformat(timespec='minutes')}")
            out.append(f"set user {advisor}")
            out.append(f"appt arrive {v['appt']}" if v["appt"] else f"ro open {plate}")
            out.append(f"ro complaint --text '{text}" + ("，修后复发" if comeback else "") + "'")
            if comeback:
                out.append(f"ro comeback {comeback}")
            out.append(f"ro check-in --mileage {fleet[plate]} --fuel {rng.randint(2, 8)} --covers" + (" --waits" if waits else ""))
            out.append("ro warranty covered" if special == "warranty" else "ro warranty not_covered")
            out.append("ro documents")
            line = 0
            approved = []
            declined = False
            for c, h, origin in labour:
                line += 1
                out.append(f"ro labor {c}" + (" --recommended --safety" if origin == "recommended" else "")
                           + (" --payer warranty" if origin == "warranty" else ""))
                if origin == "recommended":
                    if rng.random() < 0.55:
                        approved.append((line, h))
                        out.append(f"ro approve {line}")
                    else:
                        declined = True
                        out.append(f"ro decline {line}")
                else:
                    approved.append((line, h))
            part_lines = []
            back_order = None
            for p in parts:
                line += 1
                part_lines.append((line, p))
                out.append(f"ro part {p}")
                # Now and then the part is short: the car is registered as waiting for it (R1.4), and invited
                # back once it is in (a reminder call two or three days after the delivery).
                if back_order is None and rng.random() < 0.15:
                    back_order = p
                    out.append(f"remind delay {plate} --part {p} --expected {(day + datetime.timedelta(days=3)).isoformat()} --note 已告知客户到货后通知")
            discount_pct = 5 if not comeback and rng.random() < 0.15 else 0
            if discount_pct:
                out.append(f"ro discount --percent {discount_pct} --reason 老客户优惠")
            out.append("ro promise")
            out.append("ro sign --payment wechat --old-parts leave --wash no --signed-by 车主")
            out.append("ro handover")
            out.append("set user 何子涵")
            out.append(f"ro dispatch --team {team}")
            out.append(f"set user {tech}")
            for l, _ in part_lines:
                out.append(f"ro issue {l} --to {tech}")
            sold = sum(h for _, h in approved)
            # Worked time around the standard: some technicians beat it, some do not.
            minutes = max(20, sold * 60 // 100 + rng.randint(-15, 35))
            # One line at a time (a technician is clocked on one line), the time shared between them.
            for i, (l, _) in enumerate(approved):
                share = minutes // len(approved) + (minutes % len(approved) if i == 0 else 0)
                out.append(f"ro clock-on {l} --tech {tech}")
                out.append(f"clock advance {share}m")
                out.append(f"ro clock-off {l} --finished")
            now += datetime.timedelta(minutes=minutes)
            out.append("ro check self --pass")
            out.append(f"set user {leader}")
            out.append("ro check leader --pass --note 正常")
            out.append("set user 赵子涵")
            out.append("ro check final --pass")
            out.append(f"set user {advisor}")
            out.append("ro delivery-check")
            # Most cars go out at once; some wait (late against the promise). A waiting customer is seldom kept long.
            wait = rng.choice([5, 10, 15, 20, 30, 60] if waits else [5, 10, 15, 20, 30, 60, 150, 240])
            out.append(f"clock advance {wait}m")
            now += datetime.timedelta(minutes=wait)
            out.append(f"ro notify --at {(now + datetime.timedelta(minutes=5)).strftime('%H:%M')}")
            out.append(f"ro deliver --next-date {(day + datetime.timedelta(days=180)).isoformat()} --next-km {fleet[plate] + 5000} --call-time 工作日上午"
                       + (" --fault-gone" if comeback else ""))
            labour_fen = sum(half_up(h * RATE, 100) for _, h in approved)
            parts_fen = sum(PARTS[p][0] for p in parts)
            net = labour_fen + parts_fen
            off = half_up(net * discount_pct, 100)
            net -= off
            out.append("ro settle --signed-by 车主" + (" --declined-signed" if declined else ""))
            out.append(f"set user {rng.choice(['莫霞', '潘立新'])}")
            invoice += 1
            # The part without an amount takes what is due (a brand's free first-service package included).
            out.append(f"ro pay --split wechat --invoice {invoice}")
            number = f"RO-{day.strftime('%Y%m%d')}-{n:04d}"
            yesterday.append((number, rng.choices([5, 4, 3, 2], weights=[55, 30, 10, 5])[0]))
            if back_order:
                call = day + datetime.timedelta(days=rng.choice([2, 3]))
                busy[plate] = max(busy.get(plate, day), call)
                if call <= END:
                    calls.setdefault(call, []).append((plate, "delayed_delivery", "booked", "", advisor, None))
            # About one job in twenty comes back within the week for the same fault (返修), linked by the advisor.
            back = day + datetime.timedelta(days=rng.choice([2, 3, 4, 5]))
            if not comeback and rng.random() < 0.05 and back <= END and busy.get(plate, day) <= day and special != "first":
                busy[plate] = back
                scheduled.setdefault(back, []).append({
                    "plate": plate, "advisor": advisor, "appt": None, "comeback_of": number, "team": team, "job": (code, hours, text),
                    "time": datetime.datetime.combine(back, datetime.time(8, rng.choice([40, 50])))})
        day += datetime.timedelta(days=1)
    (SEEDS / "history.lane").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
