"""The search API: one request in, one result out, whichever backend answers.

Elasticsearch when ``ELASTICSEARCH_URL`` is set, the database otherwise. When the
search server is down or slow, the database answers and the results say so; the
outage is remembered for a short while so the next requests do not wait on it.
"""

import logging
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from maghub.search_text import search_words

from .client import elasticsearch_enabled
from .documents import FACET_FIELDS, PUBLIC
from .parsing import ParsedQuery, parse_query

logger = logging.getLogger(__name__)

SORT_RELEVANCE = "relevance"
SORT_DATE = "date"
SORT_CHOICES = [(SORT_RELEVANCE, _("Relevance")), (SORT_DATE, _("Newest first"))]
KIND_LABELS = {
    "article": _("Articles"),
    "company": _("Companies"),
    "event": _("Events"),
    "post": _("Community posts"),
}
FACETS = tuple(FACET_FIELDS)  # type, industry, district, year
OUTAGE_NOTICE = _("Search is running in a reduced mode right now: results may be less complete than usual.")
OUTAGE_MEMORY_SECONDS = 30


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    industries: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sort: str = SORT_RELEVANCE
    page: int = 1
    per_page: int = 10
    audiences: frozenset[str] = frozenset({PUBLIC})

    @cached_property
    def parsed(self) -> ParsedQuery:
        return parse_query(self.q)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def by_relevance(self) -> bool:
        return self.sort == SORT_RELEVANCE and bool(self.parsed)

    def facet_selection(self) -> dict[str, tuple[str, ...]]:
        """The values selected per facet (``year`` is chosen through the date range)."""
        return {"type": self.kinds, "industry": self.industries, "district": self.districts}


@dataclass
class Hit:
    id: str
    kind: str
    title: str
    url: str
    date: datetime | None
    title_html: SafeString
    snippets: list[SafeString] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    backend: str
    corrected_query: str | None = None
    notice: str | None = None

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.total / self.request.per_page))

    @property
    def has_next(self) -> bool:
        return self.request.page < self.page_count

    @property
    def has_previous(self) -> bool:
        return self.request.page > 1


@dataclass
class Suggestion:
    title: str
    url: str
    kind: str


def _outage_key() -> str:
    return f"search:outage:{settings.ELASTICSEARCH_URL}"


def _use_elasticsearch() -> bool:
    return elasticsearch_enabled() and not cache.get(_outage_key())


def _remember_outage(error: Exception) -> None:
    logger.warning("search: Elasticsearch unavailable, answering from the database: %s", error)
    cache.set(_outage_key(), True, OUTAGE_MEMORY_SECONDS)


def search(request: SearchRequest) -> SearchResults:
    """Run a search on the configured backend, falling back to the database on an outage."""
    from .backends import database, elastic

    if _use_elasticsearch():
        try:
            return elastic.search(request)
        except elastic.SEARCH_ERRORS as error:
            _remember_outage(error)
    results = database.search(request)
    if elasticsearch_enabled():
        results.notice = OUTAGE_NOTICE
    return results


def suggest(text: str, audiences: frozenset[str] = frozenset({PUBLIC}), size: int = 8) -> list[Suggestion]:
    """Titles that complete what the reader has typed so far."""
    from .backends import database, elastic

    text = " ".join(search_words(text[:100]))
    if not text:
        return []
    if _use_elasticsearch():
        try:
            return elastic.suggest(text, audiences, size)
        except elastic.SEARCH_ERRORS as error:
            _remember_outage(error)
    return database.suggest(text, audiences, size)
