"""Search fields for Wagtail's own index that are cheap to index in bulk."""

from wagtail.search import index


class StreamTextField(index.SearchField):
    """A StreamField's text, extracted once per value.

    The database search backend asks every search field of an object for its value three times
    (for its title, autocomplete and body columns), and a StreamField's text costs an HTML parse
    of every rich-text block: the text is kept on the object beside the value it came from, so a
    body replaced since (an edit saved through the same object) is extracted again.
    """

    def get_value(self, obj):
        raw = getattr(obj, self.field_name)
        kept = obj.__dict__.setdefault("_search_texts", {})
        if self.field_name not in kept or kept[self.field_name][0] is not raw:
            kept[self.field_name] = (raw, super().get_value(obj))
        return kept[self.field_name][1]
