"""Full-page screenshots of every public page type, the account pages and a community thread,
on a phone (390 wide) and a desktop (1440 wide), for an editor to look at:
test-artifacts/screenshots/<page>-<width>.png. Each page must also load without a CSP
violation (the tab fixture fails the test on one) and keep the phone masthead compact. The
Chinese home page, a Chinese story and a search in Chinese are shot too."""

from django.urls import reverse

import pytest

from community import demo as community_demo
from community.models import Thread
from news.models import ArticlePage, CompanyProfilePage, EventReportPage, Industry
from tests.e2e.conftest import ARTIFACTS, _new_page, demo_page

pytestmark = pytest.mark.e2e

WIDTHS = {"phone": 390, "desktop": 1440}
SCREENSHOTS = ARTIFACTS / "screenshots"


def public_pages() -> dict[str, str]:
    return {
        "home": "/",
        "news": "/news/",
        "article": demo_page(ArticlePage, "maghub-2-launched-in-greater-hongqiao").url,
        "companies": "/companies/",
        "company": demo_page(CompanyProfilePage, "dsv-air-sea").url,
        "events": "/events/",
        "event": demo_page(EventReportPage, "china-an-opportunity-forum-2024").url,
        "industries": reverse("news:industry_list"),
        "industry": Industry.objects.get(slug="logistics").get_absolute_url(),
        "search": f"{reverse('search')}?q=Hongqiao",
        "about": "/about/",
        "not-found": "/no-such-story/",
        "login": reverse("login"),
        "signup": reverse("signup"),
        "home-zh": "/zh/",
        "article-zh": demo_page(ArticlePage, "maghub-2-launched-in-greater-hongqiao", "zh-hans").url,
        "search-zh": f"/zh{reverse('search')}?q=虹桥",
    }


def shoot(page, name: str, width: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{WIDTHS[width]}.png"), full_page=True)


@pytest.fixture
def demo_with_community(demo_site):
    community_demo.load_demo()
    return demo_site


@pytest.fixture
def wide_page(browser, request):
    yield from _new_page(browser, request, {"viewport": {"width": 1440, "height": 900}})


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_screenshots_of_every_page_type(demo_with_community, request, width):
    tab = request.getfixturevalue("phone_page" if width == "phone" else "wide_page")
    for name, path in public_pages().items():
        response = tab.goto(path)
        assert response.status == (404 if name == "not-found" else 200), path
        if width == "phone":
            masthead = tab.locator(".masthead").bounding_box()
            assert masthead["height"] <= 120, (name, masthead)
            # Nothing wider than the phone: no sideways scrolling, in either language.
            assert tab.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width], name
        shoot(tab, name, width)
        if name == "article" and width == "desktop":
            # The print stylesheet: the story without the site's chrome.
            tab.emulate_media(media="print")
            assert tab.locator(".story__body").is_visible()
            for chrome in (".masthead__nav", ".layout__rail", ".share-panel", ".site-footer"):
                assert not tab.locator(chrome).is_visible(), chrome
            shoot(tab, "article-print", width)
            tab.emulate_media(media="screen")

    # A form sent empty: the summary above it links each error to its field, marked invalid.
    tab.goto(reverse("signup"))
    tab.get_by_role("button", name="Send application").click()
    summary = tab.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert tab.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"
    shoot(tab, "signup-errors", width)

    # A member: the masthead names them; the community thread with its replies.
    tab.goto(reverse("login"))
    tab.get_by_label("Username").fill("lars-nielsen")
    tab.get_by_label("Password").fill(community_demo.DEMO_PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    thread = Thread.objects.filter(posts__isnull=False).order_by("pk").first()
    tab.goto(thread.get_absolute_url())
    shoot(tab, "community-thread", width)
    tab.goto("/")
    if width == "phone":
        tab.get_by_text("Menu").click()  # the phone keeps the member's links in the menu
    masthead = tab.locator(".masthead")
    assert masthead.get_by_role("link", name="Lars Nielsen").is_visible()
    assert masthead.get_by_role("button", name="Log out").is_visible()
    shoot(tab, "home-signed-in", width)
