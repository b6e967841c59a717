"""A member's language: recorded at sign-up, changed in the profile or with the switcher, and
followed by the community's pages and every e-mail to them, whatever language the sender used."""

import re

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from community.models import Membership, Notification

from .factories import member
from .test_membership import APPLICATION

pytestmark = pytest.mark.django_db

CHINESE = "zh-hans"


@pytest.fixture
def chinese_member(users):
    Membership.objects.filter(user=users.member).update(language=CHINESE)
    return users.member


def links(email) -> list[str]:
    """The site paths an e-mail links to."""
    return re.findall(r"https?://[^/\s]+(/\S*)", email.body)


@pytest.mark.parametrize(("signup_path", "language", "verify_prefix"), [
    ("/accounts/signup/", "en-gb", "/accounts/verify/"),
    ("/zh/accounts/signup/", CHINESE, "/zh/accounts/verify/"),
])  # fmt: skip
def test_the_preference_is_the_language_of_the_signup_and_so_is_the_verification(
    client, db, signup_path, language, verify_prefix
):
    response = client.post(signup_path, APPLICATION)
    assert response.status_code == 302
    assert Membership.objects.get(user__username="grace-lin").language == language
    (email,) = mail.outbox
    assert email.extra_headers["Content-Language"] == {"en-gb": "en-GB", CHINESE: "zh-Hans"}[language]
    (verify,) = [path for path in links(email) if "/verify/" in path]
    assert verify.startswith(verify_prefix)
    assert client.get(verify).status_code == 200
    assert Membership.objects.get(user__username="grace-lin").email_verified


def profile_data(membership: Membership, **changes) -> dict:
    fields = ("full_name", "company_name", "job_title", "language")
    return {**{field: getattr(membership, field) for field in fields}, "company_page": "", **changes}


def test_the_profile_form_changes_the_language_and_refuses_an_unknown_one(member_client, users):
    membership = users.member.membership
    refused = member_client.post(reverse("profile"), profile_data(membership, language="fr"))
    assert refused.status_code == 200 and "fr is not one of the available choices" in refused.content.decode()
    assert Membership.objects.get(pk=membership.pk).language == "en-gb"

    response = member_client.post(reverse("profile"), profile_data(membership, language=CHINESE))
    assert response.status_code == 302 and response["Location"] == "/zh/accounts/profile/"
    assert Membership.objects.get(pk=membership.pk).language == CHINESE
    page = member_client.get("/zh/accounts/profile/")
    assert page.status_code == 200 and '<html lang="zh-Hans">' in page.content.decode()


def test_a_member_opening_a_page_in_the_other_language_is_sent_to_theirs(client, chinese_member, thread):
    client.force_login(chinese_member)
    for path in ("/community/", f"/community/t/{thread.pk}/?page=1", "/accounts/profile/"):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (302, f"/zh{path}")
    assert client.get("/zh/community/").status_code == 200
    # The rest of the site follows its path: a Chinese member may read English news and search.
    assert client.get("/search/?q=port").status_code == 200
    # A form is answered where it was sent.
    reply = client.post(f"/community/t/{thread.pk}/reply/", {"body": "谢谢，我们也在找。"})
    assert reply.status_code == 302 and thread.posts.filter(body="谢谢，我们也在找。").exists()


def test_english_members_are_sent_back_to_english_and_visitors_are_not_redirected(client, users):
    assert "/accounts/login/" in client.get("/zh/community/")["Location"]
    client.force_login(users.member)
    response = client.get("/zh/community/")
    assert (response.status_code, response["Location"]) == (302, "/community/")


def test_following_the_preference_costs_no_query(chinese_member, settings):
    def queries(path: str) -> int:
        client = Client()  # a client of its own: it loads the middleware of the moment
        client.force_login(chinese_member)
        client.get(path)  # warms the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    with_preference = queries("/zh/community/")
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "community.member_language.MemberLanguageMiddleware"
    ]
    assert queries("/zh/community/") == with_preference


def test_a_members_switcher_saves_the_preference_then_goes_to_the_page_in_it(client, users):
    client.force_login(users.member)
    page = client.get("/community/").content.decode()
    switch = re.search(
        r'<form class="language-switch-form" method="post" action="([^"]+)">.*?'
        r'name="next" value="([^"]+)"><button [^>]*name="language" value="([^"]+)"',
        page,
    )
    assert switch.groups() == ("/accounts/language/", "/zh/community/", CHINESE)
    response = client.post(switch.group(1), {"next": switch.group(2), "language": switch.group(3)})
    assert (response.status_code, response["Location"]) == (302, "/zh/community/")
    assert Membership.objects.get(user=users.member).language == CHINESE
    assert client.get("/zh/community/").status_code == 200

    back = client.post("/zh/accounts/language/", {"next": "/zh/community/", "language": "en-gb"})
    assert back["Location"] == "/community/"
    assert Membership.objects.get(user=users.member).language == "en-gb"


def test_the_switch_refuses_unknown_languages_and_leaves_no_open_redirect(member_client, users):
    assert (
        member_client.post("/accounts/language/", {"next": "/community/", "language": "fr"}).status_code
        == 400
    )
    response = member_client.post(
        "/accounts/language/", {"next": "https://evil.example/", "language": CHINESE}
    )
    assert response["Location"] == "/zh/"
    assert member_client.get("/zh/accounts/language/").status_code == 405


@pytest.fixture
def english_thread_of_chinese_member(category, chinese_member):
    thread = category.start_thread(chinese_member, "Cold chain in Lingang", "Who do you use?")
    mail.outbox.clear()
    return thread


def test_a_reply_notice_is_in_the_recipients_language_not_the_repliers(
    client, english_thread_of_chinese_member, users
):
    thread = english_thread_of_chinese_member
    client.force_login(users.moderator)  # an English member, replying from the English page
    client.post(f"/community/t/{thread.pk}/reply/", {"body": "Ask DSV."})
    (email,) = mail.outbox
    notification = Notification.objects.get(recipient=users.member)
    assert email.to == [users.member.email] and email.extra_headers["Content-Language"] == "zh-Hans"
    assert links(email) == [f"/zh/community/notifications/{notification.pk}/", "/zh/accounts/profile/"]


def test_an_english_member_gets_english_from_a_chinese_replier(client, category, users, chinese_member):
    thread = category.start_thread(users.moderator, "Bonded warehouses", "Who uses one?")
    mail.outbox.clear()
    client.force_login(chinese_member)
    client.post(f"/zh/community/t/{thread.pk}/reply/", {"body": "我们用洋山的。"})
    (email,) = mail.outbox
    assert email.extra_headers["Content-Language"] == "en-GB"
    assert "replied to your thread" in email.subject and "我们用洋山的。" in email.body
    assert all(not path.startswith("/zh/") for path in links(email))


def test_a_moderation_notice_is_in_the_authors_language(client, english_thread_of_chinese_member, users):
    thread = english_thread_of_chinese_member
    client.force_login(users.moderator)
    client.post(reverse("community:thread_moderate", args=[thread.pk]), {"action": "lock"})
    (email,) = mail.outbox
    assert email.to == [users.member.email] and email.extra_headers["Content-Language"] == "zh-Hans"
    assert all(path.startswith("/zh/") for path in links(email)) and len(links(email)) == 2


def test_the_decision_and_the_password_reset_are_in_the_applicants_language(client, users):
    applicant = member(Membership.State.PENDING, language=CHINESE)
    mail.outbox.clear()
    applicant.membership.approve(by=users.moderator)
    (welcome,) = mail.outbox
    assert welcome.extra_headers["Content-Language"] == "zh-Hans"
    assert links(welcome) == ["/zh/accounts/login/"]

    mail.outbox.clear()
    client.post("/accounts/password/reset/", {"email": applicant.email})  # from the English page
    (reset,) = mail.outbox
    assert "重置" in reset.subject  # Django's own catalogue translates this subject
    (link,) = links(reset)
    assert link.startswith("/zh/accounts/password/reset/")
    assert client.get(link, follow=True).status_code == 200


def test_a_chinese_titled_thread_has_a_working_address_and_mentions_touch_chinese(
    client, category, users, chinese_member
):
    mentioned = member(user__username="wang-li")
    client.force_login(chinese_member)
    response = client.post(
        f"/zh/community/c/{category.slug}/new/",
        {"title": "浦东的冷链物流伙伴", "body": "请问@wang-li有推荐吗？**急**，谢谢。\n\n> 引用：上海港"},
    )
    thread = chinese_member.community_threads.get()
    assert response.status_code == 302 and response["Location"] == f"/zh/community/t/{thread.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "浦东的冷链物流伙伴" in page
    assert '<a class="mention" href="/community/members/wang-li/"' in page
    assert "<strong>急</strong>" in page and "<blockquote>\n<p>引用：上海港</p>" in page
    assert Notification.objects.filter(recipient=mentioned, kind="mention").exists()


def test_categories_show_their_chinese_names_in_chinese(client, category, users, chinese_member):
    category.name_zh, category.description_zh = "海关与贸易", "进口规则和保税区。"
    category.save()
    category.start_thread(users.moderator, "Bonded zones", "Which one?")
    client.force_login(chinese_member)  # the moderator reads in English
    chinese = client.get("/zh/community/").content.decode()
    assert "海关与贸易" in chinese and "进口规则和保税区。" in chinese
    assert "Customs &amp; trade" not in chinese
    assert "<h1>海关与贸易</h1>" in client.get(f"/zh/community/c/{category.slug}/").content.decode()

    client.force_login(users.moderator)
    english = client.get("/community/").content.decode()
    assert "Customs &amp; trade" in english and "海关与贸易" not in english
