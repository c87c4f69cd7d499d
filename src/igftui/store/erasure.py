"""Forgetting a person: their personal data erased from the whole catalogue, bytes included.

The people in a catalogue are often at risk, and the right to erasure must be
real.  Forgetting a name:

- clears what is personal in every participant entry of that name (name,
  organisation, country, e-mail, gender) in every session and every revision,
  deleted sessions' revisions too.  The entry stays, unnamed, with its roles,
  stakeholder group and regional group, so a session's diversity counts stay true;
- replaces the name wherever it is written in free text (description, notes,
  agenda titles...) with "[name removed]", and the person's e-mail addresses with
  "[e-mail removed]";
- rewrites the participant rows and the search entries from the erased sessions.

Then the bytes go: SQLite only marks deleted text as free space, FTS5 keeps
deleted entries in its old segments, and the WAL keeps every page as it was
written.  So the search index is merged (FTS5 'optimize'), the catalogue is
rebuilt (VACUUM, with secure_delete on and its temporary copy in memory, never on
disk), and the WAL is emptied and cut to nothing (``wal_checkpoint(TRUNCATE)``).

A name is matched as the catalogue matches people (``person_key``): case, accents
and spaces do not count, so "ANA  COSTA" and "Ána Costa" are the same person.
Copies made before (``igftui backup`` files, ``backups/``) are not touched: the
result names the folder, so the user can decide about them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine

from igftui.model.wording import fold, plural
from igftui.store import fulltext
from igftui.store.backups import backup_folder
from igftui.store.catalogue import person_key, rewrite_document
from igftui.store.errors import CatalogueError

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue

NAME_REMOVED = "[name removed]"
EMAIL_REMOVED = "[e-mail removed]"

#: What is personal in a participant entry.  Roles, stakeholder group, regional
#: group, status, attendance and first-time stay: they are what the counts need.
PERSONAL_FIELDS = ("name", "organisation", "country", "email", "gender")

_WORD = re.compile(r"[\w&]")


class NameFinder:
    """Finds a name in text the way the catalogue matches people, whatever its case or accents.

    In free text the name is also found with its words turned round, as lists and
    citations write it ("Kowalczyk-Ntuli, Zeynep").  A part of the name alone (a
    first name) is not: it may be anyone's.
    """

    def __init__(self, name: str) -> None:
        key = person_key(name)
        if key is None:
            raise CatalogueError(f"{name!r} is not a name: give the name of the person to forget")
        self.name = name
        self.key = key
        words = key.split(" ")
        #: The folded name and each turn of its words: "zeynep kowalczyk ntuli",
        #: "kowalczyk ntuli zeynep", "ntuli zeynep kowalczyk".
        self.forms = list(dict.fromkeys(" ".join(words[i:] + words[:i]) for i in range(len(words))))

    def is_person(self, name: Any) -> bool:
        return isinstance(name, str) and person_key(name) == self.key

    def replace(self, text: str, mark: str = NAME_REMOVED) -> tuple[str, int]:
        """``text`` with every occurrence of the name replaced by ``mark``, and how many there were."""
        folded, origin = _fold(text)
        found = []
        for form in self.forms:
            start = folded.find(form)
            while start != -1:
                end = start + len(form)
                if (start == 0 or folded[start - 1] == " ") and (end == len(folded) or folded[end] == " "):
                    found.append((start, end))
                start = folded.find(form, start + 1)
        spans: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if not spans or start >= spans[-1][1]:
                spans.append((start, end))
        for start, end in reversed(spans):
            text = text[: origin[start]] + mark + text[origin[end - 1] + 1 :]
        return text, len(spans)

    def words(self) -> list[str]:
        """The name's words as the search index splits them."""
        return [word for word in re.split(r"[\W_]+", self.key) if word]


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` folded as ``normalise`` folds it, with where each folded character came from.

    ``normalise`` works on whole strings; here each character is folded on its own
    (by the shared :func:`~igftui.model.wording.fold`)
    so that a match in the folded text points back at the original characters
    (one may fold to several: "ß" is "ss").
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in fold(char):
            if not _WORD.match(piece):
                if out and out[-1] == " ":
                    continue
                piece = " "
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


@dataclass
class DocumentErasure:
    """What erasing a person from one session document changed."""

    document: dict[str, Any]
    participants: int = 0
    mentions: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.participants or self.mentions)


def emails_of(document: dict[str, Any], finder: NameFinder) -> set[str]:
    """The e-mail addresses the person has in ``document``'s participant entries."""
    found = set()
    for entry in _participants(document):
        if finder.is_person(entry.get("name")) and isinstance(entry.get("email"), str) and entry["email"]:
            found.add(entry["email"])
    return found


def erase_from_document(
    document: dict[str, Any], finder: NameFinder, emails: Set[str] = frozenset()
) -> DocumentErasure:
    """``document`` without the person: their entries unnamed, their name and e-mails out of the text."""
    result = DocumentErasure(document=json.loads(json.dumps(document)))
    for entry in _participants(result.document):
        if finder.is_person(entry.get("name")):
            for key in PERSONAL_FIELDS:
                if entry.get(key) is not None:
                    entry[key] = None
            result.participants += 1
    email_patterns = [re.compile(re.escape(email), re.IGNORECASE) for email in sorted(emails)]

    def scrub(value: Any, *, is_name: bool = False) -> Any:
        if isinstance(value, str):
            if is_name:
                # Another person's name is matched whole (above), never in part:
                # forgetting "Ana Costa" leaves "Ana Costa Lima" as she is.
                return value
            value, count = finder.replace(value)
            for pattern in email_patterns:
                value, more = pattern.subn(EMAIL_REMOVED, value)
                count += more
            result.mentions += count
            return value
        if isinstance(value, list):
            return [scrub(item) for item in value]
        if isinstance(value, dict):
            return {key: scrub(item, is_name=key == "name" and "roles" in value) for key, item in value.items()}
        return value

    result.document = scrub(result.document)
    before, after = document.get("links"), result.document.get("links")
    if isinstance(before, list) and isinstance(after, list):
        # A link whose address named the person goes whole: "mailto:[e-mail removed]" is no
        # address, and the session must still read back.
        result.document["links"] = [
            link
            for old, link in zip(before, after, strict=True)
            if not (isinstance(old, dict) and isinstance(link, dict)) or old.get("url") == link.get("url")
        ]
    return result


def _participants(document: dict[str, Any]) -> list[dict[str, Any]]:
    entries = document.get("participants") if isinstance(document, dict) else None
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


@dataclass
class Erasure:
    """What forgetting a name changed, or with ``dry_run`` would change."""

    name: str
    dry_run: bool
    #: Ids of the sessions whose text changed.
    sessions: list[int] = field(default_factory=list)
    #: Participant entries unnamed in those sessions.
    participants: int = 0
    #: Occurrences of the name (and the person's e-mail) replaced in their free text.
    mentions: int = 0
    #: Kept revisions rewritten, deleted sessions' included.
    revisions: int = 0
    #: True when no byte of the catalogue file or its WAL holds the erased text any
    #: more; False when another igftui held the WAL open; None on a dry run.
    bytes_gone: bool | None = None
    backups: Path = Path("backups")
    backup_files: int = 0

    @property
    def found(self) -> bool:
        return bool(self.sessions or self.revisions)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "dry_run": self.dry_run,
            "sessions": list(self.sessions),
            "participants": self.participants,
            "mentions": self.mentions,
            "revisions": self.revisions,
            "bytes_gone": self.bytes_gone,
            "backups_folder": str(self.backups),
            "backup_files": self.backup_files,
        }

    def describe(self) -> list[str]:
        """What happened, in lines for a terminal (the CLI and the app say the same)."""
        if not self.found:
            return [f"no one named {self.name} in any session or revision: nothing to erase"]
        verb = "would forget" if self.dry_run else "forgot"
        lines = [
            f"{verb} {self.name}: {plural(len(self.sessions), 'session')} "
            f"({plural(self.participants, 'participant entry', 'participant entries')} unnamed, "
            f"{plural(self.mentions, 'mention')} in text replaced by {NAME_REMOVED!r}), "
            f"{plural(self.revisions, 'revision')} rewritten"
        ]
        if self.sessions:
            lines.append("sessions: " + ", ".join(f"#{number}" for number in self.sessions))
        if self.dry_run:
            lines.append("nothing was changed (--dry-run)")
        elif self.bytes_gone:
            lines.append("the catalogue was rebuilt: no byte of it or of its journal holds the erased text")
        else:
            lines.append(
                "another igftui has the catalogue open: the erased text stays in its journal "
                "until that igftui closes; close it and run forget again"
            )
        copies = plural(self.backup_files, "file")
        lines.append(
            f"copies made earlier may still hold the name: the backups in {self.backups} "
            f"({copies}) and any 'igftui backup' files elsewhere"
        )
        return lines


def forget(catalogue: Catalogue, name: str, *, dry_run: bool = False) -> Erasure:
    """Erase the person called ``name`` from ``catalogue`` (see the module's description)."""
    finder = NameFinder(name)
    erasure = Erasure(name=name, dry_run=dry_run, backups=backup_folder(catalogue.path))
    erasure.backup_files = _files_in(erasure.backups)
    with catalogue._db(write=not dry_run) as db:
        connection = db.connection()
        with _secure_delete(connection, on=not dry_run):
            emails = _emails(connection, finder)
            sessions = _erase_sessions(connection, finder, emails)
            revisions = _erase_revisions(connection, finder, emails)
            for session_id, _uid, _version, result in sessions:
                erasure.sessions.append(session_id)
                erasure.participants += result.participants
                erasure.mentions += result.mentions
            erasure.revisions = len(revisions)
            if not dry_run:
                for session_id, uid, version, result in sessions:
                    rewrite_document(connection, session_id, uid, version, result.document)
                for revision_id, result in revisions:
                    connection.execute(
                        text("UPDATE revision SET document = :document WHERE id = :id"),
                        {"id": revision_id, "document": _dump(result.document)},
                    )
                _clear_what_is_left(connection, finder, {session_id for session_id, *_ in sessions})
                fulltext.optimize(connection)
                db.commit()
    erasure.sessions.sort()
    if not dry_run:
        erasure.bytes_gone = make_the_bytes_gone(catalogue.engine)
    return erasure


def _emails(connection: Connection, finder: NameFinder) -> set[str]:
    # From every document first: an address given in one session and typed into
    # the notes of another goes too.
    emails: set[str] = set()
    for table in ("session", "revision"):
        for (document,) in connection.execute(text(f"SELECT document FROM {table}")):
            emails |= emails_of(json.loads(document), finder)
    return emails


def _erase_sessions(connection: Connection, finder: NameFinder, emails: set[str]) -> list[tuple]:
    changed = []
    rows = connection.execute(text("SELECT id, uid, version, document FROM session ORDER BY id"))
    for session_id, uid, version, document in rows:
        result = erase_from_document(json.loads(document), finder, emails)
        if result.changed:
            changed.append((int(session_id), uid, int(version), result))
    return changed


def _erase_revisions(connection: Connection, finder: NameFinder, emails: set[str]) -> list[tuple]:
    changed = []
    for revision_id, document in connection.execute(text("SELECT id, document FROM revision ORDER BY id")):
        result = erase_from_document(json.loads(document), finder, emails)
        if result.changed:
            changed.append((int(revision_id), result))
    return changed


def _clear_what_is_left(connection: Connection, finder: NameFinder, rewritten: set[int]) -> None:
    """Rows the documents should have rewritten, in case a row and its document disagreed."""
    connection.execute(
        text("UPDATE participant SET name = NULL, person_key = NULL, organisation = NULL WHERE person_key = :key"),
        {"key": finder.key},
    )
    if set(fulltext.sessions_mentioning(connection, finder.words())) - rewritten:
        # The name is in the index but in no document the erasure rewrote: an entry no
        # session stands behind, or one that disagrees with its text.  Taking such an
        # entry out needs the text it was indexed with, which is gone: the whole index
        # is written afresh from the documents instead.
        fulltext.rebuild(connection)


@contextmanager
def _secure_delete(connection: Connection, *, on: bool) -> Iterator[None]:
    """SQLite zeroes what it deletes while this lasts (it only marks it free otherwise)."""
    if not on:
        yield
        return
    raw = connection.connection.dbapi_connection
    assert raw is not None
    before = raw.execute("PRAGMA secure_delete").fetchone()[0]
    raw.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA secure_delete = {int(before)}")


def make_the_bytes_gone(engine: Engine) -> bool:
    """Rebuild the catalogue file and empty its WAL; False when another reader keeps the WAL.

    VACUUM writes every page afresh, so nothing deleted survives in free pages;
    its temporary copy is kept in memory so that no temporary file holds it
    either.  The checkpoint then copies the WAL into the file and truncates it to
    nothing, which only happens when no other connection still reads from it.
    """
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        before = cursor.execute("PRAGMA secure_delete").fetchone()[0]
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute("PRAGMA temp_store = MEMORY")
        try:
            cursor.execute("VACUUM")
            busy, _log, _done = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            cursor.execute("PRAGMA temp_store = DEFAULT")
            cursor.execute(f"PRAGMA secure_delete = {int(before)}")
            cursor.close()
    finally:
        raw.close()
    return busy == 0


def _files_in(folder: Path) -> int:
    try:
        return sum(1 for entry in os.scandir(folder) if entry.is_file())
    except OSError:
        return 0


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False)
