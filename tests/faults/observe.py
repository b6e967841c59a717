"""What the fault tests watch: /readyz, and how long a user waited for an acknowledgement."""

import time
from contextlib import contextmanager

from django.test import Client


def readiness() -> tuple[int, dict[str, str]]:
    """/readyz's HTTP status and each dependency's status, as a load balancer sees them."""
    response = Client().get("/readyz")
    return response.status_code, {name: check["status"] for name, check in response.json()["checks"].items()}


def wait_until(condition, timeout: float = 10, what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        time.sleep(0.05)


class Stopwatch:
    """The longest wait of the acknowledgements it timed (the figures the fault tests report)."""

    def __init__(self):
        self.waits: list[float] = []

    @contextmanager
    def timing(self):
        started = time.perf_counter()
        yield
        self.waits.append(time.perf_counter() - started)

    @property
    def longest(self) -> float:
        return max(self.waits, default=0.0)
