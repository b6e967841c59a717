"""The search API on Elasticsearch (elasticsearch-dsl)."""

from datetime import datetime

from elasticsearch import ApiError, TransportError
from elasticsearch_dsl import A, Q, Search

from ..client import alias_name, get_client
from ..facets import build_facets
from ..highlight import MARK_END, MARK_START, render
from ..parsing import ParsedQuery
from ..queries import Hit as ResultHit
from ..queries import SearchRequest, SearchResults, Suggestion

SEARCH_ERRORS = (ApiError, TransportError, OSError)

TEXT_FIELDS = [
    "title^3",
    "title.cjk^3",
    "standfirst^2",
    "standfirst.cjk^2",
    "body",
    "body.cjk",
    "company_names^2",
    "company_names.cjk^2",
    "name_zh^3",
    "venue",
    "venue.cjk",
    "authors",
]
PHRASE_FIELDS = [name.split("^")[0] for name in TEXT_FIELDS]
FACET_FIELDS = {"type": "kind", "industry": "industries", "district": "districts"}
MAX_FACET_VALUES = 50
# A gentle recency boost added to the text score: distance_feature rather than
# function_score/gauss (which rescored every match, 3x slower on osmem-server); no scripts.
RECENCY = Q("distance_feature", field="date", origin="now", pivot="365d", boost=0.5)


def text_query(parsed: ParsedQuery) -> Q:
    """Every word (fuzzily) and every phrase must match somewhere; exclusions must not."""
    if not parsed:
        return Q("match_all")
    must = [
        Q(
            "multi_match",
            query=term,
            fields=TEXT_FIELDS,
            fuzziness="AUTO",
            prefix_length=1,
            operator="and",
        )
        for term in parsed.terms
    ]
    must += [Q("multi_match", query=phrase, type="phrase", fields=PHRASE_FIELDS) for phrase in parsed.phrases]
    must_not = [Q("multi_match", query=text, type="phrase", fields=PHRASE_FIELDS) for text in parsed.excluded]
    should = []
    if len(parsed.terms) > 1:
        should.append(
            Q("multi_match", query=" ".join(parsed.terms), type="phrase", slop=3, fields=TEXT_FIELDS)
        )
    return Q("bool", must=must, must_not=must_not, should=should)


def base_filters(request: SearchRequest) -> list[Q]:
    """Filters on everything, facets included: the audience first of all."""
    filters = [Q("terms", audience=sorted(request.audiences))]
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
    return {
        facet: Q("terms", **{FACET_FIELDS[facet]: list(values)})
        for facet, values in request.facet_selection().items()
        if values
    }


def build_search(request: SearchRequest) -> Search:
    """The complete request body: query, post_filter, facet aggregations, highlight, sort, page."""
    should = [RECENCY] if request.by_relevance else []
    query = Q("bool", must=[text_query(request.parsed)], filter=base_filters(request), should=should)
    search = Search(using=get_client(), index=alias_name()).query(query).extra(track_total_hits=True)
    selected = facet_filters(request)
    if selected:
        search = search.post_filter(Q("bool", filter=list(selected.values())))
    for facet in (*FACET_FIELDS, "year"):
        others = [q for name, q in selected.items() if name != facet]
        if facet == "year":
            inner = A(
                "date_histogram", field="date", calendar_interval="year", format="yyyy", min_doc_count=1
            )
        else:
            inner = A("terms", field=FACET_FIELDS[facet], size=MAX_FACET_VALUES)
        search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others)).bucket("values", inner)
    search = search.highlight_options(pre_tags=[MARK_START], post_tags=[MARK_END], encoder="default")
    search = search.highlight("title", "title.cjk", number_of_fragments=0)
    search = search.highlight(
        "standfirst", "standfirst.cjk", "body", "body.cjk", fragment_size=160, number_of_fragments=2
    )
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


def search(request: SearchRequest) -> SearchResults:
    """Run the request against the alias."""
    response = build_search(request).execute()
    counts = {
        facet: {
            bucket.get("key_as_string", bucket["key"]): bucket["doc_count"]
            for bucket in agg["values"]["buckets"]
        }
        for facet, agg in response.aggregations.to_dict().items()
    }
    return SearchResults(
        request=request,
        hits=[_hit(hit) for hit in response],
        total=response.hits.total.value,
        facets=build_facets(request, counts),
        backend="elasticsearch",
    )


def suggest(text: str, audiences: frozenset[str], size: int) -> list[Suggestion]:
    """Search-as-you-type on titles (and company names), within the audiences."""
    query = Q(
        "bool",
        must=[
            Q(
                "multi_match",
                query=text,
                type="bool_prefix",
                fields=["suggest", "suggest._2gram", "suggest._3gram"],
            )
        ],
        filter=[Q("terms", audience=sorted(audiences))],
    )
    search = (
        Search(using=get_client(), index=alias_name()).query(query).source(["title", "url", "kind"])[:size]
    )
    return [Suggestion(title=hit.title, url=hit.url, kind=hit.kind) for hit in search.execute()]
