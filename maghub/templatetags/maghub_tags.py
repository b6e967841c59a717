"""Site-wide template tags: breadcrumbs, the main navigation, content-version cache keys."""

from django import template
from django.utils.safestring import mark_safe

from maghub import content_cache
from maghub.pages import trail as page_trail

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail to the current page: the page's ancestors, or the view's `breadcrumb_trail`."""
    trail = context.get("breadcrumb_trail")
    page = context.get("page")
    if trail is None and page is not None and page.depth > 2:
        ancestors = [ancestor for ancestor in page_trail(page)[:-1] if ancestor.depth > 2]
        trail = [(ancestor.title, ancestor.url) for ancestor in ancestors] + [(page.title, None)]
    return {"trail": trail or [], "home_url": "/"}


@register.simple_tag(takes_context=True)
def nav_current(context, prefix):
    """`aria-current="page"` on the navigation link whose section the request is in."""
    request = context.get("request")
    if request is not None and request.path.startswith(prefix):
        return mark_safe('aria-current="page"')  # noqa: S308 - a constant
    return ""


@register.simple_tag
def content_version():
    """The published-content version, for `{% cache %}` keys of fragments that list pages."""
    return content_cache.content_version()


@register.simple_tag
def fragment_seconds():
    return content_cache.FRAGMENT_SECONDS
