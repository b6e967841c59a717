"""Fixtures of the i18n tests: the Chinese tree a translation goes under."""

import pytest

from tests.i18n.translations import translate


@pytest.fixture
def chinese_news(news_index):
    """The Chinese home page and news section, live: what an article's translation goes under."""
    translate(news_index.get_parent(), title="MagHub 上海")
    return translate(news_index, title="新闻")
