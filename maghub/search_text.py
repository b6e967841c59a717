"""What a reader typed into a search box, reduced to words that no full-text engine reads as syntax.

Wagtail's database backends put each word (or phrase) between double quotes in the FTS5 or
PostgreSQL query they build, and do not escape what is inside: a double quote there ends the
string early (FTS5: "unterminated string"), and a NUL ends it in FTS5 and is refused outright
by PostgreSQL. Other control characters and unpaired surrogates are no text anyone types. All of
these become word breaks. The number of words is capped because each one adds a term to the
engine's query tree, which FTS5 limits in depth.
"""

import re

MAX_WORDS = 16

_NOT_TEXT = re.compile(r'["\x00-\x1f\x7f-\x9f\ud800-\udfff]')


def search_words(text: str, limit: int = MAX_WORDS) -> list[str]:
    """The first ``limit`` words of ``text``, with quotes and control characters taken as spaces."""
    return _NOT_TEXT.sub(" ", text or "").split()[:limit]
