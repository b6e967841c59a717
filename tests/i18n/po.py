"""Reading the catalogue in tests: msgfmt's statistics and the msgids with where they come from."""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests import catalogues

ZH_PO = catalogues.LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "django.po"
_STRING = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$')
_ESCAPES = {'\\"': '"', "\\n": "\n", "\\t": "\t", "\\\\": "\\"}


@dataclass(frozen=True)
class Statistics:
    translated: int
    fuzzy: int
    untranslated: int


def statistics(po: Path) -> Statistics:
    """msgfmt's own count ("448 translated messages, 2 fuzzy translations, 1 untranslated message.")."""
    result = subprocess.run(  # noqa: S603 - msgfmt on our own catalogue
        [catalogues.msgfmt(), "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )

    def count(word: str) -> int:
        found = re.search(rf"(\d+) {word}", result.stderr)
        return int(found.group(1)) if found else 0

    return Statistics(count("translated"), count("fuzzy"), count("untranslated"))


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgid_plural: str
    context: str
    references: tuple[str, ...]
    obsolete: bool


def _unescape(text: str) -> str:
    return re.sub(r'\\["nt\\]', lambda m: _ESCAPES[m.group(0)], text)


def entries(po: Path) -> list[Entry]:
    """Every message of `po` but the header."""
    found = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        strings: dict[str, str] = {}
        references: list[str] = []
        current = None
        obsolete = False
        for line in block.splitlines():
            if line.startswith("#~"):
                obsolete = True
                line = line[2:].strip()
            if line.startswith("#:"):
                references += [ref.rsplit(":", 1)[0] for ref in line[2:].split()]
            elif match := _STRING.match(line):
                current = match.group(1)
                strings[current] = match.group(2)
            elif line.startswith('"') and current:
                strings[current] += line[1:-1]
        if strings.get("msgid"):
            found.append(
                Entry(
                    _unescape(strings["msgid"]),
                    _unescape(strings.get("msgid_plural", "")),
                    _unescape(strings.get("msgctxt", "")),
                    tuple(references),
                    obsolete,
                )
            )
    return found
