"""What is related to a page: the one place that decides it.

"More about this company", "More from <industry>" and "More from <district>": small
article lists that article, company and event templates place with
`{% more_from_page page %}`, in the page's language.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from maghub.images import image_prefetch
from maghub.pages import NEWEST_FIRST, in_language, public
from news.models import ArticleCompany, ArticlePage

MORE_LIMIT = 4


@dataclass
class RelatedGroup:
    title: str
    url: str
    articles: list


def public_articles(exclude):
    """Live public articles in the language of `exclude` (the page they are shown on), newest
    first, with their thumbnail renditions."""
    articles = (
        in_language(public(ArticlePage.objects.live()), exclude.locale_id)
        .prefetch_related(image_prefetch("lead_image", "thumb"))
        .order_by(*NEWEST_FIRST)
    )
    return articles.exclude(pk=exclude.pk)


def more_about_company(company, exclude, limit=MORE_LIMIT) -> RelatedGroup:
    articles = public_articles(exclude).filter(pk__in=ArticleCompany.article_ids_mentioning(company))
    title = gettext("More about %(company)s") % {"company": company.title}
    return RelatedGroup(title, company.url, list(articles[:limit]))


def more_in_term(term, exclude, limit=MORE_LIMIT) -> RelatedGroup:
    """Articles carrying an Industry or District term, linking to the term's taxonomy page."""
    articles = ArticlePage.tagged_with(term, queryset=public_articles(exclude))
    title = gettext("More from %(term)s") % {"term": term.display_name}
    return RelatedGroup(title, term.get_absolute_url(), list(articles[:limit]))


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
