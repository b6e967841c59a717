"""The search engine the suite and the benchmarks run on: one OpenSearch node (a real Lucene
engine in one JVM) started by ``scripts/search-engine.sh`` and stopped by its PID.

The test session's controller starts it in the background (``start_in_background``) while
pytest collects and sets up databases; every process, pytest-xdist workers included, finds it
through ``MAGHUB_SEARCH_ENGINE_DIR`` and waits for it with ``wait_for_url``. Set
``MAGHUB_SEARCH_ENGINE_URL`` to run the suite against a node that is already running.
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "search-engine.sh"
DIR_VARIABLE = "MAGHUB_SEARCH_ENGINE_DIR"
URL_VARIABLE = "MAGHUB_SEARCH_ENGINE_URL"
START_TIMEOUT = 300  # a first run resolves the engine with Maven


class SearchEngineError(RuntimeError):
    pass


class SearchEngine:
    """One node in a directory of its own."""

    def __init__(self, directory: Path, process: subprocess.Popen | None = None):
        self.directory = directory
        self.process = process

    @classmethod
    def start_in_background(cls) -> "SearchEngine":
        directory = Path(tempfile.mkdtemp(prefix="maghub-search-engine-"))
        process = subprocess.Popen(  # noqa: S603 - our own script
            [str(SCRIPT), "start"],
            env={**os.environ, "SEARCH_ENGINE_DIR": str(directory)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return cls(directory, process)

    @classmethod
    def start(cls) -> "SearchEngine":
        engine = cls.start_in_background()
        try:
            wait_for_url(engine.directory)
        except BaseException:
            engine.stop()  # a node that comes up after all would otherwise run on, orphaned
            raise
        return engine

    @property
    def pid(self) -> int:
        return int((self.directory / "pid").read_text())

    @property
    def url(self) -> str:
        return wait_for_url(self.directory)

    def __enter__(self) -> "SearchEngine":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        subprocess.run(  # noqa: S603
            [str(SCRIPT), "stop"],
            env={**os.environ, "SEARCH_ENGINE_DIR": str(self.directory)},
            check=False,
            capture_output=True,
        )
        if self.process is not None:
            self.process.wait(timeout=30)
        shutil.rmtree(self.directory, ignore_errors=True)


def wait_for_url(directory: Path, timeout: float = START_TIMEOUT) -> str:
    """The node's URL once it is green; the script's own account of why when it failed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (directory / "url").exists():
            return (directory / "url").read_text().strip()
        if (directory / "failed").exists():
            time.sleep(0.2)  # the script may still be writing its reason
            raise SearchEngineError((directory / "failed").read_text())
        time.sleep(0.1)
    raise SearchEngineError(f"the search engine in {directory} did not start within {timeout:.0f} s")


def session_url() -> str:
    """The URL of this test session's node (or of the one named by MAGHUB_SEARCH_ENGINE_URL)."""
    if os.environ.get(URL_VARIABLE):
        return os.environ[URL_VARIABLE]
    if not os.environ.get(DIR_VARIABLE):
        raise SearchEngineError("no search engine for this session: tests/conftest.py starts one")
    return wait_for_url(Path(os.environ[DIR_VARIABLE]))
