"""The user editor: each group is listed with what its members do (Django groups have no
description of their own). Names are those the editorial and community migrations create."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

GROUP_PURPOSES = {
    "Writers": "draft pages and submit them for review; cannot publish",
    "Editors": "review, publish and schedule pages; manage the vocabulary",
    "Administrators": "every page permission; manage users, groups, sites and workflows",
    "Membership reviewers": "approve, reject or suspend membership applications",
    "Forum moderators": "pin, lock, move and hide community posts and handle reports, on the site",
}


class GroupPurposesMixin:
    """Shows each group's purpose next to its name in the form's group checkboxes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = self.group_label

    @staticmethod
    def group_label(group) -> str:
        purpose = GROUP_PURPOSES.get(group.name)
        return f"{group.name}: {purpose}" if purpose else group.name


class UserCreationWithPurposesForm(GroupPurposesMixin, UserCreationForm):
    pass


class UserEditWithPurposesForm(GroupPurposesMixin, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserEditWithPurposesForm if for_update else UserCreationWithPurposesForm
