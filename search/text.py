"""Plain text out of rich text and StreamField data, without touching the database."""

from collections.abc import Iterable
from html import unescape

from django.utils.html import strip_tags

# Stream children whose values are ids or URLs, never words a reader would search for.
_SKIPPED_KEYS = frozenset({"image", "embed", "id", "photos_id", "url", "page", "document"})


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (tags dropped, entities decoded, spaces squeezed)."""
    if not html:
        return ""
    return " ".join(unescape(strip_tags(html.replace("<", " <"))).split())


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
