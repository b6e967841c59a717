"""Chinese versions of pages, made as an editor's "Translate" in the admin makes them."""

from wagtail.models import Locale


def chinese() -> Locale:
    return Locale.objects.get(language_code="zh-hans")


def translate(page, **fields):
    """The page's Chinese translation (its parents' too, as drafts of copies if missing), with
    `fields` set, published."""
    translation = page.specific.copy_for_translation(chinese(), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
