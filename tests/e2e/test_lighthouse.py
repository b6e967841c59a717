"""Lighthouse (npm `lighthouse`, run on Debian's chromium) in mobile emulation on the demo content:
Performance >= 95, Accessibility 100, Best Practices >= 95 and SEO >= 95 on every kind of public page
(search is noindex, so SEO does not apply to it).

One test, one Lighthouse run per page, only the four categories asserted; the JSON reports go to
test-artifacts/lighthouse/ and a failure names each page's failing audits.
"""

import json
import os
import shutil
import subprocess

from django.urls import reverse

import pytest

from news.models import ArticlePage, CompanyProfilePage, EventReportPage, Industry
from tests.e2e.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, demo_page, require

pytestmark = pytest.mark.e2e

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = ARTIFACTS / "lighthouse"
MINIMUM_SCORES = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
# Pages that ask search engines not to index them: SEO is not theirs to pass.
NOINDEX = {"search"}
# Performance varies from run to run with what else the host is doing (on a shared two-core machine
# the same page scored 92 and 100 a minute apart): a page short of the Performance budget is run twice
# more and judged on the median run, as Lighthouse's guide to variability recommends.
RUNS_WHEN_SHORT = 3


def pages_to_audit() -> dict[str, str]:
    """{name: path} of each kind of indexable page, plus search, from the demo content."""
    return {
        "home": "/",
        "news": "/news/",
        "article": demo_page(ArticlePage, "maghub-2-launched-in-greater-hongqiao").url,
        "company": demo_page(CompanyProfilePage, "dsv-air-sea").url,
        "event": demo_page(EventReportPage, "china-an-opportunity-forum-2024").url,
        "search": f"{reverse('search')}?q=Hongqiao",
        "industry": Industry.objects.get(slug="logistics").get_absolute_url(),
    }


def lighthouse(url: str, report: str) -> dict:
    """One Lighthouse run (its default: a mid-range phone on a throttled 4G link), its JSON report.

    A run whose trace recording broke (Lighthouse's runtime errors such as NO_NAVSTART, seen on a
    loaded host; it says to run again) is run again, up to three runs in all (two in a row
    broke once in CI while the machine ran other work)."""
    node = shutil.which("node") or pytest.fail("node is missing: apt-get install nodejs", pytrace=False)
    script = require(LIGHTHOUSE, "npm ci (scripts/install-test-system-deps.sh)")
    arguments = [
        node,
        str(script),
        url,
        f"--only-categories={','.join(MINIMUM_SCORES)}",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        "--quiet",
    ]
    environment = {**os.environ, "CHROME_PATH": str(require(CHROMIUM, "apt-get install chromium"))}
    for _attempt in range(3):
        completed = subprocess.run(  # noqa: S603 - fixed arguments, our own live server's URL
            arguments, env=environment, capture_output=True, timeout=180, check=False
        )
        if not completed.returncode:
            with open(report, encoding="utf-8") as file:
                return json.load(file)
        if b"Please run Lighthouse again" not in completed.stderr:
            break
    pytest.fail(f"lighthouse failed on {url}: {completed.stderr.decode()[-2000:]}", pytrace=False)


def score(result: dict, category: str) -> int:
    """The category's score out of 100 (0 when Lighthouse could not score it)."""
    return round((result["categories"][category]["score"] or 0) * 100)


def audit(url: str, report: str) -> dict:
    """Lighthouse's report on `url`; the median of three runs if the first is short on Performance."""
    result = lighthouse(url, report)
    if score(result, "performance") >= MINIMUM_SCORES["performance"]:
        return result
    runs = [result, *(lighthouse(url, report) for _ in range(RUNS_WHEN_SHORT - 1))]
    median = sorted(runs, key=lambda run: score(run, "performance"))[len(runs) // 2]
    with open(report, "w", encoding="utf-8") as file:
        json.dump(median, file)
    return median


def shortfalls(name: str, result: dict) -> list[str]:
    """Each category below its minimum, with the audits in it that did not pass."""
    found = []
    for category, minimum in MINIMUM_SCORES.items():
        if category == "seo" and name in NOINDEX:
            continue
        if score(result, category) < minimum:
            failing = [
                f"{ref['id']} ({result['audits'][ref['id']]['score']})"
                for ref in result["categories"][category]["auditRefs"]
                if ref["weight"]
                and (result["audits"][ref["id"]]["score"] or 0) < 1
                and result["audits"][ref["id"]]["scoreDisplayMode"] in {"binary", "numeric", "metricSavings"}
            ]
            found.append(f"{category} {score(result, category)} < {minimum}: {', '.join(failing)}")
    return found


def test_public_pages_meet_the_lighthouse_budget(demo_site, live_server):
    REPORTS.mkdir(parents=True, exist_ok=True)
    scores, problems = {}, {}
    for name, path in pages_to_audit().items():
        result = audit(live_server.url + path, str(REPORTS / f"{name}.json"))
        assert result["finalDisplayedUrl"].endswith(path), (path, result["finalDisplayedUrl"])
        scores[name] = {category: score(result, category) for category in MINIMUM_SCORES}
        if found := shortfalls(name, result):
            problems[name] = found
    (REPORTS / "scores.json").write_text(json.dumps(scores, indent=1))
    if problems:
        pytest.fail(
            f"Lighthouse below budget (scores: {json.dumps(scores)}):\n{json.dumps(problems, indent=1)}",
            pytrace=False,
        )
