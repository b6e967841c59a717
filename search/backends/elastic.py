"""The search API on Elasticsearch (elasticsearch-dsl)."""

from datetime import date, datetime

from elasticsearch import ApiError, TransportError
from elasticsearch_dsl import Q, Search

from ..client import alias_name, get_client
from ..documents import AUDIENCES
from ..facets import build_facets
from ..highlight import MARK_END, MARK_START, render
from ..parsing import ParsedQuery, has_cjk
from ..queries import Hit as ResultHit
from ..queries import SearchRequest, SearchResults, Suggestion

SEARCH_ERRORS = (ApiError, TransportError, OSError)

# Latin queries search the English-analysed fields; the `.cjk` bigram sub-fields (and the
# Chinese name) join only when the query holds Chinese, Japanese or Korean characters:
# for Latin words they match what the English fields match, at twice the cost.
TEXT_FIELDS = ["title^3", "standfirst^2", "body", "company_names^2", "venue", "authors"]
CJK_FIELDS = ["title.cjk^3", "standfirst.cjk^2", "body.cjk", "company_names.cjk^2", "name_zh^3", "venue.cjk"]
HIGHLIGHT_FIELDS = ["title", "standfirst", "body"]
FACET_FIELDS = {"type": "kind", "industry": "industries", "district": "districts", "year": "year"}
MAX_FACET_VALUES = 50
FILTERED = "filtered:"
# A facet's counts with the other facets' selections applied sit under a chain of buckets, one
# per other selected facet: ``<ONLY><facet>`` (a terms bucket for its single selected value) or
# ``<FILTERED><facet>`` (a filter bucket, when several values are selected).
ONLY = "only:"
# Documents the words match before the facet selections (the post_filter) narrow them down.
MATCHES = "matches"
# Totals are counted exactly up to here ("10,000+" beyond): counting every match of a
# very common word costs more than the reader gains from the exact figure.
TRACK_TOTAL_HITS = 10_000
# A gentle recency boost added to the text score: a constant +0.3 for this year's documents and
# +0.15 for last year's. Two term clauses on the year keyword cost next to nothing on
# osmem-server, unlike function_score/field_value_factor (about 13x the text match there:
# it reads every match's date), distance_feature or a date range (4-5x). No script: Lucene-safe.
RECENCY_BOOSTS = (0.3, 0.15)


def recency_clauses(today: date | None = None) -> list[Q]:
    """``should`` clauses lifting this year's and last year's documents a little."""
    year = (today or date.today()).year
    return [
        Q("constant_score", filter=Q("term", year=str(year - age)), boost=boost)
        for age, boost in enumerate(RECENCY_BOOSTS)
    ]


FUZZY = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}


def text_fields(parsed: ParsedQuery) -> list[str]:
    """The fields a query searches: English ones, and the CJK ones when it holds CJK text."""
    return TEXT_FIELDS + CJK_FIELDS if has_cjk(" ".join(parsed.positive)) else TEXT_FIELDS


def text_query(parsed: ParsedQuery, fuzzy: bool = False) -> Q:
    """Every word and every phrase must match somewhere; exclusions must not.

    ``fuzzy`` tolerates misspellings (the retry when the exact words found nothing).
    """
    if not parsed:
        return Q("match_all")
    fields = text_fields(parsed)
    options = FUZZY if fuzzy else {}
    must = [Q("multi_match", query=term, fields=fields, operator="and", **options) for term in parsed.terms]
    must += [Q("multi_match", query=phrase, type="phrase", fields=fields) for phrase in parsed.phrases]
    excluded = TEXT_FIELDS + CJK_FIELDS
    must_not = [Q("multi_match", query=text, type="phrase", fields=excluded) for text in parsed.excluded]
    # No proximity bonus for words typed together: on osmem-server a sloppy phrase query
    # about doubled the cost of the text query (82 -> 175 ms server CPU per query at 100k).
    return Q("bool", must=must, must_not=must_not)


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


def facet_filters(request: SearchRequest) -> dict[str, Q]:
    """The selected values per facet (``term`` for one value: cheaper than ``terms``)."""
    return {
        facet: Q("term", **{FACET_FIELDS[facet]: values[0]})
        if len(values) == 1
        else Q("terms", **{FACET_FIELDS[facet]: list(values)})
        for facet, values in request.facet_selection().items()
        if values
    }


def build_query(request: SearchRequest, fuzzy: bool = False) -> Q:
    """The query part: text, filters, audience, and the recency boost when sorting by relevance."""
    hidden = audience_clause(request.audiences)
    return Q(
        "bool",
        must=[text_query(request.parsed, fuzzy)],
        filter=base_filters(request),
        must_not=[hidden] if hidden else [],
        should=recency_clauses() if request.by_relevance else [],
    )


def build_search(request: SearchRequest, fuzzy: bool = False) -> Search:
    """The complete request body: query, post_filter, facet aggregations, highlight, sort, page."""
    search = (
        Search(using=get_client(), index=alias_name())
        .query(build_query(request, fuzzy))
        .extra(track_total_hits=TRACK_TOTAL_HITS)
    )
    selection = {facet: values for facet, values in request.facet_selection().items() if values}
    selected = facet_filters(request)
    if selected:
        search = search.post_filter(Q("bool", filter=list(selected.values())))
    # Each facet counts with the other facets' selections applied (the post_filter pattern).
    # A single selected value is a terms bucket restricted to it (`include`) rather than a
    # filter: it reads the values of the documents the words match instead of evaluating the
    # filter over the whole index (on osmem-server each filter bucket cost 40-60 ms at 100k).
    # Facets that share the same other selections share one chain of buckets.
    groups: dict[tuple[str, ...], list[str]] = {}
    for facet in FACET_FIELDS:
        groups.setdefault(tuple(name for name in selected if name != facet), []).append(facet)
    if request.parsed.terms:
        # Only the misspelling retry needs it; with no words it would count the whole index
        # (on osmem-server about 0.8 s of the 2.7 s a no-words browse took at 100k).
        search.aggs.metric(MATCHES, "value_count", field="kind")
    chains: dict[tuple[str, ...], object] = {(): search.aggs}
    for others, facets in sorted(groups.items(), key=lambda item: len(item[0])):
        for depth in range(1, len(others) + 1):
            if others[:depth] in chains:
                continue
            parent, name = chains[others[: depth - 1]], others[depth - 1]
            values, field = selection[name], FACET_FIELDS[name]
            if len(values) == 1:
                bucket = parent.bucket(ONLY + name, "terms", field=field, include=list(values), size=1)
            else:
                bucket = parent.bucket(FILTERED + name, "filter", filter=selected[name])
            chains[others[:depth]] = bucket
        for facet in facets:
            chains[others].bucket(facet, "terms", field=FACET_FIELDS[facet], size=MAX_FACET_VALUES)
    if request.parsed:
        fields = [
            name
            for name in text_fields(request.parsed)
            if name.split("^")[0].split(".")[0] in HIGHLIGHT_FIELDS
        ]
        search = search.highlight_options(pre_tags=[MARK_START], post_tags=[MARK_END], encoder="default")
        for name in (field_name.split("^")[0] for field_name in fields):
            if name.startswith("title"):
                search = search.highlight(name, number_of_fragments=0)
            else:
                search = search.highlight(name, fragment_size=160, number_of_fragments=2)
    if not request.by_relevance:
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    search = search.source(["kind", "title", "url", "date", "standfirst"])
    return search[request.offset : request.offset + request.per_page]


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
    )


def _collect_counts(aggs: dict, counts: dict[str, dict[str, int]]) -> None:
    """Facet counts from the aggregations, following the chains of selected-value buckets."""
    for name, agg in aggs.items():
        if name in FACET_FIELDS:
            counts[name] = {bucket["key"]: bucket["doc_count"] for bucket in agg["buckets"]}
        elif name.startswith(FILTERED):
            _collect_counts(agg, counts)
        elif name.startswith(ONLY):
            # The one bucket of the selected value; none when no match has it (every count 0).
            for bucket in agg["buckets"][:1]:
                _collect_counts(bucket, counts)


def search(request: SearchRequest) -> SearchResults:
    """Run the request against the alias."""
    response = build_search(request).execute()
    if request.parsed.terms and not response.aggregations[MATCHES].value:
        response = build_search(request, fuzzy=True).execute()  # "did you mean": misspellings
    counts: dict[str, dict[str, int]] = {}
    _collect_counts(response.aggregations.to_dict(), counts)
    return SearchResults(
        request=request,
        hits=[_hit(hit) for hit in response],
        total=response.hits.total.value,
        facets=build_facets(request, counts),
        backend="elasticsearch",
    )


def suggest(text: str, audiences: frozenset[str], size: int) -> list[Suggestion]:
    """Titles (and company names) holding every word typed, the last one as a prefix, within the audiences."""
    hidden = audience_clause(audiences)
    query = Q("bool", must=[Q("match_bool_prefix", suggest=text)], must_not=[hidden] if hidden else [])
    search = (
        Search(using=get_client(), index=alias_name()).query(query).source(["title", "url", "kind"])[:size]
    )
    return [Suggestion(title=hit.title, url=hit.url, kind=hit.kind) for hit in search.execute()]
