"""Bylines: /authors/<slug>/ lists an author's published articles, newest first."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext

from maghub.pages import NEWEST_FIRST, in_language, public
from maghub.seo import view_seo
from news.models import ArticlePage, Author
from news.pagination import keyset_page

ARTICLES_PER_PAGE = 20


def articles_by(author):
    """The author's public articles in the active language, newest first."""
    return (
        in_language(public(ArticlePage.objects.live()))
        .filter(author_links__author=author)
        .select_related("lead_image")
        .order_by(*NEWEST_FIRST)
    )


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = keyset_page(articles_by(author), request.GET, ARTICLES_PER_PAGE)
    seo = view_seo(
        request,
        title=author.name,
        description=author.bio or gettext("Articles by %(name)s") % {"name": author.name},
    )
    return render(request, "news/author_page.html", {"author": author, "articles": articles, "seo": seo})
