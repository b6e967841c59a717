import logging

from django.core.management.base import BaseCommand

from news import demo as news_demo


class Command(BaseCommand):
    help = "Create (or complete) the demo site: page tree, vocabularies, the MagHub launch story. Idempotent."

    def handle(self, *args, **options):
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page is noise here
        news_demo.load(log=self.stdout.write)
