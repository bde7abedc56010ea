-- What the benchmark adds to its own throwaway database (never to a real one), in schema bench.
CREATE SCHEMA bench;

-- A time-ordered UUID laid out as version 7, like the ids the API makes (Guid.CreateVersion7), so the
-- rows pgbench and the bulk loads insert land in the primary-key index where the API's would.
CREATE FUNCTION bench.uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
          || '7' || substr(md5(random()::text), 1, 3)
          || '8' || substr(md5(random()::text), 1, 15))::uuid
$$;

-- The same layout from a caller's random seed and the transaction's start time, so two statements of one
-- transaction can name the same new row (the API binds one id to both; pgbench has no uuid variables).
CREATE FUNCTION bench.uuid7(seed bigint) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0')
          || '7' || substr(md5(seed::text), 1, 3)
          || '8' || substr(md5(seed::text), 4, 15))::uuid
$$;
