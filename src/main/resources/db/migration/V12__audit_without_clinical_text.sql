-- Issue 15: audit details hold ids and field names, never what was written into a record. Rows written before
-- that rule held medicines, plan reasons, progression notes, cramp notes and closure reasons in their detail;
-- this one-off change removes that text (the audit trail is otherwise append-only). Who did what to whose record,
-- and when, stays.
UPDATE audit_event SET detail = 'medications changed (earlier detail removed: it held the medicines)'
 WHERE action = 'MEDICATIONS_UPDATED';
UPDATE audit_event SET detail = 'plan version created (earlier detail removed: it held the reason and notes)'
 WHERE action = 'PLAN_VERSION_CREATED';
UPDATE audit_event SET detail = 'cramp changed (earlier detail removed: it held the note)'
 WHERE action IN ('CRAMP_LOGGED', 'CRAMP_UPDATED', 'CRAMP_DELETED') AND detail LIKE '%note%';
UPDATE audit_event SET detail = 'days closed (earlier detail removed: it held the reason)'
 WHERE action = 'SCHEDULE_CHANGED' AND detail LIKE 'closed %';
