"""Sharing a story: the system share sheet (Web Share API) or copy-link on a phone, the WeChat QR
code on a desktop, all under the site's Content-Security-Policy (the page fixtures fail on a
violation)."""

import pytest
from playwright.sync_api import expect

from news.models import ArticlePage

pytestmark = pytest.mark.e2e

# The share sheet belongs to the operating system (headless Chromium on Linux has none): this
# stand-in records what the page asked it to share.
FAKE_SHARE_SHEET = "navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };"


def open_story(page):
    # The newest English story (its Chinese translation shares its publication time).
    english = ArticlePage.objects.live().filter(locale__language_code="en-gb")
    story = english.order_by("-first_published_at").first()
    page.goto(story.url)
    return story, page.get_by_role("complementary", name="Share this page")


def test_a_phone_shares_through_the_share_sheet(demo_site, phone_page):
    phone_page.add_init_script(FAKE_SHARE_SHEET)
    story, panel = open_story(phone_page)

    expect(panel.get_by_role("img", name="QR code linking to this page")).to_be_hidden()
    expect(panel.get_by_role("button", name="Copy link")).to_be_hidden()
    panel.get_by_role("button", name="Share…").click()
    shared = phone_page.evaluate("window.sharedData")
    assert shared["url"] == story.get_full_url() and shared["title"] == story.title


def test_a_phone_without_web_share_copies_the_link(demo_site, phone_page):
    phone_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    story, panel = open_story(phone_page)

    expect(panel.get_by_role("button", name="Share…")).to_be_hidden()
    panel.get_by_role("button", name="Copy link").click()
    expect(panel.get_by_role("status")).to_have_text("Link copied.")
    assert phone_page.evaluate("navigator.clipboard.readText()") == story.get_full_url()


def test_a_desktop_shows_the_wechat_qr_code_and_copy_link(demo_site, page):
    page.add_init_script(FAKE_SHARE_SHEET)
    story, panel = open_story(page)

    expect(panel.get_by_role("img", name="QR code linking to this page")).to_be_visible()
    expect(panel.get_by_role("button", name="Share…")).to_be_hidden()
    expect(panel.get_by_role("button", name="Copy link")).to_be_visible()
    expect(panel.get_by_role("textbox", name="Link")).to_have_value(story.get_full_url())
