"""axe-core and the Nu HTML Checker on rendered pages: zero serious/critical violations, zero errors."""

from django.urls import reverse

import pytest

from news.models import Author
from tests.e2e.conftest import axe_violations, html_errors

pytestmark = pytest.mark.e2e


@pytest.fixture
def author(home_page):
    return Author.objects.create(name="Li Wei", role="Reporter", bio="Covers logistics and trade.")


PAGES = {
    "author": lambda author: reverse("author_detail", kwargs={"slug": author.slug}),
    "not-found": lambda author: "/no-such-story/",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_and_valid(page, screenshot, author, name):
    response = page.goto(PAGES[name](author))

    assert html_errors(response.text()) == []
    assert axe_violations(page) == []
    screenshot(page)
