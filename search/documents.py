"""What the public index holds: one index (behind an alias) for every searchable kind.

Every document carries ``kind`` (article, company, event, post), ``audience``
(``public`` or ``members``; queries always filter on it) and ``language`` (``en-gb`` or
``zh-hans``: see :mod:`search.languages`; the reader's ranks first).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings

from elasticsearch_dsl import Date, Document, Index, Keyword, Text, analyzer, token_filter

PUBLIC = "public"
MEMBERS = "members"
# Every audience a document may have. Queries exclude the audiences a reader lacks
# (a must_not on a few documents is far cheaper than a filter matching nearly all of
# them), so indexing refuses any other value: see :func:`check_audience`.
AUDIENCES = frozenset({PUBLIC, MEMBERS})
# The facets readers narrow results by, and the field each one reads.
FACET_FIELDS = {
    "type": "kind",
    "language": "language",
    "industry": "industries",
    "district": "districts",
    "year": "year",
}

# "forum's" and "Hongqiao’s" (curly apostrophe: the standard tokenizer keeps U+2019 inside a
# word and the possessive stemmer strips both forms) index as "forum" and "hongqiao".
english = analyzer(
    "maghub_english",
    tokenizer="standard",
    filter=[
        token_filter("maghub_possessive", type="stemmer", language="possessive_english"),
        "lowercase",
        "asciifolding",
        token_filter("maghub_english_stop", type="stop", stopwords="_english_"),
        token_filter("maghub_english_stemmer", type="stemmer", language="english"),
    ],
)
folding = analyzer("maghub_folding", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Chinese, Japanese and Korean: the built-in ``cjk`` analysis (overlapping bigrams), indexing the
# single characters too, so that a one-character query (店, 王) finds them; queries are analysed
# by the built-in ``cjk`` analyzer (bigrams, or the character alone), whose bigrams sit at the
# same positions as here, so phrases still need adjacent characters.
cjk = analyzer(
    "maghub_cjk",
    tokenizer="standard",
    filter=[
        "cjk_width",
        "lowercase",
        token_filter("maghub_cjk_bigram", type="cjk_bigram", output_unigrams=True),
        "stop",
    ],
)


def ChineseText(**kwargs) -> Text:  # noqa: N802 - reads like the field classes beside it
    """Text analysed into CJK bigrams and single characters (see ``cjk``)."""
    return Text(analyzer=cjk, search_analyzer="cjk", **kwargs)


def BilingualText(**kwargs) -> Text:  # noqa: N802 - reads like the field classes beside it
    """English analysis (possessives, stemming, ASCII folding) with a ``cjk`` bigram sub-field.

    Each searched text keeps a field of its own, scored with its own weight: no field copies
    the others, so a phrase never runs from the end of one field into the next. The values of
    a multi-valued field sit ``position_increment_gap`` (100, Lucene's default for text)
    positions apart, beyond any phrase slop the queries use.
    """
    return Text(analyzer=english, fields={"cjk": ChineseText()}, **kwargs)


class ContentDocument(Document):
    """Fields every kind shares; the search API reads only these."""

    kind = Keyword()
    audience = Keyword()
    language = Keyword()
    title = BilingualText()
    standfirst = BilingualText()
    body = BilingualText()
    url = Keyword(index=False)
    date = Date()
    year = Keyword()  # the year facet: a terms aggregation is far cheaper than a date histogram
    # Autocomplete: the title (and a company's Chinese name) as plain folded words, completed
    # with a bool_prefix query. search_as_you_type's shingle and edge-ngram sub-fields more
    # than doubled the indexing cost for no better suggestions on short titles. The prefixes of
    # each word are indexed too (index_prefixes), so the typed word's prefix is one term to look
    # up rather than every title word that starts with it (a one-letter prefix reads thousands).
    suggest = Text(analyzer=folding, norms=False, index_prefixes={"min_chars": 1, "max_chars": 10})
    # The industries' and districts' slugs, searchable as words too (``tags``).
    industries = Keyword(multi=True, copy_to=["tags"])
    districts = Keyword(multi=True, copy_to=["tags"])
    tags = Text(analyzer=english, multi=True)
    companies = Keyword(multi=True)
    # Articles and events: the companies they mention; a company: its own names.
    company_names = BilingualText(multi=True)
    # Articles and events: every name of the companies their headline or standfirst names.
    subject_names = BilingualText(multi=True)
    name_zh = ChineseText()  # a company's Chinese name: weighs like its title
    authors = BilingualText(multi=True)

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
    return fields


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
    venue = BilingualText()


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
        language: str | None = None,
        audience: str = MEMBERS,
    ) -> "PostDocument":
        """The document for one post, from plain values the community app supplies (written in
        the site's default language unless ``language`` says otherwise)."""
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
            language=language or settings.LANGUAGE_CODE,
        )


DOCUMENT_CLASSES = (ArticleDocument, CompanyDocument, EventDocument, PostDocument)


def build_index(name: str) -> Index:
    """The index definition (settings and the merged mapping of every document class)."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    for document_class in DOCUMENT_CLASSES:
        index.document(document_class)
    return index


# The mapping's ``_meta`` entry holding a fingerprint of the index definition: an index built
# with another definition (other fields, other analysis) needs ``search_index --rebuild``.
DEFINITION_META = "maghub_definition"


def index_definition(name: str) -> dict[str, Any]:
    """``settings`` and ``mappings`` to create the index with, the fingerprint in ``_meta``."""
    body = build_index(name).to_dict()
    fingerprint = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
    body["mappings"]["_meta"] = {DEFINITION_META: fingerprint}
    return body
