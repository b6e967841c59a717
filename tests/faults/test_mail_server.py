"""The mail server dies or stalls while people apply and reply: every form is acknowledged, the
worker's mail tasks fail, /readyz shows them waiting for a retry, and once the server is back
``recover_tasks`` and the worker deliver each e-mail exactly once."""

import re

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest
from django_tasks_db.models import DBTaskResult

from community.models import Membership, Post
from tests.community.test_membership import APPLICATION

from .observe import readiness
from .proxy import FaultProxy

# The worker commits and reconnects as in production; the migrations' data (roles) is restored.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_worker() -> None:
    """The production worker, until the queue holds nothing ready."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.parametrize("fault", ["stop", "stall"])
def test_mail_written_while_the_server_is_down_is_delivered_once_it_returns(
    smtp, database_tasks, settings, people, category, fault
):
    proxy = FaultProxy("127.0.0.1", smtp.port)
    if fault == "stop":
        smtp.stop()
    else:
        settings.EMAIL_PORT = proxy.port
        proxy.stall()
    thread = category.start_thread(people.moderator, "Bonded warehouses", "Who uses one in Waigaoqiao?")

    applied = Client().post(reverse("signup"), APPLICATION)
    member = Client()
    member.force_login(people.member)
    replied = member.post(reverse("community:reply", args=[thread.pk]), {"body": "We do: Yangshan."})
    assert (applied.status_code, replied.status_code) == (302, 302)
    assert Membership.objects.filter(user__username="grace-lin", state="pending").count() == 1
    assert Post.objects.filter(body__contains="Yangshan").count() == 1

    run_worker()
    failed = DBTaskResult.objects.failed()
    assert sorted(failed.values_list("task_path", flat=True)) == [
        "community.tasks.send_notification_email",  # the reply's notice to the thread's author
        "community.tasks.send_templated_email",  # the applicant's verification link
    ]
    code, statuses = readiness()
    assert code == 200 and statuses["task_queue"] == "degraded"

    if fault == "stop":
        smtp.start()
    else:
        proxy.pass_through()
    call_command("recover_tasks", verbosity=0)
    run_worker()
    proxy.close()

    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
    assert readiness() == (200, {"database": "up", "cache": "up", "search": "disabled", "task_queue": "up"})
    [verification] = smtp.inbox.to(APPLICATION["account-email"])
    [notice] = smtp.inbox.to(people.moderator.email)
    assert len(smtp.inbox.messages) == 2
    assert "Yangshan" in notice.get_payload(decode=True).decode() or "replied" in notice["Subject"]
    link = re.search(
        r"https?://[^/\s]+(/accounts/verify/\S+/)", verification.get_payload(decode=True).decode()
    )
    assert Client().get(link.group(1)).status_code == 200
    assert Membership.objects.get(user__username="grace-lin").email_verified
