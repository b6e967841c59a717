"""Responsive images and 'more from' lists, computed in Python for templates to place."""

from django import template

from wagtail.images.models import Picture

from home.images import PRESETS, preset_specs
from news.related import more_from

register = template.Library()


@register.simple_tag
def responsive_image(image, preset="inline", eager=False, css_class=""):
    """<picture> with WebP and JPEG sources, srcset, sizes, width/height and lazy loading.

    `eager=True` for the one image above the fold (the article's lead image).
    """
    if not image:
        return ""
    renditions = image.get_renditions(*preset_specs(preset))
    sizes = PRESETS[preset][1]
    attrs = {"sizes": sizes, "loading": "eager" if eager else "lazy", "decoding": "async"}
    if eager:
        attrs["fetchpriority"] = "high"
    if css_class:
        attrs["class"] = css_class
    return Picture(renditions, attrs)


@register.inclusion_tag("includes/more_from.html")
def more_from_page(page):
    return {"groups": more_from(page)}
