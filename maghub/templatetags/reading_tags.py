"""Responsive images, computed in Python for templates to place."""

from django import template

from wagtail.images.models import Picture

from maghub.images import PRESETS, preset_specs

register = template.Library()


def distinct_widths(renditions: dict) -> dict:
    """One rendition per format and width: Wagtail never upscales, so on a small original
    "width-1200" and "width-1600" come out the same size, which a srcset must not list twice."""
    seen, kept = set(), {}
    for spec, rendition in renditions.items():
        key = (spec.rpartition("format-")[2], rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


@register.simple_tag
def responsive_image(image, preset="inline", eager=False, css_class=""):
    """<picture> with WebP and JPEG sources, srcset, sizes, width/height and lazy loading.

    `eager=True` for the one image above the fold (the article's lead image).
    """
    if not image:
        return ""
    renditions = distinct_widths(image.get_renditions(*preset_specs(preset)))
    sizes = PRESETS[preset][1]
    attrs = {"sizes": sizes, "loading": "eager" if eager else "lazy", "decoding": "async"}
    if eager:
        attrs["fetchpriority"] = "high"
    if css_class:
        attrs["class"] = css_class
    return Picture(renditions, attrs)
