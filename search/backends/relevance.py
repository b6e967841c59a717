"""How the words of a query match and score on the engine (the ``query`` part of the request).

Every word must occur in some field; each field that holds words scores them with its own
BM25 (its own document frequencies) times an explicit weight, and the fields' scores add up.
Bonuses on top: a title (or a company's Chinese name) holding every word, the words typed
together found near each other, and a gentle multiplicative recency decay.

Everything here is accepted alike by Elasticsearch 8 and OpenSearch 2 (``combined_fields``,
BM25F proper, is Elasticsearch-only).
"""

from elasticsearch_dsl import Q

from ..parsing import ParsedQuery, has_cjk

# Field weights. A title is the strongest evidence; a standfirst or a venue is written to say
# what a story is about; the body, the companies a story mentions and its authors count least.
# A company's Chinese name is its title in Chinese; the names of the companies a story's headline
# names are almost its title (the story is about them, in whichever language they are written).
# ``tags`` holds the industries and districts editors chose (their slugs' words): a profile
# tagged Logistics is about logistics even when its text says "freight forwarding".
WEIGHTS = {
    "title": 4.0,
    "name_zh": 4.0,
    "subject_names": 3.0,
    "standfirst": 2.0,
    "venue": 2.0,
    "authors": 1.5,
    "body": 1.0,
    "company_names": 1.0,
    "tags": 1.0,
}
# Fields only words of one script are looked for in (name_zh has no English analysis, tags no
# Chinese one).
CJK_ONLY = frozenset({"name_zh"})
LATIN_ONLY = frozenset({"tags"})
# Phrases and exclusions match the written text (a phrase of tags means nothing).
PHRASE_FIELDS = tuple(name for name in WEIGHTS if name != "tags")
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
# The fuzzy retry also compares each word as typed (folded, unstemmed) with the indexed stems:
# stemming can hide a misspelt word from its neighbours (zhangjaing -> zhangja, two edits from
# zhangjiang).
AS_TYPED = "maghub_folding"
# Recency multiplies the text score by 1 + RECENCY_WEIGHT * decay, the decay falling from 1
# (today) to 0.5 at RECENCY_SCALE: among equal matches the newer leads, but never by more than
# RECENCY_WEIGHT, so a much better match stays ahead. Computed from the ``date`` doc values.
RECENCY_WEIGHT = 0.2
RECENCY_SCALE = "365d"


def analysed(field: str, text: str) -> str:
    """The field itself, or its ``cjk`` bigram sub-field when ``text`` holds CJK characters."""
    if field in CJK_ONLY or field in LATIN_ONLY:
        return field
    return f"{field}.cjk" if has_cjk(text) else field


def weighted_fields(text: str, names=WEIGHTS) -> list[str]:
    """``field^weight`` for each field the text is looked for in, analysed as the text requires."""
    other_script = LATIN_ONLY if has_cjk(text) else CJK_ONLY
    return [f"{analysed(name, text)}^{WEIGHTS[name]:g}" for name in names if name not in other_script]


def by_script(texts) -> list[str]:
    """The texts joined per script: Latin words apart from words holding CJK characters, so that
    each group is analysed as it needs ("DSV 物流": DSV in the English fields, 物流 in bigrams)."""
    groups = (" ".join(t for t in texts if not has_cjk(t)), " ".join(t for t in texts if has_cjk(t)))
    return [group for group in groups if group]


def near_misses(words: str, fields: list[str], **options) -> list[Q]:
    """The words with misspellings tolerated, compared stemmed and as typed."""
    return [
        Q("multi_match", query=words, fields=fields, **FUZZY, **options),
        Q("multi_match", query=words, fields=fields, analyzer=AS_TYPED, **FUZZY, **options),
    ]


def every_word(words: str, fuzzy: bool = False) -> Q:
    """Every word (of one script) must occur in some field (Chinese: most bigrams); no score.

    ``cross_fields`` treats the fields as one, but its scores are not used: it blends each word's
    document frequency across fields while keeping each field's own document count, which
    leaves sparse fields (a company's Chinese name, a story's subject companies) almost no
    weight. It takes no fuzziness: the fuzzy retry has one clause per word.
    """
    fields = weighted_fields(words)
    if has_cjk(words):
        return Q(
            "multi_match",
            query=words,
            type="cross_fields",
            fields=fields,
            minimum_should_match=CJK_MINIMUM_SHOULD_MATCH,
        )
    if fuzzy:
        return Q(
            "bool",
            filter=[
                Q("bool", should=near_misses(word, fields, zero_terms_query="all"), minimum_should_match=1)
                for word in words.split()
            ],
        )
    return Q("multi_match", query=words, type="cross_fields", fields=fields, operator="and")


def scored_words(words: str, fuzzy: bool = False) -> list[Q]:
    """The words in every field that holds them, each field scored by its own BM25 and weight."""
    fields = weighted_fields(words)
    if fuzzy and not has_cjk(words):
        return near_misses(words, fields, type="most_fields")
    return [Q("multi_match", query=words, type="most_fields", fields=fields)]


def words_query(terms: tuple[str, ...], fuzzy: bool = False) -> Q:
    """Every word must match somewhere; the fields that hold them score. ``fuzzy`` tolerates
    misspellings (the retry when the exact words found nothing)."""
    groups = by_script(terms)
    return Q(
        "bool",
        filter=[every_word(group, fuzzy) for group in groups],
        should=[query for group in groups for query in scored_words(group, fuzzy)],
    )


def phrase_query(phrase: str, slop: int = 0, names=PHRASE_FIELDS, boost: float = 1.0) -> Q:
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


def bonuses(parsed: ParsedQuery, fuzzy: bool = False) -> list[Q]:
    """A title holding every word; the words typed together found near each other."""
    should = []
    for group in by_script(parsed.positive):
        fuzziness = FUZZY if fuzzy and not has_cjk(group) else {}
        title_fields = weighted_fields(group, TITLE_FIELDS)
        should.append(
            Q(
                "multi_match",
                query=group,
                fields=title_fields,
                operator="and",
                boost=ALL_WORDS_IN_TITLE_BOOST,
                **fuzziness,
            )
        )
    for group in by_script(parsed.terms):
        if " " in group or has_cjk(group):  # Chinese: adjacent bigrams are a word's own
            should.append(phrase_query(group, PROXIMITY_SLOP, PROXIMITY_FIELDS, PROXIMITY_BOOST))
    return should


def text_query(parsed: ParsedQuery, fuzzy: bool = False) -> Q:
    """Words and phrases that must match, exclusions that must not, and the relevance bonuses."""
    if not parsed:
        return Q("match_all")
    must = [words_query(parsed.terms, fuzzy)] if parsed.terms else []
    must += [phrase_query(phrase) for phrase in parsed.phrases]
    should = bonuses(parsed, fuzzy)
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
