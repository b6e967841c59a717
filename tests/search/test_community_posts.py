"""Community posts in search: members find them, nobody else ever sees a word of them.

Posts are created, edited, hidden and moved through the community's own models and
views, and searched through /search/, /api/search/ and autocomplete, on the OpenSearch node
and on the database backend alike.
"""

import re
import socket
from types import SimpleNamespace

from django.core.management import call_command
from django.urls import reverse

import pytest

from search.access import audiences_for
from search.client import alias_name
from search.documents import MEMBERS, PUBLIC
from search.models import PendingIndexOperation
from search.queries import SearchRequest, search
from tests.community.factories import CategoryFactory, every_role

SECRET = "Zollagent"  # a word only the community's posts contain
NON_MEMBERS = ["anonymous", "pending", "rejected", "suspended"]
# What only the posts contain (the queries are echoed back, so not the words searched for).
LEAKS = ("near Hongqiao?", "recommend a", "clears reefer", "/community/p/", "Li Wei", "Zhang Min")


@pytest.fixture
def people(db):
    return every_role(member="Li Wei", moderator="Zhang Min")


@pytest.fixture
def forum(backend, corpus, people):
    """A thread about customs brokers near Hongqiao (where the corpus has an article too)."""
    customs = CategoryFactory(name="Customs & trade", slug="customs-trade")
    logistics = CategoryFactory(name="Logistics", slug="logistics")
    thread = customs.start_thread(
        people.member, "Customs broker near Hongqiao?", f"Can anyone recommend a {SECRET} for Hongqiao?"
    )
    reply = thread.reply(people.moderator, f"Our {SECRET} in Waigaoqiao clears reefer containers fast.")
    backend.refresh()
    return SimpleNamespace(
        customs=customs, logistics=logistics, thread=thread, opening=thread.posts.first(), reply=reply
    )


def as_user(client, user):
    if user is not None:
        client.force_login(user)
    return client


def api(client, **params) -> dict:
    return client.get(reverse("search_api"), params).json()


def kinds(data: dict) -> dict[str, int]:
    return {value["value"]: value["count"] for value in data["facets"]["type"]}


def member_finds(backend, user, text: str) -> list[int]:
    """The pks of the posts ``user`` finds for ``text`` (through the search API)."""
    backend.refresh()
    found = search(SearchRequest(q=text, audiences=audiences_for(user), per_page=50)).hits
    return sorted(int(hit.id.removeprefix("post-")) for hit in found if hit.kind == "post")


@pytest.mark.parametrize(
    ("role", "audiences"),
    [(role, {PUBLIC}) for role in NON_MEMBERS]
    + [("member", {PUBLIC, MEMBERS}), ("moderator", {PUBLIC, MEMBERS})],
)
def test_audiences_follow_the_community_access_rule(people, role, audiences):
    assert audiences_for(getattr(people, role)) == audiences


def test_an_inactive_member_gets_the_public_audience_only(people):
    people.member.is_active = False
    assert audiences_for(people.member) == {PUBLIC}


def test_member_finds_posts_on_the_page_in_the_api_and_in_suggestions(client, forum, people):
    as_user(client, people.member)

    page = client.get(reverse("search"), {"q": SECRET.lower()}).content.decode()
    assert f"<mark>{SECRET}</mark>" in page
    assert forum.reply.get_absolute_url() in page
    assert "Community posts" in page

    data = api(client, q=SECRET)
    assert data["total"] == 2
    by_url = {hit["url"]: hit for hit in data["results"]}
    assert by_url[forum.opening.get_absolute_url()]["title"] == "Customs broker near Hongqiao?"
    assert by_url[forum.reply.get_absolute_url()]["title"] == "Re: Customs broker near Hongqiao?"
    assert all(hit["type"] == "post" for hit in data["results"])
    assert any(f"<mark>{SECRET}</mark>" in snippet for hit in data["results"] for snippet in hit["snippets"])

    mixed = api(client, q="hongqiao")
    assert kinds(mixed) == {"article": 1, "post": 2}
    assert {hit["type"] for hit in api(client, q="hongqiao", type="post")["results"]} == {"post"}
    newest = api(client, q="hongqiao", sort="date")["results"]
    assert [hit["type"] for hit in newest] == ["post", "post", "article"]
    assert [hit["type"] for hit in api(client, q="hongqiao", to="2024-12-31")["results"]] == ["article"]
    by_industry = api(client, q="hongqiao", industry="logistics")  # posts have no industry
    assert kinds(by_industry) == {"article": 1}
    assert by_industry["total"] == 1

    suggestions = client.get(reverse("search_suggest"), {"q": "customs bro"}).json()["suggestions"]
    assert suggestions == [
        {"title": "Customs broker near Hongqiao?", "url": forum.opening.get_absolute_url(), "type": "post"}
    ]

    by_author = api(client, q="Li Wei", type="post")["results"]
    assert [hit["url"] for hit in by_author] == [forum.opening.get_absolute_url()]


@pytest.mark.parametrize("role", NON_MEMBERS)
def test_non_members_never_see_a_post_in_results_facets_suggestions_or_highlights(
    client, forum, people, role
):
    as_user(client, getattr(people, role))
    responses = [
        client.get(reverse("search"), {"q": SECRET}),
        client.get(reverse("search"), {"q": "hongqiao"}),
        client.get(reverse("search"), {"q": "hongqiao", "type": "post"}),
        client.get(reverse("search")),
        client.get(reverse("search_api"), {"q": SECRET}),
        client.get(reverse("search_api"), {"q": "Waigaoqiao reefer"}),
        client.get(reverse("search_api"), {"q": "customs", "sort": "date"}),
        client.get(reverse("search_api"), {"type": "post"}),
        client.get(reverse("search_suggest"), {"q": "customs bro"}),
        client.get(reverse("search_suggest"), {"q": "Customs broker near"}),
    ]
    for response in responses:
        assert response.status_code == 200
        body = response.content.decode()
        for text in LEAKS:
            assert text not in body, (response.request, text)

    broad = api(client, q="hongqiao")
    assert kinds(broad) == {"article": 1}
    assert broad["total"] == 1
    everything = api(client)
    assert "post" not in kinds(everything)
    assert sum(value["count"] for value in everything["facets"]["year"]) == everything["total"]
    assert api(client, type="post")["total"] == 0


def test_hiding_and_deleting_remove_posts_and_unhiding_restores_them(backend, forum, people):
    moderator, author = people.moderator, people.member
    both = sorted([forum.opening.pk, forum.reply.pk])
    assert member_finds(backend, author, SECRET) == both

    forum.reply.set_hidden(moderator, True)
    assert member_finds(backend, author, SECRET) == [forum.opening.pk]
    forum.reply.set_hidden(moderator, False)
    assert member_finds(backend, author, SECRET) == both

    forum.thread.moderate(moderator, "hide")
    assert member_finds(backend, author, SECRET) == []
    forum.thread.moderate(moderator, "unhide")
    assert member_finds(backend, author, SECRET) == both

    late = forum.thread.reply(author, f"One more {SECRET} tip.")
    assert member_finds(backend, author, "tip") == [late.pk]
    late.soft_delete(author)
    assert member_finds(backend, author, "tip") == []

    forum.opening.soft_delete(author)  # the opening post takes its thread with it
    assert member_finds(backend, author, SECRET) == []


def test_a_hidden_post_leaves_member_search_with_the_replies_that_quoted_it(client, backend, forum, people):
    as_user(client, people.member)
    url = reverse("community:reply", args=[forum.thread.pk])
    form = client.get(url, {"quote": forum.reply.pk}).context["form"]  # quoting as the browser does
    data = {name: form[name].value() or "" for name in form.fields}
    client.post(url, {**data, "body": f"{data['body']}Thanks, that helps."})
    forum.reply.set_hidden(people.moderator, True)
    assert member_finds(backend, people.member, "reefer") == []


def test_editing_replaces_the_indexed_text(backend, forum, people):
    forum.reply.edit(people.moderator, "Try the broker at Yangshan deep-water port instead.")
    assert member_finds(backend, people.member, "yangshan") == [forum.reply.pk]
    assert member_finds(backend, people.member, "waigaoqiao") == []


def test_a_renamed_thread_is_found_by_its_new_title(backend, forum, people):
    forum.opening.edit(people.member, forum.opening.body, title="Reefer brokers at Lingang")
    assert member_finds(backend, people.member, "lingang") == sorted([forum.opening.pk, forum.reply.pk])


def test_search_page_links_posts_to_their_place_in_the_thread(client, forum, people):
    as_user(client, people.member)
    data = api(client, q="reefer")
    [hit] = data["results"]
    response = client.get(hit["url"])
    assert response.status_code == 302
    assert response.url.startswith(forum.thread.get_absolute_url())
    assert response.url.endswith(f"#post-{forum.reply.pk}")


@pytest.fixture(params=["elasticsearch"])
def elastic_backend(request, settings, db):
    from .conftest import Backend

    request.getfixturevalue("elasticsearch")
    return Backend(request.param)


def indexed(client, post) -> dict | None:
    """The stored document of a post, straight from the search server."""
    response = client.options(ignore_status=404).get(index=alias_name(), id=f"post-{post.pk}")
    return response["_source"] if response["found"] else None


class TestOnTheSearchServer:
    """What only an index can get wrong: stale documents, rebuilds, lost writes."""

    @pytest.fixture
    def backend(self, elastic_backend):
        return elastic_backend

    def test_documents_carry_thread_category_author_and_the_members_audience(self, forum, elasticsearch):
        document = indexed(elasticsearch, forum.opening)
        assert document["kind"] == "post"
        assert document["audience"] == "members"
        assert document["category"] == "customs-trade"
        assert document["title"] == "Customs broker near Hongqiao?"
        assert document["thread_url"] == forum.thread.get_absolute_url()
        assert document["authors"] == ["Li Wei"]
        assert document["suggest"] == "Customs broker near Hongqiao?"
        assert "suggest" not in indexed(elasticsearch, forum.reply)  # one suggestion per thread

    def test_moving_a_thread_updates_the_category_of_every_post(self, forum, elasticsearch, people):
        forum.thread.move_to(forum.logistics, people.moderator)
        assert {indexed(elasticsearch, post)["category"] for post in (forum.opening, forum.reply)} == {
            "logistics"
        }

    def test_renaming_a_category_slug_reindexes_its_posts(self, forum, elasticsearch):
        forum.customs.slug = "customs"
        forum.customs.save()
        assert indexed(elasticsearch, forum.reply)["category"] == "customs"

    def test_a_new_name_on_the_profile_reaches_the_members_posts(self, forum, elasticsearch, client, people):
        client.force_login(people.member)
        membership = people.member.membership
        response = client.post(
            reverse("profile"),
            {
                "full_name": "Li Wei-Schmidt",
                "company_name": membership.company_name,
                "job_title": membership.job_title,
                "language": membership.language,
            },
        )
        assert response.status_code == 302
        assert indexed(elasticsearch, forum.opening)["authors"] == ["Li Wei-Schmidt"]

    def test_hidden_and_deleted_posts_leave_the_index(self, forum, elasticsearch, people):
        forum.reply.set_hidden(people.moderator, True)
        assert indexed(elasticsearch, forum.reply) is None
        forum.thread.delete()  # e.g. in the admin: the rows go, and so do their documents
        assert indexed(elasticsearch, forum.opening) is None

    def test_rebuild_includes_visible_posts_only(self, backend, forum, people, capsys):
        other = forum.logistics.start_thread(
            people.member, "Cold chain partners", f"A {SECRET} for frozen goods?"
        )
        hidden_thread = forum.logistics.start_thread(people.member, "Hidden thread", f"{SECRET} hidden")
        hidden_thread.moderate(people.moderator, "hide")
        forum.reply.set_hidden(people.moderator, True)
        deleted = other.reply(people.moderator, f"Deleted {SECRET} reply")
        deleted.soft_delete(people.moderator)

        call_command("search_index", "--rebuild")
        call_command("search_index", "--status")
        assert re.search(r"^\s+post: 2$", capsys.readouterr().out, re.MULTILINE)
        assert member_finds(backend, people.member, SECRET) == sorted(
            [forum.opening.pk, other.posts.first().pk]
        )

    def test_a_failed_index_write_keeps_the_post_and_sync_repairs_it(
        self, backend, forum, settings, search_engine, client, people
    ):
        settings.ELASTICSEARCH_URL = _closed_port_url()
        client.force_login(people.member)
        response = client.post(
            reverse("community:reply", args=[forum.thread.pk]),
            {"body": "Written during the outage: Lingang."},
        )
        assert response.status_code == 302
        written = forum.thread.posts.get(body__contains="Lingang")
        forum.reply.set_hidden(people.moderator, True)
        pending = set(PendingIndexOperation.objects.filter(source="post").values_list("object_id", flat=True))
        assert pending == {written.pk, forum.reply.pk}

        settings.ELASTICSEARCH_URL = search_engine.url
        call_command("search_index", "--sync")
        assert not PendingIndexOperation.objects.exists()
        assert member_finds(backend, people.member, "lingang") == [written.pk]
        assert member_finds(backend, people.member, "reefer") == []


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
