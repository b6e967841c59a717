"""The site's two languages in its URLs: English where it has always been, Chinese under /zh/.

The language code stays Django's and Wagtail's `zh-hans` (its catalogue, formats and content
locale); only the path prefix is the short `zh` readers type and share.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, URLResolver
from django.utils.translation import get_language, to_locale

from wagtail.coreutils import get_supported_content_language_variant

CHINESE = "zh-hans"
# Path prefixes that differ from the language code; the default language has none.
URL_PREFIXES = {CHINESE: "zh"}


class LanguagePrefixPattern(LocalePrefixPattern):
    """Django's language prefix with the short `zh/` for Simplified Chinese.

    LocaleMiddleware reads `/zh/…` as zh-hans already (the nearest supported variant of `zh`);
    this makes reverse() and resolve() agree with it.
    """

    @property
    def language_prefix(self) -> str:
        return url_prefix(get_language() or settings.LANGUAGE_CODE)


def language_patterns(*urls) -> list[URLResolver]:
    """i18n_patterns() with the short prefixes and the default language unprefixed."""
    return [URLResolver(LanguagePrefixPattern(prefix_default_language=False), list(urls))]


def url_prefix(language_code: str) -> str:
    """A language's path prefix: none for the default language, "zh/" for Simplified Chinese."""
    if language_code == settings.LANGUAGE_CODE:
        return ""
    return f"{URL_PREFIXES.get(language_code, language_code)}/"


def localized_path(path: str, language_code: str | None = None) -> str:
    """An unprefixed site path ("/news/") under the prefix of `language_code` (default: the
    active language): "/zh/news/" in Chinese, unchanged in English."""
    return f"/{url_prefix(language_code or get_language() or settings.LANGUAGE_CODE)}{path[1:]}"


def localized_name(english: str, chinese: str) -> str:
    """The name for the active language: `chinese` to Chinese readers when the editors gave one,
    `english` otherwise (the English name is the one every record has)."""
    return chinese if chinese and content_language() == CHINESE else english


def content_language() -> str:
    """The active language as the code of a content Locale ("en-gb", "zh-hans"): what the pages
    a reader is shown are written in."""
    return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)


# Open Graph names a locale language_TERRITORY; Simplified Chinese is zh_CN there.
OPEN_GRAPH_LOCALES = {"en-gb": "en_GB", "zh-hans": "zh_CN"}


def open_graph_locale(language_code: str) -> str:
    """`og:locale` of a language: en_GB, zh_CN."""
    return OPEN_GRAPH_LOCALES[language_code]


def bcp47(language_code: str) -> str:
    """Django's lower-case code in the form HTML `lang` and `hreflang` use: en-GB, zh-Hans."""
    return to_locale(language_code).replace("_", "-")


def language_name(language_code: str) -> str:
    """The language's name in itself (English, 简体中文), as a switcher shows it."""
    return dict(settings.LANGUAGES)[language_code]


class PathLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware for a site whose language is its path's alone.

    An unprefixed path is English whatever the browser asks for, so a response does not vary on
    Accept-Language: shared caches (and maghub/page_cache.py) keep one copy per URL.
    """

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", get_language())
        return response
