"""No template of the site shows a reader words that skip the translation tags.

Text outside {% translate %} / {% blocktranslate %} (and outside variables, tags and comments) is
what a reader would see in English whatever their language; so are the alt, title, placeholder and
aria-label attributes. Class names in body_class blocks are not words for readers, and the brand
"MagHub" stays itself in every language.
"""

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [
    "maghub/templates",
    "maghub/two_factor/templates",
    "home/templates",
    "news/templates",
    "search/templates",
    "community/templates",
]
TEMPLATES = sorted(
    path
    for folder in TEMPLATE_DIRS
    for path in (PROJECT / folder).rglob("*")
    if path.suffix in {".html", ".txt"}
)
UNTRANSLATED_NAMES = {"MagHub"}
_REMOVED = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}", re.S),
    re.compile(r"{%\s*block (?:body_class|bodyclass)\s*%}.*?{%\s*endblock\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
]
_SEEN_ATTRIBUTES = re.compile(r'\b(?:alt|title|placeholder|aria-label)="([^"]*)"')


def unmarked_words(source: str) -> list[str]:
    """The runs of reader-visible text in a template's source that no translation tag covers."""
    for pattern in _REMOVED:
        source = pattern.sub(" ", source)
    attributes = _SEEN_ATTRIBUTES.findall(source)
    text = re.sub(r"<[^>]*>", "\n", source)
    runs = [run.strip() for run in re.split(r"\n|\s{2,}", text)] + attributes
    return [run for run in runs if re.search(r"[A-Za-z]", run) and run not in UNTRANSLATED_NAMES]


def test_templates_are_found():
    assert len(TEMPLATES) > 70


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(PROJECT)))
def test_every_word_a_reader_sees_is_marked_for_translation(template):
    assert unmarked_words(template.read_text(encoding="utf-8")) == []


def test_the_check_finds_unmarked_text_and_attributes():
    source = '{% load i18n %}<p>{% translate "Fine" %} Not fine</p><img alt="A picture">{{ page.title }}'
    assert unmarked_words(source) == ["Not fine", "A picture"]
