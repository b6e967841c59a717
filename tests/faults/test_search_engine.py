"""The search server stalls or dies while members post and an editor publishes: every save is
acknowledged at once, /readyz shows search down (degraded, not unavailable), and once the
server is back ``search_index --sync`` brings every acknowledged write into the index."""

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest

from community.models import Post
from news.models import ArticlePage
from search.client import alias_name, get_client
from search.indexing import ensure_index
from search.models import PendingIndexOperation
from search.sources import document_id
from tests.editorial.test_workflow import add_article

from .observe import Stopwatch, readiness

pytestmark = pytest.mark.django_db


def indexed_ids() -> set[str]:
    client = get_client()
    client.indices.refresh(index=alias_name())
    hits = client.search(index=alias_name(), size=1000, source=False)["hits"]["hits"]
    return {hit["_id"] for hit in hits}


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("fault", ["stall", "drop"])
def test_posts_and_publishes_during_a_search_outage_reach_the_index_after_sync(
    search_proxy, people, category, news_index, fault
):
    ensure_index(get_client())
    thread = category.start_thread(people.member, "Bonded warehouses in Waigaoqiao", "Who uses one?")
    to_hide = thread.reply(people.member, "Spam about Lingang reefer containers.")
    assert {document_id("post", to_hide.pk)} <= indexed_ids()
    assert readiness()[1]["search"] == "up"

    getattr(search_proxy, fault)()
    code, statuses = readiness()
    assert code == 200 and statuses["search"] == "down" and statuses["database"] == "up"

    member, moderator, editor = as_user(people.member), as_user(people.moderator), as_user(people.editor)
    waits = Stopwatch()
    with waits.timing():
        started = member.post(
            reverse("community:thread_create", args=[category.slug]),
            {"title": "Customs pre-clearance", "body": "Written while search is down: Yangshan."},
        )
    with waits.timing():
        replied = member.post(
            reverse("community:reply", args=[thread.pk]), {"body": "Waigaoqiao works: Hongqiao."}
        )
    with waits.timing():
        published = add_article(editor, news_index, "action-publish")
    with waits.timing():
        hidden = moderator.post(
            reverse("community:post_moderate", args=[to_hide.pk]), {"action": "hide", "note": "spam"}
        )
    assert [r.status_code for r in (started, replied, published, hidden)] == [302, 302, 302, 302]
    assert waits.longest < 10, f"an acknowledgement waited {waits.longest:.1f} s on the search server"
    print(f"search {fault}: longest acknowledgement {waits.longest:.2f} s over {len(waits.waits)} writes")

    opening = Post.objects.get(body__contains="Yangshan")
    reply = Post.objects.get(body__contains="Hongqiao")
    article = ArticlePage.objects.get(slug="tesla-third-shift")
    assert article.live
    written = {
        document_id("post", opening.pk),
        document_id("post", reply.pk),
        document_id("page", article.pk),
    }
    pending = {
        document_id(source, pk)
        for source, pk in PendingIndexOperation.objects.values_list("source", "object_id")
    }
    assert written | {document_id("post", to_hide.pk)} <= pending

    search_proxy.pass_through()
    assert readiness() == (200, {"database": "up", "cache": "up", "search": "up", "task_queue": "up"})
    call_command("search_index", "--sync")

    assert not PendingIndexOperation.objects.exists()
    in_index = indexed_ids()
    assert written <= in_index
    assert document_id("post", to_hide.pk) not in in_index
    for text in ("Yangshan", "Hongqiao"):
        assert Post.objects.filter(body__contains=text).count() == 1
