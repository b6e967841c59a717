"""Community posts in MagHub search: the one module that knows both the forum and the index.

- :class:`PostSource` turns visible posts into members-only documents for the search
  index (and answers the database backend when Elasticsearch is not configured).
- :func:`connect` wires the community's signals (and the model signals that change a
  post's document: hard deletes, category slugs, members' names) to
  :func:`search.indexing.schedule`, which never raises, so no receiver can break the
  member's save. A failed write is retried by ``search_index --sync``.

Both are installed by :meth:`search.apps.SearchConfig.ready`: the community app knows
nothing of search, it only announces its changes (:mod:`community.signals`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import reduce
from operator import or_

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from community import signals
from community.access import membership_of
from community.models import Category, Membership, Post, Thread

from .documents import MEMBERS, PostDocument
from .indexing import schedule
from .languages import text_language
from .parsing import ParsedQuery, has_cjk

NAME = "post"  # the source name (document ids "post-<pk>"); its documents' kind is "post" too
BATCH_SIZE = 1000
#: What the database backend matches words against (the index has the same in title, body, authors).
SEARCHED_FIELDS = ("thread__title", "body", "author__membership__full_name", "author__username")


def _opening_post_ids() -> Subquery:
    """For each post's thread, the pk of its opening post (the earliest one)."""
    return Subquery(
        Post.objects.filter(thread=OuterRef("thread_id")).order_by("created_at", "pk").values("pk")[:1]
    )


def _author_name(post: Post) -> str:
    if post.author is None:
        return "a former member"
    membership = membership_of(post.author)
    return membership.full_name if membership and membership.full_name else post.author.get_username()


def _containing(text: str) -> Q:
    return reduce(or_, (Q(**{f"{name}__icontains": text}) for name in SEARCHED_FIELDS))


def _contains_words(text: str, words: Sequence[str]) -> bool:
    """Every word appears at the start of a word in ``text`` (anywhere, for Chinese)."""
    return all(
        (word.lower() in text) if has_cjk(word) else re.search(rf"(?<!\w){re.escape(word)}", text, re.I)
        for word in words
    )


def _language(title: str, body_html: str) -> str:
    """The language a post is written in, read from its thread's title and its text."""
    return text_language(f"{title}\n{strip_tags(body_html)}")


class PostSource:
    """Visible community posts, for members only (``audience="members"``).

    The opening post of a thread carries the thread title and feeds suggestions; replies
    are titled "Re: ..." and are found by their text, not suggested (one suggestion per thread).
    """

    name = NAME
    kind = "post"
    audience = MEMBERS

    def indexable(self) -> QuerySet[Post]:
        return Post.objects.indexable()

    def all_ids(self) -> Iterator[int]:
        return self.indexable().order_by("pk").values_list("pk", flat=True).iterator(chunk_size=BATCH_SIZE)

    def load(self, ids: Sequence[int]) -> list[PostDocument]:
        """Documents of the posts among ``ids`` that members can read now (a constant number of queries)."""
        posts = self.indexable().filter(pk__in=ids).annotate(opening_id=_opening_post_ids())
        return [self._document(post) for post in posts]

    def _document(self, post: Post) -> PostDocument:
        opening = post.pk == post.opening_id
        thread = post.thread
        document = PostDocument.from_values(
            pk=post.pk,
            title=thread.title if opening else f"Re: {thread.title}",
            body=post.body_text,
            category=thread.category.slug,
            url=post.get_absolute_url(),
            thread_url=thread.get_absolute_url(),
            author=_author_name(post),
            created=post.created_at,
            language=_language(thread.title, post.body_html),
            audience=self.audience,
        )
        document.suggest = thread.title if opening else None
        return document

    # The database backend (no ELASTICSEARCH_URL, or an outage) asks these two.

    def find(
        self, parsed: ParsedQuery, *, date_from: date | None = None, date_to: date | None = None
    ) -> list[tuple[int, datetime, str]]:
        """(pk, created, language) of visible posts whose thread title, text or author holds every
        word, newest first; the language as their documents carry it.

        Latin words match at the start of a word (as the highlighting marks them); Chinese anywhere.
        """
        posts = self.indexable()
        if date_from:
            posts = posts.filter(created_at__date__gte=date_from)
        if date_to:
            posts = posts.filter(created_at__date__lte=date_to)
        for text in parsed.positive:
            posts = posts.filter(_containing(text))
        for text in parsed.excluded:
            posts = posts.exclude(_containing(text))
        rows = posts.order_by("-created_at", "-pk").values_list(
            "pk", "created_at", "body_html", *SEARCHED_FIELDS
        )
        return [
            (pk, created, _language(title, body_html))
            for pk, created, body_html, title, body, *names in rows
            if not parsed.positive
            or _contains_words(
                "\n".join(text or "" for text in (title, body, *names)).lower(), parsed.positive
            )
        ]

    def complete(self, text: str, size: int) -> list[int]:
        """Opening posts of threads whose title holds every word typed, newest first."""
        posts = self.indexable().annotate(opening_id=_opening_post_ids()).filter(pk=F("opening_id"))
        for word in text.split():
            posts = posts.filter(thread__title__icontains=word)
        return list(posts.order_by("-created_at", "-pk").values_list("pk", flat=True)[:size])


# Receivers: each hands the affected posts to the indexer and nothing more.


def on_post_changed(sender, post: Post, action: str, **kwargs) -> None:
    """Created, edited, hidden, unhidden or deleted: the post's document is rebuilt or removed."""
    schedule(NAME, [post.pk])


def on_thread_changed(sender, thread: Thread, action: str, **kwargs) -> None:
    """Moved, renamed, hidden, unhidden or deleted: every post of the thread changes with it."""
    schedule(NAME, thread.posts.values_list("pk", flat=True))


def on_post_removed(sender, instance: Post, **kwargs) -> None:
    """A post deleted from the database (e.g. with its thread, in the admin) leaves the index."""
    schedule(NAME, [instance.pk])


def on_category_saved(sender, instance: Category, created: bool, **kwargs) -> None:
    """A renamed category (its slug is the documents' ``category``) reindexes its posts."""
    if not created:
        schedule(NAME, Post.objects.filter(thread__category=instance).values_list("pk", flat=True))


def on_membership_saved(sender, instance: Membership, update_fields=None, **kwargs) -> None:
    """A member's new name (e.g. from the profile page) reaches their posts' ``authors``."""
    if update_fields is None or "full_name" in update_fields:
        schedule(NAME, Post.objects.filter(author_id=instance.user_id).values_list("pk", flat=True))


def connect() -> None:
    """Wire the community's changes to the search indexer."""
    signals.post_changed.connect(on_post_changed, sender=Post, dispatch_uid="search.community.post")
    signals.thread_changed.connect(on_thread_changed, sender=Thread, dispatch_uid="search.community.thread")
    post_delete.connect(on_post_removed, sender=Post, dispatch_uid="search.community.post_deleted")
    post_save.connect(on_category_saved, sender=Category, dispatch_uid="search.community.category")
    post_save.connect(on_membership_saved, sender=Membership, dispatch_uid="search.community.membership")
