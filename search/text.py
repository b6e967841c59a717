"""Plain text out of rich text and StreamField data, without touching the database."""

import re
from collections.abc import Iterable
from html import unescape

# Stream children whose values are ids or URLs, never words a reader would search for.
_SKIPPED_KEYS = frozenset({"image", "embed", "id", "photos_id", "url", "page", "document"})
# Tags, comments and CDATA out of the (editor-produced, well-formed) rich text. The words are
# for the index only: whatever is shown to readers is escaped when it is rendered.
# Block boundaries become spaces; inline tags (<b>w</b>ord) vanish without splitting words.
_TAG = r"""<(?:[^>"']|"[^"]*"|'[^']*')*>"""
_BLOCK = re.compile(
    r"<!--.*?-->|</?(?:p|br|hr|li|ul|ol|h[1-6]|div|blockquote|tr|td|th|table|figure|figcaption)\b" + _TAG[1:],
    re.DOTALL | re.IGNORECASE,
)
_INLINE = re.compile(_TAG)


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (tags dropped, entities decoded, spaces squeezed)."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    return " ".join(unescape(_INLINE.sub("", _BLOCK.sub(" ", html))).split())


def _strings(value, key: str | None = None) -> Iterable[str]:
    if key in _SKIPPED_KEYS:
        return
    if isinstance(value, str):
        yield html_to_text(value)
    elif isinstance(value, dict):
        if "type" in value and "value" in value:  # a stream child: {"type", "value", "id"}
            yield from _strings(value["value"], value["type"])
        else:
            for child_key, child in value.items():
                yield from _strings(child, child_key)
    elif isinstance(value, list | tuple):
        for child in value:
            yield from _strings(child)


def stream_to_text(stream) -> str:
    """All the words of a StreamField value (its raw JSON: no block conversion, no queries)."""
    raw = getattr(stream, "raw_data", stream) or []
    return " ".join(part for part in _strings(list(raw)) if part)
