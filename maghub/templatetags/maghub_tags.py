"""Site-wide template tags: breadcrumbs, the main navigation, content-version cache keys."""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from maghub import content_cache
from maghub.i18n import bcp47, localized_path
from maghub.language_switch import alternates, language_links
from maghub.pages import trail as page_trail
from maghub.site_urls import absolute_url

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail to the current page: the page's ancestors, or the view's `breadcrumb_trail`."""
    trail = context.get("breadcrumb_trail")
    page = context.get("page")
    if trail is None and page is not None and page.depth > 2:
        ancestors = [ancestor for ancestor in page_trail(page)[:-1] if ancestor.depth > 2]
        # With the request, Wagtail reads the site's root paths once for the whole trail.
        request = context.get("request")
        trail = [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors] + [(page.title, None)]
    return {"trail": trail or [], "home_url": localized_path("/")}


@register.simple_tag
def localized(path):
    """A site path ("/news/") in the active language ("/zh/news/" in Chinese)."""
    return localized_path(path)


@register.simple_tag(takes_context=True)
def nav_current(context, prefix):
    """`aria-current="page"` on the navigation link whose section the request is in."""
    request = context.get("request")
    if request is not None and request.path.startswith(localized_path(prefix)):
        return mark_safe('aria-current="page"')  # noqa: S308 - a constant
    return ""


def _language_links(context):
    return language_links(context["request"], context.get("page"))


@register.simple_tag
def html_lang():
    """The active language as HTML's `lang` wants it (en-GB, zh-Hans)."""
    return bcp47(get_language())


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page in the other languages (or to their nearest section, saying so). For a
    signed-in member (`account.language`, from the community's context processor) each is a
    button that also makes the language their preference."""
    links = [link for link in _language_links(context) if not link.is_current]
    return {"links": links, "account": context.get("account")}


@register.inclusion_tag("includes/language_note.html", takes_context=True)
def language_note(context):
    """Under the masthead, in the other language: this page is not in it yet, and where its
    switcher link goes instead."""
    return {"links": [link for link in _language_links(context) if link.note and not link.is_current]}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """`<link rel="alternate" hreflang>` for each language the page exists in, and x-default."""
    request = context["request"]
    hreflangs = [
        (link.lang, absolute_url(link.url, request)) for link in alternates(_language_links(context))
    ]
    default = [url for lang, url in hreflangs if lang == bcp47(settings.LANGUAGE_CODE)]
    return {"hreflangs": hreflangs + [("x-default", url) for url in default]}


@register.simple_tag
def content_version():
    """The published-content version and the active language, for `{% cache %}` keys of
    fragments that list pages: Django's cache tag keys on its arguments alone, and a fragment's
    words and term names are in the reader's language."""
    return f"{content_cache.content_version()}-{get_language()}"


@register.simple_tag
def fragment_seconds():
    return content_cache.FRAGMENT_SECONDS


class PageFragmentNode(template.Node):
    def __init__(self, page, name, nodelist):
        self.page, self.name, self.nodelist = page, name, nodelist

    def render(self, context):
        page, request = self.page.resolve(context), context.get("request")
        if request is None or not page.pk or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        # The site's address is part of what a fragment says (canonical and share links).
        key = f"page-{self.name}-{page.pk}-{request.build_absolute_uri('/')}"
        return mark_safe(content_cache.cached(key, lambda: self.nodelist.render(context)))  # noqa: S308


@register.tag
def page_fragment(parser, token):
    """`{% page_fragment page "name" %}…{% endpage_fragment %}`: what a page shows every reader
    alike (its story, its head's metadata), rendered once per content version and page, since
    any change to it or to what it shows moves the version on. Previews render it afresh; keep
    anything that differs per reader (forms with a CSRF token, the user bar) outside."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('Usage: {% page_fragment page "name" %}')
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(parser.compile_filter(bits[1]), bits[2].strip("\"'"), nodelist)
