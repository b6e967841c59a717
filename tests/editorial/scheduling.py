"""Scheduled pages at a chosen time, for tests of what `publish_scheduled` does when it comes."""

from datetime import datetime


def move_schedule(page, go_live_at: datetime) -> None:
    """Move the approved go-live time of `page`'s scheduled revision to `go_live_at`, as if the clock
    had moved on (the admin refuses to schedule in the past)."""
    revision = page.revisions.get(approved_go_live_at__isnull=False)
    revision.content["go_live_at"] = go_live_at.isoformat()
    revision.approved_go_live_at = go_live_at
    revision.save(update_fields=["content", "approved_go_live_at"])
