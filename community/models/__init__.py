"""Community models, one module per family."""

from .audit import DeletedPost
from .forum import Category, Post, PostRevision, Thread, ThreadReadState
from .membership import Membership
from .moderation import ModerationLog, Report
from .notifications import Notification

__all__ = [
    "Category",
    "DeletedPost",
    "Membership",
    "ModerationLog",
    "Notification",
    "Post",
    "PostRevision",
    "Report",
    "Thread",
    "ThreadReadState",
]
