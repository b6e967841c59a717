"""Cache-based rate limits, per user and per IP address, for posting, sign-up and login.

Rates are "count/period" with period s, m, h or d; override any scope in the
COMMUNITY_RATE_LIMITS setting, e.g. {"post": {"user": "10/m", "ip": "30/m"}}.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

DEFAULT_RATES: dict[str, dict[str, str]] = {
    "post": {"user": "8/m", "ip": "30/m"},
    "report": {"user": "10/h", "ip": "30/h"},
    "signup": {"ip": "5/h"},
    "verify": {"user": "3/h", "ip": "10/h"},
    # Failed logins only, per (username, IP) pair and per IP, never per username alone: someone
    # guessing a member's password from elsewhere cannot lock the member out (community/login.py).
    "login": {"account_ip": "10/15m", "ip": "50/15m"},
}
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "10/m" → (10, 60); "10/15m" → (10, 900)."""
    count, period = rate.split("/")
    multiplier = int(period[:-1] or 1)
    return int(count), multiplier * PERIODS[period[-1]]


def rates_for(scope: str) -> dict[str, str]:
    return {**DEFAULT_RATES.get(scope, {}), **getattr(settings, "COMMUNITY_RATE_LIMITS", {}).get(scope, {})}


def client_ip(request) -> str:
    """The client's address as the WSGI server saw it (a proxy must set REMOTE_ADDR correctly)."""
    return request.META.get("REMOTE_ADDR", "")


def _counters(scope: str, keys: dict[str, str | None]):
    """(cache key, limit, period) of each key that has a rate in this scope, in the current window."""
    rates = rates_for(scope)
    for kind, value in keys.items():
        if not value or kind not in rates:
            continue
        count, period = parse_rate(rates[kind])
        window = int(time.time() // period)
        yield f"ratelimit:{scope}:{kind}:{value}:{window}", count, period


def is_limited(scope: str, keys: dict[str, str | None]) -> bool:
    """True when any key has used up its limit already; counts nothing."""
    return any(cache.get(key, 0) >= count for key, count, _ in _counters(scope, keys))


def hit(scope: str, keys: dict[str, str | None]) -> bool:
    """Count one attempt against every key; True when any of them is over its limit."""
    limited = False
    for key, count, period in _counters(scope, keys):
        cache.add(key, 0, period)
        try:
            current = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, period)
            current = 1
        limited = limited or current > count
    return limited


def default_user_key(request) -> str | None:
    return str(request.user.pk) if request.user.is_authenticated else None


def ratelimit(scope: str, user_key: Callable = default_user_key) -> Callable:
    """Decorate a view: POSTs over the limit get a 429 page instead of running the view."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and hit(scope, {"user": user_key(request), "ip": client_ip(request)}):
                return render(request, "community/rate_limited.html", status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
