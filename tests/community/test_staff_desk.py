"""The staff desk in the Wagtail admin: what is waiting, one decision per applicant after a
confirmation, the work e-mail checked against the company's website, times in Shanghai time."""

import datetime as dt

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest

from community.access import MODERATORS_GROUP
from community.models import Membership, ModerationLog
from tests.editorial.factories import StaffFactory
from tests.news.factories import CompanyProfilePageFactory

from .factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_community_membership:list")


def decision_url(decision, membership):
    return reverse(f"wagtailsnippets_community_membership:{decision}", args=[membership.pk])


def applicant(state=Membership.State.PENDING, email="lars.nielsen@dsv.com", **fields):
    return MembershipFactory(state=state, user=UserFactory(email=email), full_name="Lars Nielsen", **fields)


def test_the_dashboard_counts_the_applications_waiting(staff_client):
    applicant(), applicant(email="mei@dsv.com")
    applicant(email_verified_at=None)  # cannot be decided on before the address is confirmed
    applicant(state=Membership.State.APPROVED)

    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Membership applications waiting (2)" in html
    assert f'href="{LIST_URL}?state=pending"' in html


def test_membership_reviewers_see_the_panel_and_other_staff_do_not(client):
    applicant()
    client.force_login(StaffFactory(username="reviewer", role="Membership reviewers"))
    assert "Membership applications waiting (1)" in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(StaffFactory(username="writer", role="Writers"))
    assert "Membership applications" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_staff_approve_one_application_after_a_confirmation(staff_client):
    membership = applicant()
    listing = staff_client.get(LIST_URL).content.decode()
    assert decision_url("approve", membership) in listing
    assert decision_url("suspend", membership) not in listing  # only the decisions open to the row

    confirmation = staff_client.get(decision_url("approve", membership))
    assert confirmation.status_code == 200
    assert "Approve Lars Nielsen?" in confirmation.content.decode()
    assert Membership.objects.get(pk=membership.pk).state == Membership.State.PENDING

    response = staff_client.post(decision_url("approve", membership), follow=True)

    assert response.redirect_chain[-1][0] == LIST_URL
    assert "Lars Nielsen approved; they have been told by e-mail." in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).state == Membership.State.APPROVED
    assert [message.to for message in mail.outbox] == [["lars.nielsen@dsv.com"]]
    assert ModerationLog.objects.filter(action="member_approved", member=membership.user).exists()


def test_staff_reject_with_a_note_for_the_applicant(staff_client):
    membership = applicant()

    staff_client.post(decision_url("reject", membership), {"note": "Please apply with your work address."})

    assert Membership.objects.get(pk=membership.pk).state == Membership.State.REJECTED
    [message] = mail.outbox
    assert message.to == ["lars.nielsen@dsv.com"]
    assert "Please apply with your work address." in message.body


def test_staff_suspend_a_member(staff_client):
    membership = applicant(state=Membership.State.APPROVED)

    staff_client.post(decision_url("suspend", membership))

    assert Membership.objects.get(pk=membership.pk).state == Membership.State.SUSPENDED
    assert [message.to for message in mail.outbox] == [["lars.nielsen@dsv.com"]]


def test_an_unconfirmed_address_cannot_be_approved(staff_client):
    membership = applicant(email_verified_at=None)

    page = staff_client.get(decision_url("approve", membership)).content.decode()
    assert "has not confirmed their e-mail address yet" in page
    assert "Yes, approve" not in page

    response = staff_client.post(decision_url("approve", membership), follow=True)
    assert "has not confirmed their e-mail address yet" in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).state == Membership.State.PENDING
    assert mail.outbox == []


def test_the_row_menu_has_no_copy(staff_client):
    applicant()

    html = staff_client.get(LIST_URL).content.decode()
    table = html[html.index('<table class="listing') :]  # the shortcut help elsewhere names Ctrl+C "Copy"

    assert "Inspect" in table and "Copy" not in table
    assert "/copy/" not in html


def test_the_work_email_is_marked_when_it_is_at_the_company_domain(staff_client, company_index):
    dsv = CompanyProfilePageFactory(
        parent=company_index, title="DSV Air & Sea", website="https://www.dsv.com/"
    )
    at_company = applicant(company_page=dsv, email="lars@cn.dsv.com")
    elsewhere = applicant(company_page=dsv, email="lars.nielsen@gmail.example")

    html = staff_client.get(LIST_URL).content.decode()

    assert "lars@cn.dsv.com" in html and "✓ matches dsv.com" in html
    assert "lars.nielsen@gmail.example" in html and "✗ not at dsv.com" in html
    inspect = staff_client.get(reverse("wagtailsnippets_community_membership:inspect", args=[at_company.pk]))
    assert "✓ matches dsv.com" in inspect.content.decode()
    assert at_company.email_matches_company and not elsewhere.email_matches_company


def test_the_list_and_the_inspect_page_show_shanghai_time(staff_client):
    membership = applicant(applied_at=dt.datetime(2026, 11, 29, 1, 4, tzinfo=dt.UTC))

    listing = staff_client.get(LIST_URL).content.decode()
    inspect = staff_client.get(
        reverse("wagtailsnippets_community_membership:inspect", args=[membership.pk])
    ).content.decode()

    for html in (listing, inspect):
        assert "29 Nov 2026, 9:04 a.m." in html
        assert "1:04 a.m." not in html


def test_groups_are_named_by_what_they_are_for(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Writers", "Editors", "Administrators", "Membership reviewers", "Forum moderators"} <= names
    assert not names & {"Moderators", "Community moderators"}
    assert MODERATORS_GROUP == "Forum moderators"
    reviewers = Group.objects.get(name="Membership reviewers")
    assert {"change_membership", "view_membership"} <= set(
        reviewers.permissions.values_list("codename", flat=True)
    )


def test_the_user_editor_says_what_each_group_is_for(staff_client):
    user = UserFactory(username="ling")

    html = staff_client.get(reverse("wagtailusers_users:edit", args=[user.pk])).content.decode()

    assert "Membership reviewers: approve, reject or suspend membership applications" in html
    assert "Forum moderators: pin, lock, move and hide community posts" in html
