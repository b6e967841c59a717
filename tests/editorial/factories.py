"""Factories for the editorial tests: staff users in a role group."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory


class StaffFactory(factory.django.DjangoModelFactory):
    """A user in one of the editorial role groups created by home's data migration."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@maghub.example")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
