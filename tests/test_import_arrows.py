"""The project's arrows point one way: maghub/ holds the shared building blocks and imports none of
the apps; news and community import only maghub; home (the home page and the site shell) may import
news and community; search indexes news and community, and nothing imports search.

Python imports (at any depth, migrations included) and templates (`{% load %}` of a tag library,
`{% include %}` / `{% extends %}` of a template) are both read, since a template depending on an
app's library or template is as much an arrow as an import.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("home", "news", "community", "search")

# What each package may depend on, besides itself and maghub.
ALLOWED = {
    "maghub": set(),
    "news": set(),
    "community": set(),
    "home": {"news", "community"},
    "search": {"news", "community"},
}

# The project's wiring, which exists to compose the apps: the root URLconf includes every app's
# views, and the readiness probe asks the search engine through search's own client.
WIRING = {"maghub/urls.py", "maghub/health.py"}

TEMPLATE_TAG = re.compile(r"{%\s*(load|include|extends)\s+([^%]*?)\s*%}")


def python_modules(package: str) -> list[Path]:
    return sorted(path for path in (ROOT / package).rglob("*.py") if "__pycache__" not in path.parts)


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports, relative imports resolved to its own package."""
    packages = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            packages.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                packages.add(path.relative_to(ROOT).parts[0])
            else:
                packages.add(node.module.partition(".")[0])
    return packages


def forbidden(package: str, used: set[str]) -> set[str]:
    return (used & {*APPS, "maghub"}) - {package, "maghub"} - ALLOWED[package]


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_python_imports_point_one_way(package):
    wrong = {
        str(path.relative_to(ROOT)): sorted(forbidden(package, imported_packages(path)))
        for path in python_modules(package)
        if str(path.relative_to(ROOT)) not in WIRING
    }
    assert {module: apps for module, apps in wrong.items() if apps} == {}


def owner_of_library(name: str) -> str | None:
    """The package whose templatetags define the tag library `name` (None: Django's or Wagtail's)."""
    owners = [package for package in ALLOWED if (ROOT / package / "templatetags" / f"{name}.py").exists()]
    return owners[0] if owners else None


def owner_of_template(name: str) -> str | None:
    """The package whose templates/ holds `name` first (None: Django's or Wagtail's)."""
    owners = [package for package in ALLOWED if (ROOT / package / "templates" / name).exists()]
    return owners[0] if owners else None


def template_dependencies(path: Path) -> set[str]:
    """The packages whose tag libraries a template loads or whose templates it includes or extends."""
    packages = set()
    for tag, argument in TEMPLATE_TAG.findall(path.read_text(encoding="utf-8")):
        if tag == "load":
            names = argument.split(" from ")[-1].split() if " from " in argument else argument.split()
            packages.update(owner_of_library(name) for name in names)
        elif argument[:1] in "\"'":  # a literal name; a variable is chosen by the view or the page
            packages.add(owner_of_template(argument[1:].split(argument[0])[0]))
    return packages - {None}


def test_the_rules_read_real_templates_and_libraries():
    assert owner_of_library("seo_tags") == "maghub"
    assert owner_of_library("news_tags") == "news"
    assert owner_of_library("wagtailcore_tags") is None
    assert template_dependencies(ROOT / "home/templates/home/home_page.html") == {"maghub", "news"}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_templates_point_one_way(package):
    templates = sorted((ROOT / package / "templates").rglob("*.html"))
    wrong = {
        str(path.relative_to(ROOT)): sorted(forbidden(package, template_dependencies(path)))
        for path in templates
    }
    assert {template: apps for template, apps in wrong.items() if apps} == {}
