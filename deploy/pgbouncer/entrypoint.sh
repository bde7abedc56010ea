#!/bin/sh
# Entrypoint of the PgBouncer image (deploy/pgbouncer/Containerfile). It writes the auth file from the environment
# (PGBOUNCER_USER, default postgres, and PGBOUNCER_PASSWORD, required), so no password is in an image or a committed
# file, copies the configuration mounted at /etc/pgbouncer/pgbouncer.ini with PGBOUNCER_DEFAULT_POOL_SIZE in place of
# its default_pool_size when that is set, and runs PgBouncer in the foreground on the copy.
set -eu
: "${PGBOUNCER_PASSWORD:?set PGBOUNCER_PASSWORD (the database user's password)}"
user="${PGBOUNCER_USER:-postgres}"
mkdir -p /tmp/pgbouncer
umask 077
printf '"%s" "%s"\n' "$(printf '%s' "$user" | sed 's/"/""/g')" "$(printf '%s' "$PGBOUNCER_PASSWORD" | sed 's/"/""/g')" \
  > /tmp/pgbouncer/userlist.txt
if [ -n "${PGBOUNCER_DEFAULT_POOL_SIZE:-}" ]; then
  case "$PGBOUNCER_DEFAULT_POOL_SIZE" in *[!0-9]*) echo "PGBOUNCER_DEFAULT_POOL_SIZE is a number" >&2; exit 2 ;; esac
  sed "s/^default_pool_size *=.*/default_pool_size = $PGBOUNCER_DEFAULT_POOL_SIZE/" /etc/pgbouncer/pgbouncer.ini > /tmp/pgbouncer/pgbouncer.ini
else
  cp /etc/pgbouncer/pgbouncer.ini /tmp/pgbouncer/pgbouncer.ini
fi
exec pgbouncer /tmp/pgbouncer/pgbouncer.ini
