"""The Redis the cache tests run against: REDIS_URL when set (scripts/with-redis.sh, `make test`, CI),
else Debian's redis-server started for this test process on a free port and stopped by its PID."""

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class RedisServer:
    process: subprocess.Popen
    url: str
    directory: Path

    @classmethod
    def start(cls) -> "RedisServer":
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is missing: scripts/with-redis.sh installs it (make test does).")
        port = _free_port()
        directory = Path(tempfile.mkdtemp(prefix="maghub-redis-"))
        command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--dir", str(directory)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603 - Debian's binary
        deadline = time.monotonic() + 10
        while not _accepts(port):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"redis-server did not start on port {port}.")
            time.sleep(0.05)
        return cls(process, f"redis://127.0.0.1:{port}", directory)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.directory, ignore_errors=True)


def closed_port_url() -> str:
    """A redis:// URL nothing listens on: a cache outage."""
    return f"redis://127.0.0.1:{_free_port()}/0"
