"""Bylines: /authors/<slug>/ lists an author's published articles, newest first."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext

from maghub.pages import NEWEST_FIRST, public
from maghub.seo import view_seo
from news.models import ArticlePage, Author
from news.pagination import keyset_page

ARTICLES_PER_PAGE = 20


def articles_by(author):
    return (
        public(ArticlePage.objects.live())
        .filter(author_links__author=author)
        .select_related("lead_image")
        .order_by(*NEWEST_FIRST)
    )


def authors_with_articles():
    public_articles = public(ArticlePage.objects.live()).values("pk")
    return Author.objects.filter(article_links__page__in=public_articles).distinct().order_by("name")


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = keyset_page(articles_by(author), request.GET, ARTICLES_PER_PAGE)
    seo = view_seo(
        request,
        title=author.name,
        description=author.bio or gettext("Articles by %(name)s") % {"name": author.name},
    )
    return render(request, "news/author_page.html", {"author": author, "articles": articles, "seo": seo})
