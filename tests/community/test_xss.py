"""Posts are Markdown sanitised by nh3: no payload of a known corpus survives into the page."""

from django.urls import reverse

import pytest

from community.markup import renders_empty
from community.models import Post, Thread

from .htmlcheck import script_hazards
from .xss_payloads import PAYLOADS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    settings.COMMUNITY_RATE_LIMITS = {"post": {"user": "1000/m", "ip": "1000/m"}}


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 50


def test_the_checker_catches_what_it_should():
    assert script_hazards('<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><svg></svg>') == [
        "href='javascript:alert(1)' on <a>",
        "onerror= on <img>",
        "<svg> element",
    ]


def test_no_payload_survives_in_replies(member_client, thread):
    for payload in PAYLOADS:
        response = member_client.post(reverse("community:reply", args=[thread.pk]), {"body": payload})
        # a payload that sanitises to nothing is refused with the form's error, the rest are posted
        assert response.status_code == (200 if renders_empty(payload) else 302), payload
        assert script_hazards(response.content.decode()) == [], payload
    assert thread.posts.count() == sum(not renders_empty(payload) for payload in PAYLOADS) + 2
    pages = -(-thread.posts.count() // 20)
    for page in range(1, pages + 1):
        response = member_client.get(thread.get_absolute_url(), {"page": page})
        assert response.status_code == 200
        assert script_hazards(response.content.decode()) == [], f"page {page}"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_each_payload_renders_harmless(payload):
    post = Post(body="")
    post.set_body(payload)
    assert script_hazards(post.body_html) == []


def test_payloads_in_thread_titles_are_escaped(member_client, category, users):
    for payload in PAYLOADS[:12]:
        response = member_client.post(
            reverse("community:thread_create", args=[category.slug]),
            {"title": payload[:200], "body": f"{payload}\n\nWhat do you think?"},
        )
        assert response.status_code == 302
    for url in [reverse("community:index"), category.get_absolute_url(), reverse("community:my_threads")]:
        assert script_hazards(member_client.get(url).content.decode()) == [], url
    for thread in Thread.objects.all():
        assert script_hazards(member_client.get(thread.get_absolute_url()).content.decode()) == []


def test_links_get_rel_nofollow_ugc_noopener():
    post = Post(body="")
    post.set_body("[customs FAQ](https://english.customs.gov.cn/) and <https://www.shine.cn>")
    assert post.body_html.count('rel="nofollow ugc noopener"') == 2
