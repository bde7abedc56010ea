-- psql -v tenant=.. -v subject=<contact id> -v count=N -v mine=M -f timeline-bulk.sql
-- Appends :count actions straight into timeline_actions: M per mille of them on the measured contact,
-- the others on 5 000 other contacts of the same tenant and of another one, all interleaved by position,
-- so the measured timeline is spread through the table as in real life and cursor depth is real.
INSERT INTO timeline_actions (id, tenant_id, kind, subject_type, subject_id, occurred_utc, actor_id, change_origin, changes)
SELECT bench.uuid7(),
       CASE WHEN n % 1000 < :mine OR n % 3 <> 0 THEN :'tenant' ELSE 'bench-other' END,
       'contact.updated',
       'contact',
       CASE WHEN n % 1000 < :mine THEN :'subject'::uuid ELSE md5('other ' || n % 5000)::uuid END,
       now(),
       'bench-bulk',
       'bench',
       jsonb_build_object('description', jsonb_build_object('from', 'before ' || n, 'to', 'after ' || n))
  FROM generate_series(1, :count) AS n;
