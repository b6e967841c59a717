"""`python -m bench [name ...]`: run every benchmark module in bench/ (or only those named)."""

import pkgutil
import sys
from importlib import import_module
from pathlib import Path


def main(argv: list[str]) -> int:
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name != "setup"
    )
    for name in names:
        module = import_module(f"bench.{name}")
        if hasattr(module, "run"):
            print(f"== bench.{name} ==", flush=True)
            module.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
