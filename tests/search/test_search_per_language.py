"""Search per language, on the OpenSearch node and on the database backend alike.

The reader's language (the path's: /search/ English, /zh/search/ Chinese) ranks its documents
first; the other language stays one facet link (``lang=``) away. Chinese is matched as Chinese
(a word inside a longer run of characters), facet labels and "did you mean" follow the reader,
and community posts are found in the language they are written in, by members only.
"""

from datetime import UTC, datetime

from wagtail.rich_text import RichText

import pytest

from news.models import District, Industry
from tests.community.factories import CategoryFactory, every_role
from tests.i18n.translations import translate

from .pages import add_article

ENGLISH = "/api/search/"
CHINESE = "/zh/api/search/"


@pytest.fixture
def bilingual(backend, vocabulary, news_index):
    """Three English stories, two of them translated into Chinese."""
    Industry.objects.filter(slug="logistics").update(name_zh="物流")
    District.objects.filter(slug="pudong").update(name_zh="浦东")
    translate(news_index.get_parent(), title="MagHub 上海")
    hub = add_article(
        news_index,
        "DSV opens a logistics hub in Pudong",
        standfirst="The Danish forwarder doubles its warehouse space.",
        body="The new warehouse sits in the Pudong New Area.",
        industries=["logistics"],
        districts=["pudong"],
        published=datetime(2024, 3, 1, tzinfo=UTC),
    )
    harbour = add_article(
        news_index,
        "Yangshan harbour expands",
        standfirst="Two new berths for container ships.",
        industries=["logistics"],
        districts=["pudong"],
        published=datetime(2023, 5, 1, tzinfo=UTC),
    )
    add_article(
        news_index,
        "DSV trims its trucking costs",
        standfirst="Rates fell for a second quarter.",
        industries=["logistics"],
        districts=["minhang"],
        published=datetime(2022, 1, 10, tzinfo=UTC),
    )
    translate(
        hub,
        title="DSV 新物流中心启用",
        standfirst="这家丹麦货代在浦东新区扩建仓库。",
        body=[("paragraph", RichText("<p>新仓库面积翻了一倍。</p>"))],
    )
    translate(harbour, title="洋山 harbor 扩建", standfirst="集装箱船新增两个泊位。")
    backend.refresh()


def search(client, path: str, **params) -> dict:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def languages(data: dict) -> list[str]:
    return [hit["language"] for hit in data["results"]]


def titles(data: dict) -> list[str]:
    return [hit["title"] for hit in data["results"]]


def facet(data: dict, name: str) -> dict[str, tuple[str, int]]:
    return {value["value"]: (value["label"], value["count"]) for value in data["facets"][name]}


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_each_reader_sees_their_language_first(client, bilingual, sort):
    english = search(client, ENGLISH, q="DSV", sort=sort)
    chinese = search(client, CHINESE, q="DSV", sort=sort)

    assert languages(english) == ["en-gb", "en-gb", "zh-hans"]
    assert languages(chinese) == ["zh-hans", "en-gb", "en-gb"]
    assert english["language"] == "en-gb" and chinese["language"] == "zh-hans"
    for data in (english, chinese):
        assert facet(data, "language") == {"en-gb": ("English", 2), "zh-hans": ("简体中文", 1)}


def test_the_other_language_stays_one_filter_away(client, bilingual):
    chinese_page = client.get("/zh/search/", {"q": "DSV"}).content.decode()
    assert "<h2>语言</h2>" in chinese_page
    assert (
        '<a href="?q=DSV&amp;lang=en-gb" class="facet__link" rel="nofollow" lang="en-GB">English'
        in chinese_page
    )

    english_only = search(client, CHINESE, q="DSV", lang="en-gb")
    assert titles(english_only) == ["DSV opens a logistics hub in Pudong", "DSV trims its trucking costs"]
    assert facet(english_only, "language") == {"en-gb": ("English", 2), "zh-hans": ("简体中文", 1)}
    assert [v["value"] for v in english_only["facets"]["language"] if v["selected"]] == ["en-gb"]

    assert titles(search(client, ENGLISH, q="DSV", lang="zh-hans")) == ["DSV 新物流中心启用"]
    assert search(client, ENGLISH, q="DSV", lang="all")["total"] == 3


def test_a_chinese_word_matches_inside_longer_chinese_text(client, bilingual):
    # 浦东 appears only inside 浦东新区 in the translation's standfirst; the English stories say "Pudong".
    for path in (CHINESE, ENGLISH):
        data = search(client, path, q="浦东")
        assert titles(data) == ["DSV 新物流中心启用"]
        assert data["results"][0]["url"] == "/zh/news/dsv-opens-a-logistics-hub-in-pudong/"
    # English words are still stemmed: "expanding" finds "expands".
    assert titles(search(client, ENGLISH, q="expanding harbour")) == ["Yangshan harbour expands"]


def test_facet_labels_follow_the_readers_language(client, bilingual):
    chinese = search(client, CHINESE, q="")
    assert facet(chinese, "type") == {"article": ("文章", 5)}
    assert facet(chinese, "industry") == {"logistics": ("物流", 5)}
    assert facet(chinese, "district") == {"pudong": ("浦东", 4), "minhang": ("Minhang", 1)}

    english = search(client, ENGLISH, q="")
    assert facet(english, "type") == {"article": ("Articles", 5)}
    assert facet(english, "industry") == {"logistics": ("Logistics", 5)}
    assert facet(english, "district") == {"pudong": ("Pudong", 4), "minhang": ("Minhang", 1)}


def test_did_you_mean_draws_on_the_readers_language(client, bilingual):
    # "harbou" is one letter from the English "harbour" and the Chinese page's "harbor".
    english = search(client, ENGLISH, q="harbou")
    chinese = search(client, CHINESE, q="harbou")

    assert english["corrected_query"] == "harbour"
    assert chinese["corrected_query"] == "harbor"
    assert titles(chinese)[0] == "洋山 harbor 扩建"


def test_suggestions_put_the_readers_language_first(client, bilingual):
    def suggested(path: str) -> list[str]:
        return [s["title"] for s in client.get(path, {"q": "DSV"}).json()["suggestions"]]

    assert suggested("/zh/api/search/suggest/")[0] == "DSV 新物流中心启用"
    assert suggested("/api/search/suggest/")[-1] == "DSV 新物流中心启用"


@pytest.fixture
def forum(bilingual, backend):
    people = every_role(member="Li Wei")
    customs = CategoryFactory(name="Customs & trade", slug="customs-trade")
    customs.start_thread(
        people.member, "浦东哪里有靠谱的报关行？", "想在浦东新区找一家报关行，DSV 推荐过一家。"
    )
    customs.start_thread(
        people.member, "Customs broker near Hongqiao?", "Can anyone recommend one near 无印良品?"
    )
    backend.refresh()
    return people


def posts(data: dict) -> list[tuple[str, str]]:
    return [(hit["title"], hit["language"]) for hit in data["results"] if hit["type"] == "post"]


def test_members_find_posts_in_the_language_they_are_written_in(client, forum):
    client.force_login(forum.member)
    for path in (CHINESE, ENGLISH):
        assert posts(search(client, path, q="报关行")) == [("浦东哪里有靠谱的报关行？", "zh-hans")]
        assert posts(search(client, path, q="broker")) == [("Customs broker near Hongqiao?", "en-gb")]
    chinese = search(client, CHINESE, q="报关行")
    assert facet(chinese, "language") == {"zh-hans": ("简体中文", 1)}


def test_visitors_find_no_post_in_either_language(client, forum):
    for path in (CHINESE, ENGLISH):
        for q in ("报关行", "broker"):
            data = search(client, path, q=q)
            assert data["total"] == 0
            assert data["facets"]["type"] == [] and data["facets"]["language"] == []


def test_an_unknown_language_is_refused_with_a_message(client, bilingual):
    response = client.get(CHINESE, {"q": "DSV", "lang": "fr"})
    assert response.status_code == 400
    assert "fr" in response.json()["errors"]["lang"][0]["message"]

    page = client.get("/search/", {"q": "DSV", "lang": "zh"})
    assert page.status_code == 400
    assert "zh is not one of the available choices" in page.content.decode()
