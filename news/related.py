"""'More from this company / district / industry': small article lists next to a page."""

from dataclasses import dataclass

from news.models import ArticlePage

MORE_LIMIT = 4


@dataclass
class RelatedGroup:
    title: str
    url: str
    articles: list


def taxonomy_url(kind: str, term) -> str:
    """The taxonomy page of a term (DESIGN: /industries/<slug>/, /districts/<slug>/)."""
    return f"/{kind}/{term.slug}/"


def public_articles(exclude=None):
    articles = (
        ArticlePage.objects.live().public().select_related("lead_image").order_by("-first_published_at")
    )
    return articles.exclude(pk=exclude.pk) if exclude else articles


def more_about_company(company, exclude=None, limit=MORE_LIMIT) -> RelatedGroup:
    articles = public_articles(exclude).filter(companies_mentioned=company)
    return RelatedGroup(f"More about {company.title}", company.url, list(articles[:limit]))


def more_in_term(kind: str, term, exclude=None, limit=MORE_LIMIT) -> RelatedGroup:
    relation = {"industries": "industry_relations__tag", "districts": "district_relations__tag"}[kind]
    articles = public_articles(exclude).filter(**{relation: term})
    return RelatedGroup(f"More from {term.name}", taxonomy_url(kind, term), list(articles[:limit]))


def more_from(page, limit=MORE_LIMIT) -> list[RelatedGroup]:
    """For an article or event: its first company, first industry and first district, each with a list.

    For a company profile: the articles that mention it. Empty groups are left out.
    """
    page = page.specific
    if hasattr(page, "companies_mentioned"):
        groups = [more_about_company(c, page, limit) for c in page.companies_mentioned.all()[:1]]
    elif hasattr(page, "articles_mentioning"):
        groups = [more_about_company(page, None, limit)]
    else:
        groups = []
    groups += [more_in_term("industries", term, page, limit) for term in page.industry_list[:1]]
    groups += [more_in_term("districts", term, page, limit) for term in page.district_list[:1]]
    return [group for group in groups if group.articles]
