#!/bin/sh
# What the test suite needs from outside PyPI, installed only when missing.
set -eu
exit 0
