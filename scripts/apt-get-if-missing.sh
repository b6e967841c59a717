#!/bin/sh
# `apt-get-if-missing.sh COMMAND PACKAGE...`: install Debian's PACKAGEs when COMMAND is not on the
# PATH (root only; anyone else is told what to install). The build scripts' one way to get a tool.
set -eu
command="$1"
shift
command -v "$command" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "$command is missing: apt-get install $*" >&2
    exit 1
fi
echo "apt-get install $*"
DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2068
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $@ >/dev/null
