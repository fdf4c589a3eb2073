#!/usr/bin/env python3
"""Generate the ServiceLane demo data in seeds/ (and check it).

    python3 scripts/make-seeds.py           # write every seed file, then run the check
    python3 scripts/make-seeds.py --check   # only check the files that are already there

Standard library only and deterministic: the same script always writes the
same bytes (fixed random seed, no clock, no environment).

Demo date: 2026-11-23 (Monday), store time zone UTC+08:00.

How the reminder rules of the spec (service-process.md, section 1) are read here
(the check at the bottom of this file applies exactly these readings):

  * A "visit" is any row of visits.csv. A "service" is a visit of kind
    first_service or regular_service; repairs, accidents and other visits are
    visits but do not restart the service interval.
  * Mileage between visits is estimated from the average km/day between the
    first and the last recorded visit (only one visit: since the sale).
    A vehicle with no visit has no usage data, so R1.1 falls back to its
    60-day limit alone.
  * R1.1 first service: due 60 days or 2,000 km after the sale, whichever
    first. A vehicle with no first_service is
        a-due      when it falls due within 2026-11-23 .. 2026-12-03 (10 days),
        a-overdue  when it fell due before 2026-11-23,
        a-not-yet  when it falls due after 2026-12-03.
  * R1.3 lost customer: the last visit is 180 or more days before the demo
    date (on or before 2026-05-27), and the regular service has fallen due
    (nobody is lost before the service they were told to come for)   -> c
  * R1.2 regular service: 6 calendar months or 5,000 km after the last
    service, whichever first. Falls due within 2026-11-23 .. 2026-12-03
    (remind 7-10 days ahead; all demo cases fall due 7-10 days out)  -> b
    fell due before the demo date (but not lost)          -> regular-overdue
    falls due later                                                  -> d

Which vehicles cover which case (vehicle numbers are the V-numbers of the
PROFILES table below; the plates are in seeds/README.md, which this script
writes from the same data):

  a) R1.1, no visit yet:
       V01-V05  sold 2026-09-26 .. 2026-10-03, first service falls due
                2026-11-25 .. 2026-12-02                      (a-due, 5)
       V06-V07  sold 2026-08-10 and 2026-09-12, first service overdue
                                                              (a-overdue, 2)
       V08-V10  sold 2026-10-22, 2026-11-14, 2026-11-18 - not yet due; the
                last two were sold within the last 10 days    (a-not-yet, 3)
  b) R1.2, regular service falls due in 7-10 days:
       V11-V14  last service 2026-05-30 .. 2026-06-02, low-mileage drivers
                (18-24 km/day), so the 6-month limit comes first  (b, 6 months)
       V15-V17  last service 2-3 months ago (2026-08-28 .. 2026-09-15),
                53-65 km/day, so the 5,000 km limit comes first   (b, 5,000 km)
       V18      ride-hailing EV6 at ~105 km/day, last service 2026-10-14:
                5,000 km after 48 days                        (b, 5,000 km)
  c) R1.3, lost customers: V19-V23, last visit 2025-10-18 .. 2026-04-25
  -) regular service overdue but not lost: V24 (a repair after its last
     service keeps it from being lost), V25
  d) serviced regularly, recent visit, nothing due: V26-V42 (17 vehicles;
     some with a repair, an accident or a wash after the last service)
"""

import csv
import io
import math
import os
import random
import re
import sys
import tomllib  # Python 3.11+: store.toml is checked as the TOML lane reads
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")

DEMO = date(2026, 11, 23)
LAST_VISIT_DAY = date(2026, 11, 20)  # no visit after this day
WINDOW_DAYS = 10                     # reminder horizon
LOST_DAYS = 180

rng = random.Random(20261123)


def d(s):
    return date.fromisoformat(s)


def add_months(day, n):
    m = day.month - 1 + n
    y = day.year + m // 12
    m = m % 12 + 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return date(y, m, min(day.day, last))


# ---------------------------------------------------------------------------
# VIN (ISO 3779 / GB 16735 check digit)
# ---------------------------------------------------------------------------
VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q
VIN_VALUES = {
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}
VIN_VALUES.update({str(i): i for i in range(10)})
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
YEAR_CODES = {2022: "N", 2023: "P", 2024: "R", 2025: "S", 2026: "T", 2027: "V"}


def vin_check_char(vin):
    total = sum(VIN_VALUES[c] * w for c, w in zip(vin, VIN_WEIGHTS))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin_valid(vin):
    return (len(vin) == 17 and all(c in VIN_CHARS for c in vin)
            and vin[8] == vin_check_char(vin))


# ---------------------------------------------------------------------------
# Fixed reference data
# ---------------------------------------------------------------------------
STORE_TOML = """\
# 星河汽车 深圳南山服务站 — the demo dealership's settings (TOML; seeds/README.md).
# The demo's date is 2026-11-23: run lane --now 2026-11-23T09:00.
# Changes to a store in use: store set KEY VALUE (audited).
[store]
name = "星河汽车深圳南山4S店"
code = "SZNS"
utc_offset = "+08:00"
mode = "training"             # the demo dealership: its clock may be set (a real store is "live")
address = "广东省深圳市南山区沙河西路3011号"
phone = "0755-8600 1234"
licence = "粤交运管许可深字440305000123号"  # the repair licence, on every document
language = "zh-Hans"          # what lane speaks (zh, en); LANG or `set lang` choose for one shell
plate_prefix = "粤B"          # assumed when a plate is typed without it: B12345 means 粤B12345

[rates]
labor_rate_fen = 28000        # per standard labour hour, VAT excluded
vat_basis_points = 1300       # 13 %

[hours]
open = "08:00"
close = "20:00"
peak = ["08:30-10:30", "16:30-18:00"]

[workshop]
bays = 8
comeback_days = 30            # back for the same fault within 30 days: a comeback (返修)

[documents]
templates = ""                # a whole path from /; empty: the built-in ones (docs/documents.md)

[quality]                     # repair quality warranty: km or days, whichever first
assembly_km = 20000           # whole-vehicle and assembly repairs
assembly_days = 100
second_level_km = 5000        # second-level maintenance
second_level_days = 30
minor_km = 2000               # first-level maintenance, minor and special repairs
minor_days = 10
assembly_operations = ["ENG-OIL-LEAK", "SHOCK-F", "SUSP-LINK"]
second_level_operations = ["MNT-20K"]

[plugin.survey]
template = "standard"         # the questionnaire of the quality call (Plugins/Survey/README.md)
complaint_below = 60          # a CSI (0-100) below this opens a complaint
max_days = 14                 # no survey later than this after delivery
questions_standard = [
    "接待服务|csi|1-5",
    "维修质量|csi|1-5",
    "按时交车|csi|1-5",
    "费用透明|csi|1-5",
    "您向亲友推荐本店的可能性|nps|0-10",
    "其他意见或建议|text",
]
questions_quick = ["维修质量|csi|1-5", "您向亲友推荐本店的可能性|nps|0-10"]

[plugin.warranty]
basic = "3y/100000km"                  # X1: whichever comes first, counted from the sale
cover_powertrain = "5y/150000km"       # gearbox and driveline (part group powertrain)
cover_ev = "8y/160000km"               # NEV traction battery, drive and charging (part group ev)
operations_ev = ["EV-BATT-CHECK", "EV-COOLANT", "EV-CHARGE-PORT"]
excluded = ["consumable", "brake"]     # fluids and brake friction parts wear out: never covered
# wear and service parts of covered groups
excluded_parts = [
    "XH-15400-0001", "XH-17220-0003",                   # oil and air filter
    "XH-12290-0002", "XH-16010-0002", "XH-94109-0014",  # spark plug, fuel filter, drain plug washer
    "XH-11720-0005", "XH-76620-0030", "XH-33115-0001",  # belt, wiper blades, bulb
    "XH-42751-2255", "XH-42751-2355", "XH-42700-0001",  # tyres, wheel weights
]
# servicing and wear, not repairs
excluded_operations = [
    "MNT-FIRST", "MNT-5K", "MNT-20K", "MNT-EV",
    "BRK-FLUID", "BRK-PAD-F", "BRK-PAD-R", "BRK-DISC-F",
    "SPARK-PLUG", "WIPER", "TYRE-ROT", "TYRE-CHG", "WASH",
]

[plugin.parts]
reorder_default = 2           # report a part low when fewer are available (parts stock --low)
reorder_brake = 4             # per group: reorder_GROUP; a part's own point (parts reorder) wins
reorder_consumable = 10
"""

SKILLS = ["maintenance", "mechanical", "electrical", "body", "paint", "ev"]

TEAMS = [
    ("机电一组", ["maintenance", "mechanical", "electrical"]),
    ("机电二组", ["maintenance", "mechanical", "electrical"]),
    ("钣喷组", ["body", "paint"]),
    # An EV's chassis work (tyres, brakes) is mechanical: the EV team does it on its own cars (R4.2 dispatch by skill).
    ("新能源组", ["ev", "electrical", "maintenance", "mechanical"]),
]
TECHS_PER_TEAM = {"机电一组": 3, "机电二组": 3, "钣喷组": 2, "新能源组": 2}

ROLES = ["service_advisor", "customer_service", "workshop_foreman", "team_leader",
         "technician", "qc_inspector", "technical_director", "parts_manager",
         "cashier", "service_manager"]

LABOR_OPS = [
    ("MNT-FIRST", "首次保养", "1.0", "maintenance"),
    ("MNT-5K", "5000公里常规保养", "0.8", "maintenance"),
    ("MNT-20K", "20000公里深度保养", "1.6", "maintenance"),
    ("MNT-EV", "新能源车定期保养", "0.8", "ev"),
    ("BRK-PAD-F", "更换前刹车片", "1.0", "mechanical"),
    ("BRK-PAD-R", "更换后刹车片", "1.2", "mechanical"),
    ("BRK-DISC-F", "更换前刹车盘", "1.5", "mechanical"),
    ("BRK-FLUID", "更换刹车油", "0.8", "maintenance"),
    ("SPARK-PLUG", "更换火花塞", "0.6", "maintenance"),
    ("AC-CHECK", "空调系统检查", "0.5", "electrical"),
    ("AC-RECHARGE", "空调冷媒加注", "0.8", "electrical"),
    ("BAT-12V", "更换蓄电池", "0.3", "electrical"),
    ("WIPER", "更换雨刮片", "0.1", "maintenance"),
    ("TYRE-ROT", "轮胎换位", "0.5", "mechanical"),
    ("TYRE-CHG", "更换轮胎(每条)", "0.3", "mechanical"),
    ("ALIGN", "四轮定位", "0.8", "mechanical"),
    ("DIAG-FULL", "全车检查", "1.0", "mechanical"),
    ("ENG-OIL-LEAK", "发动机漏油检修", "2.5", "mechanical"),
    ("SUSP-LINK", "更换前稳定杆连杆", "0.8", "mechanical"),
    ("SHOCK-F", "更换前减震器(单侧)", "1.25", "mechanical"),
    ("SW-UPGRADE", "控制单元软件升级", "0.5", "electrical"),
    ("EV-BATT-CHECK", "动力电池检测", "1.0", "ev"),
    ("EV-COOLANT", "更换动力电池冷却液", "1.5", "ev"),
    ("EV-CHARGE-PORT", "充电口检修", "0.8", "ev"),
    ("BODY-DENT", "钣金修复(单面)", "2.0", "body"),
    ("BUMPER-F", "更换前保险杠", "1.5", "body"),
    ("PAINT-PANEL", "单面喷漆", "3.0", "paint"),
    ("PAINT-BUMPER", "保险杠喷漆", "2.5", "paint"),
    ("WASH", "洗车", "0.3", "maintenance"),
]

# number, name, unit, price (yuan, VAT excluded), stock, bin, group
PARTS = [
    ("XH-15400-0001", "机油滤清器", "个", "38.00", 46, "A-01-01", "engine"),
    ("XH-17220-0003", "空气滤清器", "个", "65.00", 28, "A-01-02", "engine"),
    ("XH-12290-0002", "火花塞", "个", "42.00", 36, "A-01-03", "engine"),
    ("XH-12341-0001", "气门室盖垫", "个", "88.00", 6, "A-01-04", "engine"),
    ("XH-11720-0005", "发动机多楔带", "条", "156.00", 5, "A-01-05", "engine"),
    ("XH-16010-0002", "燃油滤清器", "个", "120.00", 8, "A-01-06", "engine"),
    ("XH-94109-0014", "放油螺栓垫片", "个", "3.50", 200, "A-01-07", "engine"),
    ("XH-08232-0020", "0W-20全合成机油 1L", "升", "68.00", 180, "B-01-01", "consumable"),
    ("XH-08232-0040", "5W-30全合成机油 4L", "桶", "298.00", 24, "B-01-02", "consumable"),
    ("XH-19010-0001", "冷却液 1L", "升", "35.00", 60, "B-01-03", "consumable"),
    ("XH-08203-0001", "刹车油 1L", "升", "45.50", 40, "B-01-04", "consumable"),
    ("XH-08216-0002", "玻璃水 2L", "桶", "18.00", 50, "B-01-05", "consumable"),
    ("XH-80080-0001", "空调冷媒 R134a", "罐", "95.00", 20, "B-01-06", "consumable"),
    ("XH-80292-0001", "空调滤清器", "个", "85.00", 32, "B-01-07", "consumable"),
    ("XH-45022-0011", "前刹车片(套)", "套", "420.00", 10, "C-02-01", "brake"),
    ("XH-43022-0012", "后刹车片(套)", "套", "360.00", 8, "C-02-02", "brake"),
    ("XH-45251-0003", "前刹车盘", "个", "580.00", 4, "C-02-03", "brake"),
    ("XH-42510-0004", "后刹车盘", "个", "460.00", 4, "C-02-04", "brake"),
    ("XH-45050-0001", "刹车片磨损报警线", "条", "45.00", 12, "C-02-05", "brake"),
    ("XH-08260-0001", "自动变速箱油 1L", "升", "95.00", 30, "C-03-01", "powertrain"),
    ("XH-25450-0001", "变速箱油滤清器", "个", "145.00", 6, "C-03-02", "powertrain"),
    ("XH-44017-0001", "传动轴防尘套", "套", "168.00", 4, "C-03-03", "powertrain"),
    ("XH-31500-0060", "12V蓄电池 60Ah", "个", "720.00", 6, "D-01-01", "battery"),
    ("XH-31500-0070", "12V蓄电池 70Ah", "个", "860.00", 3, "D-01-02", "battery"),
    ("XH-76620-0030", "雨刮片(对)", "对", "128.00", 20, "D-02-01", "electrical"),
    ("XH-33115-0001", "近光灯泡 H11", "个", "55.00", 16, "D-02-02", "electrical"),
    ("XH-38200-0010", "保险丝组", "套", "36.00", 10, "D-02-03", "electrical"),
    ("XH-42751-2255", "轮胎 225/55R17", "条", "780.00", 12, "E-01-01", "chassis"),
    ("XH-42751-2355", "轮胎 235/55R19", "条", "1150.00", 0, "E-01-02", "chassis"),
    ("XH-51320-0002", "前稳定杆连杆", "个", "185.00", 6, "E-02-01", "chassis"),
    ("XH-51610-0001", "前减震器", "个", "980.00", 0, "E-02-02", "chassis"),
    ("XH-42700-0001", "轮胎平衡块", "个", "2.50", 300, "E-02-03", "chassis"),
    ("XH-71101-0101", "前保险杠", "个", "1350.00", 2, "F-01-01", "body"),
    ("XH-71501-0101", "后保险杠", "个", "1280.00", 2, "F-01-02", "body"),
    ("XH-76250-0001", "左后视镜总成", "个", "890.00", 0, "F-01-03", "body"),
    ("XH-33950-0001", "前雾灯", "个", "320.00", 4, "F-01-04", "body"),
    ("XH-08701-0001", "车身涂料(星河白) 1L", "升", "260.00", 15, "F-02-01", "body"),
    ("XH-08702-0001", "清漆 1L", "升", "180.00", 18, "F-02-02", "body"),
    ("XH-08703-0001", "中涂底漆 1L", "升", "150.00", 12, "F-02-03", "body"),
    ("XH-19500-0001", "动力电池冷却液 1L", "升", "85.00", 40, "G-01-01", "ev"),
    ("XH-08270-0001", "电驱减速器油 1L", "升", "110.00", 16, "G-01-02", "ev"),
    ("XH-74480-0001", "充电口盖锁", "个", "210.00", 3, "G-01-03", "ev"),
    ("XH-32100-0005", "高压线束插头", "个", "460.00", 2, "G-01-04", "ev"),
]

# model -> (VDS positions 4-8, plant letter, is new energy)
MODELS = {
    "星河 S5 1.5T": ("A55K2", "G", False),
    "星河 S7 2.0T": ("A57M3", "G", False),
    "星河 X3 1.5T": ("BX3K2", "G", False),
    "星河 EV6": ("CE6D2", "Z", True),
    "星河 EV9": ("DE9D3", "Z", True),
}
S5, S7, X3, EV6, EV9 = MODELS

# ---------------------------------------------------------------------------
# The vehicles. case: the reminder case the vehicle must fall into on the
# demo date (checked after generation). rate: km/day. last: last service.
# after: visits after the last service; mid: repairs between services.
# target: for the 5,000 km cases, days from the demo date to the due day.
# ---------------------------------------------------------------------------
PROFILES = [
    # a) R1.1 - no visit yet
    dict(v=1, model=S5, case="a-due", sold="2026-09-26"),
    dict(v=2, model=X3, case="a-due", sold="2026-09-28"),
    dict(v=3, model=EV6, case="a-due", sold="2026-10-01"),
    dict(v=4, model=S7, case="a-due", sold="2026-10-03"),
    dict(v=5, model=X3, case="a-due", sold="2026-09-30"),
    dict(v=6, model=S5, case="a-overdue", sold="2026-08-10"),
    dict(v=7, model=EV9, case="a-overdue", sold="2026-09-12"),
    dict(v=8, model=S5, case="a-not-yet", sold="2026-10-22"),
    dict(v=9, model=X3, case="a-not-yet", sold="2026-11-14"),
    dict(v=10, model=EV6, case="a-not-yet", sold="2026-11-18"),
    # b) R1.2 - 6 months first (low-mileage drivers)
    dict(v=11, model=S5, case="b-6m", sold="2025-04-12", rate=22, last="2026-06-01"),
    dict(v=12, model=S7, case="b-6m", sold="2025-05-10", rate=18, last="2026-05-30"),
    dict(v=13, model=X3, case="b-6m", sold="2025-02-08", rate=24, last="2026-06-02"),
    dict(v=14, model=EV9, case="b-6m", sold="2025-04-20", rate=20, last="2026-05-30"),
    # b) R1.2 - 5,000 km first (high-mileage drivers)
    dict(v=15, model=S5, case="b-km", sold="2026-01-10", last="2026-09-03", target=8),
    dict(v=16, model=X3, case="b-km", sold="2026-02-01", last="2026-09-15", target=9),
    dict(v=17, model=S7, case="b-km", sold="2025-12-20", last="2026-08-28", target=7),
    dict(v=18, model=EV6, case="b-km", sold="2026-06-20", last="2026-10-14", target=8),
    # c) R1.3 - lost customers (they came later and later, then not at all)
    dict(v=19, model=S5, case="c", sold="2024-06-08", rate=40, last="2025-10-18", late=1.3),
    dict(v=20, model=X3, case="c", sold="2024-10-12", rate=45, last="2025-09-02", late=1.3,
         after=[("2025-12-06", "repair")]),
    dict(v=21, model=S7, case="c", sold="2023-06-10", rate=35, last="2026-01-24", late=1.6),
    dict(v=22, model=EV6, case="c", sold="2025-02-15", rate=50, last="2026-03-14", late=1.3),
    dict(v=23, model=X3, case="c", sold="2024-12-07", rate=38, last="2026-02-21", late=1.3,
         after=[("2026-04-25", "repair")]),
    # regular service overdue, not lost
    dict(v=24, model=S5, case="regular-overdue", sold="2025-11-15", rate=45, last="2026-06-10",
         after=[("2026-08-15", "repair")]),
    dict(v=25, model=X3, case="regular-overdue", sold="2025-12-06", rate=60, last="2026-07-05"),
    # d) serviced regularly, nothing due
    dict(v=26, model=S5, case="d", sold="2022-05-14", rate=30, last="2026-10-28", late=1.6, mid=1),
    dict(v=27, model=S7, case="d", sold="2025-05-24", rate=42, last="2026-10-12"),
    dict(v=28, model=X3, case="d", sold="2025-11-29", rate=48, last="2026-11-05"),
    dict(v=29, model=EV6, case="d", sold="2025-12-13", rate=55, last="2026-10-20"),
    dict(v=30, model=EV9, case="d", sold="2025-12-27", rate=40, last="2026-09-26",
         after=[("2026-11-10", "repair")]),
    dict(v=31, model=S5, case="d", sold="2025-10-25", rate=36, last="2026-09-20",
         after=[("2026-10-30", "accident")]),
    dict(v=32, model=X3, case="d", sold="2025-07-12", rate=30, last="2026-08-30"),
    dict(v=33, model=EV6, case="d", sold="2026-03-08", rate=45, last="2026-10-02"),
    dict(v=34, model=S7, case="d", sold="2025-08-16", rate=38, last="2026-11-16"),
    dict(v=35, model=S5, case="d", sold="2026-07-15", rate=35, last=None),  # first service only
    dict(v=36, model=X3, case="d", sold="2026-05-16", rate=45, last="2026-11-08"),
    dict(v=37, model=EV9, case="d", sold="2026-03-28", rate=60, last="2026-10-25"),
    dict(v=38, model=S5, case="d", sold="2025-11-22", rate=44, last="2026-09-29",
         after=[("2026-11-20", "other")]),
    dict(v=39, model=X3, case="d", sold="2024-10-19", rate=33, last="2026-10-06", late=1.3),
    dict(v=40, model=EV6, case="d", sold="2026-02-14", rate=70, last="2026-11-02"),
    dict(v=41, model=S7, case="d", sold="2025-11-08", rate=40, last="2026-10-17"),
    dict(v=42, model=S5, case="d", sold="2025-08-02", rate=38, last="2026-11-13", mid=1),
]

# Vehicles that share an owner (6 customers own two cars).
SHARED_OWNERS = [(12, 29), (21, 3), (27, 33), (14, 40), (26, 9), (17, 37)]

# Plates that are not Shenzhen 粤B (by vehicle number).
OTHER_CITY = {19: "粤A", 28: "粤A", 37: "粤A", 39: "湘A"}

# ---------------------------------------------------------------------------
# Names, phones, addresses
# ---------------------------------------------------------------------------
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁"
                "蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏方邹熊白孟秦邱侯江"
                "薛段雷龙黎史陶贺毛郝顾龚邵万覃戴严莫孔汤")
GIVEN_1 = list("伟芳敏静磊军洋勇杰涛明超霞平刚斌琳婷雪鹏辉健峰蕾倩颖晨浩宁昊")
GIVEN_2 = ["志强", "秀英", "建华", "海燕", "晓东", "丽娟", "文博", "子涵", "嘉怡", "俊杰",
           "雨桐", "国栋", "振宇", "美玲", "永红", "思远", "家豪", "晓敏", "立新", "春梅",
           "浩然", "宇航", "佳琪", "慧敏", "德明", "少华", "伟东", "玉兰", "锦程", "若溪",
           "志明", "淑芬", "嘉欣", "文静", "泽宇", "梓涵", "建军", "海涛", "丽华", "婉婷"]

ADDRESS_STREETS = {
    "南山区": [("粤海街道", "科技南十二路"), ("粤海街道", "高新南九道"), ("南头街道", "南山大道"),
             ("蛇口街道", "工业八路"), ("招商街道", "沿山路"), ("沙河街道", "沙河西路"),
             ("桃源街道", "龙珠大道"), ("西丽街道", "留仙大道"), ("南山街道", "南海大道")],
    "福田区": [("福田街道", "福华三路"), ("莲花街道", "红荔西路"), ("香蜜湖街道", "香梅路"),
             ("沙头街道", "福强路"), ("梅林街道", "梅林路"), ("华富街道", "彩田路")],
    "宝安区": [("新安街道", "创业一路"), ("西乡街道", "宝安大道"), ("西乡街道", "西乡大道"),
             ("新安街道", "建安一路"), ("福永街道", "福永大道"), ("沙井街道", "新沙路")],
}
ESTATES = ["海韵花园", "翠林居", "荔景苑", "榕树里", "南苑新村", "金海岸公寓", "锦绣华庭",
           "听涛居", "松坪苑", "银湖雅园", "和风家园", "枫叶山庄", "半岛城邦", "丽水湾"]

PHONE_PREFIXES = ["133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                  "158", "159", "166", "176", "177", "180", "181", "186", "187", "188",
                  "189", "191", "198", "199"]

used_names = set()
used_phones = set()


def new_name(length=None):
    while True:
        n = rng.choice(SURNAMES)
        n += rng.choice(GIVEN_1) if (length or rng.choice([2, 3, 3])) == 2 else rng.choice(GIVEN_2)
        if n not in used_names:
            used_names.add(n)
            return n


def new_phone():
    while True:
        p = rng.choice(PHONE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
        if p not in used_phones:
            used_phones.add(p)
            return p


def new_address():
    district = rng.choice(["南山区"] * 5 + ["福田区"] * 3 + ["宝安区"] * 3)
    street_office, road = rng.choice(ADDRESS_STREETS[district])
    return (f"广东省深圳市{district}{street_office}{road}{rng.randint(1, 199)}号"
            f"{rng.choice(ESTATES)}{rng.randint(1, 12)}栋{rng.randint(2, 32)}{rng.randint(1, 8):02d}")


# ---------------------------------------------------------------------------
# Plates
# ---------------------------------------------------------------------------
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, O
used_plates = set()


def new_plate(prefix, new_energy):
    while True:
        digits = lambda k: "".join(rng.choice("0123456789") for _ in range(k))
        if new_energy:
            kind = rng.choice("DDDDAC")
            first = rng.choice(PLATE_LETTERS.replace("I", "")) if rng.random() < 0.4 else rng.choice("0123456789")
            p = prefix + kind + first + digits(4)
        else:
            style = rng.choice(["digits", "l4", "l4", "2l", "2l"])
            if style == "digits":
                tail = digits(5)
            elif style == "l4":
                tail = rng.choice(PLATE_LETTERS) + digits(4)
            else:
                chars = [rng.choice("0123456789") for _ in range(5)]
                for i in rng.sample(range(5), 2):
                    chars[i] = rng.choice(PLATE_LETTERS)
                tail = "".join(chars)
            if tail[0] in "DF":  # keep ordinary plates from looking like new-energy ones
                continue
            p = prefix + tail
        if p not in used_plates:
            used_plates.add(p)
            return p


# ---------------------------------------------------------------------------
# Visit summaries
# ---------------------------------------------------------------------------
REPAIRS_ICE = ["更换前刹车片", "更换后刹车片", "更换12V蓄电池", "更换雨刮片", "空调不制冷 加注冷媒",
               "四轮定位 轮胎换位", "发动机漏油 更换气门室盖垫", "故障灯亮 控制单元软件升级",
               "更换前刹车片及前刹车盘", "过减速带异响 更换前稳定杆连杆", "更换轮胎 225/55R17 两条"]
REPAIRS_EV = ["充电口盖无法锁止 更换充电口盖锁", "控制单元软件升级", "补充动力电池冷却液",
              "更换前刹车片", "更换雨刮片", "空调系统检查 更换空调滤清器", "四轮定位"]
ACCIDENTS = ["左前门钣金喷漆", "后保险杠更换喷漆", "右后翼子板钣金喷漆", "前保险杠修复喷漆 更换前雾灯",
             "左后视镜总成更换"]
OTHERS = ["免费检测(冬季服务周)", "洗车", "轮胎补胎"]


def service_summary(kind, mileage, is_ev, nth):
    if kind == "first_service":
        return "首次保养 动力电池检测 底盘检查" if is_ev else "首次保养 更换机油机滤 全车检查"
    step = max(5000, int(round(mileage / 5000.0)) * 5000)
    if is_ev:
        extra = ["动力电池检测", "动力电池检测 更换空调滤清器", "动力电池检测 检查制动液"][nth % 3]
        return f"定期保养 {extra}"
    if step % 20000 == 0:
        return f"{step}公里保养 更换机油机滤 空气滤清器 刹车油"
    if nth % 2 == 0:
        return f"{step}公里保养 更换机油机滤 空调滤清器"
    return f"{step}公里保养 更换机油机滤"


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------
def line_mileage(p, day):
    return p["sold_km"] + p["rate"] * (day - d(p["sold"])).days


def build_visits(p):
    """Service history of one vehicle: a list of (date, kind) with mileage."""
    sold = d(p["sold"])
    r = p["rate"]
    is_ev = MODELS[p["model"]][2]
    nominal = min(182.0, 5000.0 / r)
    first_off = int(round(min(60.0, 2000.0 / r))) + rng.randint(-4, 4)
    first_off = max(30, min(62, first_off))
    first = sold + timedelta(days=first_off)
    services = []
    if p["last"] is not None:
        last = d(p["last"])
        cur = last
        back = [last]
        while True:
            # customers come a little early or late; "late" ones stretch every interval
            prev = cur - timedelta(days=int(nominal * p.get("late", 1.0) * rng.uniform(0.9, 1.1)))
            if (prev - first).days < 0.5 * nominal:
                break
            back.append(prev)
            cur = prev
        services = list(reversed(back))
    dates = [(first, "first_service")] + [(s, "regular_service") for s in services]
    # repairs between services
    for _ in range(p.get("mid", 0)):
        gaps = [i for i in range(len(dates) - 1) if (dates[i + 1][0] - dates[i][0]).days >= 60]
        gi = rng.choice(gaps)
        lo, hi = dates[gi][0], dates[gi + 1][0]
        day = lo + timedelta(days=rng.randint(20, (hi - lo).days - 20))
        dates.insert(gi + 1, (day, rng.choice(["repair", "repair", "repair", "accident", "other"])))
    for s, kind in p.get("after", []):
        dates.append((d(s), kind))
    dates.sort()
    rows = []
    nth = 0
    for i, (day, kind) in enumerate(dates):
        exact = line_mileage(p, day)
        if 0 < i < len(dates) - 1:
            km = int(round(exact + rng.uniform(-3, 3) * r))  # visits are >= 20 days apart
        else:
            km = int(round(exact))  # first and last visit on the line: exact average
        if kind in ("first_service", "regular_service"):
            summary = service_summary(kind, km, is_ev, nth)
            nth += 1
        elif kind == "repair":
            summary = rng.choice(REPAIRS_EV if is_ev else REPAIRS_ICE)
        elif kind == "accident":
            summary = rng.choice(ACCIDENTS)
        else:
            summary = rng.choice(OTHERS)
        rows.append([day.isoformat(), km, kind, summary])
    return rows


def generate():
    out = {}
    out["store.toml"] = STORE_TOML

    # teams
    out["teams.csv"] = [["name", "skills"]] + [[n, ";".join(s)] for n, s in TEAMS]

    # staff
    staff = [["name", "role", "team", "phone"]]
    plan = ([("service_advisor", "")] * 4 + [("customer_service", "")] * 2
            + [("workshop_foreman", "")])
    for team, _ in TEAMS:
        plan.append(("team_leader", team))
        plan += [("technician", team)] * TECHS_PER_TEAM[team]
    plan += [("qc_inspector", ""), ("technical_director", ""), ("parts_manager", ""),
             ("cashier", ""), ("cashier", ""), ("service_manager", "")]
    for role, team in plan:
        staff.append([new_name(), role, team, new_phone()])
    out["staff.csv"] = staff

    out["labor_operations.csv"] = [["code", "name", "hours", "skill"]] + [list(x) for x in LABOR_OPS]
    out["parts.csv"] = ([["number", "name", "unit", "price", "stock", "bin", "group"]]
                        + [[a, b, c, e, str(f), g, h] for a, b, c, e, f, g, h in PARTS])

    # customers
    customers = [["code", "name", "phone", "address"]]
    codes = [f"C{i:04d}" for i in range(1, 37)]
    for i, code in enumerate(codes):
        if i == 6:
            name = "欧阳晓峰"
            used_names.add(name)
        else:
            name = new_name()
        address = "" if i == 22 else new_address()
        customers.append([code, name, new_phone(), address])
    out["customers.csv"] = customers

    # owners: the shared pairs first, then one customer per remaining vehicle
    owner_of = {}
    pool = codes[:]
    rng.shuffle(pool)
    for a, b in SHARED_OWNERS:
        c = pool.pop()
        owner_of[a] = owner_of[b] = c
    for p in PROFILES:
        if p["v"] not in owner_of:
            owner_of[p["v"]] = pool.pop()
    assert not pool

    # 5,000 km cases: pick the rate so that the due day lands `target` days out
    for p in PROFILES:
        if p["case"] == "b-km":
            days = (DEMO + timedelta(days=p["target"]) - d(p["last"])).days
            p["rate"] = 5000.0 / (days - 0.5)

    vehicles = [["vin", "plate", "model", "owner", "sold", "mileage"]]
    visits = [["plate", "date", "mileage", "kind", "summary"]]
    serials = {m: 210000 + 3000 * i for i, m in enumerate(MODELS)}
    used_vins = set()
    plate_of = {}
    for p in sorted(PROFILES, key=lambda p: p["sold"]):  # serials grow with the sale date
        vds, plant, is_ev = MODELS[p["model"]]
        serials[p["model"]] += rng.randint(40, 900)
        sold = d(p["sold"])
        body = "LXH" + vds + "0" + YEAR_CODES[sold.year] + plant + f"{serials[p['model']]:06d}"
        vin = body[:8] + vin_check_char(body) + body[9:]
        assert vin_valid(vin) and vin not in used_vins, vin
        used_vins.add(vin)
        p["vin"] = vin
        p["sold_km"] = rng.randint(0, 30)
    for p in PROFILES:  # plates in vehicle order
        is_ev = MODELS[p["model"]][2]
        plate_of[p["v"]] = new_plate(OTHER_CITY.get(p["v"], "粤B"), is_ev)
        p["plate"] = plate_of[p["v"]]
    for p in sorted(PROFILES, key=lambda p: (p["sold"], p["v"])):
        vehicles.append([p["vin"], p["plate"], p["model"], owner_of[p["v"]], p["sold"], str(p["sold_km"])])
    for p in PROFILES:
        if "rate" in p:
            for day, km, kind, summary in build_visits(p):
                visits.append([p["plate"], day, str(km), kind, summary])
    # one summary with an ASCII comma, so the loader meets RFC 4180 quoting
    for row in visits[1:]:
        if row[3] == "regular_service" and row[0] == plate_of[27]:
            row[4] = row[4] + ", 另加装行车记录仪"
            break
    body = visits[1:]
    body.sort(key=lambda r: (r[1], r[0]))
    out["visits.csv"] = [visits[0]] + body
    out["vehicles.csv"] = vehicles
    return out


def to_csv(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# A live Monday: what has happened by 09:00 on the demo's date, as commands.
# Not loaded by `seed load` (tests count on a store without open orders);
# scripts/demo runs it once on a new demo store: `lane --user admin -f seeds/monday.lane`.
# ---------------------------------------------------------------------------
MONDAY = """\
# A live Monday for the demo (written by scripts/make-seeds.py; do not edit).
# Friday 2026-11-20: 粤BY4531's overdue service, delivered and paid; its
# quality call (R6.1) falls due on Monday.
clock set 2026-11-20T09:00
set user 薛淑芬
ro open 粤BY4531
ro complaint --text 常规保养
ro check-in --mileage 16500 --fuel 3 --covers
ro warranty not_covered
ro documents
ro labor MNT-5K
ro promise
ro sign --payment wechat --old-parts leave --wash no --signed-by 邹家豪
ro handover
set user 何子涵
ro dispatch --team 机电一组
set user 夏勇
ro clock-on 1 --tech 夏勇
ro clock-off 1 --finished
ro check self --pass
set user 程国栋
ro check leader --pass --note 正常
set user 赵子涵
ro check final --pass
set user 薛淑芬
ro delivery-check
ro notify --at 16:00
ro deliver --next-date 2027-05-20 --next-km 21500 --call-time 工作日上午
ro settle --signed-by 邹家豪
set user 莫霞
ro pay --method wechat --amount 253.12 --invoice 1
use none
# Friday afternoon: calls book three cars for Monday morning and one for Tuesday
# (its confirmation call is due on Monday).
set user 薛淑芬
clock set 2026-11-20T15:00
appt book 粤BD92702 --at 2026-11-23T09:30 --job 常规保养 --accept-peak
appt book 粤BDN4595 --at 2026-11-23T10:45 --job 首次保养
appt book 粤B6R1C3 --at 2026-11-23T11:30 --job 首次保养
appt book 粤BG6396 --at 2026-11-24T14:00 --job 常规保养
# Monday 08:10: 粤BC4548 signed and in the workshop.
clock set 2026-11-23T08:10
ro open 粤BC4548
ro complaint --text 常规保养，空调异味
ro check-in --mileage 13000 --fuel 2 --covers
ro warranty not_covered
ro documents
ro labor MNT-5K
ro promise
ro sign --payment cash --old-parts leave --wash yes --signed-by 欧阳晓峰
ro handover
set user 何子涵
ro dispatch --team 机电一组
set user 夏勇
ro clock-on 1 --tech 夏勇
use none
set user 薛淑芬
# Monday 08:40: 粤BV9679 arrives with a brake noise; reception has begun.
clock set 2026-11-23T08:40
ro open 粤BV9679
ro complaint --text 刹车异响
use none
"""


# ---------------------------------------------------------------------------
# Call lists and booking (issue 12, items 1-3): the week before the Monday, in
# time order, so it comes first in monday.lane. A win-back call books a lost
# customer who then does not come: the call list asks for the second attempt
# (R2.8), which is booked with --after. A caller whose car is not yet on the
# register books its first service with name, phone and model (R2.2); the
# entry is made 90 minutes after the call and kept, flagged late (R2.4).
# ---------------------------------------------------------------------------
MONDAY_CALL_LISTS = """\
# Wednesday 2026-11-18: a win-back call (R1.3) books 粤BS1822 for Thursday,
# with the mileage the customer gives on the phone (R2.1).
clock set 2026-11-18T11:00
set user 薛淑芬
appt book 粤BS1822 --at 2026-11-19T11:00 --job 常规保养 --channel outbound --mileage 26400
# Thursday: the customer does not come; the call list asks for attempt 2.
clock set 2026-11-19T11:30
appt no-show AP-20261119-001
# Friday 11:00: the second attempt, booked from the call list.
clock set 2026-11-20T11:00
appt book 粤BS1822 --at 2026-11-25T11:00 --job 常规保养 --channel outbound --after AP-20261119-001
# Friday 16:00: a car not yet registered, booked from a 14:30 call (flagged late).
clock set 2026-11-20T16:00
appt book --name 邵雨桐 --phone 13923456781 --model '星河 S7 2.0T' --at 2026-11-25T14:00 --job 首次保养 --mileage 1800 --called-at 2026-11-20T14:30
use none
"""


# ---------------------------------------------------------------------------
# Payments, fleet accounts and insurance repairs (issue 12, items 7 and 9):
# the free first-service package per brand, the insurers, and on Friday a
# fleet car paid on account and an accident repair billed to an insurer.
# ---------------------------------------------------------------------------
STORE_TOML_PAYMENTS = """
[first_service]               # free at a brand's first service besides its labour (MNT-FIRST)
free_package = ["星河:XH-15400-0001+XH-08232-0040+XH-08232-0020"]  # oil filter, 5W-30, 0W-20

[insurance]                   # accident repairs (事故车) are billed to these insurers
insurers = ["PICC:中国人保财险", "PAIC:平安产险", "CPIC:太平洋财险"]
"""

MONDAY_PAYMENTS = """\
# Friday 10:00: 蔡雪's company (C0008) has a credit account (挂账); its EV9's
# air conditioning is repaired and charged to the account.
clock set 2026-11-20T10:00
set user 姚雪
account open C0008 --limit 20000
set user 薛淑芬
ro open 粤AAS3892
ro complaint --text 空调制冷差
ro check-in --mileage 14100 --fuel 6 --covers
ro warranty not_covered
ro documents
ro labor AC-CHECK
ro labor AC-RECHARGE
ro promise
ro sign --payment account --old-parts leave --wash no --signed-by 蔡雪
ro handover
set user 何子涵
ro dispatch --team 新能源组
set user {ev_tech}
ro clock-on 1 --tech {ev_tech}
ro clock-off 1 --finished
ro clock-on 2 --tech {ev_tech}
ro clock-off 2 --finished
ro check self --pass
set user {ev_leader}
ro check leader --pass --note 冷媒已加注，制冷正常
set user 赵子涵
ro check final --pass
set user 薛淑芬
ro delivery-check
ro notify --at 15:00
ro deliver --next-date 2027-02-20 --next-km 20000 --call-time 工作日下午
ro settle --signed-by 蔡雪
set user 莫霞
ro pay --method account --amount 411.32 --invoice 04400201
use none
# Friday 10:30: 粤BB9233 backed into a post; PICC assessed the loss at ¥2,800
# with a ¥300 deductible. A ¥300 deposit at reception; the customer pays the
# deductible and what costs more than the assessment, in cash with change.
clock set 2026-11-20T10:30
set user 薛淑芬
ro open 粤BB9233
ro complaint --text 倒车撞到立柱，后保险杠破裂
ro check-in --mileage 14020 --fuel 5 --covers --damage '后保险杠破裂 左后翼子板凹陷'
ro warranty not_covered
ro documents
ro insurance --insurer PICC --claim RDAA202644030000012345 --assessed 2800 --deductible 300
ro labor BODY-DENT --payer insurer
ro labor PAINT-BUMPER --payer insurer
ro part XH-71501-0101 --payer insurer
ro promise
ro sign --payment cash --old-parts leave --wash no --signed-by {bb_owner}
set user 莫霞
ro deposit --method wechat --amount 300
set user 薛淑芬
ro handover
set user 何子涵
ro dispatch --team 钣喷组
set user 萧春梅
ro issue 3 --to 萧春梅
ro clock-on 1 --tech 萧春梅
ro clock-off 1 --finished
ro clock-on 2 --tech 萧春梅
ro clock-off 2 --finished
ro check self --pass
set user 薛雨桐
ro check leader --pass --note 钣金平整，色差合格
set user 赵子涵
ro check final --pass
set user 薛淑芬
ro delivery-check
ro notify --at 19:00
ro deliver --next-date 2027-03-20 --next-km 19000 --call-time 周末上午
ro settle --signed-by {bb_owner}
set user 莫霞
ro pay --method cash --amount 70.20 --tendered 100 --invoice 04400202
use none
"""


# ---------------------------------------------------------------------------
# A comeback (返修) on the live Monday: 粤BY4531, serviced and paid on Friday
# (RO-20261120-0001 above), is back with the oil warning light on. Reception
# sees the earlier order at `ro open` and links the new one to it.
# ---------------------------------------------------------------------------
MONDAY_COMEBACK = """\
# Monday 08:50: 粤BY4531, serviced on Friday, is back: the oil warning light came on
# after the service. `ro open` names Friday's order; the advisor links the comeback.
clock set 2026-11-23T08:50
set user 薛淑芬
ro open 粤BY4531
ro complaint --text 上周五保养后机油报警灯亮，机油液位偏低
ro comeback RO-20261120-0001
use none
"""


def monday_script():
    """monday.lane: the call-list block first (it happens before Friday), then the live Monday."""
    header, rest = MONDAY.split("\n", 1)
    return header + "\n" + MONDAY_CALL_LISTS + rest


def payment_seeds(out):
    """store.toml's [first_service] and [insurance]; names for the Friday block."""
    out["store.toml"] = out["store.toml"] + STORE_TOML_PAYMENTS
    staff = out["staff.csv"]
    ev = [r for r in staff[1:] if r[2] == "新能源组"]
    names = {"ev_tech": next(r[0] for r in ev if r[1] == "technician"),
             "ev_leader": next(r[0] for r in ev if r[1] == "team_leader")}
    owner = next(r[3] for r in out["vehicles.csv"][1:] if r[1] == "粤BB9233")
    names["bb_owner"] = next(r[1] for r in out["customers.csv"][1:] if r[0] == owner)
    return MONDAY_PAYMENTS.format(**names)


def write_all(out):
    os.makedirs(SEEDS, exist_ok=True)
    monday = monday_script() + payment_seeds(out) + MONDAY_COMEBACK
    for name, content in list(out.items()) + [("monday.lane", monday)]:
        text = content if isinstance(content, str) else to_csv(content)
        with open(os.path.join(SEEDS, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


# ---------------------------------------------------------------------------
# The check: reads the files back from disk and knows nothing of PROFILES.
# ---------------------------------------------------------------------------
HEADERS = {
    "teams.csv": ["name", "skills"],
    "staff.csv": ["name", "role", "team", "phone"],
    "labor_operations.csv": ["code", "name", "hours", "skill"],
    "parts.csv": ["number", "name", "unit", "price", "stock", "bin", "group"],
    "customers.csv": ["code", "name", "phone", "address"],
    "vehicles.csv": ["vin", "plate", "model", "owner", "sold", "mileage"],
    "visits.csv": ["plate", "date", "mileage", "kind", "summary"],
}
PHONE_RE = re.compile(r"^1[3-9][0-9]{9}$")
NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
PLATE_ORDINARY_RE = re.compile(r"^[粤湘][A-HJ-NP-Z](?=[A-HJ-NP-Z0-9]*[0-9])[A-HJ-NP-Z0-9]{5}$")
PLATE_NEW_ENERGY_RE = re.compile(r"^[粤湘][A-HJ-NP-Z][DABCE][A-HJ-NP-Z0-9][0-9]{4}$")
PART_GROUPS = {"engine", "brake", "powertrain", "battery", "electrical", "body", "consumable",
               "chassis", "ev"}
VISIT_KINDS = {"first_service", "regular_service", "repair", "accident", "other"}
EV_MODELS = {"星河 EV6", "星河 EV9"}


class Problems(list):
    def need(self, cond, msg):
        if not cond:
            self.append(msg)


def read_csv(name, bad):
    path = os.path.join(SEEDS, name)
    raw = open(path, "rb").read()
    bad.need(not raw.startswith(b"\xef\xbb\xbf"), f"{name}: has a BOM")
    bad.need(b"\r" not in raw, f"{name}: has CR characters")
    bad.need(raw.endswith(b"\n"), f"{name}: no final newline")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    bad.need(rows[0] == HEADERS[name], f"{name}: header {rows[0]}")
    for i, r in enumerate(rows[1:], 2):
        bad.need(len(r) == len(rows[0]), f"{name}:{i}: {len(r)} fields")
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def classify(vehicle, vs):
    """Reminder case of one vehicle on the demo date -> (case, detail)."""
    sold = d(vehicle["sold"])
    sold_km = int(vehicle["mileage"])
    horizon = DEMO + timedelta(days=WINDOW_DAYS)
    if not any(v["kind"] == "first_service" for v in vs):
        due = sold + timedelta(days=60)  # no usage data without a visit: date only
        if vs:  # (not in the demo data) estimate the 2,000 km day from the visits
            rate = (int(vs[-1]["mileage"]) - sold_km) / (d(vs[-1]["date"]) - sold).days
            due = min(due, sold + timedelta(days=math.ceil(2000 / rate)))
        case = "a-overdue" if due < DEMO else ("a-due" if due <= horizon else "a-not-yet")
        return case, f"sold {sold}, first service due {due}"
    last_visit = d(vs[-1]["date"])
    if len(vs) >= 2:
        rate = (int(vs[-1]["mileage"]) - int(vs[0]["mileage"])) / (last_visit - d(vs[0]["date"])).days
    else:
        rate = (int(vs[-1]["mileage"]) - sold_km) / (last_visit - sold).days
    svc = [v for v in vs if v["kind"] in ("first_service", "regular_service")][-1]
    svc_day, svc_km = d(svc["date"]), int(svc["mileage"])
    by_time = add_months(svc_day, 6)
    by_km = last_visit + timedelta(days=math.ceil((svc_km + 5000 - int(vs[-1]["mileage"])) / rate))
    due = min(by_time, by_km)
    first = "6 months" if by_time <= by_km else "5,000 km"
    if (DEMO - last_visit).days >= LOST_DAYS and due <= DEMO:
        return "c", f"last visit {last_visit} ({(DEMO - last_visit).days} days ago), service due {due}"
    detail = (f"last service {svc_day} at {svc_km} km, {rate:.1f} km/day, "
              f"due {due} by {first} ({(due - DEMO).days:+d} days)")
    if due < DEMO:
        return "regular-overdue", detail
    if due <= horizon:
        return ("b-6m" if first == "6 months" else "b-km"), detail
    return "d", detail


def check(verbose=True):
    bad = Problems()
    toml = open(os.path.join(SEEDS, "store.toml"), "rb").read()
    bad.need(b"\r" not in toml and not toml.startswith(b"\xef\xbb\xbf"), "store.toml: CR or BOM")
    for n, line in enumerate(toml.decode("utf-8").splitlines(), 1):
        bad.need(len(line) <= 100, f"store.toml line {n}: longer than 100 characters")
    # lane reads it as TOML (TOMLKit); these are the types it takes (StoreSettings.settingKeys).
    try:
        settings = tomllib.loads(toml.decode("utf-8"))
    except tomllib.TOMLDecodeError as e:
        settings = {}
        bad.need(False, f"store.toml: {e}")
    store_keys = {
        "store": {"name": str, "code": str, "utc_offset": str, "mode": str, "address": str, "phone": str, "licence": str,
                  "language": str, "plate_prefix": str},
        "rates": {"labor_rate_fen": int, "vat_basis_points": int, "discount_limit_basis_points": int},
        "hours": {"open": str, "close": str, "peak": list},
        "workshop": {"bays": int, "comeback_days": int},
        "documents": {"templates": str},
        "quality": {"assembly_km": int, "assembly_days": int, "second_level_km": int, "second_level_days": int,
                    "minor_km": int, "minor_days": int, "assembly_operations": list, "second_level_operations": list},
        "first_service": {"free_package": list},
        "insurance": {"insurers": list},
    }
    for section, values in settings.items():
        if section == "plugin":
            for plugin, keys in values.items():
                for key, value in keys.items():
                    ok = isinstance(value, (str, int, bool)) or (
                        isinstance(value, list) and all(isinstance(v, (str, int, bool)) for v in value))
                    bad.need(ok, f"store.toml: plugin.{plugin}.{key} has a type plugins cannot read")
            continue
        bad.need(section in store_keys, f"store.toml: unknown section [{section}]")
        for key, value in values.items():
            want = store_keys.get(section, {}).get(key)
            bad.need(want is not None and isinstance(value, want) and not isinstance(value, bool),
                     f"store.toml: {section}.{key} is unknown or of the wrong type")

    teams = read_csv("teams.csv", bad)
    team_names = {t["name"] for t in teams}
    for t in teams:
        bad.need(set(t["skills"].split(";")) <= set(SKILLS), f"team {t['name']}: skills")

    staff = read_csv("staff.csv", bad)
    phones = []
    names = []
    for s in staff:
        bad.need(s["role"] in ROLES, f"staff {s['name']}: role {s['role']}")
        if s["role"] in ("team_leader", "technician"):
            bad.need(s["team"] in team_names, f"staff {s['name']}: team {s['team']!r}")
        else:
            bad.need(s["team"] == "", f"staff {s['name']}: team must be empty")
        bad.need(NAME_RE.match(s["name"]), f"staff name {s['name']}")
        phones.append(s["phone"])
        names.append(s["name"])
    count = {r: sum(1 for s in staff if s["role"] == r) for r in ROLES}
    for role, lo, hi in [("service_advisor", 4, 4), ("customer_service", 2, 2),
                         ("workshop_foreman", 1, 1), ("qc_inspector", 1, 1),
                         ("technical_director", 1, 1), ("parts_manager", 1, 1),
                         ("cashier", 2, 2), ("service_manager", 1, 1)]:
        bad.need(lo <= count[role] <= hi, f"staff: {count[role]} {role}")
    for t in team_names:
        lead = sum(1 for s in staff if s["role"] == "team_leader" and s["team"] == t)
        tech = sum(1 for s in staff if s["role"] == "technician" and s["team"] == t)
        bad.need(lead == 1 and 2 <= tech <= 3, f"team {t}: {lead} leaders, {tech} technicians")

    ops = read_csv("labor_operations.csv", bad)
    for o in ops:
        bad.need(re.match(r"^[A-Z0-9-]+$", o["code"]), f"labour op code {o['code']}")
        bad.need(re.match(r"^[0-9]+(\.[0-9]{1,2})?$", o["hours"]) and float(o["hours"]) > 0,
                 f"labour op {o['code']}: hours {o['hours']}")
        bad.need(o["skill"] in SKILLS, f"labour op {o['code']}: skill")
    bad.need(len({o["code"] for o in ops}) == len(ops), "labour op codes not unique")

    parts = read_csv("parts.csv", bad)
    for p in parts:
        bad.need(re.match(r"^[A-Z0-9-]+$", p["number"]), f"part number {p['number']}")
        bad.need(re.match(r"^[0-9]+\.[0-9]{2}$", p["price"]), f"part {p['number']}: price")
        bad.need(re.match(r"^[0-9]+$", p["stock"]), f"part {p['number']}: stock")
        bad.need(re.match(r"^[A-Z]-[0-9]{2}-[0-9]{2}$", p["bin"]), f"part {p['number']}: bin")
        bad.need(p["group"] in PART_GROUPS, f"part {p['number']}: group")
    bad.need(len({p["number"] for p in parts}) == len(parts), "part numbers not unique")
    bad.need(sum(1 for p in parts if p["stock"] == "0") == 3, "parts: not exactly 3 out of stock")

    customers = read_csv("customers.csv", bad)
    bad.need([c["code"] for c in customers] == [f"C{i:04d}" for i in range(1, 37)], "customer codes")
    for c in customers:
        bad.need(NAME_RE.match(c["name"]), f"customer name {c['name']}")
        bad.need(c["address"] == "" or re.match(r"^广东省深圳市(南山区|福田区|宝安区)", c["address"]),
                 f"customer {c['code']}: address")
        phones.append(c["phone"])
        names.append(c["name"])
    bad.need(sum(1 for c in customers if len(c["name"]) == 4) >= 1, "no 4-character name")
    bad.need(sum(1 for c in customers if len(c["name"]) == 3) >= 3, "too few 3-character names")
    for ph in phones:
        bad.need(PHONE_RE.match(ph), f"phone {ph}")
    bad.need(len(set(phones)) == len(phones), "phones not unique")
    bad.need(len(set(names)) == len(names), "names not unique")

    vehicles = read_csv("vehicles.csv", bad)
    owners = {c["code"] for c in customers}
    vins = [v["vin"] for v in vehicles]
    plates = [v["plate"] for v in vehicles]
    bad.need(len(vehicles) == 42, f"{len(vehicles)} vehicles")
    bad.need(len(set(vins)) == len(vins), "VINs not unique")
    bad.need(len(set(plates)) == len(plates), "plates not unique")
    year_of = {c: y for y, c in YEAR_CODES.items()}
    for v in vehicles:
        bad.need(vin_valid(v["vin"]), f"VIN {v['vin']} invalid")
        bad.need(year_of.get(v["vin"][9], 0) in (d(v["sold"]).year, d(v["sold"]).year + 1),
                 f"VIN {v['vin']}: model year")
        if v["model"] in EV_MODELS:
            bad.need(PLATE_NEW_ENERGY_RE.match(v["plate"]), f"EV plate {v['plate']}")
        else:
            bad.need(PLATE_ORDINARY_RE.match(v["plate"]), f"plate {v['plate']}")
        bad.need(v["owner"] in owners, f"vehicle {v['plate']}: owner {v['owner']}")
        bad.need(0 <= int(v["mileage"]) <= 30, f"vehicle {v['plate']}: mileage at sale")
        bad.need(d(v["sold"]) <= DEMO, f"vehicle {v['plate']}: sold in the future")
    bad.need(owners == {v["owner"] for v in vehicles}, "a customer without a vehicle")
    bad.need(any(p.startswith("粤A") for p in plates) and any(p.startswith("湘A") for p in plates),
             "no 粤A or 湘A plate")

    visits = read_csv("visits.csv", bad)
    by_plate = {v["plate"]: v for v in vehicles}
    history = {p: [] for p in plates}
    for v in visits:
        bad.need(v["plate"] in by_plate, f"visit for unknown plate {v['plate']}")
        bad.need(v["kind"] in VISIT_KINDS, f"visit kind {v['kind']}")
        bad.need(v["summary"].strip() != "", f"visit {v['plate']} {v['date']}: no summary")
        if v["plate"] in history:
            history[v["plate"]].append(v)
    rates = []
    for plate, vs in history.items():
        veh = by_plate[plate]
        vs.sort(key=lambda v: v["date"])
        prev_day, prev_km = d(veh["sold"]), int(veh["mileage"])
        for v in vs:
            day, km = d(v["date"]), int(v["mileage"])
            bad.need(prev_day < day <= LAST_VISIT_DAY, f"visit {plate} {day}: date")
            bad.need(km > prev_km, f"visit {plate} {day}: mileage {km} not above {prev_km}")
            prev_day, prev_km = day, km
        if vs:
            bad.need(vs[0]["kind"] == "first_service", f"{plate}: first visit is not first_service")
            gap = (d(vs[0]["date"]) - d(veh["sold"])).days
            bad.need(25 <= gap <= 70, f"{plate}: first service {gap} days after sale")
            rates.append((int(vs[-1]["mileage"]) - int(veh["mileage"])) / (d(vs[-1]["date"]) - d(veh["sold"])).days)

    cases = {}
    for plate in plates:
        case, detail = classify(by_plate[plate], history[plate])
        cases.setdefault(case, []).append((plate, detail, history[plate]))

    def n(case):
        return len(cases.get(case, []))

    need = [
        ("a-due", n("a-due") >= 4 and all(d("2026-09-20") <= d(by_plate[p]["sold"]) <= d("2026-11-15")
                                          for p, _, _ in cases.get("a-due", []))),
        ("a-overdue", n("a-overdue") >= 2),
        ("a-not-yet", n("a-not-yet") >= 1 and any((DEMO - d(by_plate[p]["sold"])).days <= 10
                                                  for p, _, _ in cases.get("a-not-yet", []))),
        ("b-6m", sum(1 for p, _, vs in cases.get("b-6m", [])
                     if d("2026-05-24") <= d(vs[-1]["date"]) <= d("2026-06-02")) >= 4),
        ("b-km", sum(1 for p, _, vs in cases.get("b-km", [])
                     if 55 <= (DEMO - d(vs[-1]["date"])).days <= 95) >= 2),
        ("c", sum(1 for p, _, vs in cases.get("c", [])
                  if d("2025-10-01") <= d(vs[-1]["date"]) <= d("2026-04-30")) >= 4),
        ("d", sum(1 for p, _, vs in cases.get("d", [])
                  if len(vs) >= 2 and (DEMO - d(vs[-1]["date"])).days <= 90) >= 8),
    ]
    for case, ok in need:
        bad.need(ok, f"case {case}: required count not met")

    if verbose:
        print(f"rows: {len(teams)} teams, {len(staff)} staff, {len(ops)} labour operations, "
              f"{len(parts)} parts, {len(customers)} customers, {len(vehicles)} vehicles, "
              f"{len(visits)} visits")
        print(f"average km/day since sale: {min(rates):.1f} .. {max(rates):.1f}")
        print(f"reminder cases on {DEMO} (due horizon {DEMO + timedelta(days=WINDOW_DAYS)}):")
        labels = [("a-due", "a) R1.1 first service due within 10 days"),
                  ("a-overdue", "a) R1.1 first service overdue"),
                  ("a-not-yet", "a) R1.1 first service not yet due"),
                  ("b-6m", "b) R1.2 regular service due, 6 months first"),
                  ("b-km", "b) R1.2 regular service due, 5,000 km first"),
                  ("c", "c) R1.3 lost customer (no visit for 180 days)"),
                  ("regular-overdue", "-) R1.2 regular service overdue, not lost"),
                  ("d", "d) serviced regularly, nothing due")]
        for case, label in labels:
            print(f"  {label}: {n(case)}")
            for plate, detail, _ in cases.get(case, []):
                print(f"      {plate}  {detail}")
    if bad:
        for b in bad:
            print("FAIL:", b)
    else:
        print("check: OK")
    return (not bad), cases


# ---------------------------------------------------------------------------
# README (written from the data, so the plates are always the right ones)
# ---------------------------------------------------------------------------
README_HEAD = """\
# ServiceLane demo data

Generated by `python3 scripts/make-seeds.py` (deterministic; standard library
only, Python 3.11 or later). Do not edit these files by hand: change the script
and run it again. `python3 scripts/make-seeds.py --check` checks the files
without rewriting them.

All files are UTF-8 without BOM, LF line endings. The CSV files have a header
row first, and RFC 4180 quoting only where needed (one visit summary contains
a comma). Money is VAT excluded.

`store.toml` is TOML (arrays may span lines; a key written twice is refused).
`seed load` reads it: the sections `[store]`, `[rates]`, `[hours]` and
`[workshop]` take only the keys below, each of its type (a misspelt key is
refused, naming the file, the line and the key); each `[plugin.NAME]` section
belongs to its plugin (see the plugin's README). In a store already in use, a
setting is changed with `store set KEY VALUE` (service manager or admin; the
audit trail keeps the old and the new value), e.g. `store set workshop.bays 10`.

| Key | Type | Holds |
|---|---|---|
| `store.name`, `store.code` | string | the store's name and short code |
| `store.utc_offset` | string | time zone, e.g. `"+08:00"` |
| `store.mode` | string | `live` (the real time only) or `training` (the clock may be set: demos, courses); the demo is `training` |
| `rates.labor_rate_fen` | whole number | fen per standard labour hour, VAT excluded (28000 = ¥280.00) |
| `rates.vat_basis_points` | whole number | VAT, 1300 = 13 % |
| `rates.discount_limit_basis_points` | whole number | the largest discount an advisor may give (default 1000) |
| `hours.open`, `hours.close` | string | e.g. `"08:00"`, `"20:00"` |
| `hours.peak` | array of strings | e.g. `["08:30-10:30", "16:30-18:00"]` |
| `workshop.bays` | whole number | bays in the workshop |
| `workshop.comeback_days` | whole number | back for the same fault within this many days of the hand-over: a comeback (返修) |

**Demo date: 2026-11-23 (Monday), store time zone UTC+08:00.** No visit is
later than 2026-11-20.

`monday.lane` makes the demo's Monday live (scripts/demo runs it once, on a
new demo store; `seed load` does not): a car delivered on Friday whose
quality call is due, three appointments arriving that morning and one on
Tuesday to confirm, a car in the workshop and one at reception, and the car
delivered on Friday back as a comeback (返修) of Friday's order.

| File | Columns | Holds |
|---|---|---|
| `store.toml` | — | store name and code, UTC offset, labour rate (fen per hour), VAT (basis points), opening and peak hours, number of bays; the plugins' settings (`[plugin.NAME]`, each plugin's README) |
| `teams.csv` | `name,skills` | 4 workshop teams; skills separated by `;` (maintenance, mechanical, electrical, body, paint, ev) |
| `staff.csv` | `name,role,team,phone` | {staff} staff; `team` only for team_leader and technician |
| `labor_operations.csv` | `code,name,hours,skill` | {ops} labour operations, standard hours, the skill they need |
| `parts.csv` | `number,name,unit,price,stock,bin,group` | {parts} parts, price in yuan (2 decimals); 3 have stock 0 ({zero}) |
| `customers.csv` | `code,name,phone,address` | 36 customers C0001-C0036 (one without an address) |
| `vehicles.csv` | `vin,plate,model,owner,sold,mileage` | 42 vehicles; `owner` is a customer code, `mileage` the odometer at sale; 6 customers own two |
| `visits.csv` | `plate,date,mileage,kind,summary` | {visits} service visits; kind is first_service, regular_service, repair, accident or other |

VINs carry a valid ISO 3779 / GB 16735 check digit (position 9). EV models
(星河 EV6, 星河 EV9) have new-energy plates (8 characters, e.g. 粤BD12345).

## Reminder cases on 2026-11-23

Readings used (the check in the script applies exactly these):
a *service* is a first_service or regular_service visit; repairs, accidents
and other visits count as visits (for R1.3) but do not restart the service
interval. Today's mileage is estimated from the average km/day between the
first and last visit (one visit: since the sale). A vehicle with no visit has
no usage data, so R1.1 uses its 60-day limit alone. "Due" means falling due
by 2026-12-03 (10 days); all R1.2 demo cases fall due 7-10 days out.
The four 6-month cases are low-mileage drivers (18-24 km/day), the only way
6 months can come before 5,000 km.

"""


def write_readme(cases):
    def n_rows(name):
        return sum(1 for _ in open(os.path.join(SEEDS, name), encoding="utf-8")) - 1
    zero = ", ".join(r[1] for r in csv.reader(open(os.path.join(SEEDS, "parts.csv"), encoding="utf-8"))
                     if r[4] == "0")
    text = README_HEAD.format(staff=n_rows("staff.csv"), ops=n_rows("labor_operations.csv"),
                              parts=n_rows("parts.csv"), visits=n_rows("visits.csv"), zero=zero)
    text += "| Case | Rule | Plates |\n|---|---|---|\n"
    rows = [("a-due", "R1.1 first service falls due within 10 days (sold 2026-09-26..10-03, no visit)"),
            ("a-overdue", "R1.1 first service overdue (no visit, sold more than 60 days ago)"),
            ("a-not-yet", "R1.1 not yet due (sold recently, two within the last 10 days)"),
            ("b-6m", "R1.2 regular service due in 7-10 days, 6 months first (last service 2026-05-30..06-02)"),
            ("b-km", "R1.2 regular service due in 7-10 days, 5,000 km first (53-105 km/day)"),
            ("c", "R1.3 lost customer, last visit 2025-10..2026-04"),
            ("regular-overdue", "R1.2 overdue but not lost (not a required case)"),
            ("d", "serviced regularly, recent visit, nothing due")]
    for case, rule in rows:
        plates = ", ".join(p for p, _, _ in cases.get(case, []))
        text += f"| {case} | {rule} | {plates} |\n"
    with open(os.path.join(SEEDS, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    if "--check" in sys.argv[1:]:
        ok, _ = check()
        sys.exit(0 if ok else 1)
    out = generate()
    write_all(out)
    ok, cases = check()
    # the check found each vehicle where the profile meant it to be
    intended = {p["plate"]: p["case"] for p in PROFILES}
    for case, items in cases.items():
        for plate, detail, _ in items:
            if intended[plate] != case:
                print(f"FAIL: {plate} is {case}, meant {intended[plate]} ({detail})")
                ok = False
    write_readme(cases)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
