"""`python -m bench [name ...]`: run every benchmark module in bench/ (or only those named).

Each benchmark configures Django on its own throwaway database, so each runs in its own process.
"""

import pkgutil
import subprocess
import sys
from importlib import import_module
from pathlib import Path


def main(argv: list[str]) -> int:
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name != "setup"
    )
    if len(names) > 1:
        runs = [
            subprocess.run([sys.executable, "-m", "bench", name])  # noqa: S603 - our modules, our interpreter
            for name in names
        ]
        return max(run.returncode for run in runs)
    module = import_module(f"bench.{names[0]}")
    if hasattr(module, "run"):
        print(f"== bench.{names[0]} ==", flush=True)
        module.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
