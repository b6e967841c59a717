from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "maghub-dev"  # noqa: S105 - a local development login, refused outside DEBUG


class Command(BaseCommand):
    help = "Development only: make sure a superuser exists for /admin/ and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_dev_admin runs only with DEBUG on (dev settings); production never creates users."
            )
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME,
            defaults={"email": "admin@maghub.localhost", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
            self.stdout.write(f"Admin login for local use: {USERNAME} / {PASSWORD} at /admin/")
        else:
            self.stdout.write(
                f"Admin user '{USERNAME}' exists (created with password '{PASSWORD}') at /admin/"
            )
