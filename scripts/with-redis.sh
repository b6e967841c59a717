#!/bin/sh
# Run a command with a throwaway Redis from Debian's packages:
#   scripts/with-redis.sh .venv/bin/pytest
# Installs redis-server if missing, starts it on 127.0.0.1 on a free port in a temporary
# directory, exports REDIS_URL (without a database number: tests pick one per worker), and
# stops it by its PID afterwards.
set -eu

if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing redis-server from Debian's packages..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi
PORT=${MAGHUB_REDIS_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DATA=$(mktemp -d /tmp/maghub-redis.XXXXXX)

redis-server --bind 127.0.0.1 --port "$PORT" --save "" --dir "$DATA" \
    --daemonize yes --pidfile "$DATA/redis.pid" --logfile "$DATA/log"
i=0
until [ -s "$DATA/redis.pid" ] || [ $i -ge 100 ]; do sleep 0.05; i=$((i + 1)); done

stop() {
    PID=$(cat "$DATA/redis.pid" 2>/dev/null || true)
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    while [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; do sleep 0.1; done
    rm -rf "$DATA"
}
trap stop EXIT INT TERM

export REDIS_URL="redis://127.0.0.1:$PORT"
"$@"
