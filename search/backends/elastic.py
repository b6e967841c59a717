"""The search API on Elasticsearch (elasticsearch-dsl)."""

from datetime import date, datetime

from elasticsearch import ApiError, TransportError
from elasticsearch_dsl import Q, Search

from ..client import alias_name, get_client
from ..documents import AUDIENCES, CONTENT, FACET_FIELDS
from ..facets import build_facets
from ..highlight import MARK_END, MARK_START, render
from ..parsing import ParsedQuery, has_cjk
from ..queries import Hit as ResultHit
from ..queries import SearchRequest, SearchResults, Suggestion

SEARCH_ERRORS = (ApiError, TransportError, OSError)

# Latin queries match the English-analysed ``content`` (every searched text, copied into one
# field); queries holding Chinese, Japanese or Korean characters match its ``cjk`` bigrams.
# Matches in a title or a company name count for more: ``should`` clauses on those short
# fields, which touch few documents.
BOOSTED_FIELDS = ["title^3", "company_names^2"]
BOOSTED_CJK_FIELDS = ["title.cjk^3", "company_names.cjk^2", "name_zh^3"]
HIGHLIGHT_FIELDS = ["title", "standfirst", "body"]
COUNTS = "counts"
# Each facet counts with the other facets' selections applied (the post_filter pattern). The
# counts for one set of applied selections sit under a chain of buckets, one per selection:
# ``<ONLY><facet>`` (a terms bucket for its single selected value: it reads the values of the
# documents the words match instead of evaluating a filter over the whole index, which on
# osmem-server cost 40-60 ms at 100k) or ``<ANY><facet>`` (a filter bucket, for several values).
ONLY = "only:"
ANY = "any:"
MAX_FACET_VALUES = 50
# Totals are counted exactly up to here ("10,000+" beyond): counting every match of a
# very common word costs more than the reader gains from the exact figure.
TRACK_TOTAL_HITS = 10_000
# A gentle recency boost added to the text score when sorting by relevance: +0.3 for this
# month's documents, +0.2 for last month's, +0.1 for the month before. A term on a month
# touches a few thousand documents at most: on osmem-server, two such clauses on the year
# (a third of the index each) cost more than the text match; function_score, a date range or
# distance_feature read every match's date. No script: Lucene-safe.
RECENCY_BOOSTS = (0.3, 0.2, 0.1)


def recent_months(today: date, count: int) -> list[str]:
    """``count`` months back from ``today``'s as ``YYYY-MM``, newest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def recency_clauses(today: date | None = None) -> list[Q]:
    """``should`` clauses lifting the last few months' documents a little."""
    months = recent_months(today or date.today(), len(RECENCY_BOOSTS))
    return [
        Q("constant_score", filter=Q("term", month=month), boost=boost)
        for month, boost in zip(months, RECENCY_BOOSTS, strict=True)
    ]


FUZZY = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}


def analysed(field: str, text: str) -> str:
    """The field itself, or its ``cjk`` bigram sub-field when ``text`` holds CJK characters."""
    return f"{field}.cjk" if has_cjk(text) else field


def text_query(parsed: ParsedQuery, fuzzy: bool = False) -> Q:
    """Every word and every phrase must match somewhere; exclusions must not; titles weigh more.

    ``fuzzy`` tolerates misspellings (the retry when the exact words found nothing).
    """
    if not parsed:
        return Q("match_all")
    positive = " ".join(parsed.positive)
    field = analysed(CONTENT, positive)
    must = []
    if parsed.terms:
        words = " ".join(parsed.terms)
        must.append(Q("match", **{field: {"query": words, "operator": "and", **(FUZZY if fuzzy else {})}}))
    must += [Q("match_phrase", **{field: phrase}) for phrase in parsed.phrases]
    boosted = BOOSTED_CJK_FIELDS if field != CONTENT else BOOSTED_FIELDS
    should = [Q("multi_match", query=positive, fields=boosted)]
    must_not = [Q("match_phrase", **{analysed(CONTENT, text): text}) for text in parsed.excluded]
    # No proximity bonus for words typed together: on osmem-server a sloppy phrase query
    # about doubled the cost of the text query.
    return Q("bool", must=must, should=should, must_not=must_not)


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
    """The query part: text, filters, audience, and the recency boost when sorting by relevance."""
    hidden = audience_clause(request.audiences)
    return Q(
        "bool",
        must=[text_query(request.parsed, fuzzy)],
        filter=base_filters(request),
        must_not=[hidden] if hidden else [],
        should=recency_clauses() if request.by_relevance else [],
    )


def facet_nodes(chosen: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], list[str]]:
    """The facets to count under each set of applied selections (a tuple in FACET_FIELDS order):
    every facet counts with the selections of all the other facets."""
    nodes: dict[tuple[str, ...], list[str]] = {}
    for facet in FACET_FIELDS:
        nodes.setdefault(tuple(name for name in chosen if name != facet), []).append(facet)
    return nodes


def add_facet_aggs(parent, chosen: dict[str, tuple[str, ...]], nodes, applied: tuple[str, ...] = ()) -> None:
    """The buckets under the node where the selections in ``applied`` hold.

    A node counting several facets does so with one terms aggregation on ``facet_values``
    (one pass over its documents instead of one per facet); a node counting one facet reads
    that facet's own field, which holds fewer values per document.
    """
    facets = nodes.get(applied, [])
    if len(facets) == 1:
        parent.bucket(facets[0], "terms", field=FACET_FIELDS[facets[0]], size=MAX_FACET_VALUES)
    elif facets:
        parent.bucket(COUNTS, "terms", field="facet_values", size=MAX_FACET_VALUES * len(facets))
    depth = len(applied)
    following = (node[depth] for node in nodes if len(node) > depth and node[:depth] == applied)
    for facet in dict.fromkeys(following):
        values = chosen[facet]
        if len(values) == 1:
            field = FACET_FIELDS[facet]
            child = parent.bucket(ONLY + facet, "terms", field=field, include=list(values), size=1)
        else:
            child = parent.bucket(ANY + facet, "filter", filter=selection_filter(facet, values))
        add_facet_aggs(child, chosen, nodes, (*applied, facet))


def collect_counts(aggs: dict, nodes, applied: tuple[str, ...] = ()) -> dict[str, dict[str, int]]:
    """Facet counts from the aggregations, following the chains of selection buckets."""
    counts: dict[str, dict[str, int]] = {}
    for name, agg in aggs.items():
        if name in FACET_FIELDS:
            counts[name] = {bucket["key"]: bucket["doc_count"] for bucket in agg["buckets"]}
        elif name == COUNTS:
            wanted = nodes[applied]
            for bucket in agg["buckets"]:
                facet, _, value = bucket["key"].partition(":")
                if facet in wanted:
                    counts.setdefault(facet, {})[value] = bucket["doc_count"]
        elif name.startswith(ANY):
            counts.update(collect_counts(agg, nodes, (*applied, name.removeprefix(ANY))))
        elif name.startswith(ONLY):
            # The one bucket of the selected value; none when no match has it (every count 0).
            for bucket in agg["buckets"][:1]:
                counts.update(collect_counts(bucket, nodes, (*applied, name.removeprefix(ONLY))))
    return counts


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
    add_facet_aggs(search.aggs, chosen, facet_nodes(chosen))
    if request.parsed:
        search = search.highlight_options(
            pre_tags=[MARK_START],
            post_tags=[MARK_END],
            encoder="default",
            highlight_query=highlight_query(request.parsed).to_dict(),
        )
        for name in highlight_fields(request.parsed):
            if name.startswith("title"):
                search = search.highlight(name, number_of_fragments=0)
            else:
                search = search.highlight(name, fragment_size=160, number_of_fragments=2)
    if not request.by_relevance:
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    search = search.source(["kind", "title", "url", "date", "standfirst"])
    return search[request.offset : request.offset + request.per_page]


def highlight_fields(parsed: ParsedQuery) -> list[str]:
    """The fields whose matches are marked, analysed as the query is."""
    positive = " ".join(parsed.positive)
    return [analysed(name, positive) for name in HIGHLIGHT_FIELDS]


def highlight_query(parsed: ParsedQuery) -> Q:
    """The words and phrases to mark in the highlighted fields (the query itself matches ``content``)."""
    fields = highlight_fields(parsed)
    should = [Q("multi_match", query=phrase, type="phrase", fields=fields) for phrase in parsed.phrases]
    if parsed.terms:
        should.append(Q("multi_match", query=" ".join(parsed.terms), fields=fields))
    return Q("bool", should=should)


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


def words_match_nothing(request: SearchRequest) -> bool:
    """True when the words alone (before the facet selections) match no document."""
    return not Search(using=get_client(), index=alias_name()).query(build_query(request)).count()


def search(request: SearchRequest) -> SearchResults:
    """Run the request against the alias."""
    response = build_search(request).execute()
    chosen = selections(request)
    if (
        request.parsed.terms
        and not response.hits.total.value
        and (not chosen or words_match_nothing(request))
    ):
        response = build_search(request, fuzzy=True).execute()  # "did you mean": misspellings
    return SearchResults(
        request=request,
        hits=[_hit(hit) for hit in response],
        total=response.hits.total.value,
        facets=build_facets(request, collect_counts(response.aggregations.to_dict(), facet_nodes(chosen))),
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
