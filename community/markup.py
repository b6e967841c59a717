"""Post bodies: Markdown rendered to HTML, then sanitised with nh3 against an allowlist."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: S405 (builds elements, parses nothing)

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import markdown
import nh3
from markdown.inlinepatterns import InlineProcessor

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6", "hr",
    "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_CLASSES = {"a": {"mention"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

# A handle: what sign-up allows for usernames. Not preceded by a Latin letter or digit, so e-mail
# addresses (name@example.com) are not mentions; Chinese, written without spaces, may touch it on
# either side ("请问@wang-li有空吗"), and a Chinese input method may type the full-width ＠.
MENTION_RE = r"(?<![A-Za-z0-9_@＠/])[@＠]([A-Za-z0-9_-]{3,30})(?![A-Za-z0-9_-])"


class _MentionProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 (Markdown's API)
        username = m.group(1)
        link = etree.Element("a")
        # The stored HTML is shown to readers of both languages: the unprefixed path, which sends
        # each member on to their own language (community/member_language.py).
        with translation.override(settings.LANGUAGE_CODE):
            link.set("href", reverse("community:member", args=[username]))
        link.set("class", "mention")
        link.text = f"@{username}"
        return link, m.start(0), m.end(0)


class _MentionExtension(markdown.Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.inlinePatterns.register(_MentionProcessor(MENTION_RE, md), "mention", 175)


def render_markdown(text: str) -> str:
    """Render a member's Markdown to HTML that is safe to show as it is."""
    html = markdown.markdown(text, extensions=["fenced_code", "tables", "sane_lists", _MentionExtension()])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def renders_empty(text: str) -> bool:
    """True when nothing readable is left of `text` once rendered and sanitised (e.g. only a <script>)."""
    return not nh3.clean(render_markdown(text), tags=set()).strip()


def extract_mentions(text: str) -> set[str]:
    """The handles @mentioned in `text` (lower-cased), ignoring code spans and blocks."""
    without_code = re.sub(r"```.*?```|`[^`]*`", " ", text, flags=re.S)
    return {name.lower() for name in re.findall(MENTION_RE, without_code)}
