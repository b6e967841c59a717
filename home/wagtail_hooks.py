from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from home.reports import ScheduledPagesView


class PublisherMenuItem(MenuItem):
    """Shown to whoever may publish some page: the people who schedule."""

    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_permission(request.user, "publish")


@hooks.register("register_reports_menu_item")
def register_scheduled_pages_menu_item():
    return PublisherMenuItem(
        "Scheduled pages",
        reverse("scheduled_pages_report"),
        name="scheduled-pages",
        icon_name=ScheduledPagesView.header_icon,
        order=650,
    )


@hooks.register("register_admin_urls")
def register_scheduled_pages_urls():
    return [
        path("reports/scheduled/", ScheduledPagesView.as_view(), name="scheduled_pages_report"),
        path(
            "reports/scheduled/results/",
            ScheduledPagesView.as_view(results_only=True),
            name="scheduled_pages_report_results",
        ),
    ]
