"""The languages search documents are written in (the reader's is `maghub.i18n.content_language`).

A page is written in its Wagtail locale's language. A community post has no locale: members
write in either language, so its language is read from its text (:func:`text_language`).
Analysis does not depend on it: every text field is analysed per script on both backends
(Latin words with English stemming, Chinese in bigrams or by substring), because pages of
either language mix both scripts ("DSV 物流"). The language decides ranking, the language
facet and where "did you mean" draws its words from.
"""

import re

from django.conf import settings

from maghub.i18n import CHINESE

from .parsing import CJK

# The ``lang`` parameter's value for every language with none ranked first.
ALL_LANGUAGES = "all"
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def text_language(text: str) -> str:
    """The language a member wrote ``text`` in: Chinese when its Chinese characters are at least
    as many as its Latin words (a character is about a morpheme, a Latin word a word), so an
    English post naming 无印良品 stays English and a Chinese one mentioning DSV stays Chinese."""
    characters = len(CJK.findall(text))
    if characters and characters >= len(_LATIN_WORD.findall(text)):
        return CHINESE
    return settings.LANGUAGE_CODE
