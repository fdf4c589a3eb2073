#!/usr/bin/env python3
"""The PostgreSQL store's query plans for what lane ran (a benchmark tool, not a test):
   scripts/pg-plans.py SERVER_LOG URL
SERVER_LOG is the server's log while `log_statement = 'all'` was on (scripts/pg-server's DIR/server.log,
after `ALTER SYSTEM SET log_statement = 'all'; SELECT pg_reload_conf();`) and lane ran the lookups;
URL the store's address (…?schema=NAME). Every distinct read is explained with the parameters it was
run with (after ANALYZE, so the planner knows the tables' sizes); a step that reads a growing table end to
end (Seq Scan) is printed with its statement (a Sort above an index range sorts that range only).
With PG_PLANS_NO_SEQSCAN=1 the planner is told to avoid sequential scans (`enable_seqscan = off`): on a
small store it scans tables that are small there, and a Seq Scan that remains means no index can serve
the statement at any size.
"""
import os
import re
import subprocess
import sys
import urllib.parse

GROWING = {"customer", "customer_search_key", "vehicle", "vehicle_event", "repair_order", "repair_order_line", "quality_check",
           "repair_order_event", "stock_movement", "reminder_log", "reminder_schedule", "delayed_delivery", "follow_up", "complaint",
           "appointment", "appointment_event", "part_reservation", "audit_log", "audit_personal", "audit_subject", "row_seal",
           "print_log", "plugin_state"}

log, url = sys.argv[1], sys.argv[2]
parts = urllib.parse.urlsplit(url)
schema = urllib.parse.parse_qs(parts.query).get("schema", ["lane"])[0]
plain = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))

text = open(log, encoding="utf-8", errors="replace").read()
# "LOG:  execute <unnamed>: SQL" possibly over several lines, then "DETAIL:  parameters: $1 = '…', $2 = NULL".
entries = re.findall(r"LOG:  execute [^:]*: (.*?)\n(?:\S.*?DETAIL:  parameters: (.*?)\n)?(?=\S)", text, re.S)
seen = {}
for sql, params in entries:
    sql = " ".join(sql.split())
    if not sql.upper().startswith(("SELECT", "WITH")) or sql in seen:
        continue
    values = dict(re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", params or ""))
    seen[sql] = re.sub(r"\$(\d+)\b", lambda m: values.get(m.group(1), "NULL"), sql)

script = f"SET search_path TO {schema};\nANALYZE;\n" + ("SET enable_seqscan = off;\n" if os.environ.get("PG_PLANS_NO_SEQSCAN") else "") + "".join(f"\\echo ==== {i}\nEXPLAIN {q};\n" for i, q in enumerate(seen.values()))
out = subprocess.run(["psql", "-X", "-q", plain], input=script.encode(), capture_output=True).stdout.decode()
bad = 0
for i, (sql, plan) in enumerate(zip(seen.keys(), out.split("==== ")[1:])):
    steps = plan.splitlines()[1:]
    found = [s.strip() for s in steps if (m := re.search(r"Seq Scan on (\w+)", s)) and m.group(1) in GROWING]
    if found:
        bad += 1
        print(f"-- {sql}\n" + "\n".join(steps) + "\n")
print(f"pg-plans: {len(seen)} distinct reads explained, {bad} with a Seq Scan of a growing table", file=sys.stderr)
