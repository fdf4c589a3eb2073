-- report kpi for 2026-10-01 to 2026-10-31: the rows lane reads for the period, statement for statement (docs/performance.md)
SELECT * FROM repair_order WHERE id IN (SELECT id FROM repair_order WHERE opened_on >= '2026-10-01' AND opened_on <= '2026-10-31' UNION SELECT id FROM repair_order WHERE delivered_at >= 1790784000 AND delivered_at < 1793462400) ORDER BY opened_at, id;
SELECT l.* FROM repair_order_line l WHERE l.repair_order_id IN (SELECT id FROM repair_order WHERE opened_on >= '2026-10-01' AND opened_on <= '2026-10-31' UNION SELECT id FROM repair_order WHERE delivered_at >= 1790784000 AND delivered_at < 1793462400) ORDER BY l.repair_order_id, l.line_no;
SELECT r.id, r.delivered_at, e.number, e.advisor, e.team FROM repair_order r JOIN repair_order e ON e.number = r.comeback_of WHERE r.delivered_at >= 1790784000 AND r.delivered_at < 1793462400 AND r.comeback_of IS NOT NULL;
SELECT * FROM appointment WHERE day >= '2026-10-01' AND day <= '2026-10-31';
SELECT * FROM follow_up WHERE at >= 1790784000 AND at < 1793462400;
SELECT * FROM complaint WHERE opened_at >= 1790784000 AND opened_at < 1793462400;
SELECT * FROM reminder_log WHERE at >= 1790784000 AND at < 1793462400;
SELECT * FROM delayed_delivery WHERE opened_at >= 1790784000 AND opened_at < 1793462400;
SELECT * FROM staff;
