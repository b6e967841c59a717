from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Public search"

    def ready(self):
        from . import community, receivers
        from .sources import register_source

        receivers.connect()
        register_source(community.PostSource())
        community.connect()
