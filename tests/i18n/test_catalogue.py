"""The Chinese catalogue is complete: every message translated, none fuzzy, none missing or stale."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.i18n.po import ZH_PO, entries, statistics

PROJECT = Path(__file__).resolve().parents[2]
# What `makemessages` reads: the apps, the project package and manage.py (not tests or bench).
SOURCES = ["community", "home", "maghub", "news", "search", "manage.py", "locale"]


def test_every_message_of_the_chinese_catalogue_is_translated():
    counts = statistics(ZH_PO)

    assert counts.fuzzy == 0
    assert counts.untranslated == 0
    assert counts.translated == len([entry for entry in entries(ZH_PO) if not entry.obsolete]) > 400


def test_the_catalogue_holds_exactly_the_messages_the_code_marks(tmp_path):
    """`makemessages` run on a copy of the sources adds nothing to the catalogue and drops nothing
    from it: every marked string has its translation, and no translation is left over."""
    copy = tmp_path / "project"
    copy.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.mo")
    for name in SOURCES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy2(source, copy / name)
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "maghub.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--verbosity", "0"],
        cwd=copy,
        env=environment,
        check=True,
    )
    regenerated = copy / ZH_PO.relative_to(PROJECT)

    counts = statistics(regenerated)
    assert (counts.fuzzy, counts.untranslated) == (0, 0), "run makemessages and translate the new msgids"
    stale = [entry.msgid for entry in entries(regenerated) if entry.obsolete]
    assert not stale, f"msgids no longer marked anywhere: {stale}"
    marked = {(e.context, e.msgid, e.msgid_plural) for e in entries(regenerated) if not e.obsolete}
    committed = {(e.context, e.msgid, e.msgid_plural) for e in entries(ZH_PO) if not e.obsolete}
    assert marked == committed
