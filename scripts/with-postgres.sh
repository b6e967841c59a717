#!/bin/sh
# Run a command against a throwaway PostgreSQL from Debian's packages:
#   scripts/with-postgres.sh .venv/bin/pytest
# Installs the server if missing, starts it on 127.0.0.1 in a temporary
# directory, exports DATABASE_URL, and stops it by its PID afterwards.
set -eu

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PORT=${MAGHUB_PG_PORT:-55432}
DATA=$(mktemp -d /tmp/maghub-pg.XXXXXX)

# PostgreSQL refuses to run as root: use the postgres account when we are root.
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DATA" postgres
    chown postgres "$DATA"
    AS="runuser -u postgres --"
else
    AS=""
fi

$AS "$PGBIN/initdb" -D "$DATA/db" -U postgres -A trust --no-sync >/dev/null
# In the cluster's own configuration, so a plain `pg_ctl start` (the fault tests restart it) finds it again.
cat >>"$DATA/db/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DATA'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
$AS "$PGBIN/pg_ctl" -D "$DATA/db" -l "$DATA/log" -w start >/dev/null

stop() {
    PID=$(head -n 1 "$DATA/db/postmaster.pid" 2>/dev/null || true)
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    while [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; do sleep 0.1; done
    rm -rf "$DATA"
}
trap stop EXIT INT TERM

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/maghub"
# What tests/faults/test_postgres_restart.py needs to stop and start this cluster.
export MAGHUB_PG_CTL="$PGBIN/pg_ctl" MAGHUB_PG_DATA="$DATA/db" MAGHUB_PG_USER="${AS:+postgres}"
"$@"
