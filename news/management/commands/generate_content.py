import time

from django.core.management.base import BaseCommand, CommandError

from news.synthetic import BATCH_SIZE, generate_articles


class Command(BaseCommand):
    help = "Add N realistic synthetic live articles under /news/ (for benchmarks), using bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles to add.")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument("--seed", type=int, default=None, help="Make the content reproducible.")

    def handle(self, *args, articles, batch_size, seed, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        started = time.perf_counter()

        def progress(done):
            if done % (batch_size * 10) == 0 or done == articles:
                self.stdout.write(f"  {done}/{articles} articles")

        try:
            written = generate_articles(articles, batch_size=batch_size, seed=seed, progress=progress)
        except LookupError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Wrote {written} articles in {elapsed:.1f}s ({written / elapsed:.0f} articles/s).")
