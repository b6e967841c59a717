"""Which renditions of an image each place on the site shows (the image model is home.CreditedImage,
reached through Wagtail's WAGTAILIMAGES_IMAGE_MODEL setting)."""

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.images.models import Filter

# Renditions per use: WebP with a JPEG (PNG for logos) fallback, in widths the browser
# picks from via srcset/sizes. {% responsive_image image "card" %} renders one of these.
PRESETS = {
    # The front page's lead story: two thirds of the page on a desktop, the full width on a phone.
    "lead": (
        "fill-{640x360,960x540,1280x720,1600x900}|format-{webp,jpeg}",
        "(min-width: 76em) 47rem, (min-width: 64em) 62vw, 100vw",
    ),
    # The stories beside it: a thumbnail beside each headline.
    "secondary": ("fill-{160x90,320x180}|format-{webp,jpeg}", "8rem"),
    # An article's or event's lead picture: the reading column beside the rail on a desktop.
    "hero": (
        "width-{480,800,1200,1600}|format-{webp,jpeg}",
        "(min-width: 76em) 52rem, (min-width: 64em) 66vw, 100vw",
    ),
    "card": ("fill-{400x225,800x450}|format-{webp,jpeg}", "(min-width: 48em) 20rem, 100vw"),
    "inline": ("width-{480,800,1200}|format-{webp,jpeg}", "(min-width: 48em) 40rem, 100vw"),
    "thumb": ("fill-{160x160,320x320}|format-{webp,jpeg}", "10rem"),
    "logo": ("max-{160x160,320x320}|format-{webp,png}", "10rem"),
}


# Single renditions used outside the presets: the share card (og:image / twitter:image, the size
# both recommend, as JPEG since WeChat and some crawlers skip WebP), a company's logo in its
# JSON-LD, and gallery tiles ({% image photo.image fill-480x320 %} in blocks/gallery.html).
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
SCHEMA_LOGO_SPEC = "max-512x512|format-png"
GALLERY_SPEC = "fill-480x320"


def preset_specs(preset: str) -> list[str]:
    """The rendition filter specs a preset renders, e.g. "fill-400x225|format-webp"."""
    return Filter.expand_spec(PRESETS[preset][0])


def image_prefetch(field_name, preset):
    """Prefetch an image foreign key with the renditions of a preset, so a listing's cards cost no queries."""
    renditions = get_image_model().objects.prefetch_renditions(*preset_specs(preset))
    return Prefetch(field_name, queryset=renditions)


def every_spec() -> list[str]:
    """Every rendition a public page may show of an image."""
    specs = [spec for preset in PRESETS for spec in preset_specs(preset)]
    return [*specs, SHARE_IMAGE_SPEC, SCHEMA_LOGO_SPEC, GALLERY_SPEC]
