"""Every URL pattern of the project, from the resolver, turned into a concrete path."""

import itertools
import re
from dataclasses import dataclass

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

SAMPLE_VALUES = ["1", "x", "1/x", ""]


@dataclass(frozen=True)
class Route:
    pattern: str  # the joined pattern text, e.g. "community/t/<int:thread_id>/"
    name: str | None  # namespaced name, e.g. "community:thread"
    kwarg_names: tuple[str, ...]
    positional: int

    @property
    def is_community(self) -> bool:
        return self.pattern.startswith(("community/", "accounts/"))


def all_routes() -> list[Route]:
    """Walk get_resolver().url_patterns recursively (includes, namespaces)."""
    return list(_walk(get_resolver().url_patterns, "", [], None))


def _walk(patterns, prefix, regexes, namespace):
    for pattern in patterns:
        regex = pattern.pattern.regex
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), [*regexes, regex], ns)
        elif isinstance(pattern, URLPattern):
            all_regexes = [*regexes, regex]
            kwargs = tuple(name for r in all_regexes for name in r.groupindex)
            positional = sum(r.groups - len(r.groupindex) for r in all_regexes) if not kwargs else 0
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Route(prefix + str(pattern.pattern), name, kwargs, positional)


def sample_url(route: Route, kwargs: dict | None = None) -> str:
    """A concrete URL for `route`: from the given kwargs, or any sample values the pattern accepts."""
    if kwargs is not None:
        return reverse(route.name, kwargs=kwargs)
    if route.name:
        for values in itertools.product(SAMPLE_VALUES, repeat=len(route.kwarg_names) or route.positional):
            try:
                if route.kwarg_names:
                    return reverse(route.name, kwargs=dict(zip(route.kwarg_names, values, strict=True)))
                return reverse(route.name, args=values)
            except NoReverseMatch:
                continue
    # Unnamed (or unreversible) patterns: fill the pattern text itself.
    text = re.sub(r"<(?:\w+:)?\w+>", "1", route.pattern)
    text = re.sub(r"\(.*?\)|\.\*|\.\+", "x", text)
    return "/" + text.replace("^", "").replace("$", "").replace("\\", "")
