"""Fixtures for community tests: a category, a thread, and one user for each membership state."""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from tests.two_factor.sign_in import sign_in_with_code

from .factories import PASSWORD, CategoryFactory, every_role

SECRET = "XQZ-members-only-customs-broker"


@pytest.fixture
def category(db):
    return CategoryFactory(name="Customs & trade", slug="customs-trade")


@pytest.fixture
def users(db):
    """One user per role of the access matrix (anonymous is None)."""
    return every_role()


@pytest.fixture
def thread(category, users):
    """A thread whose text must never leave the community."""
    thread = category.start_thread(
        users.member, f"Who knows a {SECRET}?", f"Looking for a {SECRET} in Pudong."
    )
    thread.reply(users.moderator, f"Try the {SECRET} at Waigaoqiao, @{users.member.username}.")
    return thread


@pytest.fixture
def member_client(client, users):
    client.force_login(users.member)
    return client


@pytest.fixture
def staff_client(db):
    """A Wagtail admin user, in a client of its own."""
    admin = get_user_model().objects.create_superuser("editor", "editor@maghub.example", PASSWORD)
    return sign_in_with_code(Client(), admin)
