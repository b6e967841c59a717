"""A reader searches from the header, narrows the results with a facet and opens one.

Against the real search server process (an OpenSearch node),
with the demo content indexed the way production rebuilds it.
"""

import io
import re

from django.core.management import call_command
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from news.models import District

pytestmark = pytest.mark.e2e


@pytest.fixture
def indexed_site(demo_site, search_engine, settings):
    settings.ELASTICSEARCH_URL = search_engine.url
    call_command("search_index", "--rebuild", stdout=io.StringIO())
    return demo_site


def test_reader_searches_uses_a_facet_and_opens_a_result(indexed_site, page, screenshot):
    changning = District.objects.get(slug="changning")

    page.goto("/")
    header_search = page.get_by_role("banner").get_by_role("search")
    header_search.get_by_label("Search MagHub").fill("Hongqiao")
    header_search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("search")) + r"\?q=Hongqiao$"))
    total = page.locator(".search__total")
    expect(total).to_contain_text("for “Hongqiao”")
    unfiltered = int(total.inner_text().split()[0])
    assert unfiltered > 1

    facets = page.get_by_role("complementary", name="Refine")
    district = facets.locator("section", has=page.get_by_role("heading", name="District"))
    link = district.get_by_role("link", name=re.compile(rf"^{changning.name} \(\d+\)"))
    link.click()
    expect(page).to_have_url(re.compile(rf"district={changning.slug}"))
    selected = facets.locator("a[aria-current=true]")
    expect(selected).to_contain_text(changning.name)
    expected = int(re.search(r"\((\d+)\)", selected.inner_text()).group(1))
    expect(total).to_contain_text(f"{expected} result")
    assert expected <= unfiltered
    hits = page.locator(".search__hits .hit__title a")
    expect(hits).to_have_count(min(expected, 10))

    title = hits.first.inner_text()
    hits.first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    expect(
        page.get_by_role("main").get_by_role("link", name=changning.name, exact=True).first
    ).to_be_visible()
    screenshot(page)
