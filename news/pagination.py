"""Pages of a listing that cost the same however deep they are (keyset pagination).

The "Older" and "Newer" links carry a cursor, the ordering values of the last (or first) item
shown (`?page=834&before=2024-03-01T08:00:00+00:00~5120`): the next page is then the items
past that cursor, which the database reads from its index on the ordering without skipping the
pages before it. The page number in the link is its label, and a link stays shareable: it
always shows the same stories. A bare `?page=N` (typed or shared without a cursor) works too:
its starting cursor is looked up by an OFFSET once and kept in the cache for a few minutes.

The total (for "Page N of M") is kept for a few minutes too (`cached_lagging`): both are
navigation, not content. The stories on every page are read fresh, so a publish shows at once;
what may trail it by minutes is the last page number, or where a bare ?page=N starts (shifted
by the stories published since). At a million articles, counting on every change of content
cost the first reader after each save of a draft a second or more per listing.
"""

import hashlib
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q

from maghub.content_cache import cached_lagging

SEPARATOR = "~"


def _ordering(queryset) -> list[tuple[str, bool]]:
    """(field name, descending) for each ordering term; ends with a unique field (the primary key
    unless the ordering already ends with one) so it is total."""
    terms = [(name.lstrip("-"), name.startswith("-")) for name in queryset.query.order_by]
    meta = queryset.model._meta
    if not terms or not (terms[-1][0] == "pk" or meta.get_field(terms[-1][0]).unique):
        terms.append(("pk", True))
    return terms


def _beyond(terms, values, *, older: bool) -> Q:
    """The items after `values` in the listing's order (`older`), or before it.

    The OR of "earlier terms tied, this one past" is led by a bound on the first term alone
    (`first_published_at <= cursor`): with it PostgreSQL seeks to the cursor in the listing's
    index; without it, it walked the index from the newest row filtering each one, so a page
    deep in the archive cost a read of every page before it (SQLite finds the range in the OR).
    """
    condition = Q(pk__in=[])
    for index, (name, descending) in enumerate(terms):
        lookup = "lt" if descending == older else "gt"
        tie = {terms[earlier][0]: values[earlier] for earlier in range(index)}
        condition |= Q(**tie, **{f"{name}__{lookup}": values[index]})
    first, descending = terms[0]
    return Q(**{f"{first}__{'lte' if descending == older else 'gte'}": values[0]}) & condition


@dataclass
class KeysetPage:
    """A page of an ordered queryset, with what the pagination links need (the names of
    Django's `Page`, so one template shows both)."""

    object_list: list
    number: int
    num_pages: int
    terms: list

    @property
    def paginator(self):
        return self  # the template asks for page_obj.paginator.num_pages

    def has_next(self) -> bool:
        return self.number < self.num_pages and bool(self.object_list)

    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_cursor(self) -> str | None:
        return encode(self.terms, self.object_list[-1]) if self.object_list else None

    @property
    def previous_cursor(self) -> str | None:
        """None on page 2: page 1 needs no cursor."""
        return encode(self.terms, self.object_list[0]) if self.number > 2 and self.object_list else None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def _value(item, name):
    return item.pk if name == "pk" else getattr(item, name)


def encode(terms, item) -> str | None:
    values = [_value(item, name) for name, _ in terms]
    if any(value is None for value in values):
        return None  # no keyset past a missing value: the link falls back to its page number
    return SEPARATOR.join(
        value.isoformat() if hasattr(value, "isoformat") else str(value) for value in values
    )


def decode(queryset, terms, cursor: str):
    """The cursor's values as the fields' Python values, or None if it is not one of ours."""
    parts = cursor.split(SEPARATOR)
    if len(parts) != len(terms):
        return None
    meta = queryset.model._meta
    try:
        return [
            (meta.pk if name == "pk" else meta.get_field(name)).to_python(part)
            for (name, _), part in zip(terms, parts, strict=True)
        ]
    except (ValidationError, ValueError, TypeError):
        return None


def keyset_page(queryset, params, per_page: int) -> KeysetPage:
    """The page `params` asks for (`page`, and `before` or `after` from a pagination link)."""
    terms = _ordering(queryset)
    queryset = queryset.order_by(*(f"-{name}" if descending else name for name, descending in terms))
    query_key = hashlib.md5(str(queryset.query).encode(), usedforsecurity=False).hexdigest()
    count = cached_lagging(f"listing-count-{query_key}", queryset.count)
    num_pages = max(1, math.ceil(count / per_page))
    try:
        number = min(max(int(params.get("page", 1)), 1), num_pages)
    except (TypeError, ValueError):
        number = 1

    before = decode(queryset, terms, params["before"]) if params.get("before") else None
    after = decode(queryset, terms, params["after"]) if params.get("after") else None
    if before is None and after is None and number > 1:
        # A bare ?page=N: the last item of page N-1 is the cursor.
        offset = (number - 1) * per_page - 1
        before = cached_lagging(
            f"listing-cursor-{query_key}-{per_page}-{number}",
            lambda: list(queryset.values_list(*(name for name, _ in terms))[offset : offset + 1]),
        )
        before = list(before[0]) if before else None

    if before is not None:
        items = list(queryset.filter(_beyond(terms, before, older=True))[:per_page])
    elif after is not None:
        items = list(queryset.filter(_beyond(terms, after, older=False)).reverse()[:per_page])[::-1]
    elif number > 1:  # past the end of a listing that shrank since the count
        items = list(queryset[(number - 1) * per_page : number * per_page])
    else:
        items = list(queryset[:per_page])
    return KeysetPage(items, number, num_pages, terms)
