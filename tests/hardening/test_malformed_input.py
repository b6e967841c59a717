"""Each URL that once answered malformed input with a server error answers it with a 400 or an
empty result instead, on both search backends."""

from django.contrib.auth import get_user_model

import pytest

from community.models import Membership
from tests.two_factor.sign_in import sign_in_with_code

from ..community.factories import member
from ..news.factories import ImageFactory

pytestmark = pytest.mark.django_db

UNBALANCED = ["un%22balanced", "%22unbalanced", "%00", "%22", "a%22b%22c%22", "NEAR(a%20b)", "a*%20OR%20-b^2"]


@pytest.mark.parametrize("query", UNBALANCED)
def test_public_search_answers_syntax_as_text(client, corpus, query):
    for url in (f"/search/?q={query}", f"/api/search/?q={query}", f"/api/search/suggest/?q={query}"):
        assert client.get(url).status_code < 500, url


def test_a_stray_quote_is_only_text(client, corpus):
    response = client.get("/api/search/?q=MUJI%22")
    assert response.status_code == 200
    assert "MUJI renovates its Changning flagship" in {hit["title"] for hit in response.json()["results"]}


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", UNBALANCED)
def test_api_search_answers_syntax_as_text(client, corpus, endpoint, query):
    assert client.get(f"/api/v2/{endpoint}/?search={query}").status_code < 500


def test_api_search_finds_through_a_stray_quote(client, corpus):
    response = client.get("/api/v2/pages/?search=%22flagship")
    assert response.status_code == 200
    assert "MUJI renovates its Changning flagship" in [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize("query", ["%22", "%22harbour", "harbour%22", "harbour%22dawn"])
def test_api_image_search_finds_through_a_stray_quote(client, query):
    ImageFactory(title="Yangshan harbour at dawn")
    response = client.get(f"/api/v2/images/?search={query}")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ([] if query == "%22" else ["Yangshan harbour at dawn"])


def test_api_refuses_an_unknown_search_operator(client, corpus):
    response = client.get("/api/v2/pages/?search=x&search_operator=evil")
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


@pytest.mark.parametrize("operator", ["and", "or", "AND"])
def test_api_accepts_the_search_operators(client, corpus, operator):
    assert client.get(f"/api/v2/pages/?search=flagship%20muji&search_operator={operator}").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "industry=%00",
        "district=%22x",
        "title=%00",
        "limit=abc",
        "offset=-1",
        "type=junk",
        "order=%00",
        "child_of=x",
    ],
)
def test_api_filters_refuse_junk(client, corpus, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400 or response.json()["items"] == []


LISTINGS = ["/news/", "/companies/", "/events/", "/industries/retail/", "/districts/pudong/"]
LISTING_JUNK = ["page=abc&industry=%3Cjunk%3E&district=%22", "page=%C2%B2", "page=-1", "page=99999"]


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("query", LISTING_JUNK)
def test_listings_answer_junk_parameters(client, corpus, path, query):
    assert client.get(f"{path}?{query}").status_code == 200


@pytest.mark.parametrize("path", ["/news/", "/search/", "/api/search/", "/api/v2/pages/", "/community/"])
def test_a_nul_in_the_address_is_refused(client, path):
    assert client.get(f"{path}?page=1%00").status_code == 400
    assert client.get(f"{path}%00").status_code in (400, 404)


@pytest.mark.parametrize("path", ["/feeds/news/", "/feeds/industries/retail/", "/feeds/districts/nowhere/"])
def test_feeds_answer_junk_parameters(client, corpus, path):
    assert client.get(f"{path}?page=abc&industry=%22").status_code in (200, 404)


@pytest.mark.parametrize(
    "query", ["from=abc&to=x", "from=2024-13-45", "from=2025-01-01&to=2024-01-01", "page=0"]
)
def test_search_refuses_bad_dates_and_pages(client, corpus, query):
    assert client.get(f"/search/?q=muji&{query}").status_code == 400
    assert "errors" in client.get(f"/api/search/?q=muji&{query}").json()


@pytest.mark.parametrize(
    "query", ["page=abc", "page=%C2%B2", "quote=%C2%B2", "quote=99999999999999999999", "q=%22"]
)
def test_community_pages_answer_junk_parameters(member_client, member_pages, query):
    for path in member_pages:
        assert member_client.get(f"{path}?{query}").status_code < 500, path


def test_staff_search_membership_applications(client, users):
    applicant = member(Membership.State.PENDING, full_name="Xiaoming Quartermaine").membership
    admin = get_user_model().objects.create_superuser("staff", "staff@maghub.example", "pw")
    sign_in_with_code(client, admin)
    response = client.get("/admin/snippets/community/membership/?q=Quartermaine")
    assert response.status_code == 200
    assert applicant.full_name in response.content.decode()
    for junk in ("%22", "%00", "a%22b", "NEAR(x"):
        assert client.get(f"/admin/snippets/community/membership/?q={junk}").status_code < 500
