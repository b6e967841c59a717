"""`load_demo` builds the launch story in Simplified Chinese too: every demo page has its Chinese
translation under /zh/, consistent with the English one, and a second run changes nothing."""

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from home.models import HomePage, InfoPage
from news.models import (
    ArticlePage,
    Author,
    Award,
    CompanyIndexPage,
    CompanyProfilePage,
    District,
    EventIndexPage,
    EventReportPage,
    Industry,
    NewsIndexPage,
)
from tests.i18n.translations import chinese

pytestmark = pytest.mark.django_db

TRANSLATED = (
    HomePage,
    NewsIndexPage,
    CompanyIndexPage,
    EventIndexPage,
    InfoPage,
    ArticlePage,
    CompanyProfilePage,
    EventReportPage,
)


def english_and_chinese():
    """(English page, its Chinese translation) for every demo page of a translated type."""
    pairs = []
    for model in TRANSLATED:
        for english in model.objects.filter(locale__language_code="en-gb"):
            pairs.append((english, english.get_translation_or_none(chinese())))
    return pairs


def block_types(stream):
    return [block.block_type for block in stream]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=None)
    return Site.objects.get(is_default_site=True).root_page.specific


def test_every_demo_page_has_a_live_chinese_translation_served_under_zh(demo, client):
    pairs = english_and_chinese()
    assert len(pairs) == 1 + 3 + 4 + 5 + 20 + 1
    for english, translation in pairs:
        assert translation is not None, english.url
        translation = translation.specific
        assert translation.live and translation.url == f"/zh{english.url}"
        assert translation.title != english.title or isinstance(translation, CompanyProfilePage)
        assert translation.first_published_at == english.first_published_at, english.url
    assert client.get("/zh/").status_code == 200
    assert "服务在沪跨国公司的新闻与社区平台" in client.get("/zh/").content.decode()
    assert (
        "新设立外商投资企业7160家" in client.get("/zh/news/foreign-investment-jan-feb-2024/").content.decode()
    )
    for url in ("/zh/news/", "/zh/companies/", "/zh/events/", "/zh/about/", "/zh/terms/"):
        assert client.get(url).status_code == 200, url


def test_chinese_stories_keep_the_english_facts_structure_and_links(demo, client):
    for english, translation in english_and_chinese():
        translation = translation.specific
        if hasattr(english, "body") and not isinstance(english, (CompanyProfilePage, InfoPage)):
            assert block_types(translation.body) == block_types(english.body), english.slug
        if isinstance(english, (ArticlePage, EventReportPage, CompanyProfilePage)):
            assert set(translation.industries.all()) == set(english.industries.all()), english.slug
            assert set(translation.districts.all()) == set(english.districts.all()), english.slug

    # Companies keep their official Chinese names, their certifications, and link in Chinese.
    muji = CompanyProfilePage.objects.get(locale=chinese(), slug="muji")
    assert muji.title == "无印良品" and muji.home_country == "日本"
    assert "<h1>无印良品</h1>" in client.get(muji.url).content.decode()  # its Chinese name once
    bank = CompanyProfilePage.objects.get(locale=chinese(), slug="ccb-changning")
    assert [(c.certification.name, c.year) for c in bank.certification_list] == [
        ("Professional Service Provider for Enterprises Going Global", 2024)
    ]
    assert "企业出海专业服务商" in client.get(bank.url).content.decode()
    assert Award.objects.get(name="CSR Excellence Award").name_zh == "企业社会责任卓越奖"
    assert Author.objects.get(slug="maghub-staff").role_zh == "《上海日报》MNC 俱乐部"
    certified = ArticlePage.objects.get(
        locale=chinese(), slug="first-going-global-service-providers-certified"
    )
    mentioned = [mention.companyprofilepage for mention in certified.company_mentions.all()]
    assert len(mentioned) == 10 and {company.locale for company in mentioned} == {chinese()}
    event = EventReportPage.objects.get(locale=chinese())
    english_event = EventReportPage.objects.get(locale__language_code="en-gb")
    assert (event.start, event.end) == (english_event.start, english_event.end)
    assert {company.locale for company in event.participating_companies.all()} == {chinese()}
    assert [host.name for host in event.host_list][0] == "上海报业集团"
    assert event.gallery[0].value[0]["caption"] == "论坛会场"

    html = client.get(event.url).content.decode()
    assert "“机遇中国”大虹桥地区国际企业合作交流论坛" in html and "/zh/companies/muji/" in html
    html = client.get(certified.url).content.decode()
    assert "首批“企业出海专业服务商”获得认证" in html and "/zh/companies/ccb-changning/" in html


def test_the_vocabularies_have_chinese_names(demo):
    for model in (Industry, District):
        assert not model.objects.filter(name_zh="").exists(), model


def test_load_demo_again_creates_nothing_and_keeps_an_editors_chinese_change(demo):
    article = ArticlePage.objects.get(locale=chinese(), slug="round-table-china-an-opportunity")
    article.title = "编辑修改后的标题"
    article.save_revision().publish()
    InfoPage.objects.get(locale=chinese(), slug="privacy").delete()  # an editor may drop one
    Award.objects.filter(name="CSR Excellence Award").update(name_zh="企业社会责任优秀奖")
    pages = Page.objects.count()

    call_command("load_demo", stdout=None)

    article.refresh_from_db()
    assert article.title == "编辑修改后的标题"
    assert Page.objects.count() == pages + 1  # only the missing translation is made again
    assert InfoPage.objects.get(locale=chinese(), slug="privacy").title == "隐私政策"
    assert Award.objects.get(name="CSR Excellence Award").name_zh == "企业社会责任优秀奖"
    call_command("load_demo", stdout=None)
    assert Page.objects.count() == pages + 1
