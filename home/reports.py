"""The "Scheduled" admin report: pages approved to go live later, soonest first."""

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast

from wagtail.admin.views.reports import PageReportView
from wagtail.models import Revision

# A spreadsheet column: the page's type, as the admin names it.
PAGE_TYPE = "content_type.model_class._meta.verbose_name.title"


def scheduled_go_live_at():
    """A subquery: the go-live time of a page's approved, scheduled revision."""
    return Subquery(
        Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), output_field=CharField()), approved_go_live_at__isnull=False
        )
        .order_by("approved_go_live_at")
        .values("approved_go_live_at")[:1]
    )


class ScheduledPagesView(PageReportView):
    page_title = "Scheduled pages"
    header_icon = "calendar-alt"
    results_template_name = "home/reports/scheduled_pages_results.html"
    index_url_name = "scheduled_pages_report"
    index_results_url_name = "scheduled_pages_report_results"
    permission_required = "publish"
    list_export = ["title", "locale", "go_live", "expire_at", PAGE_TYPE]
    export_headings = {
        "locale": "Language",
        "go_live": "Goes live",
        "expire_at": "Expires",
        PAGE_TYPE: "Type",
    }

    def get_filename(self):
        return "scheduled-pages"

    def get_queryset(self):
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .annotate(go_live=scheduled_go_live_at())
            .filter(go_live__isnull=False)
            .select_related("content_type", "locale")
            .order_by("go_live")
        )
        return super().get_queryset()
