"""Every public page type, rendered under /zh/, shows no English words of the site's interface.

The content here is Chinese, so any English UI string left in a page is one the templates or the
code did not translate. The English UI strings are the catalogue's own msgids, cut at their
placeholders and tags into the runs of words a reader would see.
"""

import re
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

import pytest

from community.models import Category, Membership
from home.info_pages import ensure_info_pages
from home.models import InfoPage
from tests.i18n.po import ZH_PO, entries
from tests.i18n.translations import translate
from tests.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    EventReportPageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db

# The brand stays itself in Chinese ("MagHub 上海").
SAME_IN_CHINESE = {"MagHub"}
# What a reader reads: text, and these attributes (links, class names and ids are not read).
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label"}


def english_ui_phrases() -> set[str]:
    """The catalogue's English phrases of more than three characters, placeholders and tags cut out."""
    phrases = set()
    for entry in entries(ZH_PO):
        for message in filter(None, (entry.msgid, entry.msgid_plural)):
            for run in re.split(r"%\(\w+\)[sd]|<[^>]+>", message):
                run = run.strip(" ,.:;!?()“”—–·→←…")
                if len(run) > 3 and re.search(r"[A-Za-z]", run) and run not in SAME_IN_CHINESE:
                    phrases.add(run)
    return phrases


class ReadText(HTMLParser):
    """The text a reader of the page meets: its title, body text and read attributes."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        self.parts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def english_left_in(html: str, phrases: set[str]) -> list[str]:
    reader = ReadText()
    reader.feed(html)
    text = "\n".join(reader.parts)
    return sorted(p for p in phrases if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])", text))


@pytest.fixture(scope="module")
def phrases():
    found = english_ui_phrases()
    assert {"Join the community", "Search MagHub", "min read", "Page not found"} <= found
    return found


@pytest.fixture
def chinese_site(home_page, news_index, company_index, event_index):
    """A small Chinese edition: sections, an article, a company and an event report, all in Chinese."""
    ensure_info_pages(home_page)
    logistics = IndustryFactory(name="物流", slug="logistics")
    changning = DistrictFactory(name="长宁", slug="changning")
    author = AuthorFactory(name="李明", slug="li-ming", role="上海日报记者")
    company = CompanyProfilePageFactory(
        parent=company_index, slug="dsv", title="得斯威", home_country="丹麦", summary="全球物流公司。"
    )
    article = ArticlePageFactory(
        parent=news_index,
        slug="port",
        title="港口吞吐量上升",
        standfirst="跨国公司继续在上海扩张。",
        industries=[logistics],
        districts=[changning],
        authors=[author],
        companies=[company],
    )
    event = EventReportPageFactory(
        parent=event_index, slug="forum", title="虹桥商务论坛", venue="国际会议中心", districts=[changning]
    )
    for page, title in [(home_page, "MagHub 上海"), (news_index, "新闻"), (company_index, "公司")]:
        translate(page, title=title)
    translate(event_index, title="活动")
    for number, info_page in enumerate(InfoPage.objects.filter(locale__language_code="en-gb")):
        translate(info_page, title=f"关于我们 {number}", intro="")
    return {
        "article": translate(article, title="港口吞吐量上升"),
        "company": translate(company, title="得斯威"),
        "event": translate(event, title="虹桥商务论坛"),
        "author": author,
    }


PUBLIC_PATHS = [
    "/zh/",
    "/zh/news/",
    "/zh/news/port/",
    "/zh/companies/",
    "/zh/companies/dsv/",
    "/zh/events/",
    "/zh/events/forum/",
    "/zh/industries/",
    "/zh/industries/logistics/",
    "/zh/districts/",
    "/zh/districts/changning/",
    "/zh/authors/li-ming/",
    "/zh/search/?q=港口",
    "/zh/search/?q=没有这样的词",
    "/zh/search/?q=港口&from=2030-01-01&to=2020-01-01",
    "/zh/accounts/login/",
    "/zh/accounts/signup/",
    "/zh/accounts/password/reset/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_in_chinese_show_no_english_interface(client, chinese_site, phrases, path):
    response = client.get(path)

    assert response.status_code in (200, 400), path
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert english_left_in(html, phrases) == []


def test_search_counts_and_says_nothing_matches_in_chinese(client, chinese_site):
    found = client.get("/zh/search/?q=港口").content.decode()
    nothing = client.get("/zh/search/?q=没有这样的词").content.decode()

    assert re.search(r"“港口”共有 [1-9]\d* 条结果", found)
    assert "吞吐量上升" in found  # the title, its matched word highlighted
    assert "没有匹配的结果。请尝试减少关键词或移除筛选条件。" in nothing


def test_a_missing_page_says_so_in_chinese(client, chinese_site, phrases):
    response = client.get("/zh/no-such-page/")

    assert response.status_code == 404
    assert "找不到该页面" in response.content.decode()
    assert english_left_in(response.content.decode(), phrases) == []


def _chinese_member(username, full_name, job_title):
    user = get_user_model().objects.create_user(username, f"{username}@dsv.example", "correct horse battery")
    Membership.objects.create(
        user=user,
        full_name=full_name,
        company_name="得斯威",
        job_title=job_title,
        state=Membership.State.APPROVED,
        language="zh-hans",
    )
    return user


@pytest.fixture
def chinese_member(client, chinese_site):
    """A member reading the community in Chinese, with a thread, a reply and a notification."""
    user = _chinese_member("li-wei", "李伟", "物流经理")
    other = _chinese_member("wang-fang", "王芳", "财务总监")
    category = Category.objects.create(name="签证与居留", slug="visas", description="工作签证经验交流。")
    thread = category.start_thread(user, "居留许可续签要多久？", "上个月我提交了材料。")
    thread.reply(other, "大约两周。@li-wei")
    client.force_login(user)
    return {"category": category, "thread": thread}


def test_community_pages_in_chinese_show_no_english_interface(client, chinese_member, phrases):
    thread = chinese_member["thread"]
    with translation.override("zh-hans"):
        paths = [
            reverse("community:index"),
            chinese_member["category"].get_absolute_url(),
            thread.get_absolute_url(),
            reverse("community:post_history", args=[thread.posts.first().pk]),
            reverse("community:notifications"),
            reverse("community:my_threads"),
            reverse("community:member", args=["wang-fang"]),
            reverse("profile"),
        ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert path.startswith("/zh/") and '<html lang="zh-Hans">' in html, path
        assert english_left_in(html, phrases) == [], path


def test_the_check_finds_an_english_interface_string(phrases):
    html = '<p>港口</p><a href="/join/">Join the community</a><img alt="Share this page">'

    assert {"Join the community", "Share this page"} <= set(english_left_in(html, phrases))
