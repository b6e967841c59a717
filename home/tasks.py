"""Image renditions are made when an image is saved, in a task, so that no page read writes them."""

from django_tasks import task

from home.images import CreditedImage
from maghub.images import every_spec


@task()
def render_renditions(image_id: int) -> None:
    """Every rendition a public page may show of the image (a no-op for those that exist)."""
    image = CreditedImage.objects.filter(pk=image_id).first()
    if image is not None:
        image.get_renditions(*every_spec())


def render_on_save(sender, instance, **kwargs) -> None:
    """Queued in the saving transaction, so a persistent task worker only sees it once committed."""
    render_renditions.enqueue(instance.pk)
