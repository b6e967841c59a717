"""Idempotent building blocks for content that commands create (demo, fixtures for a new site)."""

from wagtail.models import Page, Site

from home.models import HomePage


def ensure_home_page(title="MagHub Shanghai", *, hostname="localhost", port=80, **fields):
    """The HomePage as the root of the default site, served at `hostname`:`port` (which every
    absolute URL uses: maghub.site_urls), replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=title, slug="maghub", **fields))
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": title},
    )
    # Wagtail's "Welcome to your new Wagtail site!" is a plain Page next to ours.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    return home


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
