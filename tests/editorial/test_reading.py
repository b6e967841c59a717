"""Reading time, author pages, 'more from' lists, responsive images, the QR share panel, the 404 page."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template import RequestContext, Template
from django.urls import reverse

from wagtail.models import Page

from news.models import ArticlePage
from news.related import more_from
from tests.editorial.conftest import make_article


def test_reading_time_counts_the_words_of_standfirst_and_body(news_index):
    paragraph = " ".join(["word"] * 460)
    article = news_index.add_child(
        instance=ArticlePage(title="Long read", slug="long", standfirst="", body=[("paragraph", paragraph)])
    )
    assert ArticlePage.objects.get(pk=article.pk).reading_time == 2


def test_author_page_lists_published_articles_only(client, article, author, draft_article):
    response = client.get(reverse("author_detail", kwargs={"slug": author.slug}), HTTP_HOST="localhost")

    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert [a.pk for a in response.context["articles"]] == [article.pk]
    assert '<link rel="canonical" href="http://localhost/authors/li-wei/">' in response.content.decode()


def test_more_from_company_industry_and_district(news_index, terms, article, company):
    sibling = make_article(news_index, "sibling", industry=terms["logistics"], company=company)

    groups = {group.title: [a.pk for a in group.articles] for group in more_from(article)}

    assert groups == {"More about DSV": [sibling.pk], "More from Logistics": [sibling.pk]}
    # A company page lists the articles that mention it already: its groups are its terms'.
    assert [g.title for g in more_from(company)] == ["More from Logistics", "More from Changning"]


def test_responsive_image_has_webp_source_srcset_and_lazy_loading(photo):
    html = Template('{% load reading_tags %}{% responsive_image image "card" %}').render(
        RequestContext(None, {"image": photo})
    )

    assert "<source" in html and 'type="image/webp"' in html
    assert " 400w" in html and " 800w" in html
    assert 'loading="lazy"' in html
    assert 'alt="Warehouse"' in html


def test_share_panel_shows_a_qr_code_of_the_page_url(client, article):
    qr = client.get(reverse("share_qr", args=[article.pk]), HTTP_HOST="localhost")
    html = Template("{% load seo_tags %}{% share_panel page %}").render(
        RequestContext(None, {"page": article})
    )

    assert qr.status_code == 200
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg")
    assert reverse("share_qr", args=[article.pk]) in html
    assert "Article dsv-hub — Standfirst of dsv-hub." in html


def test_share_panel_offers_share_and_copy_without_inline_script(client, article):
    html = client.get(article.url, HTTP_HOST="localhost").content.decode()
    panel = html[html.index('<aside class="share-panel"') : html.index("</aside>", html.index("share-panel"))]

    # Without JavaScript the link is there to select; the buttons wait for share.js to show them.
    assert '<input id="share-url" type="url" value="http://localhost/news/dsv-hub/" readonly>' in panel
    assert 'data-share-url="http://localhost/news/dsv-hub/"' in panel
    assert re.search(r'<button type="button" [^>]*data-share-action="share" hidden>Share…</button>', panel)
    assert re.search(r'<button type="button" [^>]*data-share-action="copy" hidden>Copy link</button>', panel)
    assert 'role="status"' in panel
    # The QR code is for larger screens (css/share.css hides it on phones); script and styles
    # are files of our own origin, as the Content-Security-Policy requires.
    assert 'class="share-panel__qr"' in panel
    assert re.search(r'<script src="/static/js/share[.\w]*\.js" defer></script>', html)
    assert re.search(r'<link rel="stylesheet" href="/static/css/share[.\w]*\.css">', html)
    inline = [s for s in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html) if "ld+json" not in s]
    assert inline == []
    for asset in ("js/share.js", "css/share.css"):
        assert finders.find(asset), asset
    assert "@media (max-width: 47.99em)" in Path(finders.find("css/share.css")).read_text()


def test_no_qr_code_for_drafts_or_private_pages(client, draft_article, private_article):
    for page in (draft_article, private_article):
        assert client.get(reverse("share_qr", args=[page.pk]), HTTP_HOST="localhost").status_code == 404
        html = Template("{% load seo_tags %}{% share_panel page %}").render(
            RequestContext(None, {"page": Page.objects.get(pk=page.pk)})
        )
        assert "share-panel" not in html


def test_404_page_offers_search(client, home_page):
    response = client.get("/no-such-story/", HTTP_HOST="localhost")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'action="/search/"' in html and 'name="q"' in html
    assert '<meta name="robots" content="noindex">' in html
