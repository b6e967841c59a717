"""What only the Elasticsearch side does: audiences, rebuilds, outages, related reindexing."""

import socket
import threading
from datetime import UTC, datetime

from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.backends.elastic import build_search
from search.client import alias_name
from search.documents import DEFINITION_META, MEMBERS, PUBLIC, PostDocument, index_definition
from search.indexing import schedule
from search.models import PendingIndexOperation
from search.queries import SearchRequest, search, suggest
from search.sources import _SOURCES, PageSource, register_source

from .pages import add_article

EVERYONE = frozenset({PUBLIC, MEMBERS})


class PostSource:
    """What the community app registers: here, one fixed post about the canteen."""

    name = "post"

    def load(self, ids):
        return [
            PostDocument.from_values(
                pk=pk,
                title="Best canteen near Hongqiao",
                body="The logistics park canteen serves great noodles.",
                category="food-and-drink",
                url=f"/community/t/1/#post-{pk}",
                thread_url="/community/t/1/",
                author="Li Wei",
                created=datetime(2024, 5, 1, tzinfo=UTC),
            )
            for pk in ids
        ]

    def all_ids(self):
        return iter([1])


@pytest.fixture
def post_source():
    """Stands in for the community's own source for the test, then puts it back."""
    previous = _SOURCES.get("post")
    register_source(PostSource())
    yield
    if previous is None:
        _SOURCES.pop("post")
    else:
        register_source(previous)


@pytest.fixture
def es_corpus(elasticsearch, corpus):
    return corpus


@pytest.fixture(params=["elasticsearch"])
def backend(request, settings, db):
    from .conftest import Backend

    request.getfixturevalue("elasticsearch")
    return Backend(request.param)


def refresh(client):
    client.indices.refresh(index=alias_name())


def test_members_posts_never_reach_anonymous_results(es_corpus, elasticsearch, post_source):
    schedule("post", [1])
    refresh(elasticsearch)
    anonymous = search(SearchRequest(q="canteen"))
    assert anonymous.total == 0
    broad = search(SearchRequest(q="hongqiao"))
    assert [h.kind for h in broad.hits] == ["article"]
    assert "post" not in {v.value for v in broad.facets["type"]}
    assert search(SearchRequest(kinds=("post",))).total == 0
    assert suggest("best can") == []

    member = search(SearchRequest(q="canteen", audiences=EVERYONE))
    assert [h.kind for h in member.hits] == ["post"]
    assert "<mark>" in member.hits[0].title_html
    assert [s.title for s in suggest("best can", EVERYONE)] == ["Best canteen near Hongqiao"]


def test_company_rename_reindexes_the_articles_that_mention_it(es_corpus, elasticsearch):
    company = es_corpus["muji"]
    company.title = "Ryohin Keikaku"
    company.save_revision().publish()
    refresh(elasticsearch)
    found = {hit.title for hit in search(SearchRequest(q="ryohin")).hits}
    assert found == {"Ryohin Keikaku", "MUJI renovates its Changning flagship", "CSR Excellence Awards night"}


def test_slug_change_of_a_parent_updates_urls(
    es_corpus, elasticsearch, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals slug changes on commit
        news_index.slug = "stories"
        news_index.save_revision().publish()
    refresh(elasticsearch)
    [hit] = search(SearchRequest(q="hongqiao")).hits
    assert hit.url == "/stories/dsv-opens-a-logistics-hub-in-hongqiao/"


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_outage_keeps_publishing_and_search_working_then_sync_recovers(
    elasticsearch, settings, vocabulary, news_index, search_engine, client
):
    settings.ELASTICSEARCH_URL = _closed_port_url()
    pages = [add_article(news_index, f"Outage story {n}", industries=["logistics"]) for n in range(3)]
    pages[0].unpublish()
    assert set(PendingIndexOperation.objects.values_list("object_id", flat=True)) == {p.pk for p in pages}

    response = client.get("/search/", {"q": "outage"})
    assert response.status_code == 200
    assert b"reduced mode" in response.content
    assert response.context["results"].backend == "database"
    assert response.context["results"].total == 2

    settings.ELASTICSEARCH_URL = search_engine.url
    call_command("search_index", "--sync")
    assert PendingIndexOperation.objects.count() == 0
    refresh(elasticsearch)
    results = search(SearchRequest(q="outage"))
    assert results.backend == "elasticsearch"
    assert sorted(h.title for h in results.hits) == ["Outage story 1", "Outage story 2"]


def test_slow_server_is_bounded_by_the_timeout(settings, db):
    with socket.socket() as listener:  # accepts connections, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{listener.getsockname()[1]}"
        settings.ELASTICSEARCH_TIMEOUT = 0.3
        results = search(SearchRequest(q="anything"))
    assert results.backend == "database"
    assert results.notice


def test_rebuild_swaps_the_alias_while_queries_keep_answering(es_corpus, elasticsearch, capsys):
    request = SearchRequest(q="logistics")
    expected = build_search(request).execute().hits.total.value
    errors, totals = [], []
    stop = threading.Event()

    def query():
        while not stop.is_set():
            try:
                totals.append(build_search(request).execute().hits.total.value)
            except Exception as error:  # noqa: BLE001 - collected for the assertion
                errors.append(error)

    threads = [threading.Thread(target=query) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(3):
            call_command("search_index", "--rebuild")
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert totals and set(totals) == {expected}
    indices = elasticsearch.indices.get_alias(name=alias_name())
    assert len(indices) == 1
    assert (
        len(elasticsearch.indices.get(index=f"{alias_name()}-*")) == 2
    )  # the live one and one to roll back to
    call_command("search_index", "--status")
    assert "article: 4" in capsys.readouterr().out


def test_status_tells_when_the_live_index_predates_the_mapping(es_corpus, elasticsearch, capsys):
    call_command("search_index", "--status")
    old = f"{alias_name()}-2020"
    elasticsearch.indices.create(  # the analysers of every release, few of today's fields
        index=old,
        settings=index_definition(old)["settings"],
        mappings={"properties": {"kind": {"type": "keyword"}, "date": {"type": "date"}}},
    )
    elasticsearch.indices.update_aliases(
        actions=[
            {"remove": {"index": f"{alias_name()}-*", "alias": alias_name()}},
            {"add": {"index": old, "alias": alias_name()}},
        ]
    )
    with pytest.raises(CommandError, match="run search_index --rebuild"):
        call_command("search_index", "--status")
    assert search(SearchRequest(q="hongqiao")).hits == []  # the old index has no `title`
    call_command("search_index", "--upgrade")  # what a deploy runs: rebuilds this once...
    call_command("search_index", "--upgrade")  # ...and then finds nothing to do
    assert "is up to date; nothing to rebuild" in capsys.readouterr().out
    call_command("search_index", "--status")
    assert "article: 4" in capsys.readouterr().out
    assert [hit.title for hit in search(SearchRequest(q="hongqiao")).hits] == [
        "DSV opens a logistics hub in Hongqiao"
    ]


def test_status_tells_when_only_the_analysis_changed(es_corpus, elasticsearch, capsys):
    live = next(iter(elasticsearch.indices.get_alias(name=alias_name())))
    elasticsearch.indices.put_mapping(index=live, meta={DEFINITION_META: "an older release"})
    with pytest.raises(CommandError, match=r"\(analysis differ\): run search_index --rebuild"):
        call_command("search_index", "--status")
    call_command("search_index", "--upgrade")
    call_command("search_index", "--status")
    assert "article: 4" in capsys.readouterr().out


class EditorDuringRebuild:
    """A source the rebuild loads after the pages: while it runs, an editor publishes and unpublishes."""

    name = "editor"

    def __init__(self, edit):
        self.edit = edit

    def all_ids(self):
        return iter([1])

    def load(self, ids):
        self.edit()
        return []


def test_writes_during_a_rebuild_reach_the_new_index(es_corpus, elasticsearch, news_index):
    def edit():
        add_article(news_index, "Hongqiao hub adds a cold chain wing")
        es_corpus["hub"].unpublish()

    register_source(EditorDuringRebuild(edit))
    try:
        call_command("search_index", "--rebuild")
    finally:
        _SOURCES.pop("editor")
    elasticsearch.indices.refresh(index=alias_name())
    assert [hit.title for hit in search(SearchRequest(q="hongqiao")).hits] == [
        "Hongqiao hub adds a cold chain wing"
    ]
    assert not elasticsearch.indices.exists_alias(name=f"{alias_name()}-rebuilding")
    assert PendingIndexOperation.objects.count() == 0


def test_document_preparation_uses_a_constant_number_of_queries(vocabulary, news_index, company_index):
    source = PageSource()
    source.load([news_index.pk])  # warm the content type and site caches
    few = [add_article(news_index, f"Few {n}", industries=["retail"]).pk for n in range(2)]
    many = [
        add_article(news_index, f"Many {n}", industries=["food"], districts=["pudong"]).pk for n in range(12)
    ]
    with CaptureQueriesContext(connection) as small:
        assert len(source.load(few)) == 2
    with CaptureQueriesContext(connection) as large:
        assert len(source.load(many)) == 12
    assert len(large) <= len(small) <= 8  # per type and relation, not per page
