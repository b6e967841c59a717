"""{% seo_head %} for every page's <head>; {% share_panel page %} under articles, companies, events."""

from django import template
from django.urls import reverse

from wagtail.models import Page

from maghub.pages import is_public
from maghub.seo import page_seo, view_seo
from maghub.sharing import share_text

register = template.Library()


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context):
    """Meta description, canonical, Open Graph, Twitter card and JSON-LD.

    Uses the view's `seo` (a maghub.seo.PageSeo) if it set one, else builds it for `page`.
    """
    request = context.get("request")
    seo = context.get("seo")
    page = context.get("page")
    if seo is None and isinstance(page, Page):
        seo = page_seo(request, page)
    if seo is None and request is not None:
        seo = view_seo(request, title=context.get("title", ""))
    return {"seo": seo}


@register.inclusion_tag("includes/share_panel.html", takes_context=True)
def share_panel(context, page):
    """The page's link to copy or share (Web Share API on phones) and a WeChat QR code for
    larger screens; nothing for drafts, previews or restricted pages."""
    request = context.get("request")
    if not is_public(page):
        return {"share": None}
    return {
        "share": {
            "title": page.title,
            "url": page.get_full_url(request),
            "text": share_text(page.specific),
            "qr_url": reverse("share_qr", args=[page.pk]),
        }
    }
