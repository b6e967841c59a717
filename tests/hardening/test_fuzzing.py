"""Arbitrary input at every search and listing endpoint, on both search backends: no server errors.

Hypothesis draws the query string: any text (quotes, FTS5 and tsquery operators, Chinese, control
characters, unpaired surrogates sent as their UTF-8 percent-escapes), raw bytes that are no UTF-8
at all, numbers and very long values, for the parameters each endpoint reads and a few it does not.
The newsroom (and a community thread) is built once per test; the examples only read it.
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    # The same examples on every run: a gate that fails only when the code changes, not by chance.
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SYNTAX = ['"', "'", "AND", "OR", "NOT", "NEAR", "NEAR(", "*", "^", ":", "(", ")", "-", "+", "\\", "\x00"]
SYNTAX += [
    "%",
    "&",
    "|",
    "!",
    "<->",
    "{",
    "}",
    "~",
    "title:",
    "0",
    "-1",
    "2024-02-30",
    "\ud800",
    "\U0001f600",
]
WORDS = ["muji", "flagship", "logistics", "无印良品", "旗舰店", "Pudong", "retail"]


def _encoded(value: str | bytes) -> str:
    """A query-string value as a browser (or an attacker) would send it: percent-escaped bytes,
    surrogates as the UTF-8-like bytes no decoder accepts."""
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


_pieces = st.one_of(st.sampled_from(SYNTAX), st.sampled_from(WORDS), st.text(max_size=12))
_words = st.sampled_from(WORDS) | st.text(min_size=1, max_size=6)
# Syntax inside a word (un"balanced) is what once reached FTS5: drawn on its own, not left to chance.
_syntax_inside = st.tuples(_words, st.sampled_from(SYNTAX), _words).map("".join)
texts = st.one_of(
    _syntax_inside,
    st.lists(_syntax_inside | _words, min_size=2, max_size=5).map(" ".join),
    st.lists(st.sampled_from(SYNTAX + WORDS), min_size=1, max_size=8).map("".join),
    st.lists(_pieces, max_size=12).map(" ".join),
    st.lists(_pieces, max_size=12).map("".join),
    st.text(max_size=300),
)
junk = st.one_of(
    texts,
    st.binary(max_size=64),
    st.integers().map(str),
    st.sampled_from(["", "abc", "-0", "1e9", "99999999999999999999", "2024-13-45"]),
    st.integers(min_value=201, max_value=20_000).map(lambda n: "muji " * (n // 5)),
)


def _mostly(*valid) -> st.SearchStrategy:
    """A parameter's value: usually one the endpoint accepts (so that the others reach the search),
    sometimes junk."""
    return st.one_of(*[st.sampled_from(valid)] * 5, junk)


_numbers = [str(n) for n in range(0, 6)]
PARAMETERS = {
    "q": texts,
    "search": texts,
    "search_operator": _mostly("and", "or", "AND"),
    "type": _mostly("article", "company", "event", "post", "news.ArticlePage"),
    "industry": _mostly("retail", "logistics", "food"),
    "district": _mostly("pudong", "minhang", "changning"),
    "company": _mostly("muji", "dsv"),
    "sort": _mostly("relevance", "date"),
    "page": _mostly(*_numbers[1:]),
    "from": _mostly("2023-01-01", "2024-06-30"),
    "to": _mostly("2024-12-31", "2025-01-01"),
    "limit": _mostly(*_numbers),
    "offset": _mostly(*_numbers),
    "order": _mostly("title", "-first_published_at", "random", "id"),
    "fields": _mostly("title", "*", "-title", "_,title"),
    "child_of": _mostly(*_numbers),
    "descendant_of": _mostly(*_numbers),
    "title": texts,
    "slug": texts,
    "quote": _mostly(*_numbers),
}


def _query_strings(
    names: list[str], required: tuple[str, ...] = (), unknown: tuple[str, ...] = ("junk", "%22")
) -> st.SearchStrategy[str]:
    """The ``required`` parameters and any of ``names``, with a value each, and perhaps one
    repeated or one of no meaning (``unknown``)."""
    known = st.fixed_dictionaries(
        {name: PARAMETERS[name] for name in required},
        optional={name: PARAMETERS[name] for name in names if name not in required},
    )
    extra = st.lists(st.tuples(st.sampled_from([*names, *unknown]), junk), max_size=1)
    return st.tuples(known, extra).map(
        lambda drawn: "&".join(f"{key}={_encoded(value)}" for key, value in [*drawn[0].items(), *drawn[1]])
    )


SEARCH_PARAMETERS = ["q", "type", "industry", "district", "company", "sort", "page", "from", "to"]
# The headless API refuses parameters it does not know (a 400 before any search): each endpoint
# gets only its own, so that most examples reach the search.
FILE_API_PARAMETERS = ["search", "search_operator", "limit", "offset", "order", "fields", "title"]
API_ENDPOINTS = {
    "/api/v2/pages/": [
        *FILE_API_PARAMETERS,
        "industry",
        "district",
        "type",
        "child_of",
        "descendant_of",
        "slug",
    ],
    "/api/v2/images/": FILE_API_PARAMETERS,
    "/api/v2/documents/": FILE_API_PARAMETERS,
}
LISTING_PARAMETERS = ["page", "industry", "district"]
LISTINGS = ["/news/", "/companies/", "/events/", "/industries/", "/industries/retail/", "/districts/pudong/"]
FEEDS = ["/feeds/news/", "/feeds/industries/retail/", "/feeds/districts/pudong/", "/sitemap.xml"]


def _answers(client, path: str, query: str) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code < 500, f"{path}?{query} answered {response.status_code}"


def test_search_endpoints(member_client, corpus, thread):
    """The search page and API as a member (pages and community posts both searched)."""

    @FUZZ
    @given(st.sampled_from(["/search/", "/api/search/"]), _query_strings(SEARCH_PARAMETERS, required=("q",)))
    def check(path, query):
        _answers(member_client, path, query)

    check()


def test_suggestions(client, corpus):
    @FUZZ
    @given(_query_strings(["q"], required=("q",)))
    def check(query):
        _answers(client, "/api/search/suggest/", query)

    check()


def test_headless_api(client, corpus):
    requests = st.sampled_from(list(API_ENDPOINTS)).flatmap(
        lambda path: _query_strings(API_ENDPOINTS[path], required=("search",), unknown=()).map(
            lambda query: (path, query)
        )
    )

    @FUZZ
    @given(requests)
    def check(request):
        _answers(client, *request)

    check()


def test_listings_and_feeds(client, corpus):
    @FUZZ
    @given(st.sampled_from(LISTINGS + FEEDS), _query_strings(LISTING_PARAMETERS))
    def check(path, query):
        _answers(client, path, query)

    check()


def test_community_pages(member_client, member_pages):
    @FUZZ
    @given(st.sampled_from(member_pages), _query_strings(["page", "quote", "q"]))
    def check(path, query):
        _answers(member_client, path, query)

    check()
