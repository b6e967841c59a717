from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Public search"

    def ready(self):
        from . import receivers

        receivers.connect()
