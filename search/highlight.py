"""Highlighted snippets that are safe to render: everything escaped except our own marks."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Private-use characters no document contains: the backends wrap matches in these,
# and only these become <mark> tags after everything else has been escaped.
MARK_START = "\ue000"
MARK_END = "\ue001"


def render(fragment: str) -> SafeString:
    """Escape a fragment, then turn the match markers into ``<mark>`` tags."""
    escaped = escape(fragment)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308 - escaped above
