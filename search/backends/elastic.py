"""The search API on Elasticsearch (elasticsearch-dsl)."""

import difflib
import re
from datetime import datetime

from elasticsearch import ApiError, TransportError
from elasticsearch_dsl import Q, Search

from ..client import alias_name, get_client
from ..documents import AUDIENCES, FACET_FIELDS
from ..facets import build_facets
from ..highlight import MARK_END, MARK_START, render
from ..parsing import ParsedQuery
from ..queries import Hit as ResultHit
from ..queries import SearchRequest, SearchResults, Suggestion
from .relevance import analysed, near_misses, text_query, with_recency

SEARCH_ERRORS = (ApiError, TransportError, OSError)

HIGHLIGHT_FIELDS = ["title", "standfirst", "body"]
# Each facet counts the matches with every other facet's selection applied (a filter bucket
# around a terms aggregation); the hits get all selections through the post_filter. Lucene
# answers both from doc values and cached filter bitsets.
MAX_FACET_VALUES = 50
# Totals are counted exactly up to here ("10,000+" beyond): counting every match of a
# very common word costs more than the reader gains from the exact figure.
TRACK_TOTAL_HITS = 10_000
# Suggestions in the reader's language score this much more: far above any prefix match's score,
# so they come first and each language keeps its own order. Suggestions (every keystroke) are
# always by score, where a boost is cheaper than a sort on a script; the search page may order by
# date, where a boost does nothing, so it sorts on :func:`language_first` instead.
READER_LANGUAGE_BOOST = 1000
_MARKED = re.compile(f"{MARK_START}([^{MARK_END}]*){MARK_END}")


def audience_clause(audiences: frozenset[str]) -> "Q | None":
    """Leave out every audience the reader lacks (indexing accepts no audience outside AUDIENCES).

    Equivalent to a filter on the reader's audiences, but it touches only the few restricted
    documents instead of nearly all of them.
    """
    hidden = sorted(AUDIENCES - audiences)
    return Q("terms", audience=hidden) if hidden else None


def base_filters(request: SearchRequest) -> list[Q]:
    """Filters on everything, facets included (the audience is a must_not: see audience_clause)."""
    filters = []
    if request.companies:
        filters.append(Q("terms", companies=list(request.companies)))
    if request.date_from or request.date_to:
        bounds = {}
        if request.date_from:
            bounds["gte"] = request.date_from.isoformat()
        if request.date_to:
            bounds["lte"] = request.date_to.isoformat()
        filters.append(Q("range", date={**bounds, "format": "yyyy-MM-dd"}))
    return filters


def selections(request: SearchRequest) -> dict[str, tuple[str, ...]]:
    """The facets with selected values, in FACET_FIELDS order."""
    chosen = request.facet_selection()
    return {facet: tuple(chosen[facet]) for facet in FACET_FIELDS if chosen.get(facet)}


def selection_filter(facet: str, values: tuple[str, ...]) -> Q:
    """Documents with any of the selected values (``term`` for one value: cheaper than ``terms``)."""
    field = FACET_FIELDS[facet]
    return Q("term", **{field: values[0]}) if len(values) == 1 else Q("terms", **{field: list(values)})


def build_query(request: SearchRequest, fuzzy: bool = False) -> Q:
    """The query part: text, filters, audience, and the recency factor when sorting by relevance."""
    hidden = audience_clause(request.audiences)
    query = Q(
        "bool",
        must=[text_query(request.parsed, fuzzy)],
        filter=base_filters(request),
        must_not=[hidden] if hidden else [],
    )
    return with_recency(query) if request.by_relevance else query


def add_facet_aggs(search: Search, chosen: dict[str, tuple[str, ...]]) -> None:
    """One filter bucket per facet (the other facets' selections) around its terms aggregation."""
    for facet, field in FACET_FIELDS.items():
        others = [selection_filter(name, values) for name, values in chosen.items() if name != facet]
        search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others)).bucket(
            "values", "terms", field=field, size=MAX_FACET_VALUES
        )


def collect_counts(aggs: dict) -> dict[str, dict[str, int]]:
    """Facet counts from the aggregations."""
    return {
        facet: {bucket["key"]: bucket["doc_count"] for bucket in aggs[facet]["values"]["buckets"]}
        for facet in FACET_FIELDS
    }


def build_search(request: SearchRequest, fuzzy: bool = False) -> Search:
    """The complete request body: query, post_filter, facet aggregations, highlight, sort, page."""
    search = (
        Search(using=get_client(), index=alias_name())
        .query(build_query(request, fuzzy))
        .extra(track_total_hits=TRACK_TOTAL_HITS)
    )
    chosen = selections(request)
    if chosen:
        search = search.post_filter(
            Q("bool", filter=[selection_filter(facet, values) for facet, values in chosen.items()])
        )
    add_facet_aggs(search, chosen)
    if request.parsed:
        search = search.highlight_options(
            pre_tags=[MARK_START],
            post_tags=[MARK_END],
            encoder="default",
            highlight_query=highlight_query(request.parsed, fuzzy).to_dict(),
        )
        for name in highlight_fields(request.parsed):
            if name.startswith("title"):
                search = search.highlight(name, number_of_fragments=0)
            else:
                search = search.highlight(name, fragment_size=160, number_of_fragments=2)
    order = (
        ["_score"] if request.by_relevance else [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
    )
    if request.language:
        search = search.sort(language_first(request.language), *order)
    elif not request.by_relevance:
        search = search.sort(*order)
    search = search.source(["kind", "title", "url", "date", "standfirst", "language"])
    return search[request.offset : request.offset + request.per_page]


def language_first(language: str) -> dict:
    """A sort key putting documents in ``language`` before the others (a script on the
    ``language`` doc values: a sort on the field itself would order the codes, not the reader's
    first)."""
    return {
        "_script": {
            "type": "number",
            "order": "asc",
            "script": {
                "source": "doc['language'].size() != 0 && doc['language'].value == params.language ? 0 : 1",
                "params": {"language": language},
            },
        }
    }


def highlight_fields(parsed: ParsedQuery) -> list[str]:
    """The fields whose matches are marked, analysed as the query is."""
    positive = " ".join(parsed.positive)
    return [analysed(name, positive) for name in HIGHLIGHT_FIELDS]


def highlight_query(parsed: ParsedQuery, fuzzy: bool = False) -> Q:
    """The words and phrases to mark in the highlighted fields (misspelt words' matches too when
    the fuzzy retry answered)."""
    fields = highlight_fields(parsed)
    should = [Q("multi_match", query=phrase, type="phrase", fields=fields) for phrase in parsed.phrases]
    if parsed.terms:
        words = " ".join(parsed.terms)
        should += near_misses(words, fields) if fuzzy else [Q("multi_match", query=words, fields=fields)]
    return Q("bool", should=should)


def corrected_query(parsed: ParsedQuery, response, language: str | None = None) -> str | None:
    """What the fuzzy retry searched for, as the reader would have typed it: each word no hit
    matched as typed is replaced by the closest word highlighted in the hits (those in
    ``language``, the reader's, when there are any)."""
    exact = {name for hit in response for name in hit.meta.to_dict().get("matched_queries", [])}
    in_language = [hit for hit in response if getattr(hit, "language", None) == language]
    marked = {
        word.lower()
        for hit in in_language or response
        for fragments in hit.meta.to_dict().get("highlight", {}).values()
        for fragment in fragments
        for word in _MARKED.findall(fragment)
    }
    terms = []
    for index, term in enumerate(parsed.terms):
        close = [] if f"word:{index}" in exact else difflib.get_close_matches(term.lower(), marked, 1, 0.6)
        terms.append(close[0] if close else term)
    return parsed.with_terms(terms) if terms != list(parsed.terms) else None


def _as_datetime(value: str | datetime | None) -> datetime | None:
    """Hits of a plain ``Search`` carry dates as the strings stored in ``_source``."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _hit(hit) -> ResultHit:
    highlight = hit.meta.to_dict().get("highlight", {})
    title = (highlight.get("title") or highlight.get("title.cjk") or [hit.title])[0]
    snippets = []
    for name in ("standfirst", "standfirst.cjk", "body", "body.cjk"):
        snippets += highlight.get(name, [])
        if snippets:
            break
    if not snippets and getattr(hit, "standfirst", ""):
        snippets = [hit.standfirst[:240]]
    return ResultHit(
        id=hit.meta.id,
        kind=hit.kind,
        title=hit.title,
        url=hit.url,
        date=_as_datetime(getattr(hit, "date", None)),
        title_html=render(title),
        snippets=[render(fragment) for fragment in snippets[:2]],
        language=getattr(hit, "language", None),
    )


def words_match_nothing(request: SearchRequest) -> bool:
    """True when the words alone (before the facet selections) match no document."""
    return not Search(using=get_client(), index=alias_name()).query(build_query(request)).count()


def search(request: SearchRequest) -> SearchResults:
    """Run the request against the alias."""
    response = build_search(request).execute()
    corrected = None
    if (
        request.parsed.terms
        and not response.hits.total.value
        and (not selections(request) or words_match_nothing(request))
    ):
        response = build_search(request, fuzzy=True).execute()  # "did you mean": misspellings
        corrected = corrected_query(request.parsed, response, request.language)
    return SearchResults(
        request=request,
        hits=[_hit(hit) for hit in response],
        total=response.hits.total.value,
        facets=build_facets(request, collect_counts(response.aggregations.to_dict())),
        backend="elasticsearch",
        corrected_query=corrected,
    )


def suggest(text: str, audiences: frozenset[str], size: int, language: str | None = None) -> list[Suggestion]:
    """Titles (and company names) holding every word typed, the last one as a prefix, within the
    audiences; those in ``language`` first (see READER_LANGUAGE_BOOST)."""
    hidden = audience_clause(audiences)
    query = Q(
        "bool",
        must=[Q("match_bool_prefix", suggest=text)],
        should=[Q("constant_score", filter=Q("term", language=language), boost=READER_LANGUAGE_BOOST)]
        if language
        else [],
        must_not=[hidden] if hidden else [],
    )
    # No total: counting every title that matches a short prefix would cost more than finding the first few.
    search = (
        Search(using=get_client(), index=alias_name())
        .query(query)
        .extra(track_total_hits=False)
        .source(["title", "url", "kind"])[:size]
    )
    return [Suggestion(title=hit.title, url=hit.url, kind=hit.kind) for hit in search.execute()]
