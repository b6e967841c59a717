from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide pieces"

    def ready(self):
        # Each app's seo.py registers the schema.org builders of its page types.
        autodiscover_modules("seo")

        from home import content_cache

        content_cache.connect()
