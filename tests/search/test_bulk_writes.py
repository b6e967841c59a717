"""Pages written in bulk (the demo loader, synthetic content) are complete in both indexes."""

from django.core.management import call_command

from wagtail.models import Locale

import pytest

from news.models import ArticlePage, CompanyProfilePage
from search.queries import SearchRequest, search

pytestmark = pytest.mark.django_db


def found(backend, **params) -> set[str]:
    backend.refresh()
    return {hit.title for hit in search(SearchRequest(per_page=100, **params)).hits}


def containing(word: str) -> set[str]:
    """Titles of the live articles whose headline or text holds ``word``, read from the database."""
    return {
        page.title
        for page in ArticlePage.objects.live()
        if word in f"{page.title} {page.standfirst} {page.body.render_as_block()}".lower()
    }


def test_generated_articles_are_found(backend, news_index):
    call_command("generate_content", articles=60, seed=3, stdout=None)
    for word in ("hongqiao", "logistics", "graduates"):
        assert found(backend, q=word) == containing(word) != set()


def test_certifications_added_by_the_demo_loader_are_found(backend):
    call_command("load_demo", stdout=None)
    certified = CompanyProfilePage.objects.filter(
        certifications__certification__name__contains="Going Global"
    )
    assert certified.filter(locale=Locale.get_default()).count() == 9  # and their Chinese pages
    holders = set(certified.values_list("title", flat=True))
    assert found(backend, q='"going global"', kinds=("company",)) == holders
