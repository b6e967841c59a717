"""How the engine ranks: titles over mentions, phrases within one field, possessives, proximity,
recency. Orderings and presence only, never scores."""

from datetime import UTC, datetime, timedelta

import pytest

from search.queries import SearchRequest, search

from .pages import add_article, add_company

LAST_YEAR = datetime(2025, 6, 1, tzinfo=UTC)


@pytest.fixture(params=["elasticsearch"])
def backend(request, settings, db):
    from .conftest import Backend

    request.getfixturevalue("elasticsearch")
    return Backend(request.param)


def titles(backend, q, **params):
    backend.refresh()
    return [hit.title for hit in search(SearchRequest(q=q, **params)).hits]


def mentions(news_index, company, count, words=""):
    """``count`` English stories that mention ``company`` (and ``words`` in their body) only."""
    return [
        add_article(
            news_index,
            f"Quarterly figures from the retail trade, part {number}",
            standfirst="Shoppers spent more on household goods.",
            body=f"Sales rose at department stores. {words}",
            companies=[company],
            published=LAST_YEAR,
        )
        for number in range(count)
    ]


def test_chinese_words_in_a_title_rank_above_a_company_name_they_mention(
    backend, vocabulary, news_index, company_index
):
    muji = add_company(company_index, "MUJI", name_zh="无印良品", summary="Japanese retailer.")
    mentions(news_index, muji, 4)
    headline = add_article(
        news_index, "无印良品在长宁开设新旗舰店", standfirst="A new flagship store.", published=LAST_YEAR
    )
    found = titles(backend, "无印良品")
    assert set(found[:2]) == {headline.title, "MUJI"}
    assert len(found) == 6  # the mentions are still found, below
    # Bigrams must sit together: scattered characters do not outrank the word itself.
    add_article(news_index, "良品铺子与无印的合作", published=LAST_YEAR)
    assert titles(backend, "无印良品")[:2] != ["良品铺子与无印的合作"]
    assert titles(backend, "旗舰店") == [headline.title]
    assert titles(backend, "舰") == [headline.title]  # one character alone


def test_english_words_in_a_title_rank_above_a_company_name_they_mention(
    backend, vocabulary, news_index, company_index
):
    park = add_company(company_index, "Hongqiao Logistics Park", summary="A bonded warehouse operator.")
    mentions(news_index, park, 4, words="Logistics demand grew.")
    headline = add_article(
        news_index,
        "Hongqiao airport adds a second cargo terminal",
        standfirst="Logistics firms welcome the space.",
        published=LAST_YEAR - timedelta(days=200),
    )
    found = titles(backend, "hongqiao")
    assert set(found[:2]) == {headline.title, park.title}
    assert len(found) == 6
    # Every word in the title leads, ahead of a title with one word and the other in the body.
    both = add_article(news_index, "Hongqiao logistics rents rise", published=LAST_YEAR - timedelta(days=400))
    assert set(titles(backend, "hongqiao logistics")[:2]) == {park.title, both.title}


def test_a_phrase_never_joins_two_fields(backend, vocabulary, news_index, company_index):
    park = add_company(company_index, "Greater Bay Freight")
    other = add_company(company_index, "Airport City Hongqiao")
    add_article(
        news_index,
        "A logistics hub opens in Hongqiao",
        standfirst="Greater capacity for forwarders.",
        body="Trucks queue at the gate.",
        companies=[other, park],  # company names: "Airport City Hongqiao", "Greater Bay Freight"
    )
    assert titles(backend, '"hongqiao greater"') == []
    assert titles(backend, '"logistics hub"') == ["A logistics hub opens in Hongqiao"]
    assert titles(backend, '"hub opens in hongqiao"') == ["A logistics hub opens in Hongqiao"]


def test_possessives_match_the_word(backend, vocabulary, news_index):
    add_article(news_index, "Hongqiao’s new exhibition hall", body="The forum's delegates met in May.")
    assert titles(backend, "forum") == ["Hongqiao’s new exhibition hall"]
    assert titles(backend, "hongqiao") == ["Hongqiao’s new exhibition hall"]
    assert titles(backend, "hongqiao's forum") == ["Hongqiao’s new exhibition hall"]


def test_words_typed_together_rank_above_the_same_words_apart(backend, vocabulary, news_index):
    apart = add_article(
        news_index,
        "Warehouse operators report a busy spring",
        body="Cold weather slowed trucks. A new chain of depots opened near the port.",
        published=LAST_YEAR,
    )
    together = add_article(
        news_index,
        "Warehouse operators report a quiet spring",
        body="Cold chain depots opened near the port. New trucks slowed weather delays.",
        published=LAST_YEAR - timedelta(days=300),
    )
    assert titles(backend, "cold chain") == [together.title, apart.title]


def test_recency_orders_equal_matches_but_never_a_much_better_one(backend, vocabulary, news_index):
    today = datetime.now(UTC)
    old = add_article(news_index, "Pudong ferry timetable changes", published=today - timedelta(days=1500))
    new = add_article(news_index, "Pudong ferry timetable changes again", published=today - timedelta(days=3))
    new.title = old.title  # the same words: only the date tells them apart
    new.save_revision().publish()
    backend.refresh()
    assert [hit.url for hit in search(SearchRequest(q="ferry timetable")).hits] == [new.url, old.url]
    mention = add_article(
        news_index,
        "River news in brief",
        body="Dredging continues upstream; the ferry runs on its winter timetable.",
        published=today,
    )
    assert titles(backend, "ferry timetable")[-1] == mention.title


def test_a_misspelling_that_stemming_hides_is_still_found_and_named(backend, vocabulary, news_index):
    add_article(news_index, "Zhangjiang biotech park adds labs", published=LAST_YEAR)
    backend.refresh()
    results = search(SearchRequest(q="zhangjaing"))  # stemmed, "zhangja": two edits away
    assert [hit.title_html for hit in results.hits] == ["<mark>Zhangjiang</mark> biotech park adds labs"]
    assert results.corrected_query == "zhangjiang"


def test_industries_and_districts_count_as_words(backend, vocabulary, news_index, company_index):
    forwarder = add_company(
        company_index,
        "DSV",
        summary="Danish freight forwarding.",
        industries=["logistics"],
        districts=["minhang"],
    )
    assert titles(backend, "dsv logistics") == [forwarder.title]
    assert titles(backend, "minhang freight") == [forwarder.title]


def test_latin_and_chinese_words_each_match_as_their_script_needs(
    backend, vocabulary, news_index, company_index
):
    muji = add_company(company_index, "MUJI", name_zh="无印良品")
    story = add_article(news_index, "MUJI opens a store in 长宁", companies=[muji], published=LAST_YEAR)
    add_article(news_index, "长宁 district news", published=LAST_YEAR)
    assert titles(backend, "muji 长宁") == [story.title]
    assert titles(backend, "stores 长宁") == [story.title]  # "stores" stemmed like "store"
