"""Reading and writing in the forum. Rules live on the models; these views only apply them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from community import access
from community.decorators import member_required, refusal_response
from community.exceptions import PostingNotAllowed
from community.forms import DeletePostForm, PostForm, ReplyForm, ReportForm, ThreadForm
from community.models import Category, Notification, Post, Thread
from community.models.forum import POSTS_PER_PAGE, THREADS_PER_PAGE
from community.ratelimit import ratelimit


def _thread_page(request: HttpRequest, threads):
    return Paginator(threads.for_listing(request.user), THREADS_PER_PAGE).get_page(request.GET.get("page"))


def _get_thread(request: HttpRequest, thread_id: int) -> Thread:
    threads = Thread.objects.visible_to(request.user).select_related("category", "author")
    return get_object_or_404(threads, pk=thread_id)


def _get_post(request: HttpRequest, post_id: int) -> Post:
    posts = Post.objects.visible_to(request.user).select_related("thread__category", "author")
    return get_object_or_404(posts, pk=post_id)


def _with_permissions(posts, user) -> None:
    """Attach what the member may see and do with each post on the page."""
    moderator = access.is_moderator(user)
    for post in posts:
        post.shown_html = post.html_for(user)
        post.can_edit = post.allows_editing_by(user)
        post.can_quote = post.shown_html is not None and post.allows_posting_by(user)
        post.can_report = post.shown_html is not None and post.allows_reporting_by(user)
        post.can_moderate = moderator


def _write_form(request: HttpRequest, form, *, save, refusal, template: str, context: dict):
    """Show `form`, or save it: `save(cleaned_data)` returns what to redirect to.

    The model refuses a save it does not allow (PostingNotAllowed); `refusal()` (the model's
    ``posting_refusal``) refuses the form itself up front, with the same reason.
    """
    try:
        if request.method == "POST" and form.is_valid():
            return redirect(save(form.cleaned_data))
        if refused := refusal():
            raise refused
    except PostingNotAllowed as refused:
        return refusal_response(request, str(refused))
    return render(request, template, {**context, "form": form})


@member_required
def index(request: HttpRequest) -> HttpResponse:
    visible_threads = Q(threads__is_hidden=False, threads__is_deleted=False)
    categories = Category.objects.annotate(
        thread_total=Count("threads", filter=visible_threads), last_post_at=Max("threads__last_post_at")
    )
    recent = (
        Thread.objects.visible_to(request.user).for_listing(request.user).order_by(*Thread.RECENT_ORDER)[:10]
    )
    return render(request, "community/index.html", {"categories": categories, "threads": recent})


@member_required
def category_detail(request: HttpRequest, category_slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=category_slug)
    threads = _thread_page(request, Thread.objects.visible_to(request.user).filter(category=category))
    return render(
        request,
        "community/category.html",
        {"category": category, "threads": threads, "can_start": category.allows_posting_by(request.user)},
    )


@member_required
@ratelimit("post")
def thread_create(request: HttpRequest, category_slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=category_slug)
    return _write_form(
        request,
        ThreadForm(request.POST or None),
        save=lambda data: category.start_thread(request.user, data["title"], data["body"]),
        refusal=lambda: category.posting_refusal(request.user),
        template="community/thread_form.html",
        context={"category": category},
    )


@member_required
def thread_detail(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _get_thread(request, thread_id)
    posts = Paginator(thread.visible_posts(), POSTS_PER_PAGE).get_page(request.GET.get("page"))
    _with_permissions(posts, request.user)
    if posts.object_list:
        thread.mark_read_by(request.user, max(post.created_at for post in posts))
    return render(
        request,
        "community/thread.html",
        {
            "thread": thread,
            "posts": posts,
            "form": PostForm(),
            "can_reply": thread.allows_posting_by(request.user),
            "is_moderator": access.is_moderator(request.user),
        },
    )


@member_required
@ratelimit("post")
def thread_reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _get_thread(request, thread_id)
    asked = request.POST.get("quote") or request.GET.get("quote", "")
    # A primary key: ASCII digits ("²".isdigit() is true and int() refuses it), short enough
    # for the database's integer column.
    is_pk = asked.isascii() and asked.isdigit() and len(asked) < 10
    quoted = thread.quotable_post(request.user, int(asked)) if is_pk else None
    return _write_form(
        request,
        ReplyForm(request.POST or None, initial={"quote": quoted.pk if quoted else None}),
        save=lambda data: thread.reply(request.user, data["body"], quoting=quoted),
        refusal=lambda: thread.posting_refusal(request.user),
        template="community/post_form.html",
        context={"thread": thread, "quoted": quoted},
    )


@member_required
def post_detail(request: HttpRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=post_id)
    if not post.thread.allows_viewing_by(request.user):
        raise Http404
    return redirect(f"{post.thread.get_absolute_url()}?page={post.thread.page_of(post)}#post-{post.pk}")


@member_required
@ratelimit("post")
def post_edit(request: HttpRequest, post_id: int) -> HttpResponse:
    post = _get_post(request, post_id)
    if not post.allows_editing_by(request.user):
        raise Http404
    # The opening post carries the thread's title, which its author edits with it.
    form_class = ThreadForm if post.is_opening_post else PostForm
    form = form_class(request.POST or None, initial={"body": post.body, "title": post.thread.title})
    if request.method == "POST" and form.is_valid():
        post.edit(request.user, form.cleaned_data["body"], title=form.cleaned_data.get("title"))
        return redirect(post)
    return render(request, "community/post_form.html", {"thread": post.thread, "post": post, "form": form})


@member_required
def post_delete(request: HttpRequest, post_id: int) -> HttpResponse:
    post = _get_post(request, post_id)
    if not post.allows_editing_by(request.user):
        raise Http404
    form = DeletePostForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        post.soft_delete(request.user, form.cleaned_data["reason"])
        messages.success(request, gettext("Your post was deleted."))
        return redirect(post.thread.category if post.thread.is_deleted else post)
    return render(
        request, "community/post_confirm_delete.html", {"post": post, "thread": post.thread, "form": form}
    )


@member_required
def post_history(request: HttpRequest, post_id: int) -> HttpResponse:
    post = _get_post(request, post_id)
    return render(
        request, "community/post_history.html", {"post": post, "thread": post.thread, "edits": post.history()}
    )


@member_required
@ratelimit("report")
def post_report(request: HttpRequest, post_id: int) -> HttpResponse:
    post = _get_post(request, post_id)
    if not post.allows_reporting_by(request.user):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        post.report(request.user, **form.cleaned_data)
        messages.success(request, gettext("Thank you: moderators will look at this post."))
        return redirect(post)
    return render(request, "community/report_form.html", {"post": post, "thread": post.thread, "form": form})


@member_required
def member_detail(request: HttpRequest, username: str) -> HttpResponse:
    member = get_object_or_404(
        get_user_model().objects.select_related("membership__company_page"),
        username__iexact=username,
        membership__state="approved",
    )
    threads = (
        Thread.objects.visible_to(request.user)
        .filter(author=member)
        .for_listing(request.user)
        .order_by(*Thread.RECENT_ORDER)[:20]
    )
    return render(request, "community/member.html", {"member": member, "threads": threads})


@member_required
def my_threads(request: HttpRequest) -> HttpResponse:
    threads = _thread_page(request, Thread.objects.visible_to(request.user).filter(author=request.user))
    return render(request, "community/my_threads.html", {"threads": threads})


@member_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.visible_to(request.user).select_related(
        "actor", "post__thread__category"
    )
    if request.method == "POST":
        notifications.unread().update(read_at=timezone.now())
        return redirect("community:notifications")
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    for notification in page:
        notification.shown_title = notification.title_for(request.user)
    return render(request, "community/notifications.html", {"notifications": page})


@member_required
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(Notification.objects.visible_to(request.user), pk=notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if not notification.post.thread.allows_viewing_by(request.user):
        # A notice to the author of a hidden thread: the thread itself is for moderators now.
        messages.info(
            request,
            gettext("%(headline)s: only moderators can open it now.") % {"headline": notification.headline},
        )
        return redirect("community:notifications")
    return redirect(notification.post)
