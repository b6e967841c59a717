"""Serializer fields for the headless API (wagtail.api.v2): plain JSON a mini-program can read."""

from wagtail.images.api.fields import ImageRenditionField

from rest_framework import serializers

API_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"


class TermsField(serializers.Field):
    """Vocabulary terms (industries, districts) as [{"name", "name_zh", "slug"}]: the API serves
    every language, so both names."""

    def to_representation(self, terms):
        return [{"name": term.name, "name_zh": term.name_zh, "slug": term.slug} for term in terms]


class PageLinksField(serializers.Field):
    """Related live pages as [{"id", "title", "html_url"}]."""

    def to_representation(self, pages):
        request = self.context.get("request")
        return [
            {"id": page.pk, "title": page.title, "html_url": page.get_full_url(request)}
            for page in pages.all()
            if page.live
        ]


class LabelsField(serializers.Field):
    """Orderable rows (awards, certifications, organisers) as their display labels."""

    def to_representation(self, rows):
        return [str(row) for row in rows.all()]


class AuthorsField(serializers.Field):
    def to_representation(self, authors):
        return [
            {"name": author.name, "slug": author.slug, "role": author.role, "role_zh": author.role_zh}
            for author in authors
        ]


def image_field(source=None):
    return ImageRenditionField(API_IMAGE_SPEC, source=source)
