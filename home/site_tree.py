"""The site's root: the home page every command that builds content starts from."""

from wagtail.models import Locale, Page, Site

from home.models import HomePage


def ensure_home_page(title="MagHub Shanghai", *, hostname="localhost", port=80, **fields):
    """The HomePage as the root of the default site, served at `hostname`:`port` (which every
    absolute URL uses: maghub.site_urls), replacing Wagtail's welcome page. Its translations
    are its siblings; the site's root is the one in the default language."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
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
