"""Membership: apply → confirm e-mail → staff approve in the Wagtail admin → post."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest

from community.models import Membership, ModerationLog, Thread
from news.models import CompanyProfilePage
from tests.two_factor.sign_in import sign_in_with_code

from .factories import PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db

APPLICATION = {
    "account-username": "grace-lin",
    "account-email": "grace.lin@haleon.example",
    "account-password1": PASSWORD,
    "account-password2": PASSWORD,
    "application-full_name": "Grace Lin",
    "application-company_page": "",
    "application-company_name": "haleon",
    "application-job_title": "Regulatory Affairs Director",
    "application-reason": "To compare notes on the new import licences.",
}


def bulk_url(action: str, *memberships) -> str:
    ids = "&".join(f"id={m.pk}" for m in memberships)
    listing = reverse("wagtailsnippets_community_membership:list")
    return reverse("wagtail_bulk_action", args=["community", "membership", action]) + f"?{ids}&next={listing}"


def test_the_whole_flow(client, company_index, category):
    haleon = company_index.add_child(instance=CompanyProfilePage(title="Haleon", slug="haleon"))

    # Apply.
    assert client.get(reverse("signup")).status_code == 200
    response = client.post(reverse("signup"), APPLICATION)
    assert response.status_code == 302 and response["Location"] == reverse("signup_done")
    membership = Membership.objects.get(user__username="grace-lin")
    assert membership.state == Membership.State.PENDING
    assert membership.company_page == haleon  # typed name matched the directory

    # Confirm the e-mail address with the link we were sent.
    (verification,) = mail.outbox
    assert verification.to == ["grace.lin@haleon.example"]
    link = re.search(r"http://localhost(/accounts/verify/\S+/)", verification.body).group(1)
    assert client.get(link).status_code == 200
    membership.refresh_from_db()
    assert membership.email_verified

    # Logged in but pending: the community refuses, saying why.
    assert client.login(username="grace-lin", password=PASSWORD)
    response = client.get(reverse("community:index"))
    assert response.status_code == 403
    assert b"waiting for review" in response.content
    client.logout()

    # Staff approve in the Wagtail admin: the pending listing, then the bulk action.
    staff = get_user_model().objects.create_superuser("editor", "editor@maghub.example", PASSWORD)
    sign_in_with_code(client, staff)
    listing = client.get(reverse("wagtailsnippets_community_membership:list"), {"state": "pending"})
    assert listing.status_code == 200 and b"Grace Lin" in listing.content
    assert client.get(bulk_url("approve", membership)).status_code == 200
    assert client.post(bulk_url("approve", membership)).status_code == 302
    membership.refresh_from_db()
    assert membership.state == Membership.State.APPROVED and membership.decided_by == staff
    assert mail.outbox[-1].subject == "Welcome to the MagHub community"
    assert ModerationLog.objects.filter(
        action="member_approved", member=membership.user, actor=staff
    ).exists()
    client.logout()

    # Now a member: post.
    assert client.login(username="grace-lin", password=PASSWORD)
    response = client.post(
        reverse("community:thread_create", args=[category.slug]),
        {"title": "Import licences for OTC products", "body": "Has anyone renewed one this year?"},
    )
    assert response.status_code == 302
    assert Thread.objects.get(title="Import licences for OTC products").author.username == "grace-lin"


def test_personal_email_addresses_are_refused(client, db):
    response = client.post(reverse("signup"), {**APPLICATION, "account-email": "grace@gmail.com"})
    assert response.status_code == 200
    assert b"work e-mail" in response.content
    assert not get_user_model().objects.exists()


def test_a_tampered_verification_link_does_nothing(client, db):
    membership = MembershipFactory(state=Membership.State.PENDING, email_verified_at=None)
    assert client.get(reverse("verify_email", args=["not-a-token"])).status_code == 400
    membership.refresh_from_db()
    assert not membership.email_verified


def test_bulk_approve_skips_unconfirmed_addresses(staff_client):
    confirmed = MembershipFactory(state=Membership.State.PENDING)
    unconfirmed = MembershipFactory(state=Membership.State.PENDING, email_verified_at=None)
    response = staff_client.post(bulk_url("approve", confirmed, unconfirmed), follow=True)
    assert b"1 application approved" in response.content
    confirmed.refresh_from_db(), unconfirmed.refresh_from_db()
    assert (confirmed.state, unconfirmed.state) == ("approved", "pending")


def test_rejected_applicants_are_told_by_email(staff_client):
    applicant = MembershipFactory(state=Membership.State.PENDING)
    staff_client.post(bulk_url("reject", applicant))
    applicant.refresh_from_db()
    assert applicant.state == Membership.State.REJECTED
    assert mail.outbox[-1].to == [applicant.user.email]
    assert "unable to approve" in mail.outbox[-1].body


def test_suspended_members_lose_access_and_can_be_reinstated(staff_client, client, thread, users):
    staff_client.post(bulk_url("suspend", users.member.membership))
    users.member.membership.refresh_from_db()
    assert users.member.membership.state == Membership.State.SUSPENDED

    client.force_login(users.member)
    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "Still here?"})
    assert response.status_code == 403
    assert b"suspended" in response.content
    assert thread.posts.count() == 2

    staff_client.post(bulk_url("approve", users.member.membership))
    assert client.post(reverse("community:reply", args=[thread.pk]), {"body": "Back."}).status_code == 302


def test_members_edit_their_profile_and_email_preferences(member_client, users):
    response = member_client.post(
        reverse("profile"),
        {
            "full_name": "Lars Nielsen",
            "company_page": "",
            "company_name": "DSV Air & Sea",
            "job_title": "MD",
            "language": "en-gb",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=users.member)
    assert (membership.job_title, membership.email_on_reply, membership.email_on_mention) == (
        "MD",
        False,
        False,
    )
    profile = member_client.get(reverse("community:member", args=[users.member.username]))
    assert b"DSV Air &amp; Sea" in profile.content and b"MD" in profile.content
