from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News, companies and events"

    def ready(self):
        from maghub import content_cache
        from news.models import Author, District, Industry

        # Listings show terms and bylines: editing one changes what readers see.
        content_cache.bump_on_change(Industry, District, Author)
