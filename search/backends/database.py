"""The search API on the database: Wagtail's search backend for text, the ORM for the rest.

Meant for `make run` and small sites (and as the fallback when Elasticsearch is down):
it holds the ids of every match in memory, which is fine for tens of thousands of pages,
not millions. The text matches as a subquery; the facets are counted in one aggregate
query; by relevance, pages with the words in their title lead, newest first.
Pages are searched here; other registered sources (community posts, for members only)
answer through their own ``find``/``complete`` when the reader's audiences allow them.
Their documents carry no industry, district or company, so those filters leave them out.
"""

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connections
from django.db.models import Case, F, IntegerField, Q, QuerySet, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Phrase, PlainText

from maghub.search_text import search_words

from ..documents import ContentDocument
from ..facets import VOCABULARIES, build_facets, tagging_model
from ..highlight import MARK_END, MARK_START, render
from ..parsing import ParsedQuery, has_cjk, parse_query
from ..queries import FACETS, Hit, SearchRequest, SearchResults, Suggestion
from ..sources import DatabaseSource, PageSource, database_sources, document_id, get_source

SNIPPET_CHARS = 160
# The words "did you mean" picks from (every searchable title and vocabulary name) are read
# from every page title: at 100,000 pages that costs more than the search itself, so they are
# kept for a while. A correction that misses a word published minutes ago is harmless.
CORRECTION_WORDS_KEY = "search:correction-words"
CORRECTION_WORDS_SECONDS = 10 * 60
_source = PageSource()
PAGES = PageSource.name

Key = tuple[str, int]  # (source name, pk): "page" for pages, e.g. "post" for community posts


def _kind_of_content_type() -> dict[int, str]:
    return {ContentType.objects.get_for_model(model).pk: kind for kind, model in PageSource.kinds.items()}


def _pages():
    return _source.indexable().annotate(search_date=Coalesce("eventreportpage__start", "first_published_at"))


def _base_filters(pages, request: SearchRequest):
    if request.companies:
        slugs = list(request.companies)
        pages = pages.filter(
            Q(articlepage__companies_mentioned__slug__in=slugs)
            | Q(eventreportpage__participating_companies__slug__in=slugs)
            | Q(companyprofilepage__slug__in=slugs)
        ).distinct()
    if request.date_from:
        pages = pages.filter(search_date__date__gte=request.date_from)
    if request.date_to:
        pages = pages.filter(search_date__date__lte=request.date_to)
    return pages


def _in_selection(facet: str, values: tuple[str, ...]) -> Q:
    """Pages carrying one of the selected values of a facet (no query of its own: a subquery)."""
    if facet == "type":
        kinds = _kind_of_content_type()
        return Q(content_type_id__in=[ct for ct, kind in kinds.items() if kind in values])
    if facet == "language":
        return Q(locale__language_code__in=values)
    return Q(pk__in=tagging_model(facet).objects.filter(tag__slug__in=values).values("content_object_id"))


def _plain_text_fields() -> tuple[str, str]:
    """The index entry's plain-text columns (PostgreSQL keeps tsvectors in title and body)."""
    names = {field.name for field in IndexEntry._meta.get_fields()}
    return ("title_text", "body_text") if "title_text" in names else ("title", "body")


def _entries_containing(text: str):
    """Pages whose indexed text contains ``text`` (Chinese has no word breaks for the tokenizer),
    as a subquery of page ids."""
    title, body = _plain_text_fields()
    page_types = list(_kind_of_content_type())
    return (
        IndexEntry.objects.filter(content_type_id__in=page_types)
        .filter(Q(**{f"{title}__icontains": text}) | Q(**{f"{body}__icontains": text}))
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


def _wagtail_query(text: str) -> Phrase | PlainText:
    """A word or phrase of the parsed query for Wagtail's backend, which puts it between quotes
    unescaped: only its words go (the parser has already dropped quotes; this keeps it so)."""
    words = search_words(text)
    return Phrase(" ".join(words)) if len(words) > 1 else PlainText(" ".join(words))


def _text_matches(latin: list) -> QuerySet:
    """Page ids matching every Latin word and phrase in Wagtail's index, as a subquery.

    Relevance is not asked of Wagtail's backend: on SQLite it scores each match with a
    correlated subquery that repeats the full-text match per row (seconds at 20,000
    pages); :func:`_rank` orders the matches instead.
    """
    query = latin[0] if len(latin) == 1 else And(latin)
    backend = get_search_backend("default")
    if connections[Page.objects.db].vendor == "postgresql":
        return _postgres_text_matches(backend, query)
    results = backend.search(query, Page.objects.all(), order_by_relevance=False)
    return results.get_queryset().order_by().values("pk")


def _postgres_text_matches(backend, query) -> QuerySet:
    """The same match asked of the index entries alone (Wagtail's backend joins pages to their
    entries on a cast id first)."""
    compiler = backend.query_compiler_class(Page.objects.all(), query, order_by_relevance=False)
    tsquery = compiler.build_tsquery(query, config=compiler.get_config(backend))
    return (
        IndexEntry.objects.filter(content_type_id__in=list(_kind_of_content_type()))
        .annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=tsquery)
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


def _page_ids(matches: QuerySet) -> "QuerySet | RawSQL":
    """Matching page ids for ``pk__in``: the subquery itself on SQLite; on PostgreSQL, its ids,
    read once and handed on as one array. There, as a subquery inside the facet counts, the
    planner evaluated the text match again for every page row: minutes at a few thousand pages.
    """
    if connections[Page.objects.db].vendor != "postgresql":
        return matches
    ids = [next(iter(row.values())) for row in matches]
    return RawSQL("SELECT unnest(%s::integer[])", (ids,))  # noqa: S611 - fixed SQL, ids as a parameter


def _match(pages, parsed: ParsedQuery):
    """The pages matching the text (``pages`` itself when there is no text to match)."""
    latin = []
    for text in (*parsed.terms, *parsed.phrases):
        if has_cjk(text):
            pages = pages.filter(pk__in=_page_ids(_entries_containing(text)))
        else:
            latin.append(_wagtail_query(text))
    for text in parsed.excluded:
        pages = pages.exclude(pk__in=_page_ids(_entries_containing(text)))
    if latin:
        pages = pages.filter(pk__in=_page_ids(_text_matches(latin)))
    return pages


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _title_words(title: str, words: tuple[str, ...]) -> int:
    """How many of the words start a word of the title (case and accents ignored)."""
    folded = _fold(title)
    return sum(
        1
        for word in words
        if (word in title if has_cjk(word) else re.search(rf"(?<!\w){re.escape(_fold(word))}", folded))
    )


def _rank(rows: list[tuple], words: tuple[str, ...]) -> list[tuple]:
    """Rows starting (page id, date, title) by relevance: pages with more of the words in their
    title first, newest first among equals."""

    def key(row: tuple) -> tuple:
        pk, when, title, *_ = row
        return (_title_words(title, words), when is not None, when.timestamp() if when else 0, pk)

    return sorted(rows, key=key, reverse=True)


def _matches_anything(text: str) -> bool:
    """Whether a Latin word, on its own, matches any searchable page."""
    return _pages().filter(pk__in=_page_ids(_text_matches([_wagtail_query(text)]))).exists()


def _vocabulary(language: str | None) -> set[str]:
    """The words of the titles in ``language`` (every language for None) and of the vocabulary's
    English names: a correction replaces a Latin word, and Chinese readers type terms' names in
    Latin letters too."""
    return cache.get_or_set(
        f"{CORRECTION_WORDS_KEY}:{language or 'all'}",
        lambda: _read_vocabulary(language),
        CORRECTION_WORDS_SECONDS,
    )


def _read_vocabulary(language: str | None) -> set[str]:
    words: set[str] = set()
    pages = _pages().filter(locale__language_code=language) if language else _pages()
    names = list(pages.values_list("title", flat=True))
    for vocabulary in VOCABULARIES.values():
        names += vocabulary.objects.values_list("name", flat=True)
    for name in names:
        words.update(word.lower() for word in re.findall(r"\w{3,}", name))
    return words


def _corrected(parsed: ParsedQuery, language: str | None) -> str | None:
    """A "did you mean" query: each word that matches nothing replaced by the closest word of
    the titles in ``language`` (the reader's) and of the vocabularies.

    Words that match something stay as typed, even when the whole query finds nothing:
    a correctly spelled word is never "corrected".
    """
    unmatched = {term for term in parsed.terms if not has_cjk(term) and not _matches_anything(term)}
    if not unmatched:
        return None
    vocabulary = _vocabulary(language)
    replacements = {}
    for term in unmatched:
        match = difflib.get_close_matches(term.lower(), vocabulary, 1, 0.75)
        if match:
            replacements[term] = match[0]
    if not replacements:
        return None
    terms = [replacements.get(term, term) for term in parsed.terms]
    return " ".join([*terms, *(f'"{p}"' for p in parsed.phrases), *(f"-{e}" for e in parsed.excluded)])


def _mark(text: str, words: tuple[str, ...]) -> str:
    """Wrap each occurrence of the words (and of words starting with them) in match markers."""
    patterns = [
        re.escape(word) if has_cjk(word) else rf"(?<!\w){re.escape(word)}\w*"
        for word in sorted(words, key=len, reverse=True)
    ]
    if not patterns:
        return text
    return re.sub("|".join(patterns), lambda m: MARK_START + m.group(0) + MARK_END, text, flags=re.IGNORECASE)


def _snippet(text: str, words: tuple[str, ...]) -> str | None:
    """About SNIPPET_CHARS characters around the first match, cut at spaces."""
    marked = _mark(text, words)
    start = marked.find(MARK_START)
    if start < 0:
        return None
    begin = marked.rfind(" ", 0, max(0, start - SNIPPET_CHARS // 3)) + 1
    end = marked.find(" ", max(start + SNIPPET_CHARS, marked.find(MARK_END, start)))
    fragment = marked[begin : end if end > 0 else None]
    if fragment.count(MARK_START) != fragment.count(MARK_END):
        fragment += MARK_END
    return fragment


def _documents(keys: list[Key]) -> dict[str, ContentDocument]:
    """The documents of these objects that are still searchable, by document id."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for source, pk in keys:
        by_source[source].append(pk)
    documents = {}
    for source, ids in by_source.items():
        documents.update((doc.meta.id, doc) for doc in get_source(source).load(ids))
    return documents


def _hits(keys: list[Key], parsed: ParsedQuery) -> list[Hit]:
    documents = _documents(keys)
    words = parsed.positive
    hits = []
    for key in keys:
        doc = documents.get(document_id(*key))
        if doc is None:
            continue
        snippets = [s for s in (_snippet(doc.standfirst or "", words), _snippet(doc.body or "", words)) if s]
        if not snippets and doc.standfirst:
            snippets = [doc.standfirst[:240]]
        hits.append(
            Hit(
                id=doc.meta.id,
                kind=doc.kind,
                title=doc.title,
                url=doc.url,
                date=doc.date,
                title_html=render(_mark(doc.title, words)),
                snippets=[render(s) for s in snippets[:2]],
                language=doc.language,
            )
        )
    return hits


def _facet_counts(matching, request: SearchRequest) -> dict[str, dict[str, int]]:
    """Every facet's counts in one aggregate query, whatever the number of values.

    The matching pages are a common table expression with a flag per facet selection,
    counted per facet with a GROUP BY each, joined by UNION ALL. Each facet counts with the
    other facets' selections applied. The expression is NOT MATERIALIZED: each count reads
    only the rows its selections let through, so the year (a function call per row on
    SQLite) is computed for those alone rather than for every page.
    """
    selection = {facet: values for facet, values in request.facet_selection().items() if values}
    flags = {
        f"in_{facet}": Case(When(_in_selection(facet, values), then=True), default=False)
        for facet, values in selection.items()
    }
    rows = matching.order_by().annotate(
        year=ExtractYear("search_date"), language=F("locale__language_code"), **flags
    )
    sql, params = rows.values("pk", "content_type_id", "language", "year", *flags).query.sql_with_params()
    connection = connections[rows.db]
    name = connection.ops.quote_name

    def where(facet: str) -> str:
        return " AND ".join([f"m.in_{other}" for other in selection if other != facet] or ["1 = 1"])

    def tagged(facet: str) -> str:
        through, tags = tagging_model(facet)._meta.db_table, VOCABULARIES[facet]._meta.db_table
        return (
            f"SELECT '{facet}', t.slug, COUNT(*) FROM m"  # noqa: S608 - names and facets are ours
            f" JOIN {name(through)} r ON r.content_object_id = m.pk"
            f" JOIN {name(tags)} t ON t.id = r.tag_id WHERE {where(facet)} GROUP BY t.slug"
        )

    # Only the matching pages' SQL carries values, as parameters; the rest is names of ours.
    per_facet = {
        "type": f"SELECT 'type', CAST(m.content_type_id AS TEXT), COUNT(*) FROM m WHERE {where('type')}"  # noqa: S608
        " GROUP BY m.content_type_id",
        "language": f"SELECT 'language', m.language, COUNT(*) FROM m WHERE {where('language')}"  # noqa: S608
        " GROUP BY m.language",
        **{facet: tagged(facet) for facet in VOCABULARIES},
        "year": f"SELECT 'year', CAST(m.year AS TEXT), COUNT(*) FROM m WHERE {where('year')} GROUP BY m.year",  # noqa: S608
    }
    query = f"WITH m AS NOT MATERIALIZED ({sql}) " + " UNION ALL ".join(per_facet[facet] for facet in FACETS)
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    kinds = _kind_of_content_type()
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        for facet, value, n in cursor.fetchall():
            if facet == "type":
                value = kinds.get(int(value))
            if value:
                counts[facet][value] = n
    return counts


def _other_matches(
    request: SearchRequest, parsed: ParsedQuery
) -> dict[DatabaseSource, list[tuple[int, datetime, str]]]:
    """Matches (pk, date, language) from the other sources the reader may see (before the type
    and language filters)."""
    if request.industries or request.districts or request.companies:
        return {}
    return {
        source: source.find(parsed, date_from=request.date_from, date_to=request.date_to)
        for source in database_sources(request.audiences)
    }


def _count_others(counts: dict[str, dict[str, int]], others, request: SearchRequest) -> None:
    """Add the other sources' matches to the type, language and year facets, each counted with
    the other facets' selections applied."""
    for source, rows in others.items():
        in_language = [row for row in rows if not request.languages or row[2] in request.languages]
        if in_language:
            counts["type"][source.kind] = len(in_language)
        if request.kinds and source.kind not in request.kinds:
            continue
        _add(counts["language"], (language for _, _, language in rows))
        _add(counts["year"], (str(timezone.localtime(created).year) for _, created, _ in in_language))


def _add(counts: dict[str, int], values) -> None:
    for value, n in Counter(values).items():
        counts[value] = counts.get(value, 0) + n


def _newest_first(rows: list[tuple]) -> list[tuple]:
    """Rows starting (key, date) newest first."""
    return sorted(rows, key=lambda row: (row[1] is not None, row[1] or datetime.min, row[0][1]), reverse=True)


def _language_first(rows: list[tuple], language: str | None) -> list[Key]:
    """The keys of rows ending with their language, those in ``language`` first (else as they are)."""
    if language:
        rows = sorted(rows, key=lambda row: row[-1] != language)  # stable: each group keeps its order
    return [row[0] for row in rows]


def _run(request: SearchRequest, parsed: ParsedQuery) -> tuple[list[Key], dict]:
    matching = _match(_base_filters(_pages(), request), parsed)
    counts = _facet_counts(matching, request)
    for facet, values in request.facet_selection().items():
        if values:
            matching = matching.filter(_in_selection(facet, values))
    others = _other_matches(request, parsed)
    _count_others(counts, others, request)
    other_rows = [
        ((source.name, pk), created, language)
        for source, rows in others.items()
        if not request.kinds or source.kind in request.kinds
        for pk, created, language in rows
        if not request.languages or language in request.languages
    ]
    if not (parsed and request.by_relevance):
        page_rows = matching.order_by("-search_date", "-pk").values_list(
            "pk", "search_date", "locale__language_code"
        )
        rows = [((PAGES, pk), when, language) for pk, when, language in page_rows]
        return _language_first(
            _newest_first(rows + other_rows) if other_rows else rows, request.language
        ), counts
    # By relevance: pages ranked on their titles, then the others (ranked by recency).
    ranked = _rank(
        list(matching.values_list("pk", "search_date", "title", "locale__language_code")), parsed.positive
    )
    rows = [((PAGES, pk), language) for pk, _, _, language in ranked]
    return _language_first(
        rows + [(key, language) for key, _, language in other_rows], request.language
    ), counts


def search(request: SearchRequest) -> SearchResults:
    """Run the request on the database."""
    parsed = request.parsed
    ordered, counts = _run(request, parsed)
    corrected = _corrected(parsed, request.language) if not ordered and parsed.terms else None
    if corrected:
        retried, retried_counts = _run(request, parse_query(corrected))
        if retried:
            parsed, ordered, counts = parse_query(corrected), retried, retried_counts
        else:
            corrected = None
    page_keys = ordered[request.offset : request.offset + request.per_page]
    return SearchResults(
        request=request,
        hits=_hits(page_keys, parsed),
        total=len(ordered),
        facets=build_facets(request, counts),
        backend="database",
        corrected_query=corrected,
    )


def suggest(text: str, audiences: frozenset[str], size: int, language: str | None = None) -> list[Suggestion]:
    """Pages whose title (or Chinese name) contains every word typed, those in ``language`` first,
    newest first; then what other sources complete."""
    pages = _pages()
    for word in text.split():
        pages = pages.filter(Q(title__icontains=word) | Q(companyprofilepage__name_zh__icontains=word))
    order = [Case(When(locale__language_code=language, then=0), default=1)] if language else []
    ids = pages.order_by(*order, "-search_date").values_list("pk", flat=True)[:size]
    keys: list[Key] = [(PAGES, pk) for pk in ids]
    for source in database_sources(audiences):
        if len(keys) < size:
            keys += [(source.name, pk) for pk in source.complete(text, size - len(keys))]
    documents = _documents(keys)
    return [
        Suggestion(title=doc.title, url=doc.url, kind=doc.kind)
        for doc in (documents.get(document_id(*key)) for key in keys)
        if doc is not None
    ]
