from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"

    def ready(self):
        from search.sources import register_source

        from .search import PostSource, connect

        register_source(PostSource())
        connect()
