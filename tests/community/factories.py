"""Factories for community objects: real rows, built through the models' own rules where they exist."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import factory

from community.access import MODERATORS_GROUP
from community.models import Category, Membership

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@company.example")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    full_name = factory.Faker("name")
    company_name = "DSV Air & Sea"
    job_title = "Logistics Manager"
    reason = "To meet peers."
    state = Membership.State.APPROVED
    email_verified_at = factory.LazyFunction(timezone.now)


def member(state=Membership.State.APPROVED, *, moderator=False, **kwargs):
    """A user with a membership in `state` (and in the Forum moderators group if asked)."""
    user = MembershipFactory(state=state, **kwargs).user
    if moderator:
        user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


def every_role(**names) -> SimpleNamespace:
    """One user per role of the access matrix (anonymous is None); ``names`` sets full names by role."""
    states = {
        "pending": Membership.State.PENDING,
        "rejected": Membership.State.REJECTED,
        "suspended": Membership.State.SUSPENDED,
    }
    people = {role: member(state, **_named(names, role)) for role, state in states.items()}
    return SimpleNamespace(
        anonymous=None,
        **people,
        member=member(**_named(names, "member")),
        moderator=member(moderator=True, **_named(names, "moderator")),
    )


def _named(names: dict, role: str) -> dict:
    return {"full_name": names[role]} if role in names else {}
