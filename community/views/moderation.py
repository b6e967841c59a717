"""Moderators' tools: thread and post actions, the report queue, the log."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from community.decorators import moderator_required
from community.forms import MoveThreadForm
from community.models import ModerationLog, Post, Report, Thread

# What each thread action says once done, translated when the message is stored (in the request).
THREAD_ACTION_DONE = {
    "pin": gettext_lazy("Thread pinned."),
    "unpin": gettext_lazy("Thread unpinned."),
    "lock": gettext_lazy("Thread locked."),
    "unlock": gettext_lazy("Thread unlocked."),
    "hide": gettext_lazy("Thread hidden."),
    "unhide": gettext_lazy("Thread unhidden."),
}


@moderator_required
@require_POST
def thread_moderate(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=thread_id, is_deleted=False)
    action = request.POST.get("action")
    if action not in THREAD_ACTION_DONE:
        raise Http404
    thread.moderate(request.user, action)
    messages.success(request, THREAD_ACTION_DONE[action])
    return redirect(thread)


@moderator_required
def thread_move(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=thread_id, is_deleted=False)
    form = MoveThreadForm(request.POST or None, instance=thread)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["category"]
        thread.refresh_from_db()
        thread.move_to(target, request.user)
        messages.success(request, gettext("Thread moved to %(category)s.") % {"category": target})
        return redirect(thread)
    return render(request, "community/thread_move.html", {"thread": thread, "form": form})


@moderator_required
@require_POST
def post_moderate(request: HttpRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("thread"), pk=post_id)
    action = request.POST.get("action")
    if action not in {"hide", "unhide"}:
        raise Http404
    post.set_hidden(request.user, action == "hide", note=request.POST.get("note", ""))
    messages.success(request, gettext("Post hidden.") if action == "hide" else gettext("Post visible again."))
    return redirect(post)


@moderator_required
def report_queue(request: HttpRequest) -> HttpResponse:
    reports = Report.objects.filter(status=Report.Status.OPEN).select_related(
        "reporter", "post__author", "post__thread__category"
    )
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    for report in page:
        report.shown_html = report.post.html_for(request.user)
    return render(request, "community/report_queue.html", {"reports": page})


@moderator_required
@require_POST
def report_close(request: HttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.select_related("post__thread"), pk=report_id, status="open")
    status = request.POST.get("status")
    if status not in {Report.Status.RESOLVED, Report.Status.DISMISSED}:
        raise Http404
    report.close(request.user, status, hide_post=request.POST.get("hide_post") == "1")
    messages.success(request, gettext("Report closed."))
    return redirect("community:report_queue")


@moderator_required
def moderation_log(request: HttpRequest) -> HttpResponse:
    entries = ModerationLog.objects.select_related("actor", "thread", "post", "member")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "community/moderation_log.html", {"entries": page})
