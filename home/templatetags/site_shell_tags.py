"""The site shell's template tags: the footer's information pages."""

from django import template

from home import content_cache
from home.models import InfoPage

register = template.Library()


@register.simple_tag
def footer_links():
    """[(title, url)] of About, Contact, Privacy, Terms...: read once per change of published content."""
    return content_cache.cached("footer-links", InfoPage.footer_links)
