import logging

from django.conf import settings
from django.core.management.base import BaseCommand

from community import demo as community_demo
from home.info_pages import ensure_info_pages
from news import demo as news_demo


class Command(BaseCommand):
    help = (
        "Create (or complete) the demo site: page tree, vocabularies, the MagHub launch story, "
        "the footer's About, Contact, Privacy and Terms pages, "
        "and (with DEBUG on only) demo community members, threads and replies. Idempotent."
    )

    def handle(self, *args, **options):
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page is noise here
        home = news_demo.load(log=self.stdout.write)
        ensure_info_pages(home)
        if settings.DEBUG:
            community_demo.load_demo()
            self.stdout.write("Demo community: members sign in with password 'maghub-demo'.")
        else:
            self.stdout.write("DEBUG is off: no demo members created.")
