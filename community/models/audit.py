"""The record of what authors deleted, read only in the admin's audit view."""

from __future__ import annotations

from django.db import models

from .forum import Post


class DeletedPostManager(models.Manager):
    """Only deleted posts: the admin's listing, inspect view and permission checks all start here."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(is_deleted=True).select_related("author", "thread__category")


class DeletedPost(Post):
    """A post its author deleted, body and reason kept for audit.

    The only place a deleted body is shown is the admin view of this model, open to holders of
    its one permission (`community.view_deletedpost`); every community page goes through
    `Post.objects.visible_to()`, which leaves deleted posts out for everyone.
    """

    objects = DeletedPostManager()

    class Meta:
        proxy = True
        default_permissions = ("view",)
        ordering = ["-deleted_at", "-pk"]
        verbose_name = "deleted post"
        verbose_name_plural = "deleted posts"

    def __str__(self) -> str:
        return f"Post {self.pk} in “{self.thread}”, deleted by its author"
