"""Reading time from a page's own text (the StreamField's searchable content, no rendering)."""

import math

WORDS_PER_MINUTE = 230


def word_count(*texts: str) -> int:
    return sum(len(text.split()) for text in texts if text)


def stream_text(stream_value) -> list[str]:
    """The words editors typed into a StreamField: paragraphs, headings, quotes, captions."""
    return stream_value.stream_block.get_searchable_content(stream_value)


def reading_minutes(*texts: str) -> int:
    return max(1, math.ceil(word_count(*texts) / WORDS_PER_MINUTE))
