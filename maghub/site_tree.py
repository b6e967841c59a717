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
