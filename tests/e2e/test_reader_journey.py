"""A reader on a phone: home page, news filtered by district, an article, a company it mentions."""

import re

import pytest
from playwright.sync_api import expect

from news.models import District

pytestmark = pytest.mark.e2e


def test_reader_filters_news_by_district_and_follows_a_company(demo_site, phone_page, screenshot):
    page = phone_page
    changning = District.objects.get(slug="changning")

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_site.title)
    page.get_by_role("group").get_by_text("Menu").click()  # a phone keeps the sections in the menu
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    expect(page).to_have_url(re.compile(r"/news/$"))

    page.get_by_label("District").select_option(label=changning.name)
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(rf"/news/\?.*district={changning.slug}"))
    expect(page.get_by_role("heading", name=f"Filtered by {changning.name}")).to_be_attached()
    cards = page.locator(".card--article")
    expect(cards.first).to_be_visible()
    for topics in cards.locator(".terms").all():
        expect(topics.get_by_role("link", name=changning.name, exact=True)).to_be_visible()

    headline = cards.first.get_by_role("heading").inner_text()
    cards.first.get_by_role("link", name=headline).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(headline)
    expect(page.get_by_text(re.compile(r"\d+ min read"))).to_be_visible()

    companies = page.get_by_role("region", name="Companies in this story")
    company = companies.get_by_role("link").first
    company_name = company.inner_text()
    company.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(company_name)
    expect(page.get_by_role("region", name="In the news").get_by_role("link", name=headline)).to_be_visible()
    screenshot(page)
