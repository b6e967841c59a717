"""Index writes that failed and wait for ``manage.py search_index --sync``."""

from django.db import models


class PendingIndexOperation(models.Model):
    """One object whose index entry may be stale; the sync re-reads it from the database."""

    source = models.CharField(max_length=40)  # the source name, e.g. "page" (see search.sources)
    object_id = models.BigIntegerField()
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id"], name="unique_pending_index_operation")
        ]
        ordering = ["pk"]

    def __str__(self):
        return f"{self.source}-{self.object_id} ({self.attempts} attempts)"
