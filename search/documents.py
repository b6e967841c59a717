"""What the public index holds: one index (behind an alias) for every searchable kind.

Every document carries ``kind`` (article, company, event, post) and ``audience``
(``public`` or ``members``); queries always filter on the audience.
"""

from datetime import datetime

from elasticsearch_dsl import Date, Document, Index, Keyword, SearchAsYouType, Text, analyzer, token_filter

PUBLIC = "public"
MEMBERS = "members"

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


class ContentDocument(Document):
    """Fields every kind shares; the search API reads only these."""

    kind = Keyword()
    audience = Keyword()
    title = BilingualText()
    standfirst = BilingualText()
    body = BilingualText()
    url = Keyword(index=False)
    date = Date()
    suggest = SearchAsYouType(analyzer=folding)
    industries = Keyword(multi=True)
    districts = Keyword(multi=True)
    companies = Keyword(multi=True)
    company_names = BilingualText(multi=True)
    name_zh = Text(analyzer="cjk")
    authors = Text(analyzer=folding, multi=True)

    @classmethod
    def build(cls, doc_id: str, **fields) -> "ContentDocument":
        """A document with its id; ``suggest`` defaults to the title."""
        fields.setdefault("suggest", fields.get("title", ""))
        return cls(meta={"id": doc_id}, **fields)


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
