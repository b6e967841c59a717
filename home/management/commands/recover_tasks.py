from django.core.management.base import BaseCommand

from maghub.task_recovery import recover


class Command(BaseCommand):
    help = (
        "Requeue background tasks a dead worker left RUNNING and tasks an outage failed "
        "(after their back-off); the scheduler runs it every minute."
    )

    def handle(self, *args, **options):
        recovered = recover()
        self.stdout.write(
            f"Requeued {recovered.orphaned} orphaned and {recovered.retried} failed tasks; "
            f"{recovered.waiting} wait for a retry."
        )
