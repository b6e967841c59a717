"""The full-page cache: anonymous readers get cached pages that an editor's publish refreshes at
once; nobody with a session gets, or leaves behind, a page of someone else's."""

import pytest

from news.models import ArticlePage
from tests.community.factories import member
from tests.news.admin_forms import inline_formset, page_form, streamfield
from tests.news.factories import ArticlePageFactory, IndustryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logistics():
    return IndustryFactory(name="Logistics")


def publish_edit(client, page, title, **fields):
    """The editor's "Publish" on the page's edit form."""
    data = page_form(
        title,
        page.slug,
        standfirst="Foreign-funded enterprises keep arriving in Shanghai.",
        author_links=inline_formset([]),
        company_mentions=inline_formset([]),
        body=streamfield([]),
        industries="Logistics",
        **fields,
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, response.context and response.context["form"].errors


def pages_showing(logistics):
    return ["/news/", "/", logistics.get_absolute_url(), "/feeds/news/"]


def test_an_editors_publish_refreshes_every_page_that_shows_the_article(
    client, admin_client, page_cache, home_page, news_index, logistics, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady", industries=[logistics])
    draft = ArticlePageFactory(
        parent=news_index, title="Cold chain opens in Lingang", live=False, slug="cold"
    )
    urls = [article.url, *pages_showing(logistics)]
    for url in urls:  # fill the page cache
        html = client.get(url).content.decode()
        assert "Port volumes hold steady" in html and "Cold chain opens in Lingang" not in html, url
        assert client.get(url)["Cache-Control"].startswith("public"), url
    assert "/news/cold/" not in client.get("/sitemap.xml").content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the admin's request commits
        publish_edit(admin_client, article, "Port volumes break a record")
        publish_edit(admin_client, draft, "Cold chain opens in Lingang")

    for url in urls:
        html = client.get(url).content.decode()
        assert "Port volumes break a record" in html and "Port volumes hold steady" not in html, url
        if url != article.url:
            assert "Cold chain opens in Lingang" in html, url
    assert client.get("/news/cold/").status_code == 200
    assert "/news/cold/" in client.get("/sitemap.xml").content.decode()


def test_unpublishing_removes_the_page_everywhere_at_once(
    client, page_cache, home_page, news_index, logistics, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady", industries=[logistics])
    url = article.url
    for page_url in [url, *pages_showing(logistics)]:
        assert "Port volumes hold steady" in client.get(page_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).unpublish()
    assert client.get(url).status_code == 404
    for page_url in pages_showing(logistics):
        assert "Port volumes hold steady" not in client.get(page_url).content.decode(), page_url


def change_title_behind_the_cache(article, title):
    """A database change that moves no content version: only a fresh render can show it."""
    ArticlePage.objects.filter(pk=article.pk).update(title=title)


def test_anonymous_readers_share_one_cached_page(client, page_cache, news_index):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady")
    first = client.get(article.url)
    assert "public" in first["Cache-Control"] and "max-age=30" in first["Cache-Control"]
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    change_title_behind_the_cache(article, "Port volumes break a record")
    again = client.get(article.url)
    assert "Port volumes hold steady" in again.content.decode()
    assert again["ETag"] == first["ETag"]
    assert again["X-Frame-Options"] == first["X-Frame-Options"] == "DENY"
    # The page is kept with its Content-Security-Policy, not served from the cache without one.
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "default-src 'self'" in again["Content-Security-Policy"]


@pytest.mark.parametrize("reader", ["member", "editor"])
def test_a_logged_in_reader_never_gets_the_anonymous_page(
    client, page_cache, news_index, reader, django_user_model
):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady")
    assert "Port volumes hold steady" in client.get(article.url).content.decode()  # cached
    change_title_behind_the_cache(article, "Port volumes break a record")
    user = (
        member() if reader == "member" else django_user_model.objects.create_superuser("ed", "ed@x.cn", "pw")
    )
    client.force_login(user)
    response = client.get(article.url)
    assert "Port volumes break a record" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_an_anonymous_page_never_holds_a_members_name_or_a_csrf_token(client, page_cache, news_index):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady")
    reader = member(full_name="Zhou Xiaoming")
    client.force_login(reader)
    for url in (article.url, "/", "/news/", "/community/"):
        client.get(url)  # rendered for the member first: nothing of theirs may be kept
    client.logout()
    client.cookies.clear()
    for url in (article.url, "/", "/news/"):
        html = client.get(url).content.decode()
        assert "Zhou Xiaoming" not in html and "csrfmiddlewaretoken" not in html


def test_a_page_with_a_form_is_never_cached(client, page_cache, home_page, news_index):
    from wagtail.models import PageViewRestriction

    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady")
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="s3cret")
    for _ in range(2):
        client.cookies.clear()
        response = client.get(article.url)
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "csrftoken" in response.cookies  # rendered for this reader, not served from the cache
        assert "public" not in response.get("Cache-Control", "")


def test_search_is_never_cached(client, page_cache, news_index):
    assert "no-store" in client.get("/search/?q=port")["Cache-Control"]
    assert "public" not in client.get("/search/?q=port")["Cache-Control"]


@pytest.mark.parametrize("url", ["article", "/news/", "/feeds/news/"])
def test_conditional_get_answers_304(client, page_cache, home_page, news_index, url):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady")
    url = article.url if url == "article" else url
    first = client.get(url)
    assert first.status_code == 200
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_a_cache_outage_serves_pages_uncached(client, settings, news_index):
    from maghub.cache import cache_settings

    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": cache_settings("redis://127.0.0.1:9/0", directory=None)}
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady")
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200 and "Port volumes hold steady" in response.content.decode()


def test_a_page_made_private_in_the_admin_leaves_every_listing_at_once(
    client, admin_client, page_cache, home_page, news_index, logistics, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady", industries=[logistics])
    urls = [*pages_showing(logistics), "/sitemap.xml"]
    for url in urls:  # fill the page cache and the remembered list of restricted pages
        assert article.url in client.get(url).content.decode(), url

    with django_capture_on_commit_callbacks(execute=True):  # the admin's request commits
        response = admin_client.post(
            f"/admin/pages/{article.pk}/privacy/", {"restriction_type": "password", "password": "s3cret"}
        )
    assert response.status_code == 200 and article.get_view_restrictions().exists()

    for url in urls:
        assert article.url not in client.get(url).content.decode(), url
