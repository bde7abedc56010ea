# A dedicated, durable PostgreSQL cluster for one benchmark run (sourced by run.sh).
# Data, socket and log live in $BENCH_TMP; as root the server runs as the 'postgres' user (initdb refuses root).

# Runs a PostgreSQL server tool, as 'postgres' when we are root.
pg_tool() {
  local tool="$PG_BIN/$1"; shift
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$tool" "$@"; else "$tool" "$@"; fi
}

cluster_start() {
  PG_BIN="$(pg_bin_dir)"
  [ -n "$PG_BIN" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found"
  PG_PORT="$(free_port)"
  PG_PASSWORD="$(random_hex 16)"
  PG_DATA="$BENCH_TMP/pg"
  mkdir -p "$PG_DATA" "$BENCH_TMP/pgrun"
  echo "$PG_PASSWORD" > "$BENCH_TMP/pwfile"
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$PG_DATA" "$BENCH_TMP/pgrun" "$BENCH_TMP/pwfile"; fi

  pg_tool initdb -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$BENCH_TMP/pwfile" -E UTF8 --locale=C --no-instructions >"$BENCH_TMP/initdb.log" 2>&1 \
    || { cat "$BENCH_TMP/initdb.log" >&2; die "initdb"; }
  rm -f "$BENCH_TMP/pwfile"

  # Durable on purpose (a benchmark of durability with fsync off measures nothing). max_wal_size only
  # spaces checkpoints during the bulk inserts; it does not weaken durability.
  cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$BENCH_TMP/pgrun'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 200
shared_buffers = 512MB
effective_cache_size = 4GB
max_wal_size = 4GB
checkpoint_timeout = 15min
${CLUSTER_EXTRA_CONF:-}
EOF
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DATA)"
  pg_tool pg_ctl start -D "$PG_DATA" -l "$BENCH_TMP/pgrun/postgres.log" -w -t 60 >/dev/null \
    || { tail -20 "$BENCH_TMP/pgrun/postgres.log" >&2; die "pg_ctl start"; }
  CLUSTER_STARTED=1

  export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER=postgres PGPASSWORD="$PG_PASSWORD" PGDATABASE=linkage
  psql -X -q -d postgres -c "CREATE DATABASE linkage" || die "CREATE DATABASE linkage"
  CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Database=linkage;Username=postgres;Password=$PG_PASSWORD"
}

cluster_stop() {
  [ "${CLUSTER_STARTED:-0}" = 1 ] || return 0
  CLUSTER_STARTED=0
  log "stopping PostgreSQL"
  pg_tool pg_ctl stop -D "$PG_DATA" -m fast -w -t 60 >/dev/null 2>&1 \
    || pg_tool pg_ctl stop -D "$PG_DATA" -m immediate -w >/dev/null 2>&1 || true
}

# psql on the benchmark database: one value, unaligned, stops at the first error.
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }
sql_file() { psql -X -q -v ON_ERROR_STOP=1 -f "$1" >/dev/null || die "psql -f $1"; }
