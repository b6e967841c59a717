"""Where documents come from: each source turns database rows into documents in batches.

A source has a ``kind`` (the prefix of its document ids), ``load(ids)`` returning the
documents of those ids that belong in the index now (the rest are removed), and
``all_ids()`` for a rebuild. Pages are built in. The community app registers its own
source for posts with :func:`register_source`.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Protocol

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, Site

from news.models import (
    ArticleAuthor,
    ArticlePage,
    CompanyAward,
    CompanyCertification,
    CompanyProfilePage,
    EventOrganiser,
    EventReportPage,
    PageDistrict,
    PageIndustry,
)

from .documents import PUBLIC, ArticleDocument, CompanyDocument, ContentDocument, EventDocument
from .parsing import ParsedQuery
from .text import html_to_text, stream_to_text


class Source(Protocol):
    kind: str

    def load(self, ids: Sequence[int]) -> list[ContentDocument]: ...

    def all_ids(self) -> Iterator[int]: ...


class DatabaseSource(Source, Protocol):
    """A source the database backend can search too (pages are searched there directly).

    ``audience`` is who may see its documents; ``find`` returns ``(pk, date)`` of the
    objects matching a query, newest first; ``complete`` the pks to suggest for typed text.
    """

    audience: str

    def find(
        self, parsed: ParsedQuery, *, date_from: date | None = None, date_to: date | None = None
    ) -> list[tuple[int, datetime]]: ...

    def complete(self, text: str, size: int) -> list[int]: ...


_SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> None:
    """Make ``source.kind`` indexable: lifecycle syncs, ``--sync`` and ``--rebuild`` use it."""
    _SOURCES[source.kind] = source


def get_source(kind: str) -> Source:
    """The source registered for ``kind`` (KeyError when there is none)."""
    return _SOURCES[kind]


def all_sources() -> list[Source]:
    """Every registered source."""
    return list(_SOURCES.values())


def database_sources(audiences: Iterable[str]) -> list[DatabaseSource]:
    """The registered sources the database backend searches for readers of ``audiences``."""
    return [
        source
        for source in _SOURCES.values()
        if hasattr(source, "find") and getattr(source, "audience", None) in audiences
    ]


def document_id(kind: str, pk: int) -> str:
    """The index id of object ``pk`` of a source kind, e.g. ``page-42``."""
    return f"{kind}-{pk}"


def _pairs(rows: Iterable[tuple]) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for key, *values in rows:
        grouped[key].append(values[0] if len(values) == 1 else tuple(values))
    return grouped


def _companies_of(through, page_column: str, pks: list[int]) -> dict[int, list]:
    """(slug, name, Chinese name) of the live companies linked to each page through ``through``."""
    names = ("companyprofilepage__slug", "companyprofilepage__title", "companyprofilepage__name_zh")
    rows = through.objects.filter(**{f"{page_column}__in": pks, "companyprofilepage__live": True})
    return _pairs(rows.values_list(page_column, *names))


def _relative_url(url_path: str, roots) -> str | None:
    for root in roots:
        if url_path.startswith(root.root_path):
            path = url_path[len(root.root_path) - 1 :]
            return path if len(roots) == 1 else root.root_url + path
    return None


class PageSource:
    """Articles, company profiles and event reports that are live and public."""

    kind = "page"
    models = (ArticlePage, CompanyProfilePage, EventReportPage)
    batch_size = 1000

    def indexable(self):
        return Page.objects.live().public().type(*self.models)

    def all_ids(self) -> Iterator[int]:
        return (
            self.indexable().order_by("pk").values_list("pk", flat=True).iterator(chunk_size=self.batch_size)
        )

    def load(self, ids: Sequence[int]) -> list[ContentDocument]:
        by_type: dict[int, list[int]] = defaultdict(list)
        for pk, content_type_id in self.indexable().filter(pk__in=ids).values_list("pk", "content_type_id"):
            by_type[content_type_id].append(pk)
        if not by_type:
            return []
        roots = Site.get_site_root_paths()
        pks = [pk for group in by_type.values() for pk in group]
        industries = _pairs(
            PageIndustry.objects.filter(content_object_id__in=pks).values_list(
                "content_object_id", "tag__slug"
            )
        )
        districts = _pairs(
            PageDistrict.objects.filter(content_object_id__in=pks).values_list(
                "content_object_id", "tag__slug"
            )
        )
        documents = []
        for model, builder in (
            (ArticlePage, self._articles),
            (CompanyProfilePage, self._companies),
            (EventReportPage, self._events),
        ):
            group = by_type.get(ContentType.objects.get_for_model(model).pk)
            if group:
                documents += builder(group)
        for document in documents:
            pk = int(document.meta.id.removeprefix("page-"))
            document.url = _relative_url(document.url, roots)
            document.industries = industries.get(pk, [])
            document.districts = districts.get(pk, [])
        return [document for document in documents if document.url]

    @staticmethod
    def _document(cls, row: dict, **fields) -> ContentDocument:
        return cls.build(
            document_id("page", row["pk"]), audience=PUBLIC, title=row["title"], url=row["url_path"], **fields
        )

    def _articles(self, pks: list[int]) -> list[ContentDocument]:
        companies = _companies_of(ArticlePage.companies_mentioned.through, "articlepage_id", pks)
        authors = _pairs(
            ArticleAuthor.objects.filter(page_id__in=pks)
            .order_by("sort_order")
            .values_list("page_id", "author__name")
        )
        rows = ArticlePage.objects.filter(pk__in=pks).values(
            "pk", "title", "url_path", "standfirst", "body", "first_published_at"
        )
        return [
            self._document(
                ArticleDocument,
                row,
                kind="article",
                standfirst=row["standfirst"],
                body=stream_to_text(row["body"]),
                date=row["first_published_at"],
                companies=[slug for slug, _, _ in companies.get(row["pk"], [])],
                company_names=[name for _, *names in companies.get(row["pk"], []) for name in names if name],
                authors=authors.get(row["pk"], []),
            )
            for row in rows
        ]

    def _companies(self, pks: list[int]) -> list[ContentDocument]:
        recognitions = _pairs(
            CompanyCertification.objects.filter(company_id__in=pks).values_list(
                "company_id", "certification__name"
            )
        )
        for pk, names in _pairs(
            CompanyAward.objects.filter(company_id__in=pks).values_list("company_id", "award__name")
        ).items():
            recognitions[pk] = recognitions.get(pk, []) + names
        rows = CompanyProfilePage.objects.filter(pk__in=pks).values(
            "pk",
            "slug",
            "title",
            "url_path",
            "name_zh",
            "summary",
            "body",
            "home_country",
            "first_published_at",
        )
        return [
            self._document(
                CompanyDocument,
                row,
                kind="company",
                standfirst=row["summary"],
                body=" ".join([html_to_text(row["body"]), *recognitions.get(row["pk"], [])]),
                name_zh=row["name_zh"],
                home_country=row["home_country"],
                date=row["first_published_at"],
                companies=[row["slug"]],
                company_names=[name for name in (row["title"], row["name_zh"]) if name],
                suggest=" ".join(name for name in (row["title"], row["name_zh"]) if name),
            )
            for row in rows
        ]

    def _events(self, pks: list[int]) -> list[ContentDocument]:
        companies = _companies_of(EventReportPage.participating_companies.through, "eventreportpage_id", pks)
        organisers = _pairs(EventOrganiser.objects.filter(event_id__in=pks).values_list("event_id", "name"))
        rows = EventReportPage.objects.filter(pk__in=pks).values(
            "pk", "title", "url_path", "standfirst", "body", "venue", "start"
        )
        return [
            self._document(
                EventDocument,
                row,
                kind="event",
                standfirst=row["standfirst"],
                body=" ".join([stream_to_text(row["body"]), *organisers.get(row["pk"], [])]),
                venue=row["venue"],
                date=row["start"],
                companies=[slug for slug, _, _ in companies.get(row["pk"], [])],
                company_names=[name for _, *names in companies.get(row["pk"], []) for name in names if name],
            )
            for row in rows
        ]


register_source(PageSource())
