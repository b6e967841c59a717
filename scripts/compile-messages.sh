#!/bin/sh
# The message catalogues (locale/*/LC_MESSAGES/django.po) compiled to the .mo files Django reads
# (gitignored). `make run` and `make test` run it; the Dockerfile runs compilemessages itself.
# GNU gettext's msgfmt does the compiling: installed from Debian's packages when missing.
set -eu
cd "$(dirname "$0")/.."

./scripts/apt-get-if-missing.sh msgfmt gettext

.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
