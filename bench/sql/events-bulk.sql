-- psql -v tenant=.. -v first=F -v last=L -f events-bulk.sql
-- Appends positions F..L to one tenant's change feed straight into events, and moves the tenant's head to L, as the
-- unit of work's append does (ADR 0028): positions without gaps, the head at the last. Each is a valid event the API
-- reads as any other: a contact.updated of one of 5 000 contacts (version rising with the position), its
-- description's change, readable with Contact:Read (read_domains), occurred now.
INSERT INTO events (tenant_id, position, id, type, occurred_utc, actor_id, change_origin, resource_type, resource_id,
                    subjects, version, changes, read_domains)
SELECT :'tenant', n, bench.uuid7(), 'contact.updated', now(), 'bench-bulk', 'bench', 'contact', md5('events ' || n % 5000)::uuid,
       jsonb_build_array(jsonb_build_object('type', 'contact', 'id', md5('events ' || n % 5000)::uuid::text)),
       n / 5000 + 2,
       jsonb_build_object('description', jsonb_build_object('from', 'before ' || n, 'to', 'after ' || n)),
       ARRAY['contact']
  FROM generate_series(:first, :last) AS n;
INSERT INTO event_heads AS h (tenant_id, position) VALUES (:'tenant', :last)
    ON CONFLICT (tenant_id) DO UPDATE SET position = excluded.position;
