"""What a reader types: words, "quoted phrases" and -exclusions (also -"phrases")."""

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
MAX_TERMS = 16


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
    return bool(_CJK.search(text))


def parse_query(text: str) -> ParsedQuery:
    """Split a query into words, phrases and exclusions; an unmatched quote is treated as text."""
    terms: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        negated, phrase, word = match.groups()
        if phrase is not None:
            phrase = " ".join(phrase.split())
            if phrase:
                (excluded if negated else phrases).append(phrase)
            continue
        word = word.strip('"')
        if word.startswith("-") and len(word) > 1:
            excluded.append(word[1:])
        elif word and word != "-":
            terms.append(word)
    return ParsedQuery(tuple(terms[:MAX_TERMS]), tuple(phrases[:MAX_TERMS]), tuple(excluded[:MAX_TERMS]))
