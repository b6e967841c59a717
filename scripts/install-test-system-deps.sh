#!/bin/sh
# What the test suite needs from outside PyPI, installed only when missing:
# Debian's chromium (driven by Playwright; never a browser download), a JDK and
# Maven for the search engine and the Nu HTML Checker, the npm test tools (axe-core, vnu-jar, lighthouse), a
# Chinese font so screenshots of Chinese names show characters, not boxes, and GNU gettext (msgfmt)
# to compile the message catalogues.
# Idempotent and silent when everything is already there.
set -eu
cd "$(dirname "$0")/.."

apt_packages=""
[ -x /usr/bin/chromium ] || apt_packages="$apt_packages chromium"
# A JDK and Maven: the search engine (scripts/search-engine.sh) is resolved from Maven Central
# and its launcher compiled; Java also runs the Nu HTML Checker.
command -v javac >/dev/null 2>&1 || apt_packages="$apt_packages default-jdk-headless"
command -v mvn >/dev/null 2>&1 || apt_packages="$apt_packages maven"
command -v npm >/dev/null 2>&1 || apt_packages="$apt_packages nodejs npm"
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || apt_packages="$apt_packages fonts-wqy-microhei"
# gettext: msgfmt compiles locale/*/LC_MESSAGES/django.po (scripts/compile-messages.sh, tests/conftest.py).
command -v msgfmt >/dev/null 2>&1 || apt_packages="$apt_packages gettext"
# wrk: the load generator of `make bench` (bench/serving.py).
command -v wrk >/dev/null 2>&1 || apt_packages="$apt_packages wrk"

if [ -n "$apt_packages" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-test-system-deps: need root to apt-get install:$apt_packages" >&2
        exit 1
    fi
    echo "install-test-system-deps: apt-get install$apt_packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $apt_packages >/dev/null
fi

# npm ci when node_modules is missing or older than the lock file (the test tools and the
# site's fonts), and the fonts copied into the static folder the live server serves.
./scripts/build-fonts.sh
