"""`python -m bench.load`: the load benchmark inside the PostgreSQL and Redis that
`python -m bench load` starts around it (see bench/load/__init__.py)."""

import sys

from bench.load import run_on_stack

sys.exit(run_on_stack())
