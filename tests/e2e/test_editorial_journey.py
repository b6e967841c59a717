"""Two editors in the Wagtail admin: one writes an article and submits it for review, the other approves.

The approved article then shows on /news/, on its industry's page and in the RSS feed.
"""

import re
from urllib.parse import urlsplit

from django.urls import reverse

import feedparser
import pytest
from playwright.sync_api import expect

from news.demo import draw_picture
from news.models import ArticlePage, CompanyProfilePage, District, Industry, NewsIndexPage
from tests.e2e.conftest import demo_page
from tests.e2e.conftest import sign_in_to_admin as sign_in
from tests.editorial.factories import StaffFactory

pytestmark = pytest.mark.e2e

HEADLINE = "DSV opens a bonded logistics hub in Changning"


def tag_input(page, field_id):
    return page.locator(f"#{field_id} + ul.tagit input")


def pick_tag(page, field_id, name):
    """Type into a controlled-vocabulary tag field and pick the suggestion."""
    tag_input(page, field_id).fill(name[:4])
    page.locator("ul.ui-autocomplete:visible li", has_text=name).first.click()
    expect(page.locator(f"#{field_id} + ul.tagit .tagit-label", has_text=name)).to_be_visible()


def type_tag(page, field_id, name, *, suggested):
    """Type a whole term and press Enter, as a keyboard user does: Enter takes the highlighted
    suggestion when there is one, the typed term otherwise."""
    tag_input(page, field_id).press_sequentially(name)
    if suggested:
        expect(page.locator("ul.ui-autocomplete:visible li", has_text=name).first).to_be_visible()
    tag_input(page, field_id).press("Enter")
    expect(page.locator(f"#{field_id} + ul.tagit .tagit-label", has_text=name)).to_be_visible()


def choose_company(page, company):
    """Search the page chooser for a company profile and pick it."""
    page.get_by_role("button", name="Add company").click()
    chooser = page.locator(".modal")
    chooser.get_by_role("textbox", name="Search term").fill(company.title.split()[0])
    chooser.locator(f'input[type=checkbox][value="{company.pk}"]').check()
    chooser.get_by_role("button", name="Confirm selection").click()
    expect(page.locator("#id_company_mentions-FORMS")).to_contain_text(company.title)


def test_article_goes_through_review_and_appears_everywhere(demo_site, page, second_page, screenshot):
    StaffFactory(username="mei", first_name="Mei", last_name="Lin", role="Editors")
    StaffFactory(username="tom", first_name="Tom", last_name="Berg", role="Editors")
    news = demo_page(NewsIndexPage, "news")
    logistics = Industry.objects.get(slug="logistics")
    changning = District.objects.get(slug="changning")
    dsv = demo_page(CompanyProfilePage, "dsv-air-sea")

    # Mei writes the article, with a photo uploaded from the image chooser.
    sign_in(page, "mei")
    page.goto(reverse("wagtailadmin_pages:add", args=("news", "articlepage", news.pk)))
    page.locator("#id_title").fill(HEADLINE)
    page.locator("#id_standfirst").fill(
        "The Danish forwarder's new hub clears cross-border parcels in hours."
    )
    page.get_by_role("button", name="Choose an image").click()
    chooser = page.locator(".modal")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("input[type=file]").set_input_files(
        files=[
            {
                "name": "dsv-hub.png",
                "mimeType": "image/png",
                "buffer": draw_picture(((10, 60, 120), (200, 220, 240)), "DSV hub").getvalue(),
            }
        ]
    )
    chooser.get_by_label("Title").fill("DSV's Changning hub")
    chooser.get_by_role("button", name="Upload").click()
    expect(page.locator("#id_lead_image-title")).to_have_text("DSV's Changning hub")
    page.locator("#id_lead_image_caption").fill("Parcels on the sorting line")
    choose_company(page, dsv)
    # The editor's autosave creates the page in the background and points the form at its edit
    # view, re-rendering it: fields are used once that has landed.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")
    pick_tag(page, "id_industries", logistics.name)
    # A term typed whole and entered is kept; one outside the vocabulary is refused on save.
    type_tag(page, "id_districts", changning.name[:5], suggested=True)
    expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")
    type_tag(page, "id_districts", "Lujiazui", suggested=False)
    page.get_by_role("button", name="Save draft").click()
    refusal = page.get_by_text("“Lujiazui”: not in the list of districts.")
    expect(refusal).to_be_visible()
    page.set_viewport_size({"width": 1440, "height": 900})
    screenshot(page, "editor-1440")
    refusal.scroll_into_view_if_needed()  # the editor scrolls inside its own pane
    screenshot(page, "editor-terms-1440")
    page.locator("#id_districts + ul.tagit li", has_text="Lujiazui").locator(".tagit-close").click()
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{HEADLINE}' has been updated.")
    page.get_by_role("button", name="More actions").first.click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.get_by_role("status")).to_contain_text("submitted for moderation")

    article = ArticlePage.objects.get(title=HEADLINE)
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"

    # Tom finds it in his review queue on the dashboard and approves it.
    sign_in(second_page, "tom")
    second_page.get_by_role("link", name=HEADLINE).first.click()
    second_page.get_by_role("button", name="More actions").first.click()
    second_page.get_by_role("button", name="Approve and Publish").click()
    expect(second_page.get_by_role("status")).to_contain_text(f"Page '{HEADLINE}' has been updated.")
    second_page.goto(reverse("wagtailadmin_home"))  # his review queue is empty now
    expect(second_page.get_by_role("main")).not_to_contain_text(HEADLINE)

    article.refresh_from_db()
    assert article.live
    review = article.workflow_states.get()
    assert (review.status, review.requested_by.username) == ("approved", "mei")
    assert review.task_states.get().finished_by.username == "tom"
    assert [a.tag for a in article.industry_relations.all()] == [logistics]
    assert list(article.companies_mentioned.all()) == [dsv]

    # Readers see it: on the article page with its photo, in /news/, in the feed, on the industry page.
    page.goto(article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    lead = page.locator(".figure--lead img")
    expect(lead).to_have_attribute("alt", "DSV's Changning hub")
    assert lead.evaluate("img => img.complete && img.naturalWidth") > 0
    expect(page.get_by_role("region", name="Companies in this story").get_by_role("link")).to_have_text(
        dsv.title
    )

    page.goto(news.url)
    expect(page.locator(".card--article h3").first).to_have_text(HEADLINE)

    feed = feedparser.parse(page.request.get(reverse("news:feed")).body())
    newest = feed.entries[0]
    assert (newest.title, urlsplit(newest.link).path) == (HEADLINE, article.url)
    assert {tag.term for tag in newest.tags} == {logistics.name, changning.name}

    page.goto(logistics.get_absolute_url())
    expect(page.get_by_role("region", name="Articles").get_by_role("link", name=HEADLINE)).to_be_visible()
    screenshot(page)
