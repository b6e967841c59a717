"""Taxonomy pages: every term of a vocabulary, and everything tagged with one term."""

from django.shortcuts import get_object_or_404, render

from maghub.content_cache import cached
from maghub.seo import view_seo
from news.sections import term_sections


def term_list(request, vocabulary):
    return render(
        request,
        "news/term_list.html",
        {
            "vocabulary": vocabulary._meta,
            "terms": vocabulary.with_page_counts(),
            "breadcrumb_trail": [(vocabulary._meta.verbose_name_plural.capitalize(), None)],
        },
    )


def term_detail(request, vocabulary, slug):
    term = get_object_or_404(vocabulary, slug=slug)
    return render(
        request,
        "news/term_detail.html",
        {
            "term": term,
            "seo": view_seo(request, title=term.display_name, description=term.summary),
            "vocabulary": vocabulary._meta,
            # Cards of three page types: built once per change of published content.
            "sections": cached(f"sections-{term._meta.label_lower}-{term.pk}", lambda: term_sections(term)),
            "breadcrumb_trail": [
                (vocabulary._meta.verbose_name_plural.capitalize(), vocabulary.index_url()),
                (term.display_name, None),
            ],
        },
    )
