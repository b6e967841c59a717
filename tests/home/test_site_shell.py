"""The site shell around every page: the masthead's signed-in state, the invitation to join,
the footer's information pages, the icons, monograms, events to come and taxonomy lists."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from home.info_pages import ensure_info_pages
from home.models import InfoPage
from tests.community.factories import CategoryFactory, member
from tests.news.factories import (
    ArticlePageFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    EventReportPageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db

JOIN = "Join the community"


def test_favicon_and_app_icons_are_served(client, home_page):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO header
    html = client.get("/").content.decode()
    for icon in ('rel="icon"', 'rel="apple-touch-icon"', 'rel="manifest"'):
        assert icon in html


def test_footer_links_the_information_pages_created_once(client, home_page):
    ensure_info_pages(home_page)
    about = InfoPage.objects.get(slug="about")
    about.title = "About us"  # an editor's change survives the next run
    about.save_revision().publish()
    ensure_info_pages(home_page)
    assert InfoPage.objects.count() == 4

    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    for title, path in [("About us", "/about/"), ("Contact", "/contact/"), ("Privacy", "/privacy/")]:
        assert f'<a href="{path}">{title}</a>' in footer
    assert client.get("/privacy/").status_code == 200


def test_a_visitor_is_invited_to_join_and_the_login_page_explains_the_community(client, home_page):
    html = client.get("/").content.decode()
    assert JOIN in html and reverse("signup") in html
    assert 'action="/accounts/logout/"' not in html
    login = client.get(reverse("login")).content.decode()
    assert "private forum" in login and "MagHub staff check every application" in login
    assert reverse("signup") in login


def test_the_masthead_shows_the_member_their_unread_notifications_and_log_out(
    client, home_page, django_capture_on_commit_callbacks
):
    author = member(full_name="Yuki Tanaka")
    with django_capture_on_commit_callbacks(execute=True):
        thread = CategoryFactory().start_thread(author, "Returns process", "Who has one that works?")
        thread.reply(member(full_name="Lars Nielsen"), "We do: happy to share.")
    client.force_login(author)

    html = client.get("/").content.decode()
    masthead = html[html.index('<header class="masthead"') : html.index("</header>")]
    assert "Yuki Tanaka" in masthead
    assert '<span class="count">1<span class="visually-hidden"> unread' in masthead
    assert f'action="{reverse("logout")}"' in masthead and 'method="post"' in masthead
    assert JOIN not in html  # no invitation for someone already in


def test_a_signed_in_masthead_is_never_served_to_a_visitor(client, page_cache, home_page):
    client.force_login(member(full_name="Yuki Tanaka"))
    assert "Yuki Tanaka" in client.get("/").content.decode()
    client.logout()
    client.cookies.clear()
    html = client.get("/").content.decode()
    assert "Yuki Tanaka" not in html and JOIN in html


def test_a_company_without_a_logo_shows_its_monogram(client, company_index):
    company = CompanyProfilePageFactory(parent=company_index, title="DSV Air & Sea", logo=None)
    assert company.monogram == "DA"
    for url in (company.url, company_index.url):
        html = client.get(url).content.decode()
        assert f'<span class="monogram monogram--{company.monogram_tone}' in html
        assert 'aria-hidden="true">DA</span>' in html


def test_the_events_index_shows_events_to_come_apart_from_past_ones(client, event_index):
    now = timezone.now()
    past = EventReportPageFactory(parent=event_index, title="Spring forum", start=now - timedelta(days=30))
    soon = EventReportPageFactory(parent=event_index, title="Autumn forum", start=now + timedelta(days=30))
    response = client.get(event_index.url)
    assert [e.title for e in response.context["upcoming"]] == [soon.title]
    assert [e.title for e in response.context["listing"].items] == [past.title]
    html = response.content.decode()
    assert html.index("Coming up") < html.index("Autumn forum") < html.index("Past events")
    assert html.index("Past events") < html.index("Spring forum")


def test_a_card_carries_at_most_three_chips_what_and_where_first(client, news_index):
    industries = [IndustryFactory(name=name) for name in ("Banking", "Logistics", "Media", "Retail")]
    districts = [DistrictFactory(name=name) for name in ("Changning", "Greater Hongqiao")]
    ArticlePageFactory(parent=news_index, industries=industries, districts=districts)
    html = client.get(news_index.url).content.decode()
    card = html[html.index('<article class="card card--article">') :]
    chips = card[card.index('<ul class="terms">') : card.index("</ul>")]
    every_term = ("Banking", "Changning", "Logistics", "Media", "Retail", "Greater Hongqiao")
    shown = [term for term in every_term if term in chips]
    assert shown == ["Banking", "Changning", "Logistics"]  # an industry, a district, then the rest
