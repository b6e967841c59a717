"""Editors create and publish every page type through the Wagtail admin."""

from django.urls import reverse

import pytest

from home.models import HomePage
from news.models import (
    ArticlePage,
    CompanyIndexPage,
    CompanyProfilePage,
    EventIndexPage,
    EventReportPage,
    Industry,
    NewsIndexPage,
)
from tests.news.admin_forms import inline_formset, page_form, publish, rich_text, streamfield
from tests.news.factories import (
    AuthorFactory,
    AwardFactory,
    CertificationFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    ImageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    return IndustryFactory(name="Logistics"), DistrictFactory(name="Changning")


def assert_published(response, model, slug):
    form_errors = response.context and response.context.get("form") and response.context["form"].errors
    assert response.status_code == 302, form_errors
    page = model.objects.get(slug=slug)
    assert page.live and page.first_published_at is not None
    return page


@pytest.mark.parametrize(
    ("model", "slug"),
    [(NewsIndexPage, "news"), (CompanyIndexPage, "companies"), (EventIndexPage, "events")],
)
def test_editor_publishes_index_pages(admin_client, home_page, model, slug):
    data = page_form(slug.title(), slug, intro="Everything MagHub publishes.")
    page = assert_published(publish(admin_client, home_page, model, data), model, slug)
    assert page.get_parent().specific == home_page
    assert admin_client.get(page.url).status_code == 200


def test_editor_republishes_home_page_with_top_story(admin_client, home_page, news_index):
    from tests.news.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=news_index)
    data = page_form(
        "MagHub Shanghai",
        home_page.slug,
        tagline="News for MNCs in Shanghai",
        featured_articles=inline_formset([{"article": article.pk}]),
        featured_companies=inline_formset([]),
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(home_page.pk,)), {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 302
    home = HomePage.objects.get(pk=home_page.pk)
    assert home.tagline == "News for MNCs in Shanghai"
    assert [pick.article_id for pick in home.featured_articles.all()] == [article.pk]
    assert article.title in admin_client.get("/").content.decode()


def test_editor_publishes_article(admin_client, news_index, company_index, terms):
    author, image = AuthorFactory(name="Ma Yujia"), ImageFactory()
    muji = CompanyProfilePageFactory(parent=company_index, title="MUJI")
    body = streamfield(
        [
            ("paragraph", rich_text("<p>The forum drew more than 200 guests.</p>")),
            ("heading", "A new platform"),
            ("quote", {"text": "Shanghai is an opportunity.", "attribution": "A speaker"}),
            ("fact_box", {"title": "In numbers", "body": rich_text("<p>7,160 new enterprises</p>")}),
        ]
    )
    data = page_form(
        "MagHub 2.0 launched in Hongqiao",
        "maghub-launch",
        standfirst="Shanghai Daily's MNC Club opens its new platform.",
        author_links=inline_formset([{"author": author.pk}]),
        lead_image=image.pk,
        lead_image_caption="The launch ceremony",
        body=body,
        company_mentions=inline_formset([{"companyprofilepage": muji.pk}]),
        industries="Logistics",
        districts="Changning",
    )
    article = assert_published(
        publish(admin_client, news_index, ArticlePage, data), ArticlePage, "maghub-launch"
    )
    assert article.authors == [author]
    assert [block.block_type for block in article.body] == ["paragraph", "heading", "quote", "fact_box"]
    assert [t.name for t in article.industries.all()] == ["Logistics"]
    assert [t.name for t in article.districts.all()] == ["Changning"]
    assert list(article.companies_mentioned.all()) == [muji]
    html = admin_client.get(article.url).content.decode()
    assert "7,160 new enterprises" in html and "Ma Yujia" in html and "Dong Jun / SHINE" in html


def test_editor_publishes_company_profile(admin_client, company_index, terms):
    certification = CertificationFactory(name="Professional Service Provider for Enterprises Going Global")
    award = AwardFactory(name="CSR Excellence Award")
    data = page_form(
        "MUJI",
        "muji",
        name_zh="无印良品",
        home_country="Japan",
        website="https://www.muji.com.cn",
        summary="Japanese retailer of household goods.",
        body=rich_text("<p>MUJI opened its first Shanghai store in 2005.</p>"),
        certifications=inline_formset([{"certification": certification.pk, "year": "2024"}]),
        awards=inline_formset([{"award": award.pk, "year": "2024", "citation": "Zero-waste stores"}]),
        industries="Logistics",
        districts="Changning",
    )
    company = assert_published(
        publish(admin_client, company_index, CompanyProfilePage, data), CompanyProfilePage, "muji"
    )
    assert company.name_zh == "无印良品"
    assert [c.certification for c in company.certifications.all()] == [certification]
    assert [a.citation for a in company.awards.all()] == ["Zero-waste stores"]
    html = admin_client.get(company.url).content.decode()
    assert "CSR Excellence Award" in html and "Professional Service Provider" in html


def test_editor_publishes_event_report(admin_client, event_index, company_index, terms):
    dsv = CompanyProfilePageFactory(parent=company_index, title="DSV Air & Sea")
    image = ImageFactory()
    data = page_form(
        "China, an Opportunity forum",
        "china-an-opportunity",
        standfirst="An international enterprise forum in Greater Hongqiao.",
        start="2024-04-18 14:00",
        end="2024-04-18 17:30",
        venue="IBP Conference Center",
        organisers=inline_formset([{"name": "Shanghai Daily", "role": "host", "company": ""}]),
        participating_companies=(dsv.pk,),
        body=streamfield([("paragraph", rich_text("<p>A round table on going global.</p>"))]),
        gallery=streamfield(
            [
                (
                    "photos",
                    {
                        "count": "1",
                        "0": {
                            "type": "item",
                            "value": {"image": image.pk, "caption": "Guests", "credit": ""},
                            "deleted": "",
                            "order": "0",
                        },
                    },
                )
            ]
        ),
        industries="Logistics",
        districts="Changning",
    )
    event = assert_published(
        publish(admin_client, event_index, EventReportPage, data), EventReportPage, "china-an-opportunity"
    )
    assert [o.name for o in event.organisers.all()] == ["Shanghai Daily"]
    assert list(event.participating_companies.all()) == [dsv]
    html = admin_client.get(event.url).content.decode()
    assert "DSV Air &amp; Sea" in html and "Shanghai Daily" in html and "Guests" in html


def test_admin_refuses_a_term_outside_the_vocabulary(admin_client, news_index, terms):
    data = page_form(
        "A story",
        "a-story",
        formsets=["author_links", "company_mentions"],
        body=streamfield([]),
        industries="Logistics, Fintech",
    )
    response = publish(admin_client, news_index, ArticlePage, data)
    assert response.status_code == 200
    assert "Fintech" in str(response.context["form"].errors["industries"])
    assert not ArticlePage.objects.filter(slug="a-story").exists()
    assert not Industry.objects.filter(name="Fintech").exists()


def test_editors_manage_the_vocabulary_in_the_admin(admin_client):
    url = reverse("wagtailsnippets_news_industry:add")
    response = admin_client.post(
        url, {"name": "Life sciences", "name_zh": "生命科学", "slug": "life-sciences"}
    )
    assert response.status_code == 302
    assert Industry.objects.get(slug="life-sciences").name_zh == "生命科学"
    for model in ("industry", "district", "author", "certification", "award"):
        assert admin_client.get(reverse(f"wagtailsnippets_news_{model}:list")).status_code == 200
