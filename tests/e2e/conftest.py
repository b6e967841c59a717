"""Real-browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

Nothing here skips: a missing chromium, axe-core or vnu.jar fails the run
(`make test` installs them through scripts/install-test-system-deps.sh).
Screenshots go to test-artifacts/ (gitignored; CI keeps them).
"""

import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from django.urls import reverse

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


class OneRequestAtATime:
    """WSGI wrapper: the live server's request threads share the test's in-memory SQLite
    connection, so the browser's parallel requests (assets, the admin's autosave and
    editing-session pings) are handled one at a time, each to its end."""

    lock = threading.Lock()

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()  # request_finished, inside the lock too


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server (one per worker session), serving one request at a time."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(os.environ["DJANGO_LIVE_TEST_SERVER_ADDRESS"], start=False)
    static_handler = server.thread.static_handler
    server.thread.static_handler = lambda app: OneRequestAtATime(static_handler(app))
    server.start()
    yield server
    server.stop()


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


@pytest.fixture(autouse=True)
def _serve_test_media(settings):
    """The live server also serves /media/ from the test storage (tests/e2e/urls.py)."""
    settings.ROOT_URLCONF = "tests.e2e.urls"


@pytest.fixture
def demo_site():
    """The demo content `make run` shows (home.demo): the launch story, companies, event, images."""
    from home import demo

    wagtail_log = logging.getLogger("wagtail")
    level = wagtail_log.level
    wagtail_log.setLevel(logging.WARNING)  # a line per page created is noise in a failure report
    try:
        return demo.load(log=lambda *args: None)
    finally:
        wagtail_log.setLevel(level)


def demo_page(model, slug, language_code="en-gb"):
    """The live demo page of `model` at `slug` in that language (each demo page has its
    translation at the same slug)."""
    return model.objects.live().get(slug=slug, locale__language_code=language_code)


@pytest.fixture(scope="session")
def browser(_migrated_data):
    from playwright.sync_api import sync_playwright

    require(CHROMIUM, "apt-get install chromium (scripts/install-test-system-deps.sh)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Reports every Content-Security-Policy violation to the console, where watch_csp collects it.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
  `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
  + ` at ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`));
"""


def watch_csp(page) -> list[str]:
    """The page's Content-Security-Policy violations, as they happen, across navigations:
    the browser's own console errors and the `securitypolicyviolation` events."""
    violations = []

    def collect(message):
        if message.type == "error" and any(
            mark in message.text for mark in ("CSP violation", "Content Security Policy")
        ):
            violations.append(message.text)

    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on("console", collect)
    return violations


def _new_page(browser, request, options):
    """A tab that fails its test if any Content-Security-Policy violation is reported in it."""
    context = browser.new_context(base_url=request.getfixturevalue("live_server").url, **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    violations = watch_csp(page)
    yield page
    context.close()
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)


@pytest.fixture
def page(browser, request):
    """A desktop-sized tab whose relative URLs resolve against the live server."""
    yield from _new_page(browser, request, DESKTOP)


@pytest.fixture
def second_page(browser, request):
    """Another desktop tab with its own cookies: a second person at another desk."""
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
    # Evaluated through the DevTools protocol rather than added as a <script>: the page's
    # Content-Security-Policy rightly refuses inline scripts.
    page.evaluate(require(AXE_JS, "npm ci (scripts/install-test-system-deps.sh)").read_text())
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


def html_errors(documents: dict[str, str]) -> dict[str, list[dict]]:
    """The Nu HTML Checker's errors per document, {name: html} in, {name: [error...]} out.

    One run of the checker for all of them: the JVM's start-up is most of its cost.
    """
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: apt-get install default-jre-headless", pytrace=False)
    jar = require(VNU_JAR, "npm ci (scripts/install-test-system-deps.sh)")
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name, html in documents.items():
            file = Path(folder) / (re.sub(r"[^\w-]+", "_", name) + ".html")
            file.write_text(html, encoding="utf-8")
            files[file] = name
        completed = subprocess.run(  # noqa: S603 - fixed arguments, our own rendered HTML
            [java, "-jar", str(jar), "--format", "json", "--stdout", *map(str, files)],
            capture_output=True,
            timeout=180,
            check=False,
        )
    if not completed.stdout:
        pytest.fail(f"the Nu HTML Checker did not run: {completed.stderr.decode()[-2000:]}", pytrace=False)
    names = {f"file:{file}": name for file, name in files.items()}  # the checker's "url" of a file
    errors = {name: [] for name in documents}
    for message in json.loads(completed.stdout)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            name = names.get(message.get("url"), message.get("url"))
            errors.setdefault(name, []).append(
                {
                    "line": message.get("lastLine"),
                    "message": message["message"],
                    "extract": message.get("extract", ""),
                }
            )
    return errors


def assert_no_findings(kind: str, findings: dict[str, list]) -> None:
    """Fail with every page's findings listed in full (pytest would truncate the dict)."""
    failing = {name: found for name, found in findings.items() if found}
    if failing:
        pytest.fail(f"{kind}:\n{json.dumps(failing, indent=1, ensure_ascii=False)}", pytrace=False)


ADMIN_PASSWORD = "correct horse battery staple"  # tests.editorial.factories.StaffFactory's


def sign_in_to_admin(page, username):
    """Sign a staff user in to the Wagtail admin, landing on the dashboard."""
    from playwright.sync_api import expect

    page.goto(reverse("wagtailadmin_login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailadmin_home")) + "$"))
