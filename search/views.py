"""The search page, the search API and autocomplete: parameters in, rendered results out."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from maghub.i18n import content_language

from .access import audiences_for
from .forms import SearchForm
from .presenters import facet_groups, page_url, results_json
from .queries import SearchResults, search, suggest


def _run(request: HttpRequest) -> tuple[SearchForm, SearchResults | None]:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, search(form.to_request(audiences_for(request.user)))


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@never_cache
def search_page(request: HttpRequest) -> HttpResponse:
    form, results = _run(request)
    context = {"form": form, "results": results}
    if results is not None:
        context["facet_groups"] = facet_groups(results, request.GET)
        context["previous_url"] = (
            page_url(request.GET, results.request.page - 1) if results.has_previous else None
        )
        context["next_url"] = page_url(request.GET, results.request.page + 1) if results.has_next else None
    return _noindex(render(request, "search/search.html", context, status=200 if results else 400))


@require_GET
@never_cache
def search_api(request: HttpRequest) -> JsonResponse:
    form, results = _run(request)
    if results is None:
        return _noindex(JsonResponse({"errors": form.errors.get_json_data()}, status=400))
    return _noindex(JsonResponse(results_json(results)))


@require_GET
@never_cache
def suggest_api(request: HttpRequest) -> JsonResponse:
    text = request.GET.get("q", "")
    if len(text) > 100:
        return _noindex(
            JsonResponse({"errors": {"q": [gettext("Type at most 100 characters.")]}}, status=400)
        )
    suggestions = suggest(text, audiences_for(request.user), language=content_language())
    return _noindex(
        JsonResponse(
            {
                "query": text,
                "suggestions": [{"title": s.title, "url": s.url, "type": s.kind} for s in suggestions],
            }
        )
    )
