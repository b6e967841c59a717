"""A membership reviewer in the Wagtail admin: the dashboard says what is waiting, the list shows
the applicant's work e-mail checked against the company's website, and one Approve, confirmed,
admits the applicant, who is told by e-mail."""

import re

from django.core import mail
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from community.models import Membership
from news.models import CompanyProfilePage
from tests.community.factories import MembershipFactory, UserFactory
from tests.e2e.conftest import demo_page, sign_in_to_admin
from tests.editorial.factories import StaffFactory

pytestmark = pytest.mark.e2e


def test_a_reviewer_approves_an_application_from_the_dashboard(demo_site, page, screenshot):
    StaffFactory(username="ling", first_name="Ling", last_name="Zhou", role="Membership reviewers")
    dsv = demo_page(CompanyProfilePage, "dsv-air-sea")
    CompanyProfilePage.objects.filter(pk=dsv.pk).update(website="https://www.dsv.com/")
    application = MembershipFactory(
        state=Membership.State.PENDING,
        user=UserFactory(username="anders-holm", email="anders.holm@dsv.com"),
        full_name="Anders Holm",
        company_page=dsv,
        job_title="Customs Manager",
        reason="To compare notes on bonded warehouses.",
    )
    waiting = Membership.awaiting_decision().count()

    sign_in_to_admin(page, "ling")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_role("link", name=f"Membership applications waiting ({waiting})").click()
    row = page.locator("tr", has_text="Anders Holm")
    expect(row).to_contain_text("anders.holm@dsv.com")
    expect(row).to_contain_text("✓ matches dsv.com")
    screenshot(page, "applications-1440")

    row.get_by_role("link", name="Approve Anders Holm").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Approve Anders Holm?")
    page.get_by_role("button", name="Yes, approve").click()

    expect(page).to_have_url(
        re.compile(re.escape(reverse("wagtailsnippets_community_membership:list")) + "$")
    )
    expect(page.get_by_role("status")).to_contain_text("Anders Holm approved")
    application.refresh_from_db()
    assert application.state == Membership.State.APPROVED
    assert [message.to for message in mail.outbox] == [["anders.holm@dsv.com"]]
