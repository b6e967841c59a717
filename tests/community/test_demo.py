"""The demo content loads, and loads again without duplicating anything."""

import pytest

from community.demo import load_demo
from community.models import Category, Membership, Post, Thread

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Category, Membership, Thread, Post))


def test_load_demo_is_idempotent():
    load_demo()
    first = counts()
    load_demo()
    assert counts() == first
    assert first[2] >= 3 and Membership.objects.filter(company_name="MUJI", state="approved").exists()
