-- psql -v tenant=.. -v first=F -v last=L -f events-bulk.sql
-- Appends positions F..L to one tenant's change feed straight into events, and moves the tenant's head to L, as the
-- unit of work's append does (ADR 0028): positions without gaps, the head at the last. Each is a valid event the API
-- reads as any other: a contact.updated of one of 5 000 contacts (version rising with the position), its
-- description's change, readable with Contact:Read (read_domains), occurred now. Subjects and changes are the compact text
-- the API's writer makes (ChangeEvents), which the feed writes through since issue 30 (ADR 0036).
INSERT INTO events (tenant_id, position, id, type, occurred_utc, actor_id, change_origin, resource_type, resource_id,
                    subjects, version, changes, read_domains)
SELECT :'tenant', n, bench.uuid7(), 'contact.updated', now(), 'bench-bulk', 'bench', 'contact', md5('events ' || n % 5000)::uuid,
       format('[{"type":"contact","id":"%s"}]', md5('events ' || n % 5000)::uuid)::json,
       n / 5000 + 2,
       format('{"description":{"from":"before %s","to":"after %s"}}', n, n)::json,
       ARRAY['contact']
  FROM generate_series(:first, :last) AS n;
INSERT INTO event_heads AS h (tenant_id, position) VALUES (:'tenant', :last)
    ON CONFLICT (tenant_id) DO UPDATE SET position = excluded.position;
