"""What is related to a page: the one place that decides it.

"More about this company", "More from <industry>" and "More from <district>": small
article lists that article, company and event templates place with
`{% more_from_page page %}`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from maghub.images import image_prefetch
from maghub.pages import NEWEST_FIRST, public
from news.models import ArticlePage

MORE_LIMIT = 4


@dataclass
class RelatedGroup:
    title: str
    url: str
    articles: list


def public_articles(exclude=None):
    """Live public articles, newest first, with their thumbnail renditions."""
    articles = (
        public(ArticlePage.objects.live())
        .prefetch_related(image_prefetch("lead_image", "thumb"))
        .order_by(*NEWEST_FIRST)
    )
    return articles.exclude(pk=exclude.pk) if exclude else articles


def more_about_company(company, exclude=None, limit=MORE_LIMIT) -> RelatedGroup:
    articles = public_articles(exclude).filter(companies_mentioned=company)
    return RelatedGroup(
        gettext("More about %(company)s") % {"company": company.title}, company.url, list(articles[:limit])
    )


def more_in_term(term, exclude=None, limit=MORE_LIMIT) -> RelatedGroup:
    """Articles carrying an Industry or District term, linking to the term's taxonomy page."""
    articles = ArticlePage.tagged_with(term, queryset=public_articles(exclude))
    return RelatedGroup(
        gettext("More from %(term)s") % {"term": term.name}, term.get_absolute_url(), list(articles[:limit])
    )


def more_from(page, limit=MORE_LIMIT) -> list[RelatedGroup]:
    """For an article: its first company, first industry and first district, each with a list.

    For a company profile or an event report: its first industry and district (a company
    page lists the articles that mention it already). Empty groups are left out.
    """
    page = page.specific
    groups = []
    if isinstance(page, ArticlePage):
        groups += [more_about_company(c, page, limit) for c in page.companies[:1]]
    groups += [more_in_term(term, page, limit) for term in page.industry_list[:1]]
    groups += [more_in_term(term, page, limit) for term in page.district_list[:1]]
    return [group for group in groups if group.articles]
