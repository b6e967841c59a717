"""The task worker is killed mid-task (SIGKILL while it waits on a stalled mail server): the task
stays RUNNING, /readyz reports it orphaned, and ``recover_tasks`` puts it back in the queue for the
next worker, which sends the e-mail exactly once.

The worker is ``manage.py db_worker`` in a process of its own on the test's database (on SQLite a
file, see maghub/settings/test.py)."""

import time

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest
from django_tasks_db.models import DBTaskResult

from community.models import Post

from .observe import readiness, wait_until
from .processes import Worker
from .proxy import FaultProxy

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NOTICE = "community.tasks.send_notification_email"


def test_a_task_whose_worker_dies_is_run_again_by_the_next_worker(
    smtp, database_tasks, settings, people, category
):
    settings.TASK_LEASE_SECONDS = 1
    proxy = FaultProxy("127.0.0.1", smtp.port)
    thread = category.start_thread(people.moderator, "Bonded warehouses", "Who uses one in Waigaoqiao?")
    DBTaskResult.objects.all().delete()  # the thread's own index tasks: this test is about the reply
    member = Client()
    member.force_login(people.member)
    assert (
        member.post(reverse("community:reply", args=[thread.pk]), {"body": "We do: Yangshan."}).status_code
        == 302
    )
    notice = DBTaskResult.objects.get(task_path=NOTICE)

    proxy.stall()  # the worker will wait on the mail server until it is killed
    worker = Worker(proxy.port)
    wait_until(
        lambda: DBTaskResult.objects.get(pk=notice.pk).status == "RUNNING", 30, "the worker taking the task"
    )
    worker.kill()
    time.sleep(settings.TASK_LEASE_SECONDS + 0.1)
    code, statuses = readiness()
    assert code == 200 and statuses["task_queue"] == "degraded"
    assert DBTaskResult.objects.get(pk=notice.pk).status == "RUNNING"  # and would stay so for ever

    proxy.pass_through()
    call_command("recover_tasks", verbosity=0)
    Worker(proxy.port, "--batch").finish()
    proxy.close()

    assert DBTaskResult.objects.get(pk=notice.pk).status == "SUCCESSFUL"
    assert len(DBTaskResult.objects.get(pk=notice.pk).worker_ids) == 2
    [mail] = smtp.inbox.messages
    assert people.moderator.email in mail["To"]
    assert Post.objects.filter(body__contains="Yangshan").count() == 1
    assert readiness()[1]["task_queue"] == "up"
