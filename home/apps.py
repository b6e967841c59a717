from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide pieces"

    def ready(self):
        # Each app's seo.py registers the schema.org builders of its page types.
        autodiscover_modules("seo")

        from django.db.models.signals import post_migrate, post_save

        from home.images import CreditedImage
        from home.tasks import render_on_save
        from maghub import content_cache, planner

        content_cache.connect()
        post_migrate.connect(planner.refresh_after_migrate, sender=self, dispatch_uid="planner-statistics")

        post_save.connect(render_on_save, sender=CreditedImage, dispatch_uid="render-renditions-on-save")
