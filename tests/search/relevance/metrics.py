"""Graded relevance metrics over one ranked list: nDCG@k and the reciprocal rank of the ideal."""

import math
from collections.abc import Mapping, Sequence

CUTOFF = 10


def dcg(grades: Sequence[int]) -> float:
    """Discounted cumulative gain, with gain ``2**grade - 1`` (an ideal document counts triple)."""
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg(ranked: Sequence[str], grades: Mapping[str, int], k: int = CUTOFF) -> float:
    """nDCG@k of a ranked list of document keys; unjudged documents are 0."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(key, 0) for key in ranked[:k]]) / ideal if ideal else 0.0


def reciprocal_rank(ranked: Sequence[str], grades: Mapping[str, int], k: int = CUTOFF) -> float:
    """1 / the rank of the first document with the top grade in the first ``k``, else 0."""
    best = max(grades.values(), default=0)
    for rank, key in enumerate(ranked[:k], start=1):
        if best and grades.get(key, 0) == best:
            return 1 / rank
    return 0.0
