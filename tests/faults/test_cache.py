"""The shared cache (Redis) stalls or drops while readers read, members post and an editor
publishes: pages are served uncached, every write is acknowledged and stored once, /readyz shows
the cache down (degraded), and once Redis is back readers see the publish, not a page cached before it."""

from django.test import Client
from django.urls import reverse

import pytest

from community.models import Post
from maghub.cache import OUTAGE_MEMORY_SECONDS
from news.models import ArticlePage
from tests.editorial.test_workflow import add_article

from .observe import Stopwatch, readiness, wait_until

pytestmark = pytest.mark.django_db

TITLE = "Tesla's Lingang plant adds a third shift"  # what add_article publishes
SHOWN = "Lingang plant adds a third shift"  # as a page shows it (the apostrophe is escaped)


@pytest.mark.parametrize("fault", ["stall", "drop"])
def test_readers_and_writers_during_a_cache_outage(
    cache_proxy, home_page, news_index, people, category, django_capture_on_commit_callbacks, fault
):
    reader = Client()
    thread = category.start_thread(people.moderator, "Bonded warehouses", "Who uses one in Waigaoqiao?")
    assert SHOWN not in reader.get("/news/").content.decode()  # now cached in Redis
    assert readiness()[1]["cache"] == "up"

    getattr(cache_proxy, fault)()
    code, statuses = readiness()
    assert code == 200 and statuses["cache"] == "down"

    member, editor = Client(), Client()
    member.force_login(people.member)
    editor.force_login(people.editor)
    waits = Stopwatch()
    with waits.timing():
        replied = member.post(reverse("community:reply", args=[thread.pk]), {"body": "We do: Yangshan."})
    with waits.timing(), django_capture_on_commit_callbacks(execute=True):
        published = add_article(editor, news_index, "action-publish")
    assert (replied.status_code, published.status_code) == (302, 302)
    with waits.timing():
        assert reader.get("/").status_code == 200
    for url in ("/news/", ArticlePage.objects.get(title=TITLE).url):
        with waits.timing():
            page = reader.get(url)
        assert page.status_code == 200 and SHOWN in page.content.decode(), url
    assert waits.longest < 5, f"a request waited {waits.longest:.1f} s on the cache"
    print(f"cache {fault}: longest wait {waits.longest:.2f} s over {len(waits.waits)} requests")

    cache_proxy.pass_through()
    wait_until(lambda: readiness()[1]["cache"] == "up", OUTAGE_MEMORY_SECONDS + 5, "/readyz seeing the cache")
    for _ in range(2):  # rendered, then from the cache
        assert SHOWN in reader.get("/news/").content.decode()
    assert Post.objects.filter(body__contains="Yangshan").count() == 1
    assert ArticlePage.objects.filter(title=TITLE, live=True).count() == 1
