"""Idempotent building blocks for the pages that commands create (demo content, fixtures for a new site)."""


def ensure_child(parent, model, slug, *, first_published_at=None, **fields):
    """The live child page of `parent` with `slug`, created and published if missing.

    Returns (page, created). Fields may include ParentalManyToMany values, tag
    lists and child-object lists (they are committed when the page is first saved).
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    tags = {name: fields.pop(name) for name in ("industries", "districts") if name in fields}
    page = model(slug=slug, first_published_at=first_published_at, **fields)
    for name, terms in tags.items():
        getattr(page, name).add(*terms)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_translation(page, locale, **fields):
    """`page`'s translation into `locale`, made as the admin's "Translate" makes it (a copy with
    the same translation key, under the parent's translation) with `fields` set, and published.

    Returns (translation, created). An existing translation is returned untouched, so an
    editor's later changes are kept. The copy keeps the original's tags, images and child
    objects; its first publication date is the original's, so both languages list it together.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    page = page.specific_class.objects.get(pk=page.pk)  # as published, whatever `page` holds in memory
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.first_published_at = page.first_published_at
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation, True
