"""The search page, the JSON API and autocomplete, through the test client."""

from html.parser import HTMLParser

from django.urls import reverse

import pytest

from news.models import Industry


@pytest.fixture(params=["database"])
def backend(request, settings, db):
    from .conftest import Backend

    settings.ELASTICSEARCH_URL = ""
    return Backend(request.param)


def test_search_page_renders_results_facets_and_noindex(client, corpus):
    response = client.get(reverse("search"), {"q": "logistics"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "DSV opens a <mark>logistics</mark> hub in Hongqiao" in html
    groups = {g["name"]: g for g in response.context["facet_groups"]}
    minhang = next(v for v in groups["district"]["values"] if v["value"] == "minhang")
    assert minhang["url"] == "?q=logistics&district=minhang"
    assert f'href="{minhang["url"].replace("&", "&amp;")}"' in html


def test_facet_link_filters_and_toggles_off(client, corpus):
    response = client.get(reverse("search"), {"q": "logistics", "district": "minhang", "page": "1"})
    groups = {g["name"]: g for g in response.context["facet_groups"]}
    minhang = next(v for v in groups["district"]["values"] if v["value"] == "minhang")
    assert minhang["selected"]
    assert minhang["url"] == "?q=logistics"


class SearchBoxFields(HTMLParser):
    """The name and value of every input the search box submits (its `role="search"` form)."""

    def __init__(self, html: str):
        super().__init__()
        self.fields, self._inside = [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._inside = attrs.get("role") == "search"
        elif self._inside and tag == "input":
            self.fields.append((attrs["name"], attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False


def test_a_new_query_typed_in_the_search_box_keeps_every_filter(client, corpus):
    filters = {"district": "minhang", "type": "article", "lang": "en-gb", "industry": "logistics"}
    page = client.get(reverse("search"), {"q": "logistics", **filters}).content.decode()
    fields = [(name, "hub" if name == "q" else value) for name, value in SearchBoxFields(page).fields]
    params = {}
    for name, value in fields:
        params.setdefault(name, []).append(value)
    again = client.get(reverse("search"), params)
    data = again.context["form"].cleaned_data
    assert data["q"] == "hub" and data["lang"] == "en-gb"
    assert (data["district"], data["type"], data["industry"]) == (["minhang"], ["article"], ["logistics"])


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"industry": "no-such-industry"},
        {"from": "2024-13-01"},
        {"q": "x" * 201},
        {"from": "2024-02-01", "to": "2024-01-01"},
        {"sort": "random"},
        {"company": "<script>"},
    ],
)
def test_bad_parameters_get_a_clear_message_not_an_error(client, vocabulary, params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 400
    assert b"We could not run this search" in response.content
    api = client.get(reverse("search_api"), params)
    assert api.status_code == 400
    assert api.json()["errors"]


def test_api_returns_results_facets_and_page_info(client, corpus):
    data = client.get(reverse("search_api"), {"q": "logistics", "industry": "logistics"}).json()
    assert data["total"] == 2
    assert (data["page"], data["pages"], data["has_next"]) == (1, 1, False)
    assert {r["type"] for r in data["results"]} == {"article"}
    logistics = {"value": "logistics", "label": "Logistics", "count": 2, "selected": True}
    assert data["facets"]["industry"] == [logistics]
    assert data["results"][0]["url"].startswith("/news/")


def test_suggest_api(client, corpus):
    data = client.get(reverse("search_suggest"), {"q": "nest"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Nestlé expands its Pudong research centre"]
    assert client.get(reverse("search_suggest"), {"q": "x" * 101}).status_code == 400


def test_vocabulary_changes_show_at_once_in_choices_and_labels(
    client, corpus, django_capture_on_commit_callbacks
):
    def industries():
        response = client.get(reverse("search"), {"q": "logistics"})
        groups = {g["name"]: g for g in response.context["facet_groups"]}
        return {v["value"]: v["label"] for v in groups["industry"]["values"]}

    assert industries()["logistics"] == "Logistics"
    industry = Industry.objects.get(slug="logistics")
    with django_capture_on_commit_callbacks(execute=True):
        industry.name = "Logistics & supply chain"
        industry.save()
    assert industries()["logistics"] == "Logistics & supply chain"

    with django_capture_on_commit_callbacks(execute=True):
        Industry.objects.create(name="Biotech", slug="biotech")
    assert client.get(reverse("search"), {"industry": "biotech"}).status_code == 200
