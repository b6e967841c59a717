"""POST data for the Wagtail page editor, so tests publish pages the way editors do."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

__all__ = ["add_page_url", "inline_formset", "page_form", "publish", "rich_text", "streamfield"]


def add_page_url(parent, model):
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def page_form(title, slug, *, formsets=(), **fields):
    """Form data for a page: every inline formset named in `formsets` starts empty.

    Tuples are multiple-choice values (`participating_companies=(dsv.pk,)`); dicts and
    lists are nested form data (streamfields, inline formsets).
    """
    multiple = {name: list(value) for name, value in fields.items() if isinstance(value, tuple)}
    data = {"title": title, "slug": slug, "comments": inline_formset([])}
    data.update({name: inline_formset([]) for name in formsets})
    data.update({name: value for name, value in fields.items() if name not in multiple})
    return {**nested_form_data(data), **multiple}


def publish(client, parent, model, data):
    """Submit the editor's "Publish" button; returns the response."""
    return client.post(add_page_url(parent, model), {**data, "action-publish": "action-publish"})
