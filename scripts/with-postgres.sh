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
$AS "$PGBIN/pg_ctl" -D "$DATA/db" -l "$DATA/log" -w \
    -o "-h 127.0.0.1 -p $PORT -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null

stop() {
    PID=$(head -n 1 "$DATA/db/postmaster.pid" 2>/dev/null || true)
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    while [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; do sleep 0.1; done
    rm -rf "$DATA"
}
trap stop EXIT INT TERM

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/maghub"
"$@"
