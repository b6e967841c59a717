"""The headless API at /api/v2/: vocabulary filters, public live pages only."""

import pytest

from tests.editorial.conftest import make_article

PAGES = "/api/v2/pages/"


def titles(client, **params):
    response = client.get(PAGES, params, HTTP_HOST="localhost")
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.fixture
def articles(news_index, terms, article):
    return {
        "finance-pudong": make_article(
            news_index, "finance-pudong", industry=terms["finance"], district=terms["pudong"]
        ),
        "logistics-pudong": make_article(
            news_index, "logistics-pudong", industry=terms["logistics"], district=terms["pudong"]
        ),
        "dsv-hub": article,
    }


def test_filters_by_industry_district_and_both(client, articles):
    assert titles(client, type="news.ArticlePage", industry="logistics") == {
        "Article logistics-pudong",
        "Article dsv-hub",
    }
    assert titles(client, type="news.ArticlePage", district="pudong") == {
        "Article finance-pudong",
        "Article logistics-pudong",
    }
    assert titles(client, industry="logistics", district="pudong") == {"Article logistics-pudong"}
    assert titles(client, industry="no-such-industry") == set()


def test_never_returns_drafts_or_private_pages(client, admin_user, articles, draft_article, private_article):
    for who in (None, admin_user):
        if who:
            client.force_login(who)
        listed = titles(client, type="news.ArticlePage", industry="logistics")
        assert "Draft story" not in listed
        assert private_article.title not in listed
        for hidden in (draft_article, private_article):
            detail = client.get(f"{PAGES}{hidden.pk}/", HTTP_HOST="localhost")
            assert detail.status_code == 404


def test_article_detail_exposes_vocabularies_authors_companies_and_image(client, article):
    response = client.get(f"{PAGES}{article.pk}/", HTTP_HOST="localhost")

    data = response.json()
    assert data["industries"] == [{"name": "Logistics", "name_zh": "", "slug": "logistics"}]
    assert data["districts"] == [{"name": "Changning", "name_zh": "", "slug": "changning"}]
    assert data["authors"] == [{"name": "Li Wei", "slug": "li-wei", "role": "Reporter", "role_zh": ""}]
    assert data["companies_mentioned"][0]["title"] == "DSV"
    assert data["lead_image"]["url"].endswith(".jpg")
    assert data["reading_time"] == 1


def test_listing_can_ask_for_vocabulary_fields(client, company, event):
    response = client.get(
        PAGES,
        {"type": "news.CompanyProfilePage", "fields": "industries,districts,awards"},
        HTTP_HOST="localhost",
    )

    [item] = response.json()["items"]
    assert item["industries"][0]["slug"] == "logistics"
    assert item["awards"] == []


def test_images_and_documents_endpoints_exist(client, photo):
    assert client.get("/api/v2/images/", HTTP_HOST="localhost").json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/documents/", HTTP_HOST="localhost").status_code == 200
