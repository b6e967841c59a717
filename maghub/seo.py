"""What search engines and social apps read about a page, built in Python.

`page_seo(request, page)` returns a `PageSeo`: title, description, canonical URL,
share image, Open Graph and Twitter card pairs, and the schema.org objects
rendered as JSON-LD. Each app describes its own page types in an `seo.py`
module (autodiscovered by HomeConfig.ready()) with `@schema_for(...)`:

    @schema_for("news.ArticlePage")
    def article_schema(page, request): return {"@type": "NewsArticle", ...}

Templates only render what comes out (includes/seo_head.html).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from wagtail.models import Page

from maghub.i18n import bcp47, content_language, open_graph_locale
from maghub.images import SHARE_IMAGE_SPEC
from maghub.language_switch import alternates, language_links
from maghub.pages import trail as page_trail
from maghub.site_urls import absolute_url

SCHEMA_CONTEXT = "https://schema.org"
# Fields that can describe a page when the editor left search_description empty, in order.
DESCRIPTION_FIELDS = ("search_description", "standfirst", "summary", "intro", "tagline")
DESCRIPTION_MAX = 300

SchemaBuilder = Callable[[Page, object], dict]


@dataclass(frozen=True)
class SchemaRegistration:
    builder: SchemaBuilder
    og_type: str


_registry: dict[type, SchemaRegistration] = {}


def schema_for(model_label: str, og_type: str = "website"):
    """Register the function that builds a page type's main schema.org object, and its og:type."""

    def register(builder: SchemaBuilder) -> SchemaBuilder:
        _registry[apps.get_model(model_label)] = SchemaRegistration(builder, og_type)
        return builder

    return register


def registration(page) -> SchemaRegistration | None:
    return next((_registry[model] for model in type(page).__mro__ if model in _registry), None)


def schema_language() -> str:
    """schema.org `inLanguage` of what is being read: the reader's language (en-GB, zh-Hans)."""
    return bcp47(content_language())


def translated_into(request, page=None) -> list[str]:
    """The other languages the page (or view) can be read in: the Open Graph alternates."""
    if request is None:
        return []
    return [link.language_code for link in alternates(language_links(request, page)) if not link.is_current]


@dataclass
class PageSeo:
    title: str
    description: str
    canonical_url: str
    og_type: str = "website"
    image_url: str = ""
    image_alt: str = ""
    structured_data: list[dict] = field(default_factory=list)
    other_languages: list[str] = field(default_factory=list)

    @property
    def open_graph(self) -> list[tuple[str, str]]:
        tags = [
            # The site's name is a msgid of the catalogue too ("MagHub Shanghai" → "MagHub 上海").
            ("og:site_name", gettext(settings.WAGTAIL_SITE_NAME)),
            ("og:type", self.og_type),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", self.canonical_url),
            ("og:locale", open_graph_locale(content_language())),
            *(("og:locale:alternate", open_graph_locale(code)) for code in self.other_languages),
        ]
        if self.image_url:
            tags += [("og:image", self.image_url), ("og:image:alt", self.image_alt)]
        return [(name, value) for name, value in tags if value]

    @property
    def twitter_card(self) -> list[tuple[str, str]]:
        tags = [
            ("twitter:card", "summary_large_image" if self.image_url else "summary"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
            ("twitter:image", self.image_url),
            ("twitter:image:alt", self.image_alt if self.image_url else ""),
        ]
        return [(name, value) for name, value in tags if value]

    @property
    def json_ld(self) -> SafeString:
        """One <script type="application/ld+json"> per schema.org object."""
        return mark_safe("\n".join(json_ld_script(item) for item in self.structured_data))  # noqa: S308


def json_ld_script(data) -> SafeString:
    """A <script type="application/ld+json"> whose content cannot close the tag early."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    escaped = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308


def image_url(request, image, spec: str = SHARE_IMAGE_SPEC) -> str:
    # get_renditions(), not get_rendition(): the latter rewrites the cache on every call.
    return absolute_url(image.get_renditions(spec)[spec].url, request) if image else ""


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def describe(page) -> str:
    """The page's own words: its SEO description, else its standfirst, summary or intro."""
    for name in DESCRIPTION_FIELDS:
        text = (getattr(page, name, "") or "").strip()
        if text:
            return shorten(text, DESCRIPTION_MAX)
    return ""


def publisher(request) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute_url("/", request),
    }


def breadcrumb_list(page, request) -> dict | None:
    """schema.org BreadcrumbList from the site's home page down to `page`."""
    trail = [p for p in page_trail(page) if p.live and p.depth > 1]
    if len(trail) < 2:
        return None
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def page_seo(request, page) -> PageSeo:
    """Everything seo_head.html renders for a Wagtail page."""
    page = page.specific
    image = getattr(page, "effective_share_image", None)
    registered = registration(page)
    main = {"@context": SCHEMA_CONTEXT, **registered.builder(page, request)} if registered else None
    structured = [data for data in (main, breadcrumb_list(page, request)) if data]
    return PageSeo(
        title=page.seo_title or page.title,
        description=describe(page),
        canonical_url=page.get_full_url(request),
        og_type=registered.og_type if registered else "website",
        image_url=image_url(request, image),
        image_alt=image.default_alt_text if image else "",
        structured_data=structured,
        other_languages=translated_into(request, page),
    )


def view_seo(request, title: str, description: str = "") -> PageSeo:
    """SEO for a plain Django view (author pages, search): canonical is the path without a query."""
    return PageSeo(
        title=title,
        description=description,
        canonical_url=absolute_url(request.path, request),
        other_languages=translated_into(request),
    )


@schema_for("home.HomePage")
def website_schema(page, request) -> dict:
    """The site itself, with the search box search engines may show under it."""
    search_url = absolute_url(reverse("search"), request) + "?q={search_term_string}"
    return {
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": page.get_full_url(request),
        "inLanguage": schema_language(),
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url},
            "query-input": "required name=search_term_string",
        },
    }
