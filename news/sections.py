"""What a taxonomy page shows: the articles, companies and event reports carrying one term."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from news.models import ArticlePage, CompanyProfilePage, EventReportPage


@dataclass
class Section:
    title: str
    card_template: str
    items: list
    more_url: str = ""


# (title, page type, card template, how many to show before "see all")
SECTION_TYPES = [
    (_("Articles"), ArticlePage, "news/cards/article.html", 12),
    (_("Companies"), CompanyProfilePage, "news/cards/company.html", 24),
    (_("Event reports"), EventReportPage, "news/cards/event.html", 12),
]


def index_url(page_model, term):
    """The filtered index page listing every `page_model` with `term`, or "" without one."""
    parent_model = page_model.allowed_parent_page_models()[0]
    index = parent_model.objects.live().first()
    if index is None:
        return ""
    return f"{index.url}?{urlencode({term.query_param: term.slug})}"


def term_sections(term):
    """One section per page type that has anything tagged with `term`."""
    sections = []
    for title, page_model, card_template, limit in SECTION_TYPES:
        items = list(term.tagged(page_model)[: limit + 1])
        if not items:
            continue
        more_url = index_url(page_model, term) if len(items) > limit else ""
        sections.append(Section(title, card_template, items[:limit], more_url))
    return sections
