"""The relevance corpus in the database: the fixed documents of corpus.yaml, published as an
editor would, and generated noise written in bulk as ``manage.py generate_content`` does."""

import copy
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

import yaml

from home.site_tree import ensure_home_page
from maghub.site_tree import ensure_child
from news.models import (
    ArticleCompany,
    ArticlePage,
    CompanyIndexPage,
    CompanyProfilePage,
    District,
    EventIndexPage,
    EventReportPage,
    Industry,
    NewsIndexPage,
)
from news.synthetic import SENTENCES, article_text, generate_articles
from search.parsing import has_cjk
from search.sources import document_id

CORPUS_FILE = Path(__file__).with_name("corpus.yaml")
NOISE_ARTICLES = 2000
NOISE_SEED = 9
# Companies have no publication date of their own: a fixed one keeps the recency boost out of
# their ranking.
COMPANY_DATE = date(2024, 1, 15)


@dataclass(frozen=True)
class Corpus:
    """The built corpus: which search document id is which fixed document."""

    slugs: dict[str, str]  # document id -> slug of corpus.yaml
    noise: int

    def key(self, doc_id: str) -> str:
        """The slug of a fixed document, or the document id of a generated one."""
        return self.slugs.get(doc_id, doc_id)


def _when(day: date) -> datetime:
    return datetime.combine(day, time(9), tzinfo=UTC)


def _paragraphs(texts: list[str]) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def _filler(slug: str, sentences: list[str]) -> list[str]:
    """Two generic paragraphs of three sentences, the same for a slug on every run."""
    rng = random.Random(slug)  # noqa: S311 - not for secrets
    return [" ".join(rng.sample(sentences, 3)) for _ in range(2)]


def _company(index, entry: dict) -> CompanyProfilePage:
    page, _ = ensure_child(
        index,
        CompanyProfilePage,
        entry["slug"],
        first_published_at=_when(COMPANY_DATE),
        title=entry["title"],
        name_zh=entry.get("name_zh", ""),
        home_country=entry.get("home_country", ""),
        summary=entry.get("summary", ""),
        industries=entry.get("industries", []),
        districts=entry.get("districts", []),
    )
    return page


def _story_fields(entry: dict, filler_zh: list[str]) -> dict:
    filler = _filler(entry["slug"], filler_zh if has_cjk(entry["title"]) else SENTENCES)
    return {
        "title": entry["title"],
        "standfirst": entry.get("standfirst", ""),
        "body": _paragraphs([entry["body"], *filler]),
        "industries": entry.get("industries", []),
        "districts": entry.get("districts", []),
    }


class NoiseText:
    """news/synthetic.py's article text, naming only the noise companies in its headlines.

    The generator still links a third of its articles to a company drawn from all of them, so
    the noise mentions MUJI or DSV the way real stories about something else do: a passing
    mention, judged 0, that a search must not rank above what is about them.
    """

    def __init__(self, names: set[str]):
        self.names = names
        self.vocabulary = None

    def __call__(self, rng, vocabulary) -> tuple:
        if self.vocabulary is None:
            self.vocabulary = copy.copy(vocabulary)
            self.vocabulary.companies = [c for c in vocabulary.companies if c.title in self.names]
        return article_text(rng, self.vocabulary)


def _index_noise_for_database_backend(count: int) -> None:
    """Bulk inserts skip Wagtail's own search index, which the database backend reads."""
    noise = ArticlePage.objects.order_by("-pk")[:count]
    get_search_backend().add_bulk(ArticlePage, list(noise))


def build_corpus(noise: int = NOISE_ARTICLES) -> Corpus:
    """Publish the fixed documents and write ``noise`` generated articles (a fixed seed)."""
    data = yaml.safe_load(CORPUS_FILE.read_text())
    for name in data["industries"]:
        Industry.objects.get_or_create(name=name)
    for name in data["districts"]:
        District.objects.get_or_create(name=name)
    home = ensure_home_page()
    news, _ = ensure_child(home, NewsIndexPage, "news", title="News")
    companies_index, _ = ensure_child(home, CompanyIndexPage, "companies", title="Companies")
    events, _ = ensure_child(home, EventIndexPage, "events", title="Events")
    pages = {entry["slug"]: _company(companies_index, entry) for entry in data["noise_companies"]}
    companies = {entry["slug"]: _company(companies_index, entry) for entry in data["companies"]}
    pages.update(companies)
    noise_names = {entry["title"] for entry in data["noise_companies"]}
    generate_articles(noise, seed=NOISE_SEED, text=NoiseText(noise_names))
    _index_noise_for_database_backend(noise)
    for entry in data["articles"]:
        pages[entry["slug"]], _ = ensure_child(
            news,
            ArticlePage,
            entry["slug"],
            first_published_at=_when(entry["published"]),
            company_mentions=ArticleCompany.mentioning(
                companies[slug] for slug in entry.get("companies", [])
            ),
            **_story_fields(entry, data["filler_zh"]),
        )
    for entry in data["events"]:
        start = _when(entry["start"])
        pages[entry["slug"]], _ = ensure_child(
            events,
            EventReportPage,
            entry["slug"],
            first_published_at=start,
            start=start,
            venue=entry.get("venue", ""),
            participating_companies=[companies[slug] for slug in entry.get("companies", [])],
            **_story_fields(entry, data["filler_zh"]),
        )
    return Corpus(slugs={document_id("page", page.pk): slug for slug, page in pages.items()}, noise=noise)
