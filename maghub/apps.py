"""App configs the project substitutes for Wagtail's own."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with a user editor that says what each group is for."""

    user_viewset = "maghub.user_admin.UserViewSet"
