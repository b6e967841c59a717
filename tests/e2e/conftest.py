"""Real-browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

Nothing here skips: a missing chromium, axe-core or vnu.jar fails the run
(`make test` installs them through scripts/install-test-system-deps.sh).
Screenshots go to test-artifacts/ (gitignored; CI keeps them).
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# from fixtures in that thread are safe (nothing else runs there).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# The live server listens on loopback only.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
BLOCKING_IMPACTS = {"serious", "critical"}


def require(path: Path, how: str) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: {how}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def _migrated_data(django_db_setup, django_db_blocker):
    """The migrations' data (root page, default site, editorial roles), serialized by pytest-django.

    Captured before Playwright starts: its event loop gives this thread a new Django
    connection wrapper, which does not carry the serialized copy.
    """
    from django.db import connections

    return connections["default"]._test_serialized_contents


@pytest.fixture
def _serialized_copy(_migrated_data, browser):
    from django.db import connections

    connections["default"]._test_serialized_contents = _migrated_data


@pytest.fixture(autouse=True)
def _e2e_database(_serialized_copy, transactional_db, django_db_serialized_rollback):
    """The live server runs in another thread, so tests commit (transactional_db), and
    the migrations' data is restored after each test's flush (serialized rollback)."""


@pytest.fixture(scope="session")
def browser(_migrated_data):
    from playwright.sync_api import sync_playwright

    require(CHROMIUM, "apt-get install chromium (scripts/install-test-system-deps.sh)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, request, options):
    context = browser.new_context(base_url=request.getfixturevalue("live_server").url, **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(browser, request):
    """A desktop-sized tab whose relative URLs resolve against the live server."""
    yield from _new_page(browser, request, DESKTOP)


@pytest.fixture
def phone_page(browser, request):
    """A phone-sized, touch tab (390×844) for the reader journeys."""
    yield from _new_page(browser, request, PHONE)


@pytest.fixture
def screenshot(request):
    """screenshot(page) saves test-artifacts/<test name>.png (full page)."""

    def take(page, suffix=""):
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name) + (f"-{suffix}" if suffix else "")
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def axe_violations(page, impacts=BLOCKING_IMPACTS) -> list[dict]:
    """axe-core's violations of the given impacts on the page as it is now."""
    page.add_script_tag(path=str(require(AXE_JS, "npm ci (scripts/install-test-system-deps.sh)")))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def html_errors(html: str) -> list[dict]:
    """The Nu HTML Checker's errors for a document (run on the machine's Java)."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: apt-get install default-jre-headless", pytrace=False)
    jar = require(VNU_JAR, "npm ci (scripts/install-test-system-deps.sh)")
    completed = subprocess.run(  # noqa: S603 - fixed arguments, our own rendered HTML on stdin
        [java, "-jar", str(jar), "--format", "json", "--stdout", "-"],
        input=html.encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(completed.stdout or b'{"messages": []}')["messages"]
    return [
        {"line": m.get("lastLine"), "message": m["message"], "extract": m.get("extract", "")}
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
