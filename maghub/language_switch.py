"""Where the language switcher leads: the same page in the other language, or the nearest
section of it that exists there, and the `hreflang` alternates a page declares."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page

from maghub import content_cache
from maghub.i18n import bcp47, language_name, localized_path


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    url: str
    # False when the page has no translation and the link leads to its nearest translated section.
    is_exact: bool
    is_current: bool
    # For an inexact link: what it leads to instead, said in the link's language.
    note: str = ""

    @property
    def lang(self) -> str:
        return bcp47(self.language_code)

    @property
    def name(self) -> str:
        return language_name(self.language_code)


def language_links(request, page=None) -> list[LanguageLink]:
    """One link per language: to `page`'s translation or nearest translated ancestor, or, for a
    view outside the page tree, to the same view in that language.

    Worked out once per request and page: the switcher, its note, the head's alternates and
    the Open Graph locales all read them.
    """
    key = getattr(page, "pk", None)
    remembered = getattr(request, "_language_links", None)
    if remembered is None or remembered[0] != key:
        remembered = (key, _language_links(request, page))
        request._language_links = remembered
    return remembered[1]


def _language_links(request, page) -> list[LanguageLink]:
    current = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(page, Page) and page.pk:
        # Read once per change of published content, page, host and language.
        key = f"language-links:{page.pk}:{request.get_host()}"
        return content_cache.cached(key, lambda: _page_links(request, page, current))
    path = request.get_full_path()
    return [
        LanguageLink(code, translate_url(path, code), is_exact=True, is_current=code == current)
        for code, _name in settings.LANGUAGES
    ]


def alternates(links: list[LanguageLink]) -> list[LanguageLink]:
    """The links that are the same page in another language, for `<link rel="alternate">`."""
    exact = [link for link in links if link.is_exact]
    return exact if len(exact) > 1 else []


def _page_links(request, page, current) -> list[LanguageLink]:
    # One query: the live translations of the page and of each of its ancestors, deepest first.
    lineage = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=lineage.values("translation_key"))
        .select_related("locale")
        .order_by("-depth")
    )
    nearest = {}
    for candidate in candidates:
        nearest.setdefault(candidate.locale.language_code, candidate)
    links = []
    for code, _name in settings.LANGUAGES:
        target = nearest.get(code)
        is_exact = target is not None and target.translation_key == page.translation_key
        url = localized_path("/", code) if target is None else target.get_url(request)
        note = "" if is_exact else _untranslated_note(code, target)
        links.append(LanguageLink(code, url, is_exact, code == current, note))
    return links


def _untranslated_note(language_code, section) -> str:
    # Said in the language the link leads to, about that language: the msgid is the English note
    # and each catalogue names its own language ("本页暂无中文版…").
    with translation.override(language_code):
        if section is None or section.depth <= 2:
            return gettext("This page is not in English yet: go to the home page")
        return gettext("This page is not in English yet: go to %(section)s") % {"section": section.title}
