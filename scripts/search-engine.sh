#!/bin/sh
# The local search engine: one OpenSearch 2.19 node (Lucene 9) in one JVM, from Maven Central.
#
#   scripts/search-engine.sh start [PORT]   prints the URL once the node is green
#   scripts/search-engine.sh stop           stops it by its PID
#
# SEARCH_ENGINE_DIR (default .search-engine/) holds its data, log and PID, so several nodes can
# run side by side (the test session uses a temporary one). PORT defaults to a free port.
# SEARCH_ENGINE_HEAP sets the JVM heap (default 1g). Listens on 127.0.0.1 only.
set -eu
HERE=$(cd "$(dirname "$0")/search-engine" && pwd)
DIR=${SEARCH_ENGINE_DIR:-$(cd "$HERE/../.." && pwd)/.search-engine}
CACHE=$(cd "$HERE/../.." && pwd)/.search-engine/build
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac

# A failed start also leaves its reason in $DIR/failed, for whoever waits on $DIR/url.
die() {
    echo "search-engine: $*" >&2
    [ -z "${STARTING:-}" ] || echo "search-engine: $*" >>"$DIR/failed"
    exit 1
}

# The node's classpath (resolved by Maven into the local Maven cache) and the compiled launcher.
build() {
    mkdir -p "$CACHE"
    if [ ! -s "$CACHE/classpath" ] || [ "$HERE/pom.xml" -nt "$CACHE/classpath" ]; then
        command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not installed: apt-get install maven"
        if ! mvn -q -B -f "$HERE/pom.xml" dependency:build-classpath \
                -Dmdep.outputFile="$CACHE/classpath.new" >"$CACHE/maven.log" 2>&1; then
            cat "$CACHE/maven.log" >&2
            die "Maven could not resolve the OpenSearch runner (answer above)"
        fi
        mv "$CACHE/classpath.new" "$CACHE/classpath"
    fi
    if [ ! -f "$CACHE/classes/Launcher.class" ] || [ "$HERE/Launcher.java" -nt "$CACHE/classes/Launcher.class" ]; then
        "$JAVAC" -nowarn -cp "$(cat "$CACHE/classpath")" -d "$CACHE/classes" "$HERE/Launcher.java"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

running() { [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; }

start() {
    running && die "already running (PID $(cat "$DIR/pid"), $(cat "$DIR/url")); stop it first"
    rm -rf "$DIR/node" "$DIR/url" "$DIR/failed"
    mkdir -p "$DIR"
    STARTING=1
    # Not straight into $DIR/failed: whoever waits reads that file's mere existence as a failure.
    if ! build 2>"$DIR/build.log"; then
        cat "$DIR/build.log" >>"$DIR/failed"
        die "could not build the launcher"
    fi
    port=${1:-$(free_port)}
    # The node's own log goes to $DIR/node/node_1/logs; stdout tells only start-up and failures.
    nohup "$JAVA" -Xms"${SEARCH_ENGINE_HEAP:-1g}" -Xmx"${SEARCH_ENGINE_HEAP:-1g}" -XX:+UseG1GC \
        -Djava.awt.headless=true -Dlog4j2.disable.jmx=true \
        -cp "$CACHE/classes:$(cat "$CACHE/classpath")" Launcher "$DIR/node" "$port" "$(free_port)" \
        >"$DIR/stdout.log" 2>&1 &
    echo $! >"$DIR/pid"
    url="http://127.0.0.1:$port"
    tries=0
    until curl -fsS "$url/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null 2>&1; do
        if ! running; then
            grep -v '^\s*at ' "$DIR/stdout.log" >&2 || true
            rm -f "$DIR/pid"
            cp "$DIR/stdout.log" "$DIR/failed"
            die "the node did not start (log above)"
        fi
        tries=$((tries + 1))
        if [ "$tries" -ge 240 ]; then
            stop
            echo "not green after 120 s" >"$DIR/failed"
            die "the node was not green after 120 s"
        fi
        sleep 0.5
    done
    echo "$url" >"$DIR/url"
    echo "$url"
}

stop() {
    [ -f "$DIR/pid" ] || return 0
    pid=$(cat "$DIR/pid")
    if kill "$pid" 2>/dev/null; then
        tries=0
        while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$DIR/pid" "$DIR/url"
    rm -rf "$DIR/node"
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop ;;
    url) running && cat "$DIR/url" || die "not running" ;;
    *) die "usage: $0 start [PORT] | stop | url" ;;
esac
