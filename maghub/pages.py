"""Page lookups that cost one SQL statement where Wagtail's own cost several."""

from django.db.models import Q
from django.http import Http404

from wagtail.models import Page, PageViewRestriction

from maghub.content_cache import cached
from maghub.i18n import content_language

# Newest first, ties broken by the tree path: unique like the id, but a column of the page table
# itself (Django orders a subclass's "id" by its own `page_ptr_id`, a second table), so the
# database reads a listing from one index, (first_published_at, path) from news migration 0003,
# and stops after a page of rows instead of sorting every page of the type.
NEWEST_FIRST = ("-first_published_at", "-path")


def restricted_paths() -> list[str]:
    """The tree paths of the pages under a view restriction (each hides its whole branch): read
    once per change of published content, which a new or removed restriction is."""
    return cached("restricted-paths", _read_restricted_paths)


def _read_restricted_paths() -> list[str]:
    # Two statements rather than a join: the restrictions table is tiny (usually empty), and
    # joined to the page table SQLite chose to walk every page looking for restrictions.
    page_ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
    return list(Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)) if page_ids else []


def public(pages):
    """`pages` without those under a view restriction: Wagtail's `.public()`, with the restrictions
    (usually none) read from the cache instead of a query of their own on every call. The
    condition stays a plain filter on the page's own path, which the database checks row by row
    as it walks a listing's index; a correlated subquery there led SQLite's planner, once it had
    statistics, to scan the page table for every row."""
    outside = Q()
    for path in restricted_paths():
        outside &= ~Q(path__startswith=path)
    return pages.filter(outside)


def in_language(pages, locale=None):
    """`pages` in one language only: `locale` (a Locale or its id, e.g. a page's own `locale_id`,
    so a preview lists what its page's language shows), else the reader's active language.

    Every listing passes through here: a reader of one language is never shown the other's pages.
    """
    if locale is None:
        return pages.filter(locale__language_code=content_language())
    return pages.filter(locale=locale)


def translations_in(model, keys, locale_id):
    """The live pages of `model` whose translation keys are `keys` (a list or a subquery) in the
    language `locale_id`: where a translated page's links, copied from its original, lead in
    its own language."""
    return model.objects.live().filter(locale_id=locale_id, translation_key__in=keys)


def links_in_language(links, attribute: str, locale_id) -> list:
    """`links` (rows with a page in `attribute`: an award's event, an event's host) with each page
    swapped for its live translation in `locale_id`, or None without one. A translated page's
    rows are copies of its original's, pointing at pages of the original's language.

    One query, and none when every page is in `locale_id` already.
    """
    pages = [getattr(link, attribute) for link in links if getattr(link, attribute) is not None]
    foreign = {page.translation_key for page in pages if page.locale_id != locale_id}
    if foreign:
        translations = type(pages[0]).objects.live().filter(locale_id=locale_id, translation_key__in=foreign)
        found = {page.translation_key: page for page in translations}
        for link in links:
            page = getattr(link, attribute)
            if page is not None and page.locale_id != locale_id:
                setattr(link, attribute, found.get(page.translation_key))
    return links


class ViewRestrictionsInOneQuery:
    """Wagtail's `get_view_restrictions()` (the restrictions of the page and its ancestors, an
    alias answering to its original's) in one query instead of two, on every page served.

    The queryset is kept on the page object, so the share panel's "is it public?" reuses the
    answer Wagtail's serve check already fetched.
    """

    def get_view_restrictions(self):
        if getattr(self, "_view_restrictions", None) is None:
            steplen = self.steplen
            paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
            on_path = Q(page__path__in=paths) & Q(page__alias_of__isnull=True)
            restrictions = Q(page__aliases__path__in=paths) | on_path
            self._view_restrictions = PageViewRestriction.objects.filter(restrictions).distinct()
        return self._view_restrictions


def is_public(page) -> bool:
    """Live and under no view restriction (False for unsaved pages, e.g. previews)."""
    return bool(page.pk) and page.live and not page.get_view_restrictions().exists()


def route_in_one_query(root, request, path_components):
    """Wagtail's routing from `root`, with every page on the path fetched in one query (Wagtail's
    walk costs two per level). A page type with a route() of its own routes the rest itself."""
    url_paths = [
        root.url_path + "/".join(path_components[: depth + 1]) + "/" for depth in range(len(path_components))
    ]
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=url_paths, path__startswith=root.path)
    }
    ancestors = [root]
    for depth, url_path in enumerate(url_paths):
        page = found.get(url_path)
        if page is None:
            raise Http404
        page._cached_parent_obj = ancestors[-1]
        last = depth == len(url_paths) - 1
        if last or getattr(page.specific_class, "route", Page.route) is not Page.route:
            page = page.specific
            page._maghub_trail = [*ancestors, page]
            return page.route(request, path_components[depth + 1 :])
        ancestors.append(page)
    raise Http404


def trail(page) -> list:
    """The page's ancestors below the tree's root, down to the page itself, for the breadcrumbs
    and their structured data: known from routing, else fetched once per page object."""
    if not hasattr(page, "_maghub_trail"):
        page._maghub_trail = [*page.get_ancestors().filter(depth__gt=1).specific(defer=True), page]
    return page._maghub_trail
