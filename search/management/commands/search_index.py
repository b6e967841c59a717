from django.core.management.base import BaseCommand, CommandError

from search.client import alias_name, elasticsearch_enabled
from search.indexing import INDEX_ERRORS, index_is_current, rebuild, retry_pending, status


class Command(BaseCommand):
    help = "Manage the public search index: rebuild it behind its alias, retry failed writes, show counts."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--rebuild", action="store_true", help="Build a new dated index and swap the alias."
        )
        action.add_argument("--sync", action="store_true", help="Retry every index write that failed.")
        action.add_argument("--status", action="store_true", help="Print document counts and pending writes.")
        action.add_argument(
            "--upgrade",
            action="store_true",
            help="Rebuild only if there is no index or the live one predates the mapping (for deploys).",
        )

    def handle(self, *args, rebuild=False, sync=False, upgrade=False, **options):
        if not elasticsearch_enabled():
            raise CommandError("ELASTICSEARCH_URL is not set: search runs on the database and has no index.")
        try:
            if rebuild:
                self._rebuild()
            elif upgrade:
                self._upgrade()
            elif sync:
                self._sync()
            else:
                self._status()
        except INDEX_ERRORS as error:
            raise CommandError(f"The search server did not answer: {error}") from error

    def _rebuild(self):
        name, count = rebuild()
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} documents into {name}; the alias now points to it.")
        )

    def _upgrade(self):
        if index_is_current():
            self.stdout.write(f"{alias_name()} is up to date; nothing to rebuild.")
            return
        self._rebuild()

    def _sync(self):
        synced, pending = retry_pending()
        self.stdout.write(f"Synced {synced} objects; {pending} still pending.")
        if pending:
            raise CommandError(f"{pending} index writes still failing; run --sync again later.")

    def _status(self):
        info = status()
        self.stdout.write(f"alias {info['alias']} -> {', '.join(info['indices']) or '(none)'}")
        for kind, count in sorted(info["indexed"].items()):
            self.stdout.write(f"  {kind}: {count}")
        self.stdout.write(f"pending writes: {info['pending']}")
        if info["outdated_fields"]:
            raise CommandError(
                f"The live index predates this release ({', '.join(info['outdated_fields'])} differ): "
                "run search_index --rebuild."
            )
