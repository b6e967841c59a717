"""Dates, times and relative times in the reader's language (maghub/formats, Django's timesince)."""

import datetime as dt

from django.template import Context, Template
from django.utils import translation

import pytest

MOMENT = dt.datetime(2026, 11, 30, 17, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SHOWN = Template(
    '{{ moment|date:"DATE_FORMAT" }}|{{ moment|date:"SHORT_DATE_FORMAT" }}|'
    '{{ moment|date:"SHORT_DATETIME_FORMAT" }}|{{ moment|date:"TIME_FORMAT" }}|'
    '{{ moment|date:"YEAR_MONTH_FORMAT" }}'
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en-gb", "30 November 2026|30 Nov 2026|30 Nov 2026, 17:05|17:05|November 2026"),
        ("zh-hans", "2026年11月30日|2026年11月30日|2026年11月30日 17:05|17:05|2026年11月"),
    ],
)
def test_the_named_date_formats_follow_the_language(language, expected):
    with translation.override(language):
        assert SHOWN.render(Context({"moment": MOMENT})) == expected


def test_relative_times_are_written_in_chinese():
    template = Template(
        "{% load i18n %}{% blocktranslate with since=earlier|timesince:now %}"
        "{{ since }} ago{% endblocktranslate %}"
    )
    context = Context({"earlier": MOMENT - dt.timedelta(hours=3, minutes=5), "now": MOMENT})

    with translation.override("zh-hans"):
        chinese = template.render(context)
    with translation.override("en-gb"):
        english = template.render(context)

    assert chinese == "3\xa0小时，5\xa0分钟前"
    assert english == "3\xa0hours, 5\xa0minutes ago"


@pytest.mark.parametrize(("count", "expected"), [(1, "1 个页面"), (7, "7 个页面")])
def test_counted_phrases_use_the_catalogues_plural_forms(count, expected):
    template = Template(
        "{% load i18n %}{% blocktranslate trimmed count pages=count %}{{ pages }} page"
        "{% plural %}{{ pages }} pages{% endblocktranslate %}"
    )
    with translation.override("zh-hans"):
        assert template.render(Context({"count": count})) == expected
