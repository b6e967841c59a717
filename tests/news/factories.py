"""Factories for the news content model; other apps' tests import them too.

Page factories need a parent: `ArticlePageFactory(parent=news_index)`. Tags and
bylines are passed as lists: `ArticlePageFactory(parent=..., industries=[term], authors=[a])`.
Pages are created live and published in sequence, newest last.
"""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Collection

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.images import CreditedImage
from news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    Award,
    Certification,
    CompanyAward,
    CompanyCertification,
    CompanyProfilePage,
    District,
    EventOrganiser,
    EventReportPage,
    Industry,
    PageDistrict,
    PageIndustry,
)

EPOCH = timezone.now() - timedelta(days=3650)


class NamedTermFactory(DjangoModelFactory):
    """Vocabulary entries are looked up by name, so asking twice for one name gives one row."""

    class Meta:
        abstract = True
        django_get_or_create = ("name",)


class IndustryFactory(NamedTermFactory):
    name = factory.Sequence(lambda n: f"Industry {n}")

    class Meta:
        model = Industry


class DistrictFactory(NamedTermFactory):
    name = factory.Sequence(lambda n: f"District {n}")

    class Meta:
        model = District


class AuthorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Reporter {n}")
    role = "Shanghai Daily reporter"

    class Meta:
        model = Author


class ImageFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.ImageField(width=64, height=48, color="teal")
    credit = "Dong Jun / SHINE"
    alt_text = factory.LazyAttribute(lambda image: f"{image.title}, a test photo")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = CreditedImage


class TaggedPageFactory(wagtail_factories.PageFactory):
    """Live pages published one minute apart, with `industries` and `districts` as lists of terms."""

    live = True
    first_published_at = factory.Sequence(lambda n: EPOCH + timedelta(minutes=n))
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def industries(page, create, terms, **kwargs):
        for term in terms or []:
            PageIndustry.objects.create(content_object=page, tag=term)

    @factory.post_generation
    def districts(page, create, terms, **kwargs):
        for term in terms or []:
            PageDistrict.objects.create(content_object=page, tag=term)


class ArticlePageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Multinationals expand in Hongqiao, part {n}")
    standfirst = "Foreign-funded enterprises keep arriving in Shanghai."

    class Meta:
        model = ArticlePage

    @factory.post_generation
    def authors(page, create, authors, **kwargs):
        for order, author in enumerate(authors or []):
            ArticleAuthor.objects.create(page=page, author=author, sort_order=order)

    @factory.post_generation
    def companies(page, create, companies, **kwargs):
        if companies:
            ArticlePage.companies_mentioned.through.objects.bulk_create(
                ArticlePage.companies_mentioned.through(articlepage=page, companyprofilepage=company)
                for company in companies
            )


class CompanyProfilePageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Example Company {n}")
    home_country = "Norway"
    summary = "A multinational with its China headquarters in Shanghai."

    class Meta:
        model = CompanyProfilePage


class EventReportPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Hongqiao business forum {n}")
    start = factory.Sequence(lambda n: EPOCH + timedelta(days=n))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=3))
    venue = "IBP Conference Center"

    class Meta:
        model = EventReportPage

    @factory.post_generation
    def companies(page, create, companies, **kwargs):
        if companies:
            EventReportPage.participating_companies.through.objects.bulk_create(
                EventReportPage.participating_companies.through(
                    eventreportpage=page, companyprofilepage=company
                )
                for company in companies
            )


class EventOrganiserFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organiser {n}")
    role = EventOrganiser.Role.HOST

    class Meta:
        model = EventOrganiser


class CertificationFactory(NamedTermFactory):
    name = factory.Sequence(lambda n: f"Certification {n}")

    class Meta:
        model = Certification


class AwardFactory(NamedTermFactory):
    name = factory.Sequence(lambda n: f"Award {n}")

    class Meta:
        model = Award


class CompanyCertificationFactory(DjangoModelFactory):
    certification = factory.SubFactory(CertificationFactory)

    class Meta:
        model = CompanyCertification


class CompanyAwardFactory(DjangoModelFactory):
    award = factory.SubFactory(AwardFactory)

    class Meta:
        model = CompanyAward
