#!/bin/sh
# The site's typefaces, self-hosted: the woff2 files the stylesheet names, copied from the
# @fontsource packages pinned in package-lock.json into maghub/static/fonts/ (gitignored),
# where collectstatic and WhiteNoise find them. Only the latin subsets and the weights
# maghub/static/css/fonts.css declares; Chinese text uses the reader's system fonts.
# `make run`, `make test` (through install-test-system-deps.sh) and the Dockerfile run it.
# Idempotent: npm ci only when node_modules is missing or older than the lock file.
set -eu
cd "$(dirname "$0")/.."

FONTS="
source-serif-4/files/source-serif-4-latin-700-normal.woff2
source-sans-3/files/source-sans-3-latin-400-normal.woff2
source-sans-3/files/source-sans-3-latin-600-normal.woff2
"

./scripts/apt-get-if-missing.sh npm nodejs npm

# Install scripts stay off: vnu-jar's (a test tool) would download a Java runtime.
# NPM_CI_FLAGS lets the Dockerfile leave the test tools out (--omit=dev).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "build-fonts: npm ci"
    # shellcheck disable=SC2086
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error ${NPM_CI_FLAGS:-} >/dev/null
fi

mkdir -p maghub/static/fonts
for font in $FONTS; do
    cp -p "node_modules/@fontsource/$font" maghub/static/fonts/
done
