"""Search results turned into what the page links to and what the API returns."""

from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .queries import SearchResults

FACET_PARAMS = {"type": "type", "industry": "industry", "district": "district"}
FACET_HEADINGS = {"type": _("Type"), "industry": _("Industry"), "district": _("District"), "year": _("Year")}


def _url(base: dict[str, list[str]], **changes) -> str:
    """``base`` (the search's parameters but the page) with ``changes`` replacing some of them."""
    query = {**base, **{key: [v for v in values if v] for key, values in changes.items()}}
    return "?" + urlencode(query, doseq=True)


def page_url(params: QueryDict, page: int) -> str:
    """The same search, another page."""
    query = params.copy()
    query["page"] = str(page)
    return "?" + query.urlencode()


def facet_groups(results: SearchResults, params: QueryDict) -> list[dict]:
    """Facets with a link per value that toggles it (the year sets or clears the date range)."""
    base = {key: params.getlist(key) for key in params if key != "page"}
    groups = []
    for facet, values in results.facets.items():
        items = []
        for value in values:
            if facet == "year":
                selected = (
                    params.get("from") == f"{value.value}-01-01"
                    and params.get("to") == f"{value.value}-12-31"
                )
                bounds = ([], []) if selected else ([f"{value.value}-01-01"], [f"{value.value}-12-31"])
                url = _url(base, **{"from": bounds[0], "to": bounds[1]})
            else:
                param = FACET_PARAMS[facet]
                current = params.getlist(param)
                selected = value.selected
                chosen = [v for v in current if v != value.value] if selected else [*current, value.value]
                url = _url(base, **{param: chosen})
            items.append(
                {
                    "value": value.value,
                    "label": value.label,
                    "count": value.count,
                    "selected": selected,
                    "url": url,
                }
            )
        if items:
            groups.append(
                {
                    "name": facet,
                    "heading": FACET_HEADINGS[facet],
                    "param": FACET_PARAMS.get(facet),
                    "values": items,
                }
            )
    return groups


def results_json(results: SearchResults) -> dict:
    """The API's answer: hits, facets, total and page info."""
    request = results.request
    return {
        "query": request.q,
        "total": results.total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": results.page_count,
        "has_next": results.has_next,
        "has_previous": results.has_previous,
        "backend": results.backend,
        "notice": results.notice,
        "corrected_query": results.corrected_query,
        "results": [
            {
                "id": hit.id,
                "type": hit.kind,
                "title": hit.title,
                "url": hit.url,
                "date": hit.date.isoformat() if hit.date else None,
                "title_html": str(hit.title_html),
                "snippets": [str(snippet) for snippet in hit.snippets],
            }
            for hit in results.hits
        ],
        "facets": {
            facet: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in values
            ]
            for facet, values in results.facets.items()
        },
    }
