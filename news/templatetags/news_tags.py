"""'More from' lists under articles, companies and events, computed in Python for templates to place."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from maghub import content_cache
from news.related import more_from

register = template.Library()


@register.simple_tag(takes_context=True)
def more_from_page(context, page):
    """The "more from" lists, rendered once per content version (previews render them afresh)."""

    def render():
        return render_to_string("includes/more_from.html", {"groups": more_from(page)})

    if not page.pk or getattr(context.get("request"), "is_preview", False):
        return render()
    return mark_safe(content_cache.cached(f"more-from-{page.pk}", render))  # noqa: S308 - our template
