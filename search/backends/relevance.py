"""How the words of a query match and score on the engine (the ``query`` part of the request).

Per-field BM25 with explicit weights, terms blended across fields (``cross_fields``: every word
must occur in some field, and a word's rarity is judged over all fields together, so a word
that is rare among company names but common in headlines scores as the common word it is).
Bonuses on top: a title (or a company's Chinese name) holding every word, the words typed
together found near each other, and a gentle multiplicative recency decay.

Everything here is accepted alike by Elasticsearch 8 and OpenSearch 2 (``combined_fields``,
BM25F proper, is Elasticsearch-only).
"""

from elasticsearch_dsl import Q

from ..parsing import ParsedQuery, has_cjk

# Field weights. A title is the strongest evidence; a standfirst or a venue is written to say
# what a story is about; the body, the companies a story mentions and its authors count least.
# A company's Chinese name is its title in Chinese.
WEIGHTS = {
    "title": 4.0,
    "name_zh": 4.0,
    "standfirst": 2.0,
    "venue": 2.0,
    "authors": 1.5,
    "body": 1.0,
    "company_names": 1.0,
}
# name_zh has no English analysis: only queries with Chinese characters look in it.
CJK_ONLY = frozenset({"name_zh"})
# A title (or a company's Chinese name) holding every word adds this multiple of its title
# match again: such documents lead.
TITLE_FIELDS = ("title", "name_zh")
ALL_WORDS_IN_TITLE_BOOST = 3.0
# Words typed together and found within this many positions of each other, in one field.
PROXIMITY_FIELDS = ("title", "name_zh", "standfirst", "body")
PROXIMITY_SLOP = 3
PROXIMITY_BOOST = 1.0
# Chinese bigrams: short queries need every bigram; longer ones most of them (a bigram spanning
# two words, 上海物流's 海物, need not occur), with adjacency rewarded by the proximity bonus.
CJK_MINIMUM_SHOULD_MATCH = "2<75%"
FUZZY = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}
# Recency multiplies the text score by 1 + RECENCY_WEIGHT * decay, the decay falling from 1
# (today) to 0.5 at RECENCY_SCALE: among equal matches the newer leads, but never by more than
# RECENCY_WEIGHT, so a much better match stays ahead. Computed from the ``date`` doc values.
RECENCY_WEIGHT = 0.2
RECENCY_SCALE = "365d"


def analysed(field: str, text: str) -> str:
    """The field itself, or its ``cjk`` bigram sub-field when ``text`` holds CJK characters."""
    if field in CJK_ONLY:
        return field
    return f"{field}.cjk" if has_cjk(text) else field


def weighted_fields(text: str, names=WEIGHTS) -> list[str]:
    """``field^weight`` for each field the text is looked for in, analysed as the text requires."""
    cjk = has_cjk(text)
    return [f"{analysed(name, text)}^{WEIGHTS[name]:g}" for name in names if cjk or name not in CJK_ONLY]


def words_query(words: str, fuzzy: bool = False) -> Q:
    """Every word must occur in some field; ``fuzzy`` tolerates misspellings (the retry when the
    exact words found nothing: ``cross_fields`` takes no fuzziness, so each word is its own clause)."""
    fields = weighted_fields(words)
    if fuzzy:
        return Q(
            "bool",
            must=[
                Q("multi_match", query=word, fields=fields, zero_terms_query="all", **FUZZY)
                for word in words.split()
            ],
        )
    if has_cjk(words):
        return Q(
            "multi_match",
            query=words,
            type="cross_fields",
            fields=fields,
            minimum_should_match=CJK_MINIMUM_SHOULD_MATCH,
        )
    return Q("multi_match", query=words, type="cross_fields", fields=fields, operator="and")


def phrase_query(phrase: str, slop: int = 0, names=WEIGHTS, boost: float = 1.0) -> Q:
    """The phrase within one field (never across two)."""
    fields = weighted_fields(phrase, names)
    return Q("multi_match", query=phrase, type="phrase", slop=slop, fields=fields, boost=boost)


def exact_word_queries(parsed: ParsedQuery) -> dict[str, Q]:
    """One named query per word, matching it as typed: on the fuzzy retry, the hits tell which
    words were found as they are (the others were corrected), and exact matches score more."""
    return {
        f"word:{index}": Q("multi_match", query=word, fields=weighted_fields(word), _name=f"word:{index}")
        for index, word in enumerate(parsed.terms)
    }


def text_query(parsed: ParsedQuery, fuzzy: bool = False) -> Q:
    """Words and phrases that must match, exclusions that must not, and the relevance bonuses."""
    if not parsed:
        return Q("match_all")
    positive = " ".join(parsed.positive)
    must = [words_query(" ".join(parsed.terms), fuzzy)] if parsed.terms else []
    must += [phrase_query(phrase) for phrase in parsed.phrases]
    title_fields = weighted_fields(positive, TITLE_FIELDS)
    should = [
        Q(
            "multi_match",
            query=positive,
            fields=title_fields,
            operator="and",
            boost=ALL_WORDS_IN_TITLE_BOOST,
            **(FUZZY if fuzzy else {}),
        )
    ]
    words = " ".join(parsed.terms)
    if len(parsed.terms) > 1 or has_cjk(words):  # Chinese: adjacent bigrams are a word's own
        should.append(phrase_query(words, PROXIMITY_SLOP, PROXIMITY_FIELDS, PROXIMITY_BOOST))
    if fuzzy:
        should += exact_word_queries(parsed).values()
    must_not = [phrase_query(text) for text in parsed.excluded]
    return Q("bool", must=must, should=should, must_not=must_not)


def with_recency(query: Q) -> Q:
    """The query's score times a gentle recency factor (see RECENCY_WEIGHT)."""
    return Q(
        "function_score",
        query=query,
        functions=[
            {"weight": 1},
            {
                "exp": {"date": {"origin": "now", "scale": RECENCY_SCALE, "decay": 0.5}},
                "weight": RECENCY_WEIGHT,
            },
        ],
        score_mode="sum",
        boost_mode="multiply",
    )
