"""The forum: categories hold threads, threads hold posts; the rules live here."""

from __future__ import annotations

import difflib

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from community import access, signals
from community.exceptions import PostingNotAllowed, ThreadLocked
from community.markup import render_markdown
from maghub.i18n import localized_name

POSTS_PER_PAGE = 20


def line_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(mark, line) pairs from `old` to `new`: "-" removed, "+" added, " " kept; the template escapes them."""
    return [
        (line[0], line[2:])
        for line in difflib.ndiff(old.splitlines(), new.splitlines())
        if not line.startswith("?")
    ]


THREADS_PER_PAGE = 25


class Category(index.Indexed, models.Model):
    """A board of threads, e.g. by industry or topic; managed by editors as a snippet."""

    name = models.CharField(max_length=100)
    # Members read the community in English or Chinese (community/member_language.py): a category
    # shows its Chinese name and description in Chinese when editors gave them.
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.CharField(max_length=255, blank=True)
    description_zh = models.CharField(_("Chinese description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    is_closed = models.BooleanField(
        "closed for new threads", default=False, help_text="Only moderators may start threads here."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_zh"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_zh"),
        FieldPanel("sort_order"),
        FieldPanel("is_closed"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_zh"),
        index.AutocompleteField("name"),
        index.AutocompleteField("name_zh"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("community:category", args=[self.slug])

    @property
    def display_name(self) -> str:
        """The name in the active language: the Chinese one in Chinese when there is one."""
        return localized_name(self.name, self.name_zh)

    @property
    def display_description(self) -> str:
        """The description in the active language: the Chinese one in Chinese when there is one."""
        return localized_name(self.description, self.description_zh)

    def allows_viewing_by(self, user) -> bool:
        return access.can_read_community(user)

    def posting_refusal(self, user) -> PostingNotAllowed | None:
        """Why `user` may not start a thread here, or None when they may."""
        if not access.can_post(user):
            return PostingNotAllowed(access.refusal_message(user))
        if self.is_closed and not access.is_moderator(user):
            return PostingNotAllowed(gettext("This category is closed for new threads."))
        return None

    def allows_posting_by(self, user) -> bool:
        """May `user` start a thread here?"""
        return self.posting_refusal(user) is None

    def start_thread(self, author, title: str, body: str) -> Thread:
        """Open a thread with its first post; raises PostingNotAllowed."""
        if refused := self.posting_refusal(author):
            raise refused
        with transaction.atomic():
            thread = Thread.objects.create(category=self, title=title, author=author, last_post_by=author)
            post = Post(thread=thread, author=author)
            post.set_body(body)
            post.save()
            thread.last_post_at = post.created_at
            thread.save(update_fields=["last_post_at"])
        signals.send_post_changed(post, "created")
        from community.notifications import notify_about_post

        notify_about_post(post)
        return thread


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user) -> ThreadQuerySet:
        """Threads `user` may see: none for non-members, hidden ones for moderators only."""
        if not access.can_read_community(user):
            return self.none()
        qs = self.filter(is_deleted=False)
        return qs if access.is_moderator(user) else qs.filter(is_hidden=False)

    def for_listing(self, user) -> ThreadQuerySet:
        """Everything a thread listing shows, in a constant number of queries: pinned first, then by activity.

        The ordering is explicit because Meta.ordering does not apply to aggregated queries.
        """
        visible = Q(posts__is_hidden=False, posts__is_deleted=False)
        qs = (
            self.select_related("category", "author__membership", "last_post_by")
            .annotate(post_total=Count("posts", filter=visible))
            .order_by(*Thread.LISTING_ORDER)
        )
        if not user.is_authenticated:
            return qs
        last_read = ThreadReadState.objects.filter(thread=OuterRef("pk"), user=user).values("last_read_at")
        return qs.annotate(last_read_at=Subquery(last_read))


class Thread(models.Model):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="community_threads"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_post_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_pinned = models.BooleanField(default=False)
    is_locked = models.BooleanField(default=False)
    is_hidden = models.BooleanField(default=False, help_text="Hidden by a moderator.")
    is_deleted = models.BooleanField(default=False, help_text="Deleted by its author (kept for the record).")

    objects = ThreadQuerySet.as_manager()

    #: Thread listings: pinned threads first, then the most recent activity (pk breaks ties).
    LISTING_ORDER = ("-is_pinned", "-last_post_at", "-pk")
    #: "Recent activity": the latest posts first, pinned or not.
    RECENT_ORDER = ("-last_post_at", "-pk")

    class Meta:
        ordering = ["-is_pinned", "-last_post_at"]
        indexes = [models.Index(fields=["category", "is_pinned", "last_post_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:thread", args=[self.pk])

    @property
    def is_unread(self) -> bool:
        """Only meaningful on threads from `for_listing(user)`."""
        last_read = getattr(self, "last_read_at", None)
        return last_read is None or self.last_post_at > last_read

    def allows_viewing_by(self, user) -> bool:
        if not self.category.allows_viewing_by(user):
            return False
        return not (self.is_hidden or self.is_deleted) or access.is_moderator(user)

    def posting_refusal(self, user) -> PostingNotAllowed | None:
        """Why `user` may not reply here (ThreadLocked when locked), or None when they may."""
        if not access.can_post(user):
            return PostingNotAllowed(access.refusal_message(user))
        if not self.allows_viewing_by(user):
            return PostingNotAllowed(gettext("This thread is not available."))
        if self.is_locked and not access.is_moderator(user):
            return ThreadLocked(gettext("This thread is locked: no new replies."))
        return None

    def allows_posting_by(self, user) -> bool:
        """May `user` reply here?"""
        return self.posting_refusal(user) is None

    def visible_posts(self) -> models.QuerySet[Post]:
        """The posts in order; deleted and hidden ones stay in place as placeholders."""
        return self.posts.select_related("author__membership__company_page", "quoted__author").order_by(
            "created_at", "pk"
        )

    def quotable_post(self, user, post_id) -> Post | None:
        """The post of this thread `user` may quote in a reply, or None."""
        post = self.posts.visible_to_members().filter(pk=post_id).first() if post_id else None
        return post if post is not None and post.allows_posting_by(user) else None

    def reply(self, author, body: str, quoting: Post | None = None) -> Post:
        """Add a post, perhaps quoting one of this thread; raises PostingNotAllowed or ThreadLocked."""
        if refused := self.posting_refusal(author):
            raise refused
        if quoting is not None and self.quotable_post(author, quoting.pk) is None:
            raise PostingNotAllowed(gettext("That post can no longer be quoted."))
        with transaction.atomic():
            post = Post(thread=self, author=author, quoted=quoting)
            post.set_body(body)
            post.save()
            Thread.objects.filter(pk=self.pk).update(last_post_at=post.created_at, last_post_by=author)
            self.last_post_at, self.last_post_by = post.created_at, author
        signals.send_post_changed(post, "created")
        from community.notifications import notify_about_post

        notify_about_post(post)
        return post

    def mark_read_by(self, user, when) -> None:
        """Remember that `user` has read the thread up to `when` (never moving backwards)."""
        if not user.is_authenticated:
            return
        states = ThreadReadState.objects.filter(user=user, thread=self)
        if not states.filter(last_read_at__lt=when).update(last_read_at=when):
            ThreadReadState.objects.get_or_create(user=user, thread=self, defaults={"last_read_at": when})

    def page_of(self, post: Post) -> int:
        """The page of the thread on which `post` appears."""
        before = self.posts.filter(
            Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
        )
        return before.count() // POSTS_PER_PAGE + 1

    # Moderation: every change is logged and announced.

    #: The thread moderation actions its author hears about, and the notification kind for each.
    AUTHOR_NOTICES = {
        "lock": "thread_locked",
        "unlock": "thread_unlocked",
        "hide": "thread_hidden",
        "unhide": "thread_unhidden",
    }

    def moderate(self, moderator, action: str) -> None:
        """Pin, unpin, lock, unlock, hide or unhide this thread as `moderator`."""
        from community.models.moderation import ModerationLog

        field, value = {
            "pin": ("is_pinned", True),
            "unpin": ("is_pinned", False),
            "lock": ("is_locked", True),
            "unlock": ("is_locked", False),
            "hide": ("is_hidden", True),
            "unhide": ("is_hidden", False),
        }[action]
        self._require_moderator(moderator)
        setattr(self, field, value)
        with transaction.atomic():
            self.save(update_fields=[field])
            ModerationLog.record(moderator, ModerationLog.Action(f"thread_{action}"), thread=self)
        if field == "is_hidden":
            signals.send_thread_changed(self, "hidden" if value else "unhidden")
        if action in self.AUTHOR_NOTICES:
            self._tell_author(moderator, self.AUTHOR_NOTICES[action])

    def move_to(self, category: Category, moderator) -> None:
        """Move the thread to another category."""
        from community.models.moderation import ModerationLog

        self._require_moderator(moderator)
        old = self.category
        self.category = category
        with transaction.atomic():
            self.save(update_fields=["category"])
            ModerationLog.record(
                moderator, ModerationLog.Action.THREAD_MOVE, thread=self, note=f"{old.name} → {category.name}"
            )
        signals.send_thread_changed(self, "moved")
        self._tell_author(moderator, "thread_moved")

    @cached_property
    def opening_post(self) -> Post | None:
        return self.posts.order_by("created_at", "pk").first()

    def _tell_author(self, moderator, kind: str) -> None:
        """Tell the thread's author what a moderator did to it (not when they did it themselves)."""
        from community.notifications import notify_moderation

        opening = self.opening_post
        if self.author_id and self.author_id != moderator.pk and opening is not None:
            notify_moderation(self.author, opening, kind)

    @staticmethod
    def _require_moderator(user) -> None:
        if not access.is_moderator(user):
            raise PostingNotAllowed(gettext("Only moderators may do that."))


class PostQuerySet(models.QuerySet):
    def visible_to_members(self) -> PostQuerySet:
        """What every member may read (`Post.is_visible`): neither post nor thread hidden or deleted."""
        return self.filter(
            is_hidden=False, is_deleted=False, thread__is_hidden=False, thread__is_deleted=False
        )

    def visible_to(self, user) -> PostQuerySet:
        """Posts whose text `user` may read: none for non-members; hidden ones for moderators only.

        A deleted post's text is gone for everyone, moderators included (`Post.allows_viewing_by`).
        """
        if not access.can_read_community(user):
            return self.none()
        if access.is_moderator(user):
            return self.filter(is_deleted=False, thread__is_deleted=False)
        return self.visible_to_members()

    def indexable(self) -> PostQuerySet:
        """Posts that belong in the members-only search index, ready to serialise."""
        return self.visible_to_members().select_related("thread__category", "author__membership")


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="community_posts"
    )
    body = models.TextField(help_text="Markdown, as the author wrote it.")
    body_html = models.TextField(editable=False, help_text="Sanitised HTML rendered from body.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_hidden = models.BooleanField(default=False, help_text="Hidden by a moderator.")
    is_deleted = models.BooleanField(default=False, help_text="Deleted by its author (kept for the record).")
    deleted_at = models.DateTimeField(null=True, blank=True)
    deletion_reason = models.CharField(
        max_length=500,
        blank=True,
        help_text="Why the author deleted the post (optional; read only in the admin's audit).",
    )
    quoted = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quoted_by",
        help_text="The post this one quotes: shown by reference, so hiding or deleting it removes the quote.",
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread}"

    def get_absolute_url(self) -> str:
        return reverse("community:post", args=[self.pk])

    @property
    def is_visible(self) -> bool:
        """Visible to members (and so indexable): not hidden or deleted, nor is its thread."""
        return not (self.is_hidden or self.is_deleted or self.thread.is_hidden or self.thread.is_deleted)

    @property
    def body_text(self) -> str:
        """The rendered body as plain text (for search documents and e-mail excerpts)."""
        return strip_tags(self.body_html)

    @cached_property
    def is_opening_post(self) -> bool:
        return not self.thread.posts.filter(created_at__lt=self.created_at).exclude(pk=self.pk).exists()

    def set_body(self, body: str) -> None:
        self.body = body
        self.body_html = render_markdown(body)

    def allows_viewing_by(self, user) -> bool:
        """May `user` read the text? The rule of `PostQuerySet.visible_to`, for a post in hand."""
        if self.is_deleted or not self.thread.allows_viewing_by(user):
            return False
        return not self.is_hidden or access.is_moderator(user)

    def html_for(self, user) -> str | None:
        """The body as `user` may see it, or None where a placeholder stands in."""
        return self.body_html if self.allows_viewing_by(user) else None

    @property
    def quoted_html(self) -> str | None:
        """The quoted post's body as every reader sees it now, or None once it is hidden or deleted.

        Quotes stay in their thread, so the thread's own visibility is the reply's.
        """
        quoted = self.quoted
        return None if quoted is None or quoted.is_hidden or quoted.is_deleted else quoted.body_html

    def allows_posting_by(self, user) -> bool:
        """May `user` quote this post in a reply? Only what every member can read is quoted."""
        return not (self.is_hidden or self.is_deleted) and self.thread.allows_posting_by(user)

    def allows_editing_by(self, user) -> bool:
        """Authors edit and delete their own posts while they may post in the thread."""
        return (
            user.is_authenticated
            and self.author_id == user.pk
            and not (self.is_hidden or self.is_deleted)
            and self.thread.allows_posting_by(user)
        )

    def allows_reporting_by(self, user) -> bool:
        return self.allows_viewing_by(user) and access.can_post(user) and self.author_id != user.pk

    def edit(self, editor, body: str, title: str | None = None) -> None:
        """Replace the body (and, on the opening post, the thread's title), keeping the previous version."""
        if not self.allows_editing_by(editor):
            if not access.can_post(editor):
                raise PostingNotAllowed(access.refusal_message(editor))
            raise PostingNotAllowed(gettext("You can only edit your own posts in threads open for replies."))
        thread = self.thread
        previous, previous_title = self.body, thread.title
        renamed = title is not None and title != previous_title and self.is_opening_post
        if body == previous and not renamed:
            return
        with transaction.atomic():
            PostRevision.objects.create(
                post=self, body=previous, title=previous_title if self.is_opening_post else "", editor=editor
            )
            self.set_body(body)
            self.edited_at = timezone.now()
            self.save(update_fields=["body", "body_html", "edited_at"])
            if renamed:
                thread.title = title
                thread.save(update_fields=["title"])
        signals.send_post_changed(self, "edited")
        if renamed:
            signals.send_thread_changed(thread, "renamed")
        from community.notifications import notify_about_post

        notify_about_post(self, previous_body=previous)

    def history(self) -> list[dict]:
        """Each edit, newest first: when, by whom, and the line diff of the title and body it made."""
        versions = [(self.thread.title, self.body)]
        entries = []
        for revision in self.revisions.select_related("editor"):
            newer_title, newer_body = versions[-1]
            title = revision.title or newer_title
            entries.append(
                {
                    "revision": revision,
                    "title_diff": line_diff(title, newer_title) if title != newer_title else [],
                    "body_diff": line_diff(revision.body, newer_body),
                }
            )
            versions.append((title, revision.body))
        return entries

    def soft_delete(self, user, reason: str = "") -> None:
        """The author withdraws the post, perhaps saying why; deleting the opening post deletes the thread.

        The body stays in the database for the admin's audit of deleted posts and nowhere else.
        """
        if not self.allows_editing_by(user):
            raise PostingNotAllowed(gettext("You can only delete your own posts."))
        opening = self.is_opening_post
        with transaction.atomic():
            self.is_deleted, self.deleted_at, self.deletion_reason = True, timezone.now(), reason.strip()
            self.save(update_fields=["is_deleted", "deleted_at", "deletion_reason"])
            if opening:
                Thread.objects.filter(pk=self.thread_id).update(is_deleted=True)
                self.thread.is_deleted = True
        signals.send_post_changed(self, "deleted")
        if opening:
            signals.send_thread_changed(self.thread, "deleted")

    def set_hidden(self, moderator, hidden: bool, note: str = "") -> None:
        """Hide (or unhide) the post as a moderator."""
        from community.models.moderation import ModerationLog

        Thread._require_moderator(moderator)
        self.is_hidden = hidden
        with transaction.atomic():
            self.save(update_fields=["is_hidden"])
            action = ModerationLog.Action.POST_HIDE if hidden else ModerationLog.Action.POST_UNHIDE
            ModerationLog.record(moderator, action, thread=self.thread, post=self, note=note)
        signals.send_post_changed(self, "hidden" if hidden else "unhidden")
        from community.models.notifications import Notification
        from community.notifications import notify_moderation

        kind = Notification.Kind.POST_HIDDEN if hidden else Notification.Kind.POST_UNHIDDEN
        notify_moderation(self.author, self, kind)

    def report(self, reporter, reason: str, details: str = ""):
        """Flag the post for moderators (a second report by the same member updates the open one)."""
        if not self.allows_reporting_by(reporter):
            raise PostingNotAllowed(gettext("You cannot report this post."))
        report, created = self.reports.update_or_create(
            reporter=reporter, status="open", defaults={"reason": reason, "details": details}
        )
        if created:
            from community.notifications import notify_moderators_of_report

            notify_moderators_of_report(report)
        return report


class PostRevision(models.Model):
    """A previous version of an edited post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    title = models.CharField(
        max_length=200, blank=True, help_text="The thread's title before the edit (opening posts only)."
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-replaced_at", "-pk"]

    def __str__(self) -> str:
        return f"Revision of post {self.post_id} replaced {self.replaced_at:%Y-%m-%d %H:%M}"

    @property
    def body_html(self) -> str:
        return render_markdown(self.body)


class ThreadReadState(models.Model):
    """How far a member has read a thread: drives the unread markers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_states")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="one_read_state_per_thread")]

    def __str__(self) -> str:
        return f"{self.user} read {self.thread} at {self.last_read_at}"
