"""Building and publishing pages the way an editor would, for the search tests."""

from datetime import datetime

from django.utils.text import slugify

from wagtail.rich_text import RichText

from news.models import ArticlePage, Award, CompanyAward, CompanyProfilePage, EventReportPage


def _tag_and_publish(page, industries=(), districts=(), published: datetime | None = None):
    for slug in industries:
        page.industries.add(slug.title())
    for slug in districts:
        page.districts.add(slug.title())
    page.save_revision().publish()
    if published:
        type(page).objects.filter(pk=page.pk).update(first_published_at=published)
        page.refresh_from_db()
        page.save_revision().publish()
    return page


def add_article(
    parent, title, *, standfirst="", body="", industries=(), districts=(), companies=(), published=None
):
    page = parent.add_child(
        instance=ArticlePage(
            title=title,
            slug=slugify(title)[:50],
            standfirst=standfirst,
            body=[("paragraph", RichText(f"<p>{body}</p>"))] if body else [],
        )
    )
    if companies:
        page.companies_mentioned.set(companies)
    return _tag_and_publish(page, industries, districts, published)


def add_company(parent, title, *, name_zh="", summary="", industries=(), districts=(), awards_text=""):
    page = parent.add_child(
        instance=CompanyProfilePage(title=title, slug=slugify(title)[:50], name_zh=name_zh, summary=summary)
    )
    if awards_text:
        award, _ = Award.objects.get_or_create(name=awards_text)
        page.awards.add(CompanyAward(award=award, year=2023))
    return _tag_and_publish(page, industries, districts)


def add_event(parent, title, *, standfirst="", start, industries=(), districts=(), companies=()):
    page = parent.add_child(
        instance=EventReportPage(title=title, slug=slugify(title)[:50], standfirst=standfirst, start=start)
    )
    if companies:
        page.participating_companies.set(companies)
    return _tag_and_publish(page, industries, districts)
