"""Where documents come from: each source turns database rows into documents in batches.

Two words, two meanings, everywhere in search/:

- a document's **kind** is what it is for a reader: ``article``, ``company``, ``event`` or
  ``post``. It is the document field ``kind`` behind the ``type`` facet (the URL's
  ``type=`` parameter, :attr:`SearchRequest.kinds`), and :attr:`Hit.kind` / the API's ``type``.
- a **source** is where documents come from, named by :attr:`Source.name` (``page`` for
  articles, companies and events alike; ``post`` for community posts). The name prefixes
  document ids (``page-42``), and index writes are scheduled and retried per source name.

A source has ``load(ids)`` returning the documents of those ids that belong in the index
now (the rest are removed), and ``all_ids()`` for a rebuild. Pages are built in; search
registers the community's post source (:mod:`search.community`) with :func:`register_source`.
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Protocol

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField
from django.db.models.functions import Cast

from wagtail.models import Page, Site

from maghub.i18n import localized_path
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

from .documents import (
    PUBLIC,
    ArticleDocument,
    CompanyDocument,
    ContentDocument,
    EventDocument,
    PreparedDocument,
)
from .parsing import ParsedQuery
from .text import html_to_text, stream_to_text


class Source(Protocol):
    name: str

    def load(self, ids: Sequence[int]) -> list[ContentDocument | PreparedDocument]: ...

    def all_ids(self) -> Iterator[int]: ...


class DatabaseSource(Source, Protocol):
    """A source the database backend can search too (pages are searched there directly).

    ``audience`` is who may see its documents and ``kind`` the one kind they all are;
    ``find`` returns ``(pk, date)`` of the objects matching a query, newest first;
    ``complete`` the pks to suggest for typed text.
    """

    audience: str
    kind: str

    def find(
        self, parsed: ParsedQuery, *, date_from: date | None = None, date_to: date | None = None
    ) -> list[tuple[int, datetime]]: ...

    def complete(self, text: str, size: int) -> list[int]: ...


_SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> None:
    """Make ``source.name`` indexable: lifecycle syncs, ``--sync`` and ``--rebuild`` use it."""
    _SOURCES[source.name] = source


def get_source(name: str) -> Source:
    """The source registered as ``name`` (KeyError when there is none)."""
    return _SOURCES[name]


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


def document_id(source: str, pk: int) -> str:
    """The index id of object ``pk`` of the source named ``source``, e.g. ``page-42``."""
    return f"{source}-{pk}"


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


def _relative_url(url_path: str, roots, single_site: bool) -> str | None:
    """The page's URL as Wagtail serves it: under its home page's language prefix (/zh/…), and
    relative on a single site (each home's translations share their site's root)."""
    for root in roots:
        if url_path.startswith(root.root_path):
            path = localized_path(url_path[len(root.root_path) - 1 :], root.language_code)
            return path if single_site else root.root_url + path
    return None


class PageSource:
    """Articles, company profiles and event reports that are live and public.

    A batch costs one query for the pages (with their articles', companies' and events'
    own columns joined in), one per tag vocabulary, and two per page type present:
    never one per page. Values come as tuples and documents as plain dicts
    (:meth:`ContentDocument.prepare`): no model instances, no StreamField blocks.
    """

    name = "page"
    kinds = {"article": ArticlePage, "company": CompanyProfilePage, "event": EventReportPage}
    models = tuple(kinds.values())
    batch_size = 1000
    _columns = (
        "pk",
        "content_type_id",
        "title",
        "slug",
        "url_path",
        "first_published_at",
        "articlepage__standfirst",
        Cast("articlepage__body", TextField()),
        "companyprofilepage__name_zh",
        "companyprofilepage__summary",
        "companyprofilepage__body",
        "companyprofilepage__home_country",
        "eventreportpage__standfirst",
        Cast("eventreportpage__body", TextField()),
        "eventreportpage__venue",
        "eventreportpage__start",
        "locale__language_code",
    )

    def indexable(self):
        return Page.objects.live().public().type(*self.models)

    def all_ids(self) -> Iterator[int]:
        return (
            self.indexable().order_by("pk").values_list("pk", flat=True).iterator(chunk_size=self.batch_size)
        )

    def load(self, ids: Sequence[int]) -> list[PreparedDocument]:
        rows = list(self.indexable().filter(pk__in=ids).values_list(*self._columns))
        if not rows:
            return []
        kinds = {ContentType.objects.get_for_model(model).pk: model for model in self.models}
        by_model: dict[type, list[int]] = defaultdict(list)
        for row in rows:
            by_model[kinds[row[1]]].append(row[0])
        pks = [row[0] for row in rows]
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
        related = {
            ArticlePage: self._article_relations,
            CompanyProfilePage: self._company_relations,
            EventReportPage: self._event_relations,
        }
        extras = {model: related[model](group) for model, group in by_model.items()}
        builders = {ArticlePage: _article, CompanyProfilePage: _company, EventReportPage: _event}
        roots = Site.get_site_root_paths()
        single_site = len({root.site_id for root in roots}) == 1
        documents = []
        for row in rows:
            url = _relative_url(row[4], roots, single_site)
            if not url:
                continue
            model = kinds[row[1]]
            pk = row[0]
            documents.append(
                builders[model](
                    row,
                    extras[model],
                    audience=PUBLIC,
                    language=row[16],
                    title=row[2],
                    url=url,
                    industries=industries.get(pk, []),
                    districts=districts.get(pk, []),
                )
            )
        return documents

    @staticmethod
    def _article_relations(pks: list[int]) -> dict[str, dict]:
        return {
            "companies": _companies_of(ArticlePage.companies_mentioned.through, "articlepage_id", pks),
            "authors": _pairs(
                ArticleAuthor.objects.filter(page_id__in=pks)
                .order_by("page_id", "sort_order")
                .values_list("page_id", "author__name")
            ),
        }

    @staticmethod
    def _company_relations(pks: list[int]) -> dict[str, dict]:
        # Certifications and awards in both languages: either name finds the company.
        recognitions: dict[int, list] = defaultdict(list)
        for model, recognition in ((CompanyCertification, "certification"), (CompanyAward, "award")):
            rows = model.objects.filter(company_id__in=pks).values_list(
                "company_id", f"{recognition}__name", f"{recognition}__name_zh"
            )
            for pk, *names in rows:
                recognitions[pk].extend(name for name in names if name)
        return {"recognitions": recognitions}

    @staticmethod
    def _event_relations(pks: list[int]) -> dict[str, dict]:
        return {
            "companies": _companies_of(
                EventReportPage.participating_companies.through, "eventreportpage_id", pks
            ),
            "organisers": _pairs(
                EventOrganiser.objects.filter(event_id__in=pks).values_list("event_id", "name")
            ),
        }


def _json(text: str | None) -> list:
    """A StreamField's raw JSON (read as text: no StreamValue, no blocks)."""
    return json.loads(text) if text else []


def _mentions(companies: list[tuple[str, str, str]], headline: str) -> dict[str, list[str]]:
    """The companies a story mentions; those its headline or standfirst names are its subjects,
    and all their names count for it (an English story about MUJI answers 无印良品 too)."""
    headline = headline.lower()
    return {
        "companies": [slug for slug, _, _ in companies],
        "company_names": [name for _, *names in companies for name in names if name],
        "subject_names": [
            name
            for _, *names in companies
            if any(name and name.lower() in headline for name in names)
            for name in names
            if name
        ],
    }


# Builders for one row of PageSource._columns: (pk, content_type_id, title, slug, url_path,
# first_published_at, article standfirst/body, company name_zh/summary/body/home_country,
# event standfirst/body/venue/start, the locale's language).


def _story(document_class, kind: str, pk: int, extras: dict, fields: dict) -> PreparedDocument:
    """An article or event report: a story with the companies it mentions."""
    headline = f"{fields['title']} {fields.get('standfirst') or ''}"
    fields.update(_mentions(extras["companies"].get(pk, []), headline))
    return document_class.prepare(document_id(PageSource.name, pk), kind=kind, **fields)


def _article(row: tuple, extras: dict, **fields) -> PreparedDocument:
    authors = extras["authors"].get(row[0], [])
    fields.update(standfirst=row[6], body=stream_to_text(_json(row[7])), date=row[5], authors=authors)
    return _story(ArticleDocument, "article", row[0], extras, fields)


def _company(row: tuple, extras: dict, **fields) -> PreparedDocument:
    pk, title, slug, name_zh = row[0], row[2], row[3], row[8]
    return CompanyDocument.prepare(
        document_id(PageSource.name, pk),
        kind="company",
        standfirst=row[9],
        body=" ".join([html_to_text(row[10]), *extras["recognitions"].get(pk, [])]),
        name_zh=name_zh,
        home_country=row[11],
        date=row[5],
        companies=[slug],
        company_names=[name for name in (title, name_zh) if name],
        suggest=" ".join(name for name in (title, name_zh) if name),
        **fields,
    )


def _event(row: tuple, extras: dict, **fields) -> PreparedDocument:
    body = " ".join([stream_to_text(_json(row[13])), *extras["organisers"].get(row[0], [])])
    fields.update(standfirst=row[12], body=body, venue=row[14], date=row[15])
    return _story(EventDocument, "event", row[0], extras, fields)


register_source(PageSource())
