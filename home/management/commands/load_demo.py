import logging
import os

from django.conf import settings
from django.core.management.base import BaseCommand

from community import demo as community_demo
from home import demo as home_demo


class Command(BaseCommand):
    help = (
        "Create (or complete) the demo site: page tree, vocabularies, the MagHub launch story, "
        "the footer's About, Contact, Privacy and Terms pages, "
        "and (with DEBUG on only) demo community members, threads and replies. Idempotent."
    )

    def add_arguments(self, parser):
        # Every absolute URL (share links, canonical, sitemap, feeds, e-mails) is built from the
        # Site's host and port: by default where `make run` serves it.
        parser.add_argument("--hostname", default="127.0.0.1", help="Host the demo site is served at.")
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT") or 8000),
            help="Port the demo site is served at (default: $PORT, else 8000).",
        )

    def handle(self, *args, **options):
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page is noise here
        home_demo.load(log=self.stdout.write, hostname=options["hostname"], port=options["port"])
        if settings.DEBUG:
            community_demo.load_demo()
            self.stdout.write("Demo community: members sign in with password 'maghub-demo'.")
        else:
            self.stdout.write("DEBUG is off: no demo members created.")
