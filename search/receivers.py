"""Signal receivers: each one hands the affected objects to the indexer and nothing more.

Connected in :meth:`search.apps.SearchConfig.ready`. :func:`search.indexing.schedule`
never raises, so no receiver can break the save that triggered it.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from modelsearch import index
from modelsearch.tasks import insert_or_update_object_task

from news.models import CompanyProfilePage
from news.signals import pages_written

from .database_index import schedule_pages
from .indexing import schedule
from .sources import PageSource


def _page_and_descendants(page: Page) -> list[int]:
    return list(
        Page.objects.descendant_of(page, inclusive=True).type(*PageSource.models).values_list("pk", flat=True)
    )


def _mentioning(company: CompanyProfilePage) -> list[int]:
    """Pages whose documents carry this company's names."""
    return [
        *company.articles_mentioning.values_list("pk", flat=True),
        *company.events_attended.values_list("pk", flat=True),
    ]


def on_page_published(sender, instance, **kwargs) -> None:
    """Publish (and title change): the page, and if a company, what mentions it."""
    ids = [instance.pk]
    if isinstance(instance, CompanyProfilePage):
        ids += _mentioning(instance)
    schedule(PageSource.name, ids)


def _indexes_child_relations(model) -> bool:
    return any(isinstance(field, index.RelatedFields) for field in model.get_search_fields())


def on_page_published_refresh_wagtail_index(sender, instance, **kwargs) -> None:
    """Re-index in Wagtail's own (database) index pages that search their child relations.

    Wagtail indexes on ``post_save``, which a clusterable page sends before saving its
    child relations: a company's awards added in the same publish would be missed.
    ``page_published`` comes after them. The database search backend reads this index.
    """
    if _indexes_child_relations(type(instance)):
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


def on_pages_written(sender, ids, **kwargs) -> None:
    """Pages written in bulk (no save or publish signals): both indexes take them in batches."""
    schedule(PageSource.name, ids)
    schedule_pages(ids)


def on_subtree_changed(sender, instance, **kwargs) -> None:
    """Unpublish, move, slug change: every indexable page in the subtree may have changed."""
    schedule(PageSource.name, _page_and_descendants(instance))


def on_page_deleted(sender, instance, **kwargs) -> None:
    """A deleted page leaves the index (deleting a parent sends this for each descendant)."""
    if isinstance(instance, Page):
        schedule(PageSource.name, [instance.pk])


def on_view_restriction_changed(sender, instance, **kwargs) -> None:
    """A privacy change removes (or restores) the restricted page and everything below it."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule(PageSource.name, _page_and_descendants(page))


def connect() -> None:
    """Wire the page lifecycle to the indexer."""
    page_published.connect(on_page_published, dispatch_uid="search.page_published")
    page_published.connect(
        on_page_published_refresh_wagtail_index, dispatch_uid="search.page_published_wagtail_index"
    )
    pages_written.connect(on_pages_written, dispatch_uid="search.pages_written")
    page_unpublished.connect(on_subtree_changed, dispatch_uid="search.page_unpublished")
    post_page_move.connect(on_subtree_changed, dispatch_uid="search.post_page_move")
    page_slug_changed.connect(on_subtree_changed, dispatch_uid="search.page_slug_changed")
    post_delete.connect(on_page_deleted, dispatch_uid="search.page_deleted")
    post_save.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved"
    )
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted"
    )
