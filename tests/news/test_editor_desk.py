"""The article editor as editors meet it: terms on the Content tab, only the vocabulary on offer,
an unknown term refused out loud, and companies picked through the searchable page chooser."""

import json
import re
from html import unescape

from django.urls import reverse

from taggit.models import Tag

import pytest

from news.models import ArticlePage
from tests.news.admin_forms import add_page_url, inline_formset, page_form, publish, streamfield
from tests.news.factories import CompanyProfilePageFactory, DistrictFactory, IndustryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    return (
        IndustryFactory(name="Logistics"),
        DistrictFactory(name="Changning"),
        DistrictFactory(name="Pudong"),
    )


def article_form(**fields):
    return page_form(
        "A story", "a-story", formsets=["author_links", "company_mentions"], body=streamfield([]), **fields
    )


def tab(html, name):
    """The HTML of one tab of the page editor."""
    start = html.index(f'id="tab-{name}"')
    following = html.find('id="tab-', start + 1)
    return html[start : following if following != -1 else None]


def test_industries_and_districts_are_on_the_content_tab(admin_client, news_index, terms):
    html = admin_client.get(add_page_url(news_index, ArticlePage)).content.decode()
    assert re.findall(r'id="tab-label-(\w+)"', html) == ["content", "promote"]
    content = tab(html, "content")
    assert 'id="id_industries"' in content and 'id="id_districts"' in content
    assert "id_industries" not in tab(html, "promote")
    assert "comma-separated" not in html
    assert "The sectors this page is about" in content


def test_the_term_field_suggests_only_the_vocabulary(admin_client, news_index, terms):
    Tag.objects.create(name="Pudong airport")  # a free tag elsewhere in the site is no district
    html = admin_client.get(add_page_url(news_index, ArticlePage)).content.decode()
    field = re.search(r'<input[^>]*id="id_districts"[^>]*>', html).group(0)
    suggestions_url = unescape(re.search(r'data-w-tag-url-value="([^"]+)"', field).group(1))
    options = json.loads(unescape(re.search(r'data-w-tag-options-value="([^"]+)"', field).group(1)))

    assert admin_client.get(suggestions_url, {"term": "pu"}).json() == ["Pudong"]
    assert admin_client.get(suggestions_url, {"term": "Logi"}).json() == []
    # Enter turns a typed term into a tag, so the field can refuse it instead of dropping it.
    assert options["autocompleteOnly"] is False
    assert "data-vocabulary" in field  # Enter takes the highlighted suggestion (vocabulary-field.js)


def test_an_unknown_term_is_refused_with_a_message(admin_client, news_index, terms):
    response = publish(admin_client, news_index, ArticlePage, article_form(districts="Changning, Lujiazui"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "“Lujiazui”: not in the list of districts." in unescape(html)
    assert not ArticlePage.objects.filter(slug="a-story").exists()


def test_a_term_typed_in_another_case_is_saved_as_the_vocabulary_spells_it(admin_client, news_index, terms):
    response = publish(admin_client, news_index, ArticlePage, article_form(districts="pudong, CHANGNING"))

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="a-story")
    assert sorted(t.name for t in article.districts.all()) == ["Changning", "Pudong"]


def test_companies_are_chosen_from_company_profiles_in_the_editors_order(
    admin_client, news_index, company_index
):
    dsv = CompanyProfilePageFactory(parent=company_index, title="DSV Air & Sea")
    muji = CompanyProfilePageFactory(parent=company_index, title="MUJI")
    html = admin_client.get(add_page_url(news_index, ArticlePage)).content.decode()
    assert "Companies mentioned" in tab(html, "content")
    assert "news.companyprofilepage" in html  # the chooser's page type

    found = admin_client.get(
        reverse("wagtailadmin_choose_page_search"), {"q": "MUJI", "page_type": "news.companyprofilepage"}
    )
    assert "MUJI" in found.content.decode() and "DSV" not in found.content.decode()

    mentions = inline_formset([{"companyprofilepage": muji.pk}, {"companyprofilepage": dsv.pk}])
    data = {**article_form(), **page_form("A story", "a-story", company_mentions=mentions)}
    assert publish(admin_client, news_index, ArticlePage, data).status_code == 302
    article = ArticlePage.objects.get(slug="a-story")
    assert [m.companyprofilepage for m in article.company_mentions.all()] == [muji, dsv]
    assert set(dsv.articles_mentioning.all()) == {article}
