"""Requests whose path or query string holds a NUL character are refused with a 400 before any
view reads them: PostgreSQL refuses NUL in every string it is given, so a view passing such a
value on to a filter would fail with a server error, and no link or form of the site makes one."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


def _holds_nul(request: HttpRequest) -> bool:
    return "\x00" in request.path or any(
        "\x00" in name or any("\x00" in value for value in values) for name, values in request.GET.lists()
    )


class RefuseNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _holds_nul(request):
            return HttpResponseBadRequest("The address holds a NUL character.", content_type="text/plain")
        return self.get_response(request)
