from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from home.missing_translations import TRANSLATOR_PERMISSION, MissingTranslationsView
from home.reports import ScheduledPagesView


class PublisherMenuItem(MenuItem):
    """Shown to whoever may publish some page: the people who schedule."""

    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_permission(request.user, "publish")


class TranslatorMenuItem(MenuItem):
    """Shown to whoever may start a translation."""

    def is_shown(self, request):
        return request.user.has_perm(TRANSLATOR_PERMISSION)


def report_menu_item(menu_item_class, view_class, order):
    """The Reports menu's entry for a report view, linking to its `index_url_name`."""
    return menu_item_class(
        view_class.page_title,
        reverse(view_class.index_url_name),
        name=view_class.index_url_name.removesuffix("_report").replace("_", "-"),
        icon_name=view_class.header_icon,
        order=order,
    )


def report_urls(route, view_class):
    """A report's page and the results-only view its filters reload, at `route` and `route`results/."""
    return [
        path(route, view_class.as_view(), name=view_class.index_url_name),
        path(
            f"{route}results/", view_class.as_view(results_only=True), name=view_class.index_results_url_name
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_scheduled_pages_menu_item():
    return report_menu_item(PublisherMenuItem, ScheduledPagesView, order=650)


@hooks.register("register_admin_urls")
def register_scheduled_pages_urls():
    return report_urls("reports/scheduled/", ScheduledPagesView)


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return report_menu_item(TranslatorMenuItem, MissingTranslationsView, order=660)


@hooks.register("register_admin_urls")
def register_missing_translations_urls():
    return report_urls("reports/translations/", MissingTranslationsView)
