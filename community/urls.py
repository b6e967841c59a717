"""The forum under /community/: members only, every view behind community.decorators."""

from django.urls import path

from community.views import forum, moderation

app_name = "community"

urlpatterns = [
    path("", forum.index, name="index"),
    path("c/<slug:category_slug>/", forum.category_detail, name="category"),
    path("c/<slug:category_slug>/new/", forum.thread_create, name="thread_create"),
    path("t/<int:thread_id>/", forum.thread_detail, name="thread"),
    path("t/<int:thread_id>/reply/", forum.thread_reply, name="reply"),
    path("p/<int:post_id>/", forum.post_detail, name="post"),
    path("p/<int:post_id>/edit/", forum.post_edit, name="post_edit"),
    path("p/<int:post_id>/delete/", forum.post_delete, name="post_delete"),
    path("p/<int:post_id>/history/", forum.post_history, name="post_history"),
    path("p/<int:post_id>/report/", forum.post_report, name="post_report"),
    path("members/<str:username>/", forum.member_detail, name="member"),
    path("my-threads/", forum.my_threads, name="my_threads"),
    path("notifications/", forum.notification_list, name="notifications"),
    path("notifications/<int:notification_id>/", forum.notification_open, name="notification_open"),
    path("moderation/t/<int:thread_id>/", moderation.thread_moderate, name="thread_moderate"),
    path("moderation/t/<int:thread_id>/move/", moderation.thread_move, name="thread_move"),
    path("moderation/p/<int:post_id>/", moderation.post_moderate, name="post_moderate"),
    path("moderation/reports/", moderation.report_queue, name="report_queue"),
    path("moderation/reports/<int:report_id>/close/", moderation.report_close, name="report_close"),
    path("moderation/log/", moderation.moderation_log, name="moderation_log"),
]
