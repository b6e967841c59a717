"""What a story page shows every reader alike is rendered once per content version: a reader
the full-page cache does not serve (a member, with a session) still gets an editor's publish at
once, in the story and in the page's head, and a preview never leaks into what readers get."""

import pytest

from tests.community.factories import member
from tests.news.admin_forms import inline_formset, page_form, streamfield
from tests.news.factories import ArticlePageFactory, IndustryFactory
from tests.news.test_page_cache import publish_edit

pytestmark = pytest.mark.django_db


def test_a_member_sees_an_editors_publish_at_once(
    client, admin_client, home_page, news_index, django_capture_on_commit_callbacks
):
    logistics = IndustryFactory(name="Logistics")  # the term publish_edit tags the story with
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady", industries=[logistics])
    client.force_login(member())
    for _ in range(2):  # the second read comes from the kept fragments
        html = client.get(article.url).content.decode()
        assert html.count("Port volumes hold steady") >= 3  # <title>, Open Graph, <h1>

    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(admin_client, article, "Port volumes break a record")

    html = client.get(article.url).content.decode()
    assert "Port volumes hold steady" not in html
    assert '<meta property="og:title" content="Port volumes break a record">' in html
    assert "<h1>Port volumes break a record</h1>" in html


def test_a_preview_is_rendered_afresh_and_kept_from_readers(
    client, admin_client, home_page, news_index, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=news_index, title="Port volumes hold steady")
    assert "Port volumes hold steady" in client.get(article.url).content.decode()
    data = page_form(
        "A draft headline",
        article.slug,
        author_links=inline_formset([]),
        company_mentions=inline_formset([]),
        body=streamfield([]),
    )
    preview = admin_client.post(f"/admin/pages/{article.pk}/edit/preview/", data)
    assert preview.json()["is_valid"], preview.content
    assert "A draft headline" in admin_client.get(f"/admin/pages/{article.pk}/edit/preview/").content.decode()
    assert "A draft headline" not in client.get(article.url).content.decode()
