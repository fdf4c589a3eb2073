#!/usr/bin/env python3
"""Writes seeds/history.lane: three months of closed repair orders for the demo
dealership (2026-08-24 to 2026-11-19), so that every chart of `report kpi`
(docs/kpis.md) shows a shape. Deterministic (a fixed seed); rerun it rather
than editing the file. scripts/demo runs it after `seed load`, before
scripts/demo-day.lane (whose orders start on 2026-11-21).

Every order goes through the real steps (open, check-in, estimate, sign,
dispatch, clock-on/off, the three checks, delivery, settlement, payment), so
the figures are worked out from recorded events, never typed in. The plates
used by scripts/demo-day.lane and seeds/monday.lane are left alone.
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


def main():
    fleet = vehicles()
    plates = list(fleet)
    stock = {k: v[1] for k, v in PARTS.items()}
    out = ["# Written by scripts/make-kpi-history.py: three months of closed repair orders for `report kpi`.",
           "# Run on a fresh demo database after `seed load`, before scripts/demo-day.lane.", "set on-error continue"]
    invoice = 900000
    yesterday = []
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
            else:
                out.append(f"followup record {number} quality --outcome unreachable")
        yesterday = []
        used = set()
        for n in range(1, count + 1):
            plate = rng.choice([p for p in plates if p not in used])
            used.add(plate)
            advisor = rng.choice(ADVISORS)
            team = rng.choice(list(TEAMS))
            leader, techs = TEAMS[team]
            tech = rng.choice(techs)
            code, hours, text = rng.choice(JOBS)
            fleet[plate] += rng.randint(2500, 6000)
            labour = [(code, hours, "estimate")]
            parts = []
            if rng.random() < 0.4:
                labour.append(("BRK-PAD-F", 100, "recommended"))
            part = rng.choice(["XH-15400-0001", "XH-17220-0003"])
            if rng.random() < 0.5 and stock.get(part, 0) > 4:
                parts.append(part)
                stock[part] -= 1
            now = datetime.datetime.combine(day, datetime.time(9 + (n - 1) * 8 // max(count, 1), rng.choice([0, 10, 20, 30, 40])))
            out.append(f"clock set {now.isoformat(timespec='minutes')}")
            out.append(f"set user {advisor}")
            out.append(f"ro open {plate}")
            out.append(f"ro complaint --text '{text}'")
            out.append(f"ro check-in --mileage {fleet[plate]} --fuel {rng.randint(2, 8)} --covers")
            out.append("ro warranty not_covered")
            out.append("ro documents")
            line = 0
            approved = []
            declined = False
            for c, h, origin in labour:
                line += 1
                out.append(f"ro labor {c}" + (" --recommended --safety" if origin == "recommended" else ""))
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
            for p in parts:
                line += 1
                part_lines.append((line, p))
                out.append(f"ro part {p}")
            discount_pct = 5 if rng.random() < 0.15 else 0
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
            # Most cars go out at once; some wait (late against the promise).
            wait = rng.choice([5, 10, 15, 20, 30, 60, 150, 240])
            out.append(f"clock advance {wait}m")
            now += datetime.timedelta(minutes=wait)
            out.append(f"ro notify --at {(now + datetime.timedelta(minutes=5)).strftime('%H:%M')}")
            out.append(f"ro deliver --next-date {(day + datetime.timedelta(days=180)).isoformat()} --next-km {fleet[plate] + 5000} --call-time 工作日上午")
            labour_fen = sum(half_up(h * RATE, 100) for _, h in approved)
            parts_fen = sum(PARTS[p][0] for p in parts)
            net = labour_fen + parts_fen
            off = half_up(net * discount_pct, 100)
            net -= off
            total = net + half_up(net * VAT_BP, 10000)
            out.append("ro settle --signed-by 车主" + (" --declined-signed" if declined else ""))
            out.append(f"set user {rng.choice(['莫霞', '潘立新'])}")
            invoice += 1
            # The part without an amount takes what is due (a brand's free first-service package included).
            out.append(f"ro pay --split wechat --invoice {invoice}")
            number = f"RO-{day.strftime('%Y%m%d')}-{n:04d}"
            yesterday.append((number, rng.choices([5, 4, 3, 2], weights=[55, 30, 10, 5])[0]))
        day += datetime.timedelta(days=1)
    out.append("set on-error stop")
    (SEEDS / "history.lane").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
