"""Authors' roles, certifications and awards have English and Chinese names; readers see their own."""

import re

from django.test import Client
from django.urls import reverse

import pytest

from news.models import Award, Certification, CompanyAward, CompanyCertification
from tests.editorial.factories import StaffFactory
from tests.i18n.translations import translate
from tests.news.factories import AuthorFactory, CompanyProfilePageFactory, EventReportPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company(company_index):
    page = CompanyProfilePageFactory(parent=company_index, title="DSV", slug="dsv")
    going_global = Certification.objects.create(
        name="Professional Service Provider for Enterprises Going Global", name_zh="企业出海专业服务商"
    )
    CompanyCertification.objects.create(company=page, certification=going_global, year=2024)
    CompanyAward.objects.create(
        company=page, award=Award.objects.create(name="CSR Excellence Award"), year=2023
    )
    return page


def test_a_company_page_names_its_recognitions_in_the_reader_s_language(client, company, company_index):
    translate(company_index.get_parent(), title="MagHub 上海")
    translate(company_index, title="企业名录")
    translate(company)

    english = client.get("/companies/dsv/").content.decode()
    chinese = client.get("/zh/companies/dsv/").content.decode()

    assert "Professional Service Provider for Enterprises Going Global" in english
    assert "企业出海专业服务商" not in english
    assert "企业出海专业服务商" in chinese
    assert "Professional Service Provider for Enterprises Going Global" not in chinese
    # No Chinese name given: Chinese readers see the English one rather than nothing.
    assert "CSR Excellence Award" in english
    assert "CSR Excellence Award" in chinese


def test_an_author_page_gives_the_role_in_the_reader_s_language(client, home_page):
    translate(home_page, title="MagHub 上海")
    AuthorFactory(name="Li Wei", slug="li-wei", role="Shanghai Daily reporter", role_zh="《上海日报》记者")
    AuthorFactory(name="Zhang Min", slug="zhang-min", role="Photographer")

    assert "Shanghai Daily reporter" in client.get("/authors/li-wei/").content.decode()
    chinese = client.get("/zh/authors/li-wei/").content.decode()
    assert "《上海日报》记者" in chinese
    assert "Shanghai Daily reporter" not in chinese
    assert "Photographer" in client.get("/zh/authors/zhang-min/").content.decode()


def test_editors_edit_both_names_in_the_admin(company):
    client = Client()
    client.force_login(StaffFactory(username="editor", role="Editors"))
    certification = Certification.objects.get()
    author = AuthorFactory()

    certification_form = client.get(
        reverse("wagtailsnippets_news_certification:edit", args=(certification.pk,))
    )
    author_form = client.get(reverse("wagtailsnippets_news_author:edit", args=(author.pk,)))

    assert 'name="name"' in certification_form.content.decode()
    assert 'name="name_zh"' in certification_form.content.decode()
    assert 'name="role"' in author_form.content.decode()
    assert 'name="role_zh"' in author_form.content.decode()


def test_an_event_lists_each_award_once_with_the_winner_in_the_reader_s_language(
    client, company, event_index
):
    event = EventReportPageFactory(parent=event_index, title="CSR Awards 2026", slug="csr-awards")
    CompanyAward.objects.filter(company=company).update(event=event)
    Award.objects.filter(name="CSR Excellence Award").update(name_zh="企业社会责任卓越奖")
    translate(event_index.get_parent(), title="MagHub 上海")
    for page in (company.get_parent(), event_index, company, event):
        translate(page)

    english = client.get("/events/csr-awards/").content.decode()
    chinese = client.get("/zh/events/csr-awards/").content.decode()

    assert re.findall(r'<strong>([^<]+)</strong>: <a href="([^"]+)"', english) == [
        ("CSR Excellence Award", "/companies/dsv/")
    ]
    assert re.findall(r'<strong>([^<]+)</strong>: <a href="([^"]+)"', chinese) == [
        ("企业社会责任卓越奖", "/zh/companies/dsv/")
    ]
