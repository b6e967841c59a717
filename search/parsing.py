"""What a reader types: words, "quoted phrases" and -exclusions (also -"phrases")."""

import re
from dataclasses import dataclass, field

from maghub.search_text import MAX_WORDS, search_words

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.terms or self.phrases)

    @property
    def positive(self) -> tuple[str, ...]:
        """Everything the results must contain, words and phrases alike (for highlighting)."""
        return self.terms + self.phrases

    def with_terms(self, terms) -> str:
        """The query as typed, with ``terms`` in place of its words (a "did you mean" text)."""
        return " ".join([*terms, *(f'"{p}"' for p in self.phrases), *(f"-{e}" for e in self.excluded)])


def has_cjk(text: str) -> bool:
    """True when the text holds Chinese (or Japanese, Korean) characters."""
    return bool(CJK.search(text))


def parse_query(text: str) -> ParsedQuery:
    """Split a query into words, phrases and exclusions. A quote that pairs with none, and any
    other character a full-text engine would read as syntax, only separates words."""
    terms: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        negated, phrase, word = match.groups()
        if phrase is not None:
            phrase = " ".join(search_words(phrase))
            if phrase:
                (excluded if negated else phrases).append(phrase)
            continue
        negated = word.startswith("-")
        words = search_words(word[1:] if negated else word)
        if negated and words:
            excluded.append(words.pop(0))
        terms.extend(words)
    return ParsedQuery(tuple(terms[:MAX_WORDS]), tuple(phrases[:MAX_WORDS]), tuple(excluded[:MAX_WORDS]))
