"""Meta tags, Open Graph and JSON-LD as crawlers read them from the rendered <head>."""

import json
import re

from django.template import Context, RequestContext, Template
from django.test import RequestFactory

import pytest

from maghub.seo import json_ld_script

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def render_head(page):
    request = RequestFactory().get(page.url, HTTP_HOST="localhost")
    return Template("{% load seo_tags %}{% seo_head %}").render(RequestContext(request, {"page": page}))


def structured_data(page):
    html = render_head(page)
    return {item["@type"]: item for item in map(json.loads, JSON_LD.findall(html))}, html


def test_article_has_news_article_with_author_dates_image_publisher(article, author):
    data, html = structured_data(article)

    news = data["NewsArticle"]
    assert news["@context"] == "https://schema.org"
    assert news["headline"] == article.title
    assert news["author"] == [
        {"@type": "Person", "name": "Li Wei", "url": "http://localhost/authors/li-wei/"}
    ]
    assert news["datePublished"].startswith(str(article.first_published_at.year))
    assert news["dateModified"]
    assert news["image"][0].startswith("http://localhost/") and ".jpg" in news["image"][0]
    assert news["publisher"]["name"] == "MagHub Shanghai"
    assert news["about"][0]["name"] == "DSV"
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["MagHub Shanghai", "News", article.title]
    assert [c["position"] for c in crumbs] == [1, 2, 3]


def test_article_head_has_canonical_open_graph_and_twitter_card(article):
    html = render_head(article)

    assert '<link rel="canonical" href="http://localhost/news/dsv-hub/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Article dsv-hub">' in html
    assert '<meta name="description" content="Standfirst of dsv-hub.">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'<meta property="og:image" content="http://localhost/[^"]+\.jpg">', html)


def test_company_is_an_organization(company):
    data, _ = structured_data(company)

    org = data["Organization"]
    assert org["name"] == "DSV"
    assert org["url"] == "https://www.dsv.com"
    assert org["location"]["address"]["addressLocality"] == "Shanghai"
    assert org["logo"].endswith(".png")


def test_event_report_is_an_event(event):
    data, _ = structured_data(event)

    ev = data["Event"]
    assert ev["name"] == "CSR Awards 2026"
    assert ev["startDate"] < ev["endDate"]
    assert ev["location"]["name"] == "Hongqiao"
    assert ev["attendee"][0]["name"] == "DSV"


def test_home_page_is_a_website_with_a_search_action(home_page):
    data, _ = structured_data(home_page)

    assert data["WebSite"]["potentialAction"]["target"]["urlTemplate"].endswith(
        "/search/?q={search_term_string}"
    )


@pytest.mark.parametrize("payload", ["</script><script>alert(1)</script>", "a & b <!--"])
def test_json_ld_cannot_break_out_of_its_script_tag(payload):
    html = str(json_ld_script({"headline": payload}))

    assert html.count("</script>") == 1
    assert "<!--" not in html
    assert json.loads(JSON_LD.search(html).group(1)) == {"headline": payload}


def test_views_without_a_page_get_a_canonical_url(rf, db):
    request = rf.get("/authors/li-wei/?page=2", HTTP_HOST="localhost")
    html = Template("{% load seo_tags %}{% seo_head %}").render(Context({"request": request}))

    assert '<link rel="canonical" href="http://localhost/authors/li-wei/">' in html
