"""The two backends the search contract runs on: the session's OpenSearch node and the database."""

from datetime import UTC, datetime

import pytest

from news.models import District, Industry
from search.client import alias_name, get_client

from .pages import add_article, add_company, add_event


class Backend:
    """The contract tests' view of one backend."""

    def __init__(self, name: str):
        self.name = name

    @property
    def elastic(self) -> bool:
        return self.name == "elasticsearch"

    def refresh(self) -> None:
        if self.elastic:
            client = get_client()
            if client.indices.exists_alias(name=alias_name()):
                client.indices.refresh(index=alias_name())


@pytest.fixture
def elasticsearch(search_engine):
    """ELASTICSEARCH_URL on the session's node, with indices of this test's own; returns the client."""
    return get_client()


@pytest.fixture(params=["elasticsearch", "database"])
def backend(request, settings, db):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    else:
        settings.ELASTICSEARCH_URL = ""
    return Backend(request.param)


@pytest.fixture
def vocabulary(db):
    for name in ("Logistics", "Retail", "Food"):
        Industry.objects.get_or_create(name=name, slug=name.lower())
    for name in ("Changning", "Minhang", "Pudong"):
        District.objects.get_or_create(name=name, slug=name.lower())


@pytest.fixture
def corpus(backend, vocabulary, news_index, company_index, event_index):
    """A small newsroom: the same pages for both backends, published through Wagtail."""
    muji = add_company(
        company_index,
        "MUJI",
        name_zh="无印良品",
        summary="Japanese retailer of household goods with a flagship store in Changning.",
        industries=["retail"],
        districts=["changning"],
        awards_text="CSR Excellence Award",
    )
    pages = {
        "muji": muji,
        "hub": add_article(
            news_index,
            "DSV opens a logistics hub in Hongqiao",
            standfirst="The Danish forwarder doubles its warehouse space near the airport.",
            body="Freight volumes through Hongqiao keep growing, the company says.",
            industries=["logistics"],
            districts=["minhang"],
            published=datetime(2024, 3, 1, tzinfo=UTC),
        ),
        "nestle": add_article(
            news_index,
            "Nestlé expands its Pudong research centre",
            standfirst="Food science for Chinese kitchens.",
            body="Researchers will work on plant-based dairy.",
            industries=["food"],
            districts=["pudong"],
            published=datetime(2023, 6, 1, tzinfo=UTC),
        ),
        "flagship": add_article(
            news_index,
            "MUJI renovates its Changning flagship",
            standfirst="The retailer adds a café and a bookshop.",
            body="无印良品在长宁的旗舰店重新开业。 Shoppers queued on opening day.",
            industries=["retail"],
            districts=["changning"],
            companies=[muji],
            published=datetime(2024, 9, 1, tzinfo=UTC),
        ),
        "costs": add_article(
            news_index,
            "Logistics costs fall in the Yangtze delta",
            standfirst="Trucking rates dropped for a second quarter.",
            body="Warehouse rents in Minhang were flat while cold chain capacity grew.",
            industries=["logistics"],
            districts=["minhang"],
            published=datetime(2022, 1, 10, tzinfo=UTC),
        ),
        "awards": add_event(
            event_index,
            "CSR Excellence Awards night",
            standfirst="Companies honoured for community work.",
            start=datetime(2023, 11, 20, 18, tzinfo=UTC),
            industries=["retail", "food"],
            districts=["pudong"],
            companies=[muji],
        ),
    }
    backend.refresh()
    return pages
