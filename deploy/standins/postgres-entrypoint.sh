#!/bin/sh
# Entrypoint of the postgres:15 stand-in (postgres.Containerfile): the part of the official image's
# entrypoint that compose.yaml and Testcontainers rely on. On first start it creates the cluster in
# PGDATA with POSTGRES_USER / POSTGRES_PASSWORD, and POSTGRES_DB if that differs from the user's name.
# POSTGRES_HOST_AUTH_METHOD (default scram-sha-256) is how other hosts authenticate, as in the official image.
set -eu

# `docker run image -c fsync=off` passes server options only.
if [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
  # Started as root: own the data folder (a fresh named volume is root's), then drop to `postgres`.
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
    echo "docker-entrypoint.sh: set POSTGRES_PASSWORD (the superuser's password)" >&2
    exit 1
  fi
  user="${POSTGRES_USER:-postgres}"
  database="${POSTGRES_DB:-$user}"
  pwfile="$(mktemp)"
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host="$auth" --no-instructions
  rm -f "$pwfile"
  # Other containers connect over the container network.
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    # Single-user mode: no server, no port, nothing can connect before the database exists.
    echo "CREATE DATABASE \"$database\"" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "docker-entrypoint.sh: created the cluster in $PGDATA (user $user, database $database)"
fi

exec "$@"
