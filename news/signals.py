"""What the news app tells other apps (search indexing) about pages it writes.

``pages_written(sender=<page model>, ids=[...])`` is sent after pages were written
without Wagtail's per-page save and publish signals (bulk inserts), or changed after
they were published (relations added by the demo loader). Receivers bring whatever
they keep about those pages (search indexes) up to date; the news app knows none of them.
"""

from django.dispatch import Signal

pages_written = Signal()
