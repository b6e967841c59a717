"""RSS 2.0 feeds parse and carry only live public articles."""

from django.urls import reverse

import feedparser
import pytest

from tests.news.factories import ArticlePageFactory, AuthorFactory, DistrictFactory, IndustryFactory

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    return feed


def test_news_feed_lists_latest_live_articles(client, news_index):
    logistics = IndustryFactory(name="Logistics")
    ArticlePageFactory(parent=news_index, title="Older", industries=[logistics])
    ArticlePageFactory(parent=news_index, title="Newer", authors=[AuthorFactory(name="Ma Yujia")])
    ArticlePageFactory(parent=news_index, title="Draft", live=False)

    feed = parse(client, reverse("news:feed"))
    assert [entry.title for entry in feed.entries] == ["Newer", "Older"]
    assert feed.entries[0].author == "Ma Yujia"
    assert feed.entries[1].tags[0].term == "Logistics"
    assert feed.entries[0].link == "http://localhost/news/newer/"


def test_term_feeds_are_narrowed_to_the_term(client, news_index):
    logistics, changning = IndustryFactory(name="Logistics"), DistrictFactory(name="Changning")
    ArticlePageFactory(parent=news_index, title="Logistics story", industries=[logistics])
    ArticlePageFactory(parent=news_index, title="Changning story", districts=[changning])

    assert [e.title for e in parse(client, logistics.feed_url).entries] == ["Logistics story"]
    assert [e.title for e in parse(client, changning.feed_url).entries] == ["Changning story"]
    assert client.get(reverse("news:industry_feed", args=["nope"])).status_code == 404
