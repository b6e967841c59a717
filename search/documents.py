"""What the public index holds: one index (behind an alias) for every searchable kind.

Every document carries ``kind`` (article, company, event, post) and ``audience``
(``public`` or ``members``); queries always filter on the audience.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from elasticsearch_dsl import Date, Document, Index, Keyword, Text, analyzer, token_filter

PUBLIC = "public"
MEMBERS = "members"
# Every audience a document may have. Queries exclude the audiences a reader lacks
# (a must_not on a few documents is far cheaper than a filter matching nearly all of
# them), so indexing refuses any other value: see :func:`check_audience`.
AUDIENCES = frozenset({PUBLIC, MEMBERS})
# The facets readers narrow results by, and the field each one reads.
FACET_FIELDS = {"type": "kind", "industry": "industries", "district": "districts", "year": "year"}

# No possessive_english stemmer: osmem-server mis-indexes with it (every query matches).
english = analyzer(
    "maghub_english",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("maghub_english_stop", type="stop", stopwords="_english_"),
        token_filter("maghub_english_stemmer", type="stemmer", language="english"),
    ],
)
folding = analyzer("maghub_folding", tokenizer="standard", filter=["lowercase", "asciifolding"])


def BilingualText(**kwargs) -> Text:  # noqa: N802 - reads like the field classes beside it
    """English analysis (stemming, ASCII folding) with a ``cjk`` bigram sub-field for Chinese."""
    return Text(analyzer=english, fields={"cjk": Text(analyzer="cjk")}, **kwargs)


# Every text a reader may search for is also copied into ``content``: a query matches one
# field instead of six (on osmem-server a six-field multi_match cost about three times as
# much), and words may come from different fields ("MUJI Changning": company and title).
CONTENT = "content"


def SearchedText(**kwargs) -> Text:  # noqa: N802
    """A :func:`BilingualText` that is also copied into ``content``."""
    return BilingualText(copy_to=CONTENT, **kwargs)


def facet_value(facet: str, value: str) -> str:
    """The ``facet_values`` entry for one facet value, e.g. ``industry:logistics``."""
    return f"{facet}:{value}"


class ContentDocument(Document):
    """Fields every kind shares; the search API reads only these."""

    kind = Keyword()
    audience = Keyword()
    content = BilingualText()
    title = SearchedText()
    standfirst = SearchedText()
    body = SearchedText()
    url = Keyword(index=False)
    date = Date()
    year = Keyword()  # the year facet: a terms aggregation is far cheaper than a date histogram
    month = Keyword()  # "2026-11": the recency boost (a term on a month touches few documents)
    # Every facet value of the document ("type:article", "industry:logistics", ...): one terms
    # aggregation counts all facets at once, in a single pass over the matches.
    facet_values = Keyword(multi=True)
    # Autocomplete: the title (and a company's Chinese name) as plain folded words, completed
    # with a bool_prefix query. search_as_you_type's shingle and edge-ngram sub-fields more
    # than doubled the indexing cost for no better suggestions on short titles.
    suggest = Text(analyzer=folding, norms=False)
    industries = Keyword(multi=True)
    districts = Keyword(multi=True)
    companies = Keyword(multi=True)
    company_names = SearchedText(multi=True)
    name_zh = Text(analyzer="cjk", copy_to=CONTENT)
    authors = Text(analyzer=folding, multi=True, copy_to=CONTENT)

    @classmethod
    def build(cls, doc_id: str, **fields) -> "ContentDocument":
        """A document with its id; ``suggest`` defaults to the title, ``year`` comes from ``date``."""
        return cls(meta={"id": doc_id}, **_derived(fields))

    @classmethod
    def prepare(cls, doc_id: str, **fields) -> "PreparedDocument":
        """The same document as plain values, for bulk loads (see :class:`PreparedDocument`)."""
        return PreparedDocument(doc_id, _derived(fields))


def _derived(fields: dict[str, Any]) -> dict[str, Any]:
    fields.setdefault("suggest", fields.get("title", ""))
    if fields.get("date"):
        fields.setdefault("year", str(fields["date"].year))
        fields.setdefault("month", f"{fields['date']:%Y-%m}")
    fields["facet_values"] = [
        facet_value(facet, value)
        for facet, name in FACET_FIELDS.items()
        for value in _as_list(fields.get(name))
    ]
    return fields


def _as_list(value: Any) -> list:
    if value in _EMPTY:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def check_audience(source: dict[str, Any]) -> None:
    """Refuse to index a document whose audience queries would not know how to exclude."""
    if source.get("audience") not in AUDIENCES:
        raise ValueError(f"search: audience {source.get('audience')!r} is not one of {sorted(AUDIENCES)}")


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    id: str


class PreparedDocument:
    """A document held as the plain dict the bulk API sends, without elasticsearch-dsl's
    field-by-field conversion (which cost more than reading the rows from the database).

    Reads like a :class:`ContentDocument`: ``meta.id``, fields as attributes (``None`` when
    absent), ``to_dict(include_meta=True)``. Empty values are left out, as ``to_dict`` does.
    """

    __slots__ = ("meta", "fields")

    def __init__(self, doc_id: str, fields: dict[str, Any]):
        self.meta = DocumentMeta(doc_id)
        self.fields = {name: value for name, value in fields.items() if value not in _EMPTY}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.fields.get(name)

    def to_dict(self, include_meta: bool = False) -> dict[str, Any]:
        if not include_meta:
            return dict(self.fields)
        return {"_id": self.meta.id, "_source": self.fields}


_EMPTY = (None, "", [], {})


class ArticleDocument(ContentDocument):
    pass


class CompanyDocument(ContentDocument):
    home_country = Keyword()


class EventDocument(ContentDocument):
    venue = SearchedText()


class PostDocument(ContentDocument):
    """A community post: members only unless the community app says otherwise."""

    category = Keyword()
    thread_url = Keyword(index=False)

    @classmethod
    def from_values(
        cls,
        *,
        pk: int,
        title: str,
        body: str,
        category: str,
        url: str,
        thread_url: str,
        author: str,
        created: datetime,
        audience: str = MEMBERS,
    ) -> "PostDocument":
        """The document for one post, from plain values the community app supplies."""
        return cls.build(
            f"post-{pk}",
            kind="post",
            audience=audience,
            title=title,
            body=body,
            category=category,
            url=url,
            thread_url=thread_url,
            authors=[author],
            date=created,
        )


DOCUMENT_CLASSES = (ArticleDocument, CompanyDocument, EventDocument, PostDocument)


def build_index(name: str) -> Index:
    """The index definition (settings and the merged mapping of every document class)."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    for document_class in DOCUMENT_CLASSES:
        index.document(document_class)
    return index
