"""One contract, two backends: every test runs on the OpenSearch node and on the database."""

from datetime import date

from django.urls import reverse

from wagtail.models import PageViewRestriction

from news.models import Award
from search.queries import SORT_DATE, SearchRequest, search, suggest


def titles(backend, **params):
    backend.refresh()
    return [hit.title for hit in search(SearchRequest(**params)).hits]


def facet(results, name):
    return {value.value: value.count for value in results.facets[name]}


def test_published_page_is_found(corpus, backend):
    assert titles(backend, q="hongqiao") == ["DSV opens a logistics hub in Hongqiao"]


def test_unpublished_page_is_gone(corpus, backend):
    corpus["hub"].unpublish()
    assert titles(backend, q="hongqiao") == []


def test_deleted_page_is_gone(corpus, backend):
    corpus["hub"].delete()
    assert titles(backend, q="hongqiao") == []


def test_private_page_is_gone_and_back_when_public_again(corpus, backend):
    restriction = PageViewRestriction.objects.create(page=corpus["hub"], restriction_type="login")
    assert titles(backend, q="hongqiao") == []
    restriction.delete()
    assert titles(backend, q="hongqiao") == ["DSV opens a logistics hub in Hongqiao"]


def test_restricting_a_parent_hides_its_children(corpus, backend, news_index):
    PageViewRestriction.objects.create(page=news_index, restriction_type="password", password="secret")
    assert titles(backend, q="logistics") == []


def test_title_change_is_searchable(corpus, backend):
    page = corpus["nestle"]
    page.title = "Nestlé opens a Minhang dairy lab"
    page.save_revision().publish()
    assert titles(backend, q="dairy lab") == ["Nestlé opens a Minhang dairy lab"]
    assert titles(backend, q="research centre") == []


def test_ascii_folding_and_stemming(corpus, backend):
    assert titles(backend, q="nestle") == ["Nestlé expands its Pudong research centre"]
    assert "Logistics costs fall in the Yangtze delta" in titles(backend, q="cost")


def test_facets_count_with_the_other_filters_applied(corpus, backend):
    results = search(SearchRequest(industries=("logistics",)))
    assert results.total == 2
    assert facet(results, "type") == {"article": 2}
    # The industry facet ignores its own selection, so readers can widen it.
    assert facet(results, "industry") == {"logistics": 2, "retail": 3, "food": 2}
    assert facet(results, "district") == {"minhang": 2}
    assert facet(results, "year") == {"2024": 1, "2022": 1}
    selected = [v for v in results.facets["industry"] if v.selected]
    assert [(v.value, v.label) for v in selected] == [("logistics", "Logistics")]


def test_facets_with_two_selections_count_each_with_the_other(corpus, backend):
    results = search(SearchRequest(industries=("retail",), districts=("pudong",)))
    assert [hit.title for hit in results.hits] == ["CSR Excellence Awards night"]
    assert facet(results, "industry") == {"food": 2, "retail": 1}  # everything in Pudong
    assert facet(results, "district") == {"changning": 2, "pudong": 1}  # everything in retail
    assert facet(results, "type") == {"event": 1}
    assert facet(results, "year") == {"2023": 1}


def test_facets_with_several_values_selected(corpus, backend):
    results = search(SearchRequest(industries=("logistics", "food"), districts=("minhang", "pudong")))
    assert results.total == 4
    assert facet(results, "industry") == {"logistics": 2, "food": 2, "retail": 1}
    assert facet(results, "district") == {"minhang": 2, "pudong": 2}
    assert facet(results, "type") == {"article": 3, "event": 1}
    assert facet(results, "year") == {"2024": 1, "2023": 2, "2022": 1}


def test_a_selection_keeps_words_exact_unless_they_match_nothing(corpus, backend):
    # Misspelt words are retried with fuzziness, also with a facet selected...
    hub = "DSV opens a logistics hub in Hongqiao"
    assert titles(backend, q="hongqaio", industries=("logistics",)) == [hub]
    # ...but words that match, only outside the selection, are not replaced by near misses.
    assert titles(backend, q="hongqiao", industries=("food",)) == []


def test_filters_combine(corpus, backend):
    assert titles(backend, industries=("retail",), districts=("changning",), kinds=("article",)) == [
        "MUJI renovates its Changning flagship"
    ]
    assert set(titles(backend, companies=("muji",))) == {
        "MUJI",
        "MUJI renovates its Changning flagship",
        "CSR Excellence Awards night",
    }
    assert titles(
        backend, industries=("logistics",), date_from=date(2023, 1, 1), date_to=date(2024, 12, 31)
    ) == ["DSV opens a logistics hub in Hongqiao"]


def test_highlights_mark_matches_and_escape_the_rest(corpus, backend):
    hit = search(SearchRequest(q="warehouse")).hits
    by_title = {h.title: h for h in hit}
    snippet = " ".join(by_title["DSV opens a logistics hub in Hongqiao"].snippets)
    assert "<mark>warehouse</mark>" in snippet
    page = corpus["costs"]
    page.title = "Costs <script>alert(1)</script> fall"
    page.save_revision().publish()
    backend.refresh()
    # Matched on the words around the markup: PostgreSQL's parser drops tag-like text from its index.
    [hit] = [h for h in search(SearchRequest(q="costs fall")).hits if h.title.startswith("Costs <script>")]
    assert "<script>" not in hit.title_html
    assert "&lt;script&gt;" in hit.title_html
    assert "<mark>" in hit.title_html


def test_phrase_and_exclusion(corpus, backend):
    assert titles(backend, q='"logistics hub"') == ["DSV opens a logistics hub in Hongqiao"]
    assert titles(backend, q="logistics -hongqiao") == ["Logistics costs fall in the Yangtze delta"]
    assert titles(backend, q='logistics -"yangtze delta"') == ["DSV opens a logistics hub in Hongqiao"]


def test_misspelling_still_finds(corpus, backend):
    assert "DSV opens a logistics hub in Hongqiao" in titles(backend, q="hongqaio")


def test_misspelling_says_what_was_searched_and_marks_it(corpus, backend, client):
    backend.refresh()
    page = client.get(reverse("search"), {"q": "logistcs"}).content.decode()
    assert "Showing results for <strong>logistics</strong>" in page
    assert "DSV opens a <mark>logistics</mark> hub in Hongqiao" in page
    answer = client.get(reverse("search_api"), {"q": "logistcs hongqiao"}).json()
    assert answer["corrected_query"] == "logistics hongqiao"
    assert [hit["title_html"] for hit in answer["results"]] == [
        "DSV opens a <mark>logistics</mark> hub in <mark>Hongqiao</mark>"
    ]


def test_correctly_spelt_words_are_not_corrected(corpus, backend, client):
    backend.refresh()
    assert search(SearchRequest(q="hongqiao")).corrected_query is None
    page = client.get(reverse("search"), {"q": "hongqiao"}).content.decode()
    assert "Showing results for" not in page


def test_chinese_query_matches_chinese_text(corpus, backend):
    assert set(titles(backend, q="无印良品")) >= {"MUJI", "MUJI renovates its Changning flagship"}
    assert titles(backend, q="旗舰店") == ["MUJI renovates its Changning flagship"]


def test_award_on_a_company_profile_is_searchable(corpus, backend):
    assert "MUJI" in titles(backend, q="CSR award")


def test_the_chinese_name_of_an_award_finds_the_company(corpus, backend):
    Award.objects.filter(name="CSR Excellence Award").update(name_zh="企业社会责任卓越奖")
    corpus["muji"].save_revision().publish()

    assert "MUJI" in titles(backend, q="社会责任卓越奖")


def test_suggestions(corpus, backend):
    assert [s.title for s in suggest("nest")] == ["Nestlé expands its Pudong research centre"]
    assert {s.title for s in suggest("muj")} >= {"MUJI", "MUJI renovates its Changning flagship"}
    assert all(s.url.startswith("/") for s in suggest("muj"))


def test_suggestions_complete_a_last_word_of_one_letter(corpus, backend):
    assert suggest("muji r")[0].title == "MUJI renovates its Changning flagship"
    assert suggest("nestlé expands its pudong r")[0].title == "Nestlé expands its Pudong research centre"


def test_pagination_and_date_sort(corpus, backend):
    backend.refresh()
    first = search(SearchRequest(sort=SORT_DATE, per_page=2))
    second = search(SearchRequest(sort=SORT_DATE, per_page=2, page=2))
    last = search(SearchRequest(sort=SORT_DATE, per_page=2, page=3))
    assert first.total == 6
    assert (first.page_count, first.has_next, last.has_next, second.has_previous) == (3, True, False, True)
    seen = [h.title for h in first.hits + second.hits + last.hits]
    assert len(set(seen)) == 6
    assert seen[0] == "MUJI renovates its Changning flagship" or seen[0] == "MUJI"
    assert seen[-1] == "Logistics costs fall in the Yangtze delta"
