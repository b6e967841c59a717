"""One version number for everything readers see, bumped whenever published content changes.

Fragments that list other pages (the home page's sections) are cached under this
version: saving a page row (publish, unpublish, expiry, drafts too), moving or
deleting a page, restricting it, or editing a vocabulary term or an image moves
the version on, so the next reader gets a fresh render and no one waits for a
timeout to see the news.
"""

import logging
import time
from contextvars import ContextVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from maghub.cache import cache_recovered

logger = logging.getLogger(__name__)

KEY = "maghub:content-version"
FRAGMENT_SECONDS = 15 * 60
LAGGING_SECONDS = 5 * 60


def _guarded(operation, fallback):
    """Run a cache operation; a failing cache is logged, never propagated to the reader or editor."""
    try:
        return operation()
    except Exception:
        logger.warning("Cache unavailable: %s.", fallback, exc_info=True)
        return None


# A request reads the version once and keeps it to its end: a page asks for it a dozen times
# (fragments, the site, the language switcher), and each ask was a round trip to Redis.
_remembered: ContextVar[int | None] = ContextVar("maghub_content_version", default=None)
_remembering: ContextVar[bool] = ContextVar("maghub_content_version_remembering", default=False)


def remember(version: int) -> None:
    """Keep `version` for the rest of this request (outside a request, nothing is kept)."""
    if _remembering.get():
        _remembered.set(version)


def _start_request(**kwargs) -> None:
    _remembered.set(None)
    _remembering.set(True)


def _end_request(**kwargs) -> None:
    _remembered.set(None)
    _remembering.set(False)


def content_version() -> int:
    """The current version; starts from the clock so a restarted cache never reuses an old one."""
    version = _remembered.get()
    if version is None:
        version = _guarded(lambda: cache.get_or_set(KEY, time.time_ns, timeout=None), "rendering uncached")
        version = version if version is not None else time.time_ns()
        remember(version)
    return version


def _kept(key: str, compute, seconds: int):
    value = _guarded(lambda: cache.get(key), "computing uncached")
    if value is None:
        value = compute()
        _guarded(lambda: cache.set(key, value, seconds), "value not kept")
    return value


def cached(name: str, compute):
    """What `compute()` returns (HTML, a list of terms), kept under the current content version:
    computed once per change of published content and language, whatever the number of readers."""
    return _kept(f"maghub:fragment:{name}:{get_language()}:{content_version()}", compute, FRAGMENT_SECONDS)


def cached_lagging(name: str, compute):
    """What `compute()` returns, kept for LAGGING_SECONDS whatever changes meanwhile: only for
    figures that may trail the content by minutes, such as how many pages a listing has, whose
    count over a million articles would otherwise fall on the first reader after every save."""
    return _kept(f"maghub:lagging:{name}", compute, LAGGING_SECONDS)


def _new_version(**kwargs) -> None:
    version = time.time_ns()
    _guarded(lambda: cache.set(KEY, version, timeout=None), "content version not bumped")
    remember(version)  # the rest of the request that made the change sees it too


def bump_content_version(**kwargs) -> None:
    """Move the version on once the change is committed, so no reader caches the old content
    under the new version; a cache failure is logged and never breaks the save that called it."""
    transaction.on_commit(_new_version)


def _bump_for_pages(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        bump_content_version()


def bump_on_change(*models) -> None:
    """Bump whenever a row of one of `models` is saved or deleted (each app names what its listings show)."""
    for model in models:
        uid = f"content-version-{model._meta.label_lower}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-deleted")


def connect() -> None:
    """Wire the bump to the site-wide changes that alter what a listing shows (called from HomeConfig.ready);
    each app adds its own models with `bump_on_change` (news: the vocabularies and authors)."""
    request_started.connect(_start_request, dispatch_uid="content-version-request-started")
    request_finished.connect(_end_request, dispatch_uid="content-version-request-finished")
    # A bump dropped during a cache outage would leave pages cached before the change current.
    cache_recovered.connect(_new_version, dispatch_uid="content-version-cache-recovered")
    # Every save of a page row: publish, unpublish, expiry, drafts (bulk inserts bump by hand).
    post_save.connect(_bump_for_pages, dispatch_uid="content-version-page-saved")
    post_delete.connect(_bump_for_pages, dispatch_uid="content-version-page-deleted")
    post_page_move.connect(bump_content_version, dispatch_uid="content-version-moved")
    bump_on_change(PageViewRestriction, Site, get_image_model())
