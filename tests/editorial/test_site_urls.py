"""Every absolute URL uses the Wagtail Site's configured host, port and scheme, whatever Host the
request came in by: share panel, QR code, canonical, Open Graph, JSON-LD, sitemap, robots.txt,
feeds and e-mails."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Site

import feedparser
import pytest

from maghub.sharing import qr_svg
from tests.community.test_membership import APPLICATION

SITE = "http://news.maghub.example:8123"


@pytest.fixture
def served_at_8123(home_page):
    Site.objects.filter(is_default_site=True).update(hostname="news.maghub.example", port=8123)
    return SITE


def get(client, url):
    # Another Host than the Site's: what it came in by must not leak into the links.
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, url
    return response.content.decode()


def test_canonical_open_graph_and_json_ld_use_the_configured_host(client, served_at_8123, article, author):
    html = get(client, article.url)
    assert f'<link rel="canonical" href="{SITE}/news/dsv-hub/">' in html
    assert f'<meta property="og:url" content="{SITE}/news/dsv-hub/">' in html
    assert re.search(rf'<meta property="og:image" content="{SITE}/[^"]+\.jpg">', html)
    assert f'"url":"{SITE}/authors/li-wei/"' in html
    assert "localhost" not in html


def test_a_plain_views_canonical_uses_the_configured_host(client, served_at_8123, article, author):
    html = get(client, reverse("author_detail", kwargs={"slug": author.slug}) + "?page=1")
    assert f'<link rel="canonical" href="{SITE}/authors/li-wei/">' in html


def test_port_443_means_https(client, home_page, article):
    Site.objects.filter(is_default_site=True).update(hostname="maghub.example", port=443)
    assert '<link rel="canonical" href="https://maghub.example/news/dsv-hub/">' in get(client, article.url)


def test_sitemap_and_robots_use_the_configured_host(client, served_at_8123, article, author):
    xml = get(client, reverse("sitemap"))
    assert f"<loc>{SITE}{article.url}</loc>" in xml
    assert f"<loc>{SITE}/authors/li-wei/</loc>" in xml
    assert "localhost" not in xml
    assert f"Sitemap: {SITE}/sitemap.xml" in get(client, reverse("robots_txt")).splitlines()


def test_feeds_use_the_configured_host(client, served_at_8123, article, terms):
    for url in (reverse("news:feed"), reverse("news:industry_feed", args=[terms["logistics"].slug])):
        body = get(client, url)
        feed = feedparser.parse(body)
        assert feed.feed.link.startswith(SITE + "/")
        assert [entry.link for entry in feed.entries] == [f"{SITE}/news/dsv-hub/"]
        assert f'href="{SITE}{url}"' in body  # atom:link rel="self"
        assert "localhost" not in body


def test_share_panel_link_and_qr_code_use_the_configured_host(client, served_at_8123, article):
    html = get(client, article.url)
    assert f'<input id="share-url" type="url" value="{SITE}/news/dsv-hub/" readonly>' in html
    svg = client.get(reverse("share_qr", args=[article.pk]), HTTP_HOST="localhost").content
    assert svg == qr_svg(f"{SITE}/news/dsv-hub/", title=f"QR code for {article.title}").encode()


def test_member_emails_link_to_the_configured_host(client, served_at_8123):
    client.post(reverse("signup"), APPLICATION, HTTP_HOST="localhost")
    (verification,) = mail.outbox
    assert re.search(rf"{SITE}/accounts/verify/\S+/", verification.body)

    mail.outbox.clear()
    get_user_model().objects.filter(username="grace-lin").update(is_active=True)
    client.post(reverse("password_reset"), {"email": APPLICATION["account-email"]}, HTTP_HOST="localhost")
    (reset,) = mail.outbox
    assert re.search(rf"{SITE}/accounts/password/reset/\S+/\S+/", reset.body)
    assert "localhost" not in verification.body + reset.body


def test_load_demo_serves_the_demo_site_where_make_run_does(monkeypatch, db):
    call_command("load_demo", "--hostname", "127.0.0.1", "--port", "8765", stdout=None)
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8765"

    monkeypatch.setenv("PORT", "8999")
    call_command("load_demo", stdout=None)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8999"
