"""Responsive images and 'more from' lists, computed in Python for templates to place."""

from django import template

from wagtail.images.models import Filter, Picture

from news.related import more_from

register = template.Library()

# Renditions per use: WebP with a JPEG fallback, widths the browser picks from via srcset/sizes.
PRESETS = {
    "hero": ("width-{480,800,1200,1600}|format-{webp,jpeg}", "(min-width: 64em) 60rem, 100vw"),
    "card": ("fill-{400x225,800x450}|format-{webp,jpeg}", "(min-width: 48em) 20rem, 100vw"),
    "inline": ("width-{480,800,1200}|format-{webp,jpeg}", "(min-width: 48em) 40rem, 100vw"),
    "thumb": ("fill-{160x160,320x320}|format-{webp,jpeg}", "10rem"),
    "logo": ("max-{160x160,320x320}|format-{webp,png}", "10rem"),
}


@register.simple_tag
def responsive_image(image, preset="inline", eager=False, css_class=""):
    """<picture> with WebP and JPEG sources, srcset, sizes, width/height and lazy loading.

    `eager=True` for the one image above the fold (the article's lead image).
    """
    if not image:
        return ""
    spec, sizes = PRESETS[preset]
    renditions = image.get_renditions(*Filter.expand_spec(spec))
    attrs = {"sizes": sizes, "loading": "eager" if eager else "lazy", "decoding": "async"}
    if eager:
        attrs["fetchpriority"] = "high"
    if css_class:
        attrs["class"] = css_class
    return Picture(renditions, attrs)


@register.inclusion_tag("includes/more_from.html")
def more_from_page(page):
    return {"groups": more_from(page)}
