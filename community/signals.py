"""Hook points for other apps (search indexing): what changed in the community.

`post_changed(sender=Post, post=..., action=...)` with action one of
"created", "edited", "hidden", "unhidden", "deleted".
`thread_changed(sender=Thread, thread=..., action=...)` with action one of
"moved", "renamed", "hidden", "unhidden", "deleted": every post of the thread may have
changed visibility, category or title.

Receivers decide from `post.is_visible` whether to index or remove. They are
called robustly: a failing receiver is logged and never breaks the member's save.
"""

from __future__ import annotations

import logging

from django.dispatch import Signal

logger = logging.getLogger(__name__)

post_changed = Signal()
thread_changed = Signal()


def send_post_changed(post, action: str) -> None:
    """Announce a change to one post."""
    _send(post_changed, type(post), post=post, action=action)


def send_thread_changed(thread, action: str) -> None:
    """Announce a change to a whole thread."""
    _send(thread_changed, type(thread), thread=thread, action=action)


def _send(signal: Signal, sender, **kwargs) -> None:
    for receiver, result in signal.send_robust(sender, **kwargs):
        if isinstance(result, Exception):
            logger.error("community signal receiver %r failed", receiver, exc_info=result)
