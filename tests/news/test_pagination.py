"""Listing pages deep in the archive are read past a cursor (no OFFSET), show the same stories
as counting pages from the start would, and keep working from a bare, shared ?page=N."""

import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import NewsIndexPage
from tests.news.factories import ArticlePageFactory, AuthorFactory

pytestmark = pytest.mark.django_db

STORIES = 11


@pytest.fixture
def archive(news_index, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    # Two stories share each publication time: the cursor must break ties by id.
    stories = [ArticlePageFactory(parent=news_index, title=f"Story {n:02d}") for n in range(STORIES)]
    for first, second in zip(stories[::2], stories[1::2], strict=False):
        type(second).objects.filter(pk=second.pk).update(first_published_at=first.first_published_at)
    return news_index


def titles(response):
    return [item.title for item in response.context["listing"].items]


def link(response, rel):
    found = re.search(rf'rel="{rel}" href="([^"]+)"', response.content.decode())
    return html.unescape(found.group(1)) if found else None


def newest_first(news_index):
    pages = NewsIndexPage.objects.get(pk=news_index.pk).listing_model.listing_queryset().child_of(news_index)
    return [page.title for page in pages]


def test_older_links_walk_the_whole_archive_without_offset(client, archive):
    expected = newest_first(archive)
    seen, url = [], archive.url
    while url:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url if url.startswith("/") else archive.url + url)
        assert response.status_code == 200
        if seen:  # every page past the first is read past its cursor
            assert not [q["sql"] for q in queries if " OFFSET " in q["sql"].upper()], url
            assert "before=" in url
        seen += titles(response)
        url = link(response, "next")
    assert seen == expected and len(seen) == STORIES


def test_newer_links_walk_back_to_the_first_page(client, archive):
    expected = newest_first(archive)
    last = client.get(archive.url, {"page": 6})
    assert titles(last) == expected[10:]
    seen, response = [titles(last)], last
    while url := link(response, "prev"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(archive.url + url)
        assert not [q["sql"] for q in queries if " OFFSET " in q["sql"].upper()], url
        seen.insert(0, titles(response))
    assert [title for page in seen for title in page] == expected


def test_a_bare_page_number_shows_that_page(client, archive):
    expected = newest_first(archive)
    for number in range(1, 7):
        assert titles(client.get(archive.url, {"page": number})) == expected[(number - 1) * 2 : number * 2]
    assert titles(client.get(archive.url, {"page": 99})) == expected[10:]


def test_a_mangled_cursor_is_ignored(client, archive):
    expected = newest_first(archive)
    for cursor in ("nonsense", "2024-13-45T99:00~x", "~", "1~2~3"):
        response = client.get(archive.url, {"page": 2, "before": cursor})
        assert response.status_code == 200 and titles(response) == expected[2:4], cursor


def test_author_pages_use_the_same_pagination(client, news_index):
    author = AuthorFactory(name="Ma Yujia")
    for n in range(25):
        ArticlePageFactory(parent=news_index, title=f"Byline {n:02d}", authors=[author])
    first = client.get(f"/authors/{author.slug}/")
    older = link(first, "next")
    assert older.startswith("?page=2&before=")
    second = client.get(f"/authors/{author.slug}/" + older).content.decode()
    assert "Byline 04" in second and "Byline 05" not in second and "Page 2 of 2" in second


def query_plan(sql: str) -> str:
    """How the database would run `sql` (an index, a scan) as text. On PostgreSQL as it would at
    scale: with a test's few rows its planner scans whole tables, or reads any index and sorts
    what it found, which no listing of a large archive can afford."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(row[3] for row in cursor.fetchall())


def test_a_deep_page_is_read_from_the_index_at_its_cursor(client, archive):
    """The stories past a cursor are found by seeking the cursor in the listing's index, not by
    walking the index from the newest story and filtering (PostgreSQL did, given the cursor
    condition as an OR alone), which makes a page deep in the archive cost every page before it."""
    older = link(client.get(archive.url, {"page": 3}), "next")
    with CaptureQueriesContext(connection) as queries:
        client.get(archive.url + older)
    past_cursor = [q["sql"] for q in queries if '"first_published_at" <' in q["sql"] and "LIMIT" in q["sql"]]
    assert len(past_cursor) == 1
    plan = query_plan(past_cursor[0])
    if connection.vendor == "postgresql":
        assert re.search(r"Index Cond: .*first_published_at <=", plan), plan
    else:
        assert "news_page_locale_first_published_path (locale_id=? AND first_published_at<?)" in plan, plan
