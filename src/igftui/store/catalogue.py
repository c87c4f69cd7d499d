"""The catalogue service: the one door to the sessions a user keeps.

The command line, the importer, the checks and the UI all go through
:class:`Catalogue`.  It takes and returns :class:`ForumSession` objects, never
database rows, so callers hold no database session and can run in any thread.
"""

from __future__ import annotations

import builtins
import functools
import itertools
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from sqlalchemy import Connection, Select, case, create_engine, exists, func, update
from sqlalchemy import select as sql_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import InstrumentedAttribute
from sqlmodel import Session as DatabaseSession
from sqlmodel import col, select

from igftui.model.merge import fill_not_given, merge_documents
from igftui.model.session import ForumSession, Participant
from igftui.model.tables import ParticipantRecord, RevisionRecord, SessionRecord
from igftui.model.vocabulary import Role, SessionStatus, normalise
from igftui.model.wording import person_key as name_key
from igftui.store import errors as store_errors
from igftui.store import fulltext, revisions
from igftui.store.changes import ChangeCounter
from igftui.store.checkfile import catalogue_version
from igftui.store.errors import (
    CatalogueError,
    CatalogueMissing,
    RevisionNotFound,
    SessionNotFound,
    VersionConflict,
    explain_database_error,
)
from igftui.store.interrupting import Interruption
from igftui.store.listing import (
    RELEVANCE,
    PersonSummary,
    PersonWithSessions,
    SessionFilter,
    SessionSummary,
    SimilarPair,
    SimilarSession,
)
from igftui.store.revisions import stored_time
from igftui.store.schema import WRITE, install_pragmas, open_catalogue_schema

if TYPE_CHECKING:
    from igftui.store.deleting import Compacted, DeletedDraft
    from igftui.store.erasure import Erasure

F = TypeVar("F", bound=Callable[..., Any])
#: A SELECT being narrowed by a filter: SQLModel's select() and SQLAlchemy's are both one.
_Statement = TypeVar("_Statement", bound=Select[Any])

_SESSIONS = SessionRecord.__table__  # type: ignore[attr-defined]

# The statements an import runs for each session, as plain SQL for the driver (see
# revisions.driver): SQLite prepares each once, and SQLAlchemy's work per statement,
# which cost more than SQLite's own, is skipped.
_ROW = "SELECT id, status, uid, version, document FROM session"
_BY_UID = f"{_ROW} WHERE uid = ?"
_BY_IDENTITY = f"{_ROW} WHERE identity IN (?, ?) OR source_key IN (?, ?) ORDER BY id"
_ID_TAKEN = "SELECT 1 FROM session WHERE id = ?"
#: Ids in one query of sessions_by_id (SQLite allows 32,766 parameters).
_IDS_AT_A_TIME = 500
_NEXT_ID = "SELECT coalesce(max(id), 0) + 1 FROM session"
_LARGEST_ID = 2**63 - 1
_DELETE_PARTICIPANTS = "DELETE FROM participant WHERE session_id = ?"
_INSERT_PARTICIPANT = (
    "INSERT INTO participant (session_id, position, person_key, name, organisation, stakeholder_group, region,"
    " roles, year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
#: The columns a session's text sets (see _columns), in the order of the statements below.
_COLUMNS = ("status", "year", "session_type", "code", "number", "title", "format", "identity", "source_key")
_INSERT_SESSION = (
    f"INSERT INTO session ({', '.join(_COLUMNS)}, document, created_at, updated_at, uid, version, id)"
    f" VALUES ({', '.join('?' * (len(_COLUMNS) + 6))})"
)
_INSERT_COLUMNS = (*_COLUMNS, "document", "created_at", "updated_at", "uid", "version", "id")


@functools.lru_cache(maxsize=8)
def _insert_sessions(count: int) -> str:
    """_INSERT_SESSION for ``count`` rows in one statement."""
    row = f"({', '.join('?' * len(_INSERT_COLUMNS))})"
    return f"INSERT INTO session ({', '.join(_INSERT_COLUMNS)}) VALUES {', '.join([row] * count)}"


_UPDATE_SESSION = (
    f"UPDATE session SET {', '.join(name + ' = ?' for name in _COLUMNS)}, document = ?, updated_at = ?, version = ?"
    " WHERE id = ?"
)


class _Stored(NamedTuple):
    """A stored session's row as the import reads it (what ``_to_session`` needs of a record)."""

    id: int
    status: str
    uid: str
    version: int
    document: str


@dataclass(frozen=True)
class ImportOutcome:
    """What importing one session did.

    ``action`` is one of: ``created`` (a new session), ``merged`` (an existing one
    took what the file changed), ``unchanged`` (nothing new), ``beside`` (stored
    next to a draft of the user's with the same identity, which it never
    overwrites), ``kept`` (left as it was, for the samples).
    """

    session: ForumSession
    created: bool
    action: str = "created"
    #: Fields taken from the file.
    taken: tuple[str, ...] = ()
    #: Fields both the file and the user changed: the user's are kept, the file's
    #: version is the revision ``their_revision`` of the session.
    conflicts: tuple[str, ...] = ()
    their_revision: int | None = None
    #: For ``beside``: the id of the user's session it was stored next to.
    beside: int | None = None


def default_catalogue_path() -> Path:
    """The catalogue of the contract: ``user_data_path("igftui")/catalogue.db``, or the file named
    by ``IGFTUI_DB`` or config.toml's ``db``."""
    from igftui.config import catalogue_path

    return catalogue_path()


def _guarded(method: F) -> F:
    """Report database failures as :class:`CatalogueError` with a sentence a user can act on."""

    @functools.wraps(method)
    def wrapper(self: Catalogue, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except CatalogueError:
            raise
        except SQLAlchemyError as exc:
            raise explain_database_error(exc, self.path) from exc
        except OSError as exc:
            raise explain_database_error(exc, self.path) from exc

    return wrapper  # type: ignore[return-value]


def make_engine(path: Path) -> Engine:
    """An engine for the SQLite catalogue at ``path``, with WAL, foreign keys and a busy wait."""
    engine = create_engine(
        f"sqlite:///{path}",
        # Read when the engine is made, so that a test can give a lock-holding case less time.
        connect_args={"check_same_thread": False, "timeout": store_errors.BUSY_SECONDS},
        # The connection used last is used next: its page cache holds what was just read
        # (a search's rows, then its count), where the one idle longest would read it again.
        pool_use_lifo=True,
    )
    install_pragmas(engine)
    return engine


def _check_writable(path: Path) -> None:
    """Refuse, before SQLite tries, a catalogue that cannot be written: one clear line, nothing changed."""
    if not os.access(path, os.W_OK):
        raise CatalogueError(f"the catalogue {path} cannot be written (read-only file): nothing was changed")
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        # SQLite keeps its journal (-wal, -shm) beside the catalogue.
        raise CatalogueError(
            f"the catalogue {path} cannot be written: its folder {folder} is read-only; nothing was changed"
        )


def _create_private_file(path: Path) -> None:
    """Create the folder (0700) and the empty database file (0600) before SQLite does.

    SQLite would create the file with the process umask, typically world-readable;
    the people in a catalogue are often at risk, so nobody else may read it.
    """
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)


class Catalogue:
    """A catalogue of sessions in one SQLite file."""

    def __init__(self, path: Path | str, *, clock: Callable[[], datetime] | None = None, create: bool = True) -> None:
        """Open the catalogue at ``path``, migrating it to this igftui's version.

        Without ``create`` a missing catalogue is :class:`CatalogueMissing` (a command
        that only reads must not leave an empty catalogue behind a mistyped path).
        A file that is not a catalogue this igftui can open is refused before
        anything is written to it or beside it.
        """
        #: What "now" is for the times kept with each save (a test gives its own clock).
        self.clock = clock or _now
        self.path = Path(path).expanduser()
        found = catalogue_version(self.path)
        if found is None:
            if not create:
                raise CatalogueMissing(self.path)
            try:
                _create_private_file(self.path)
            except OSError as exc:
                raise CatalogueError(f"cannot create the catalogue {self.path}: {exc.strerror}") from exc
        else:
            _check_writable(self.path)
        self.engine = make_engine(self.path)
        #: The same engine, for transactions that write (see ``schema.install_pragmas``).
        self._writer = self.engine.execution_options(**{WRITE: True})
        #: The copy kept before this open migrated the catalogue, if it did.
        self.migration_backup: Path | None = None
        self._changes = ChangeCounter(self.path)
        #: How many sessions hold each word, for similar sessions (``store.similar.WordCounts``).
        self._remembered_words: Any = None
        self._open()

    @_guarded
    def _open(self) -> None:
        open_catalogue_schema(self.engine, self.path, self._keep_before_migration)

    def _keep_before_migration(self, version: int) -> None:
        """Copy the catalogue aside before a migration changes it (called under the write lock)."""
        from igftui.store.backups import keep_before_migration

        try:
            self.migration_backup = keep_before_migration(self.path, version, self.clock())
        except CatalogueError as exc:
            raise CatalogueError(
                f"the catalogue {self.path} was not upgraded from version {version}, because "
                f"no copy of it could be kept first: {exc}"
            ) from exc

    def close(self) -> None:
        self._changes.close()
        self.engine.dispose()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def data_version(self) -> int:
        """A number that changes whenever the catalogue changes: a save, an import, a restore,
        here or in another copy of igftui.  Compare it only with an earlier answer of this
        catalogue object: a screen remembers it with what it read, and reads again when it moves.
        """
        return self._changes.read()

    @contextmanager
    def _db(self, *, write: bool = False) -> Iterator[DatabaseSession]:
        """A database session; ``write`` takes the write lock before its first read, so
        what it looks up (is this session there yet?) cannot change before it writes."""
        with DatabaseSession(self._writer if write else self.engine) as db:
            yield db

    # ----- one session -----

    @_guarded
    def get(self, session_id: int) -> ForumSession:
        with self._db() as db:
            record = db.get(SessionRecord, session_id)
            if record is None:
                raise SessionNotFound(session_id)
            return _to_session(record)

    def sessions_by_id(self, ids: Iterable[int]) -> Iterator[ForumSession]:
        """The sessions with these ids, in the order given; an id no session has is passed over.

        Read a few hundred at a time, one query each: what ``import --json`` prints
        after importing thousands of sessions, without opening the catalogue for each.
        """
        wanted = iter(ids)
        try:
            while chunk := list(itertools.islice(wanted, _IDS_AT_A_TIME)):
                marks = ", ".join("?" * len(chunk))
                with self._db() as db:
                    rows = revisions.driver(db.connection()).execute(
                        f"SELECT id, uid, version, document FROM session WHERE id IN ({marks})", chunk
                    )
                    found = {row[0]: row for row in rows}
                for session_id in chunk:
                    row = found.get(session_id)
                    if row is not None:
                        yield _from_document(json.loads(row[3]), row[0], row[1], row[2])
        except (SQLAlchemyError, OSError) as exc:
            # A generator is not covered by @_guarded: its body runs after the call returns.
            raise explain_database_error(exc, self.path) from exc

    @_guarded
    def add(self, session: ForumSession, *, origin: str = "typed", visit: str | None = None) -> ForumSession:
        """Store a new session; it gets the id it asks for if that is free, else a new one."""
        with self._db(write=True) as db:
            if session.id is None:
                from igftui.store.deleting import id_past_deleted

                # Not the id of a deleted draft, which 'igftui undelete ID' still names.
                session = session.model_copy(update={"id": id_past_deleted(db.connection())})
            stored = self._insert(db, session, origin=origin, visit=visit)
            db.commit()
            return stored

    @_guarded
    def update(
        self,
        session: ForumSession,
        *,
        expected_version: int | None = None,
        origin: str = "typed",
        visit: str | None = None,
    ) -> ForumSession:
        """Store a changed session.  With ``expected_version`` (the version it was read at)
        a session stored since by someone else raises :class:`VersionConflict` instead."""
        if session.id is None:
            raise CatalogueError("cannot update a session that was never saved")
        with self._db(write=True) as db:
            record = db.get(SessionRecord, session.id)
            if record is None or (session.uid is not None and record.uid != session.uid):
                # (Another session under its id: it was deleted, and the id given again.)
                raise SessionNotFound(session.id)
            if expected_version is not None and record.version != expected_version:
                raise VersionConflict(_to_session(record), expected_version)
            stored = self._write(db, record, session, origin=origin, visit=visit)
            db.commit()
            return stored

    def save(
        self,
        session: ForumSession,
        *,
        expected_version: int | None = None,
        visit: str | None = None,
        origin: str = "typed",
    ) -> ForumSession:
        """Add a new session or update a stored one (see :meth:`update` for the version)."""
        if session.id is None:
            return self.add(session, visit=visit, origin=origin)
        return self.update(session, expected_version=expected_version, visit=visit, origin=origin)

    @_guarded
    def delete(self, session_id: int) -> None:
        """Remove a session; its revisions stay, so it can be brought back."""
        with self._db(write=True) as db:
            record = db.get(SessionRecord, session_id)
            if record is None:
                raise SessionNotFound(session_id)
            # Its search entry goes with it (a trigger, see igftui.store.schema).
            db.delete(record)
            db.commit()

    # ----- deleting and copying drafts (see igftui.store.deleting) -----

    @_guarded
    def delete_draft(self, session_id: int) -> DeletedDraft:
        """Delete one of the user's own sessions; it can be brought back until :meth:`compact`."""
        from igftui.store import deleting

        return deleting.delete_draft(self, session_id)

    @_guarded
    def deleted_drafts(self) -> list[DeletedDraft]:
        """The deleted sessions that can be brought back, most recently deleted first."""
        from igftui.store import deleting

        return deleting.deleted_drafts(self)

    @_guarded
    def undelete(self, wanted: str | int) -> ForumSession:
        """Bring back a deleted draft, named by its uid (or its start) or the id it had."""
        from igftui.store import deleting

        return deleting.undelete(self, str(wanted))

    @_guarded
    def recreate(self, session: ForumSession, *, origin: str = "typed") -> ForumSession:
        """Store again, under its uid and with its history, a session deleted elsewhere while open."""
        from igftui.store import deleting

        return deleting.recreate(self, session, origin=origin)

    @_guarded
    def duplicate(self, session_id: int) -> ForumSession:
        """A new draft copied from a session: new uid, no IGF code or number, history afresh."""
        from igftui.store import deleting

        return deleting.duplicate(self, session_id)

    @_guarded
    def compact(self) -> Compacted:
        """Drop for good the revisions of deleted sessions, and rebuild the file."""
        from igftui.store import deleting

        return deleting.compact(self)

    def _uid_of(self, db: DatabaseSession, session_id: int) -> str:
        """The uid of session ``session_id``, or of the draft deleted under that id (its history lives on)."""
        record = db.get(SessionRecord, session_id)
        if record is not None:
            return str(record.uid)
        from igftui.store.deleting import uid_of_deleted

        uid = uid_of_deleted(db.connection(), session_id)
        if uid is None:
            raise SessionNotFound(session_id)
        return uid

    # ----- revisions -----

    @_guarded
    def history(self, session_id: int) -> list[revisions.RevisionInfo]:
        """The revisions of a session (or of a draft deleted under that id), oldest first."""
        with self._db() as db:
            return revisions.history(db.connection(), self._uid_of(db, session_id))

    @_guarded
    def revision(self, session_id: int, number: int) -> ForumSession:
        """The session as revision ``number`` kept it."""
        with self._db() as db:
            uid = self._uid_of(db, session_id)
            document = revisions.document(db.connection(), uid, number)
            mark = revisions.history_mark_of(db.connection(), uid)
        if document is None:
            raise RevisionNotFound(session_id, number)
        return _from_document(document, session_id, uid, None).model_copy(update={"revision": number, "history": mark})

    @_guarded
    def restore(self, session_id: int, number: int, *, expected_version: int | None = None) -> ForumSession:
        """Make revision ``number`` the session's text again; the restore is a new revision."""
        with self._db(write=True) as db:
            record = db.get(SessionRecord, session_id)
            if record is None:
                raise SessionNotFound(session_id)
            if expected_version is not None and record.version != expected_version:
                raise VersionConflict(_to_session(record), expected_version)
            document = revisions.document(db.connection(), _uid_of(record), number)
            if document is None:
                raise RevisionNotFound(session_id, number)
            stored = self._write(db, record, _from_document(document, record.id, record.uid, None), origin="restored")
            db.commit()
            return stored

    @_guarded
    def seal_revision(self, session_id: int) -> ForumSession:
        """The session as it is, with the number of its newest revision, closed to folding.

        For a copy sent to a co-organiser: that revision is the base its return is
        merged against, so a later autosave must not change it.
        """
        with self._db(write=True) as db:
            record = db.get(SessionRecord, session_id)
            if record is None:
                raise SessionNotFound(session_id)
            number = revisions.seal(db.connection(), _uid_of(record))
            mark = revisions.history_mark_of(db.connection(), _uid_of(record))
            db.commit()
            return _to_session(record).model_copy(update={"revision": number, "history": mark})

    # ----- imports -----

    @_guarded
    def import_sessions(
        self,
        sessions: Iterable[ForumSession],
        *,
        keep_existing: bool = False,
        each: Callable[[ImportOutcome], None] | None = None,
        merge_into_drafts: bool = False,
    ) -> list[ImportOutcome]:
        """Store sessions from one file in one transaction: all of them, or none.

        Nothing the user wrote is overwritten:

        - a session whose ``uid`` the catalogue knows (a copy exported from here and
          edited by a co-organiser) is merged three-way against the revision it was
          exported at; a field both sides changed keeps the user's text, and the
          file's version is kept as a revision;
        - a page (same year, type and number, or title; or the same file) already
          imported is merged against what it said last time: what the page changed
          is taken, what the user edited since is kept;
        - anything with the identity of a draft or proposal of the user's is stored
          beside it, never over it; with ``merge_into_drafts`` (the user asked) it fills
          what the draft leaves empty instead, and a field both fill differently keeps
          the draft's text, the file's being kept as a revision.

        With ``keep_existing`` a session already there is left as it is (the samples
        must never undo a user's edits).

        ``sessions`` may be read as they are stored (a large file, parsed entry by
        entry); an exception it raises undoes the whole transaction.  With ``each``,
        every outcome is handed to it as soon as it is known (it must not use the
        catalogue: the transaction is still open) and none is kept for the return
        value, so importing 100,000 sessions does not hold them all.
        """
        outcomes: list[ImportOutcome] = []
        with self._db(write=True) as db:
            # The transaction's connection, asked of the ORM once for the whole file: asked
            # for again at each step of each session, it cost as much as a statement.
            db.info[_CONNECTION] = connection = db.connection()
            db.info[_NEW_ROWS] = new_rows = _NewRows()
            try:
                for session in sessions:
                    outcome = self._import_one(db, session, keep_existing, merge_into_drafts)
                    if each is None:
                        outcomes.append(outcome)
                    else:
                        each(outcome)
                new_rows.store(revisions.driver(connection))
            finally:
                del db.info[_CONNECTION], db.info[_NEW_ROWS]
            db.commit()
        return outcomes

    def _import_one(
        self, db: DatabaseSession, session: ForumSession, keep_existing: bool, merge_into_drafts: bool = False
    ) -> ImportOutcome:
        record: Any = None  # a row of _ROW: what _merge_copy reads of a SessionRecord
        new_rows: _NewRows | None = db.info.get(_NEW_ROWS)
        if new_rows is not None and new_rows.found_by(session):
            # What follows looks it up in the catalogue: the new sessions waiting go in first.
            new_rows.store(revisions.driver(_connection(db)))
        if session.uid is not None:
            record = _by_uid(db, session.uid)
            if record is not None:
                return self._merge_copy(db, record, session, keep_existing)
        records = self._same_identity(db, session)
        if not records:
            return ImportOutcome(self._insert(db, session, origin="imported"), True)
        record = records[0]
        if keep_existing:
            return ImportOutcome(_to_session(record), False, "kept")
        same = _same_text(session, records)
        if same is not None:
            # The same file imported again (a draft from an older file with no uid, say):
            # what it holds is here already; another copy beside it would only confuse.
            return ImportOutcome(same, False, "unchanged")
        if record.status != SessionStatus.CATALOGUED.value and merge_into_drafts:
            return self._merge_into_draft(db, record, session)
        if record.status != SessionStatus.CATALOGUED.value:
            # A user's own draft or proposal: the file goes beside it, as a new session.
            fresh = session.model_copy(update={"uid": None, "id": None})
            return ImportOutcome(self._insert(db, fresh, origin="imported"), True, "beside", beside=record.id)
        return self._merge_page(db, record, session)

    def _same_identity(self, db: DatabaseSession, session: ForumSession) -> list[Any]:
        """The stored sessions with the identity of ``session``: catalogued ones first."""
        identity, source_key = identity_of(session), source_key_of(session)
        if identity is None and source_key is None:
            return []
        a, b = identity or source_key, source_key or identity
        rows = [_Stored(*row) for row in revisions.driver(_connection(db)).execute(_BY_IDENTITY, (a, b, a, b))]
        return sorted(rows, key=lambda r: r.status != SessionStatus.CATALOGUED.value)

    def _merge_copy(
        self, db: DatabaseSession, record: SessionRecord, copy: ForumSession, keep_existing: bool
    ) -> ImportOutcome:
        """A copy of a session this catalogue knows, coming back: merge it three-way."""
        mine = _to_session(record)
        if keep_existing:
            return ImportOutcome(mine, False, "kept")
        connection = db.connection()
        base = None
        # The copy's revision is a base only if it counts in this catalogue's history: a
        # copy made in a co-organiser's catalogue numbers its own revisions, and merging
        # against the wrong one would silently undo the user's work.  Without a base every
        # difference is a conflict: the user's text is kept, theirs is kept as a revision.
        if copy.revision and copy.history and copy.history == revisions.history_mark_of(connection, _uid_of(record)):
            base = revisions.document(connection, _uid_of(record), copy.revision)
        mine_doc = mine.to_document()
        theirs = _as_given(copy.model_copy(update={"id": record.id}), mine_doc)
        if base is not None:
            base = {**base, "id": record.id}
        return self._store_merge(db, record, mine, mine_doc, base, theirs)

    def _merge_into_draft(self, db: DatabaseSession, record: Any, page: ForumSession) -> ImportOutcome:
        """A page of the user's own proposal (accepted, now on the IGF site), merged as asked.

        They share no earlier text, so the base is empty: what the draft leaves empty
        is taken from the page (its number, room, times), and a field both fill
        differently is a conflict that keeps the draft's text.
        """
        mine = _to_session(record)
        mine_doc = mine.to_document()
        said = page.model_copy(update={"id": record.id, "uid": None}).to_document()
        given = {key: value for key, value in said.items() if value not in (None, [], "")}
        # Where the draft came from stays; the page's own origin is in its revision.
        given.pop("source", None)
        return self._store_merge(db, record, mine, mine_doc, {"id": record.id}, fill_not_given(given, mine_doc))

    def _merge_page(self, db: DatabaseSession, record: SessionRecord, page: ForumSession) -> ImportOutcome:
        """A page imported again: what it changed since its last import is taken."""
        mine = _to_session(record)
        connection = db.connection()
        mine_doc = mine.to_document()
        base = revisions.last_import(connection, _uid_of(record))
        base = {**(base if base is not None else mine_doc), "id": record.id}
        said = page.model_copy(update={"id": record.id, "uid": None}).to_document()
        if _without_import_time(said) == _without_import_time(base):
            # The page says what it said last time: nothing to take, nothing to keep.
            return ImportOutcome(mine, False, "unchanged")
        # What a page does not say (no year without --year, a layout read in part) is
        # not given: it never empties a field.
        given = {key: value for key, value in said.items() if value not in (None, [], "")}
        return self._store_merge(db, record, mine, mine_doc, base, fill_not_given(given, mine_doc), page_said=said)

    def _store_merge(
        self,
        db: DatabaseSession,
        record: SessionRecord,
        mine: ForumSession,
        mine_doc: dict[str, Any],
        base: dict[str, Any] | None,
        theirs: dict[str, Any],
        *,
        page_said: dict[str, Any] | None = None,
    ) -> ImportOutcome:
        result = merge_documents(base, mine_doc, theirs)
        their_revision = None
        merged = _from_document(result.document, record.id, record.uid, record.version)
        if page_said is not None:
            # What the page says now is the base of its next import: keep it as it came.
            their_revision = self._keep(db, record, page_said, "imported")
        elif result.conflicts:
            # Their text for the fields in conflict is not lost: it is a revision (the
            # one already kept, when the same file is imported again).
            their_revision = revisions.number_of(db.connection(), _uid_of(record), _dump(theirs)) or self._keep(
                db, record, theirs, "imported"
            )
        if result.document == mine_doc:
            return ImportOutcome(
                mine,
                False,
                "unchanged",
                conflicts=tuple(c.field for c in result.conflicts),
                their_revision=their_revision if result.conflicts else None,
            )
        stored = self._write(db, record, merged, origin="merged")
        return ImportOutcome(
            stored,
            False,
            "merged",
            taken=result.taken,
            conflicts=tuple(c.field for c in result.conflicts),
            their_revision=their_revision if result.conflicts else None,
        )

    def _keep(self, db: DatabaseSession, record: SessionRecord, document: dict[str, Any], origin: str) -> int:
        stored = _stored_row(record)
        return revisions.keep(
            db.connection(),
            uid=stored.uid,
            session_id=stored.id,
            document=_dump(document),
            origin=origin,
            now=self.clock(),
        )

    def _insert(
        self, db: DatabaseSession, session: ForumSession, *, origin: str, visit: str | None = None
    ) -> ForumSession:
        raw = revisions.driver(_connection(db))
        wanted = session.id
        if wanted is not None and raw.execute(_ID_TAKEN, (wanted,)).fetchone() is not None:
            wanted = None
        uid = session.uid
        # A uid made here is new to the catalogue's history too: no revision to look up.
        fresh = uid is None or raw.execute(_BY_UID, (uid,)).fetchone() is not None
        if fresh:
            uid = uuid.uuid4().hex
        assert uid is not None
        new_rows: _NewRows | None = db.info.get(_NEW_ROWS)
        if wanted is None:
            # The id SQLite would give (one past the largest), chosen first: the document
            # holds its id, and the whole row is then written in one statement.
            wanted = int(raw.execute(_NEXT_ID).fetchone()[0])
            if new_rows is not None:
                wanted = max(wanted, new_rows.largest + 1)
        # Created, then written: two readings of the clock, as a save has always kept them.
        created = self.clock()
        if wanted > _LARGEST_ID:
            if new_rows is not None:
                new_rows.store(raw)
            # Past the largest id SQLite picks a free one itself; the document follows it.
            cursor = raw.execute(
                _INSERT_SESSION,
                (*_column_values(session), "{}", stored_time(created), stored_time(created), uid, 0, None),
            )
            assert cursor.lastrowid is not None, "an INSERT of one row has its key"
            return self._write(db, _Row(cursor.lastrowid, uid, 0), session, origin=origin, visit=visit, new=True)
        session, fields, document = _as_stored(session, wanted, uid, 1)
        now = self.clock()
        row = (*_column_values(session), document, stored_time(created), stored_time(now), uid, 1, wanted)
        if new_rows is None:
            raw.execute(_INSERT_SESSION, row)
        else:
            new_rows.add(row)
        self._after_write(db, session, fields, document, origin=origin, visit=visit, now=now, new=True, fresh=fresh)
        if new_rows is not None and len(new_rows.sessions) >= _ROWS_AT_A_TIME:
            new_rows.store(raw)
        return session

    def _write(
        self,
        db: DatabaseSession,
        record: SessionRecord | _Row | _Stored,
        session: ForumSession,
        *,
        origin: str,
        visit: str | None = None,
        new: bool = False,
    ) -> ForumSession:
        """Store ``session`` as the record's new text, raise its version, keep a revision
        (``new``: the row was just inserted, it has no participant rows yet)."""
        session_id, uid, version = record.id, record.uid, int(record.version) + 1
        assert session_id is not None and uid is not None, "a stored session has an id and a uid"
        session, fields, document = _as_stored(session, session_id, uid, version)
        now = self.clock()
        revisions.driver(_connection(db)).execute(
            _UPDATE_SESSION, (*_column_values(session), document, stored_time(now), version, session_id)
        )
        if isinstance(record, SessionRecord):
            # The ORM's copy of the record must not hold the old version for the next step.
            db.expire(record)
        self._after_write(db, session, fields, document, origin=origin, visit=visit, now=now, new=new)
        return session

    def _after_write(
        self,
        db: DatabaseSession,
        session: ForumSession,
        fields: dict[str, Any],
        document: str,
        *,
        origin: str,
        visit: str | None,
        now: datetime,
        new: bool = False,
        fresh: bool = False,
    ) -> None:
        """Keep the revision of a session just written, and its participant rows and search entry."""
        assert session.id is not None and session.uid is not None
        connection = _connection(db)
        revisions.keep(
            connection,
            uid=session.uid,
            session_id=session.id,
            document=document,
            fields=fields,
            origin=origin,
            now=now,
            visit=visit,
            first=fresh,
        )
        new_rows: _NewRows | None = db.info.get(_NEW_ROWS)
        if new_rows is not None and session.id in new_rows.ids:
            # Its row is not written yet: its participants go in after it.
            new_rows.participants.extend(_participant_rows(session))
        else:
            _index_people_and_text(connection, session, new=new)

    # ----- erasure -----

    @_guarded
    def forget(self, name: str, *, dry_run: bool = False) -> Erasure:
        """Erase a person's personal data from every session, revision and the search index.

        See :mod:`igftui.store.erasure`; with ``dry_run`` nothing is written, and the
        result says what would change.
        """
        from igftui.store.erasure import forget

        return forget(self, name, dry_run=dry_run)

    # ----- many sessions -----

    def _filtered(self, statement: _Statement, filters: SessionFilter | None, *, search: bool = True) -> _Statement:
        """``statement`` narrowed to ``filters``; without ``search``, not to its query
        (the caller joins the search's matches itself)."""
        filters = filters or SessionFilter()
        if filters.year is not None:
            statement = statement.where(col(SessionRecord.year) == filters.year)
        if filters.session_type:
            statement = statement.where(col(SessionRecord.session_type) == str(filters.session_type))
        if filters.status:
            statement = statement.where(col(SessionRecord.status) == str(filters.status))
        if filters.format:
            statement = statement.where(col(SessionRecord.format) == str(filters.format))
        if filters.stakeholder_group or filters.region:
            speaker = select(ParticipantRecord.id).where(
                ParticipantRecord.session_id == SessionRecord.id,
                col(ParticipantRecord.roles).contains(f" {Role.SPEAKER.value} "),
            )
            if filters.stakeholder_group:
                speaker = speaker.where(ParticipantRecord.stakeholder_group == str(filters.stakeholder_group))
            if filters.region:
                speaker = speaker.where(ParticipantRecord.region == str(filters.region))
            statement = statement.where(exists(speaker))
        if filters.person:
            # The person's sessions as one set from the person index: a correlated EXISTS
            # walked every session and, for each, every row of a busy person (minutes on
            # 100,000 sessions for someone in 2,500 of them).
            key = person_key(filters.person)
            statement = statement.where(
                col(SessionRecord.id).in_(
                    select(ParticipantRecord.session_id).where(ParticipantRecord.person_key == key)
                )
            )
        match = fulltext.match_expression(filters.query) if search else None
        if match is not None:
            statement = statement.where(fulltext.matching_sessions(match))
        return statement

    @_guarded
    def list(
        self,
        filters: SessionFilter | None = None,
        *,
        sort: str | None = None,
        descending: bool = False,
        limit: int | None = 100,
        offset: int = 0,
        interruption: Interruption | None = None,
    ) -> list[SessionSummary]:
        """One page of sessions, newest year first unless ``sort`` names a column.

        ``sort`` is one of ``SORT_ORDERS``: a column, or ``relevance``, the best match
        to the search first (the title's words count most).  Without a search there is
        nothing to match, and ``relevance`` is the default order.

        ``interruption`` lets another thread stop the read (the user typed on): it
        then raises :class:`~igftui.store.interrupting.ReadInterrupted`.
        """
        match = fulltext.match_expression(filters.query) if filters else None
        # SQLModel types select() for four columns at most.
        statement = self._filtered(
            select(  # type: ignore[call-overload, misc]
                SessionRecord.id,
                SessionRecord.code,
                SessionRecord.year,
                SessionRecord.session_type,
                SessionRecord.title,
                SessionRecord.format,
                SessionRecord.status,
            ),
            filters,
            search=False,
        )
        with self._db() as db, _reading(db, interruption):
            if match is None:
                rows = _rows(db, _page(statement.order_by(*_ordering(sort, descending)), offset, limit))
            elif sort == RELEVANCE:
                rows = _best_first(db, statement, match, descending, offset, limit, interruption)
            else:
                rows = _searched(db, statement, match, filters, sort, descending, offset, limit, interruption)
            return [SessionSummary(*row) for row in rows]

    @_guarded
    def count(
        self,
        filters: SessionFilter | None = None,
        *,
        at_most: int | None = None,
        interruption: Interruption | None = None,
    ) -> int:
        """How many sessions match ``filters`` (all of them without).

        With ``at_most`` the counting stops past it: the answer is the exact count
        when it is at most ``at_most``, else ``at_most + 1`` ("more than at_most").
        A word found in most of 100,000 sessions is then counted in a few
        milliseconds instead of hundreds, so a list can say "more than 10,000" at
        once and ask for the exact number after.  ``interruption`` stops it as it
        stops :meth:`list`.
        """
        match = fulltext.match_expression(filters.query) if filters else None
        if match is not None and filters is not None and filters == SessionFilter(query=filters.query):
            # A search alone is counted in the search index itself: every session has
            # exactly one entry there, and joining each match back to its session costs
            # ten times more when a common word matches most of a large catalogue.
            with self._db() as db, _reading(db, interruption):
                return fulltext.count_matches(db.connection(), match, at_most=at_most)
        if at_most is None:
            statement = self._filtered(select(func.count()).select_from(SessionRecord), filters)
        else:
            enough = self._filtered(select(SessionRecord.id), filters).limit(max(at_most, 0) + 1).subquery()
            statement = select(func.count()).select_from(enough)
        with self._db() as db, _reading(db, interruption):
            return int(db.exec(statement).one())

    @_guarded
    def all_sessions(self, filters: SessionFilter | None = None) -> builtins.list[ForumSession]:
        """Every matching session in full, in catalogue order (for export of a whole catalogue)."""
        statement = self._filtered(select(SessionRecord), filters).order_by(*_ordering(None, False))
        with self._db() as db:
            return [_to_session(record) for record in db.exec(statement).all()]

    def each_session(self, filters: SessionFilter | None = None, *, limit: int | None = None) -> Iterator[ForumSession]:
        """Every matching session in full, in catalogue order, one at a time.

        Each carries the number of its newest revision (without closing it to
        autosaves, as an export does).  The sessions are read as they are wanted, not
        gathered first, so writing out a catalogue of 100,000 sessions holds one of
        them in memory at a time.
        """
        newest = (
            select(func.max(RevisionRecord.number))
            .where(RevisionRecord.session_uid == SessionRecord.uid)
            .correlate(SessionRecord)
            .scalar_subquery()
        )
        began = (
            select(RevisionRecord.saved_at)
            .where(RevisionRecord.session_uid == SessionRecord.uid, RevisionRecord.number == 1)
            .correlate(SessionRecord)
            .scalar_subquery()
        )
        # SQLModel types select() for four columns at most.
        statement = self._filtered(
            select(
                SessionRecord.id,
                SessionRecord.uid,
                SessionRecord.version,
                SessionRecord.document,  # type: ignore[call-overload]
                newest,
                began,
            ),
            filters,
        ).order_by(*_ordering(None, False))
        if limit is not None:
            statement = statement.limit(limit)
        try:
            with self._db() as db:
                for session_id, uid, version, document, number, first_saved_at in db.exec(
                    statement.execution_options(yield_per=500)
                ):
                    session = _from_document(json.loads(document), session_id, uid, version)
                    yield session.model_copy(
                        update={
                            "revision": number,
                            "history": revisions.history_mark(uid, _as_datetime(first_saved_at)),
                        }
                    )
        except (SQLAlchemyError, OSError) as exc:
            # A generator is not covered by @_guarded: its body runs after the call returns.
            raise explain_database_error(exc, self.path) from exc

    @_guarded
    def years(self) -> builtins.list[int]:
        """The years the catalogue holds sessions for, newest first."""
        with self._db() as db:
            rows = db.exec(
                select(SessionRecord.year)
                .where(col(SessionRecord.year).is_not(None))
                .distinct()
                .order_by(col(SessionRecord.year).desc())
            ).all()
            return [year for year in rows if year is not None]

    # ----- people -----

    @_guarded
    def sessions_of_person(
        self, name: str, *, year: int | None = None, role: Role | None = None
    ) -> builtins.list[SessionSummary]:
        """The sessions a person takes part in (optionally in one year, in one role)."""
        return self.sessions_of_people([name], year=year, role=role)[name]

    @_guarded
    def sessions_of_people(
        self, names: Iterable[str], *, year: int | None = None, role: Role | None = None
    ) -> dict[str, builtins.list[SessionSummary]]:
        """:meth:`sessions_of_person` for several people in one query, keyed by the names given.

        The checks ask this for every speaker of a proposal on every keystroke; one
        query instead of one per person keeps that well under the time of a key press.
        """
        wanted = {name: person_key(name) for name in names}
        keys = {key for key in wanted.values() if key is not None}
        found: dict[str, list[SessionSummary]] = {key: [] for key in keys}
        if keys:
            # SQLModel types select() for four columns at most.
            statement = (
                select(  # type: ignore[call-overload, misc]
                    ParticipantRecord.person_key,
                    SessionRecord.id,
                    SessionRecord.code,
                    SessionRecord.year,
                    SessionRecord.session_type,
                    SessionRecord.title,
                    SessionRecord.format,
                    SessionRecord.status,
                )
                .join(ParticipantRecord, col(ParticipantRecord.session_id) == SessionRecord.id)
                .where(col(ParticipantRecord.person_key).in_(keys))
            )
            if year is not None:
                statement = statement.where(SessionRecord.year == year)
            if role is not None:
                statement = statement.where(col(ParticipantRecord.roles).contains(f" {role.value} "))
            statement = statement.distinct().order_by(*_ordering(None, False))
            with self._db() as db:
                for key, *row in db.exec(statement).all():
                    found[key].append(SessionSummary(*row))
        return {name: list(found.get(key, [])) if key else [] for name, key in wanted.items()}

    @_guarded
    def people(self, query: str | None = None, *, limit: int = 100, offset: int = 0) -> builtins.list[PersonSummary]:
        """Everyone named in the catalogue, most sessions first, with sessions counted per year.

        With a ``query``, names that start with it come first, then names with a word that
        starts with it, then the rest: "Sara" finds Sara Lindqvist before Haruto Kisaragi,
        however many sessions he is in, so the first match is the one a completion offers.
        """
        statement = (
            select(
                ParticipantRecord.person_key,
                func.min(ParticipantRecord.name),
                func.count(func.distinct(ParticipantRecord.session_id)),
            )
            .where(col(ParticipantRecord.person_key).is_not(None))
            .group_by(col(ParticipantRecord.person_key))
        )
        first: list[Any] = []
        if query and normalise(query):
            statement = statement.where(col(ParticipantRecord.person_key).contains(normalise(query), autoescape=True))
            column = col(ParticipantRecord.person_key)
            # Keys are folded with punctuation as spaces, so a word starts after a space.
            first = [
                case(
                    (column.startswith(normalise(query), autoescape=True), 0),
                    (column.contains(" " + normalise(query), autoescape=True), 1),
                    else_=2,
                )
            ]
        statement = (
            statement.order_by(
                *first,
                func.count(func.distinct(ParticipantRecord.session_id)).desc(),
                col(ParticipantRecord.person_key),
            )
            .limit(limit)
            .offset(offset)
        )
        with self._db() as db:
            # Only rows with a key are kept, and a key is made from a name: neither is NULL.
            rows = cast("Sequence[tuple[str, str, int]]", db.exec(statement).all())
            keys = [row[0] for row in rows]
            per_year: dict[str, dict[int, int]] = {key: {} for key in keys}
            if keys:
                counts = db.exec(
                    select(
                        ParticipantRecord.person_key,
                        ParticipantRecord.year,
                        func.count(func.distinct(ParticipantRecord.session_id)),
                    )
                    .where(col(ParticipantRecord.person_key).in_(keys))
                    .group_by(col(ParticipantRecord.person_key), col(ParticipantRecord.year))
                ).all()
                for key, year, count in counts:
                    if key is not None and year is not None:
                        per_year[key][int(year)] = int(count)
            return [PersonSummary(key, name, int(total), per_year[key]) for key, name, total in rows]

    # ----- similar sessions -----

    @_guarded
    def similar_sessions(
        self, session: ForumSession, *, year: int | None = None, limit: int = 10
    ) -> builtins.list[SimilarSession]:
        """The sessions most like ``session`` (stored or not: a draft being typed), best first.

        Alike by the words of their titles, policy questions, descriptions and expected
        outcomes (see ``igftui.store.similar``); ``year`` keeps to one year's sessions.
        The session itself is never among them.
        """
        from igftui.model.similarity import profile_of
        from igftui.store import similar

        with self._db() as db:
            return similar.similar_to(
                _connection(db), self._word_counts(), profile_of(session), own_id=session.id, year=year, limit=limit
            )

    @_guarded
    def overlaps(
        self, year: int, *, threshold: float, progress: Callable[[int, int], None] | None = None
    ) -> builtins.list[SimilarPair]:
        """The pairs of ``year``'s sessions at least ``threshold`` alike, most alike first."""
        from igftui.store import similar

        with self._db() as db:
            return similar.overlaps(_connection(db), self._word_counts(), year, threshold=threshold, progress=progress)

    def _word_counts(self) -> Any:
        from igftui.store.similar import WordCounts

        if self._remembered_words is None:
            self._remembered_words = WordCounts()
        return self._remembered_words

    @_guarded
    def person(self, name: str) -> PersonWithSessions | None:
        """The person called ``name`` (names folded as everywhere), with their roles in each session.

        One query over the person index: the summary :meth:`people` gives (the name,
        sessions in all and per year) and the roles in each session, without paging
        through everyone whose name contains this one.  None when nobody of that name
        is in the catalogue.
        """
        key = person_key(name)
        if key is None:
            return None
        statement = select(
            ParticipantRecord.session_id, ParticipantRecord.year, ParticipantRecord.name, ParticipantRecord.roles
        ).where(ParticipantRecord.person_key == key)
        with self._db() as db:
            rows = db.exec(statement).all()
        if not rows:
            return None
        by_value = {role.value: role for role in Role}
        order = list(Role)
        held: dict[int, set[Role]] = {}
        years: dict[int, int | None] = {}
        for session_id, year, _name, roles in rows:
            held.setdefault(session_id, set()).update(
                by_value[value] for value in (roles or "").split() if value in by_value
            )
            years[session_id] = year
        per_year: dict[int, int] = {}
        for year in years.values():
            if year is not None:
                per_year[int(year)] = per_year.get(int(year), 0) + 1
        # The name as people() gives it: the smallest of the spellings, so both screens agree.
        shown = min(row[2] or "" for row in rows)
        summary = PersonSummary(key, shown, len(held), per_year)
        return PersonWithSessions(
            summary, {session_id: tuple(sorted(values, key=order.index)) for session_id, values in held.items()}
        )

    @_guarded
    def known_person(self, name: str) -> Participant | None:
        """What the catalogue last knew of a person: from the most recent session they are in.

        The name, organisation, stakeholder group, regional group and country as that
        session gives them (newest year first, sessions without a year last, then the
        newest session).  Roles, status and attendance belong to one session, and gender
        and e-mail are private answers given for one proposal: none of them is copied.
        None when nobody of that name is in the catalogue.
        """
        key = person_key(name)
        if key is None:
            return None
        # SQLModel types select() for four columns at most.
        statement = (
            select(
                ParticipantRecord.position,
                ParticipantRecord.name,
                ParticipantRecord.organisation,  # type: ignore[call-overload]
                ParticipantRecord.stakeholder_group,
                ParticipantRecord.region,
                SessionRecord.document,
            )
            .join(SessionRecord, col(ParticipantRecord.session_id) == SessionRecord.id)
            .where(ParticipantRecord.person_key == key)
            .order_by(
                col(SessionRecord.year).desc().nulls_last(),
                col(SessionRecord.id).desc(),
                col(ParticipantRecord.position).asc(),
            )
            .limit(1)
        )
        with self._db() as db:
            row = db.exec(statement).first()
        if row is None:
            return None
        position, stored_name, organisation, group, region, document = row
        # The country is kept only in the session's document.  The row and the document
        # are written together; should they disagree (a damaged document), no country is
        # better than someone else's.
        country = None
        try:
            entry = (json.loads(document).get("participants") or [])[position]
        except (ValueError, AttributeError, IndexError, TypeError):
            entry = None
        if isinstance(entry, dict) and person_key(entry.get("name")) == key:
            found = entry.get("country")
            country = found if isinstance(found, str) else None
        return Participant(
            name=stored_name, organisation=organisation, stakeholder_group=group, region=region, country=country
        )


def _columns(session: ForumSession) -> dict[str, Any]:
    """The session's columns the catalogue filters and sorts on, from its document."""
    return {
        "status": session.status.value,
        "year": session.year,
        "session_type": session.session_type.value if session.session_type else None,
        "code": session.display_code(),
        "number": session.number,
        "title": session.title,
        "format": session.format.value if session.format else None,
        "identity": identity_of(session),
        "source_key": source_key_of(session),
    }


def _column_values(session: ForumSession) -> tuple[Any, ...]:
    """:func:`_columns` in the order of :data:`_COLUMNS`, for the plain statements."""
    columns = _columns(session)
    return tuple(columns[name] for name in _COLUMNS)


def _as_stored(
    session: ForumSession, session_id: int | None, uid: str, version: int
) -> tuple[ForumSession, dict[str, Any], str]:
    """The session as the catalogue keeps it, with its document made once: as a dict and as text."""
    update: dict[str, Any] = {"id": session_id, "uid": uid, "version": version, "revision": None, "history": None}
    if session.code is None and session.display_code() is not None:
        # Stored as it will be read back: with the code the IGF gives its number.
        update["code"] = session.display_code()
    # A copy's revision and the history it counts in are of the file it came from: the
    # catalogue's copy has neither (as ``get`` gives it back).
    session = session.model_copy(update=update)
    fields = session.to_document()
    return session, fields, _dump(fields)


#: Where an import keeps its transaction's connection in ``DatabaseSession.info``.
_CONNECTION = "igftui_connection"
#: Where an import keeps the new sessions it has not written yet (a :class:`_NewRows`).
_NEW_ROWS = "igftui_new_rows"
#: New sessions an import writes in one statement, at most (15 values each: SQLite takes 32,766).
_ROWS_AT_A_TIME = 200


class _NewRows:
    """New sessions of an import, written together: one INSERT statement for many sessions.

    The search index's trigger writes FTS5 inside each INSERT of a session, so SQLite
    opens a statement savepoint for it, and at each savepoint FTS5 writes out what it
    holds in memory: one small index segment per session, merged into larger ones again
    and again (about 40% of an import's time).  One statement for many sessions opens one
    savepoint, and the index gets their words together.  Nothing else changes: the rows,
    their ids and times, their revisions (written at once, in the same order) and their
    participants (written after the rows, in the same order) are the same.

    Sessions wait only while nothing reads them: a session of the file whose uid, id,
    identity or path one of them has finds them written first (see ``found_by``), and
    they are all written before the transaction commits.
    """

    def __init__(self) -> None:
        self.sessions: list[tuple[Any, ...]] = []
        self.participants: list[tuple[Any, ...]] = []
        self.ids: set[int] = set()
        self.uids: set[str] = set()
        self.keys: set[str] = set()  # their identities and source keys, as _BY_IDENTITY matches them
        self.largest = 0  # the largest id given, written or not: the next one is past it

    def add(self, row: tuple[Any, ...]) -> None:
        """A row of _INSERT_SESSION to write later."""
        self.sessions.append(row)
        columns = dict(zip(_INSERT_COLUMNS, row, strict=True))
        self.ids.add(columns["id"])
        self.uids.add(columns["uid"])
        self.keys.update(key for key in (columns["identity"], columns["source_key"]) if key is not None)
        self.largest = max(self.largest, columns["id"])

    def found_by(self, session: ForumSession) -> bool:
        """Whether looking ``session`` up in the catalogue could find one of the waiting sessions."""
        if not self.sessions:
            return False
        if (session.uid is not None and session.uid in self.uids) or (
            session.id is not None and session.id in self.ids
        ):
            return True
        return any(key in self.keys for key in (identity_of(session), source_key_of(session)) if key is not None)

    def store(self, raw: sqlite3.Connection) -> None:
        """Write the waiting sessions, then their participants."""
        if self.sessions:
            raw.execute(_insert_sessions(len(self.sessions)), [value for row in self.sessions for value in row])
        if self.participants:
            raw.executemany(_INSERT_PARTICIPANT, self.participants)
        self.sessions, self.participants = [], []
        self.ids, self.uids, self.keys = set(), set(), set()


def _connection(db: DatabaseSession) -> Connection:
    """The connection of ``db``'s transaction: the one an import looked up once, or the ORM's."""
    connection = db.info.get(_CONNECTION)
    return connection if connection is not None else db.connection()


def _by_uid(db: DatabaseSession, uid: str) -> _Stored | None:
    row = revisions.driver(_connection(db)).execute(_BY_UID, (uid,)).fetchone()
    return _Stored(*row) if row is not None else None


def _index_people_and_text(connection: Connection, session: ForumSession, *, new: bool = False) -> None:
    """Rewrite the session's participant rows from the session (``new``: it has none yet,
    nothing to remove).  Its search entry follows its document by itself: triggers
    rewrite it whenever the document is written (see ``igftui.store.schema``)."""
    session_id = session.id
    raw = revisions.driver(connection)
    if not new:
        raw.execute(_DELETE_PARTICIPANTS, (session_id,))
    rows = _participant_rows(session)
    if rows:
        raw.executemany(_INSERT_PARTICIPANT, rows)


def _participant_rows(session: ForumSession) -> list[tuple[Any, ...]]:
    """The session's participant rows, as _INSERT_PARTICIPANT writes them."""
    session_id = session.id
    return [
        (
            session_id,
            position,
            person_key(person.name),
            person.name,
            person.organisation,
            person.stakeholder_group.value if person.stakeholder_group else None,
            person.region.value if person.region else None,
            " " + " ".join(r.value for r in person.roles) + " ",
            session.year,
        )
        for position, person in enumerate(session.participants)
    ]


def rewrite_document(connection: Connection, session_id: int, uid: str, version: int, document: dict[str, Any]) -> None:
    """Store a session's document as changed by something other than an edit (an erasure).

    Its columns, participant rows and search entry follow the document, and its
    version is raised (a copy open elsewhere then saves as a conflict instead of
    writing the old text back); no revision is added, the revisions are changed
    the same way by the caller.
    """
    session = _from_document(document, session_id, uid, version + 1)
    connection.execute(
        update(_SESSIONS)
        .where(_SESSIONS.c.id == session_id)
        .values(
            **_columns(session),
            document=_dump(document),
            version=version + 1,
        )
    )
    _index_people_and_text(connection, session)


def person_key(name: str | None) -> str | None:
    """A person's name folded so that case, accents and stray spaces do not make two people.

    The rule, and why name order counts, is written down in :mod:`igftui.model.wording`;
    the keys in ``participant.person_key`` were made by it.
    """
    return name_key(name)


class _Row(NamedTuple):
    """What writing a session needs of its stored row, without loading it through the ORM."""

    id: int
    uid: str
    version: int


def source_key_of(session: ForumSession) -> str | None:
    """A page's identity by the file it came from, with or without its year."""
    source = session.source
    if source is None or source.kind != "igf_page" or not source.path:
        return None
    kind = session.session_type.value if session.session_type else ""
    what = f"#{session.number}" if session.number is not None else normalise(session.title or "")
    return f"page:{source.path}|{kind}|{what}"


def identity_of(session: ForumSession) -> str | None:
    """What makes two imports the same session: year, type and number, or year, type and title.

    A page that does not say its year (and no ``--year`` was given) is the same session
    when the same file is imported again: its identity is then the page's path with its
    type and number or title.
    """
    kind = session.session_type.value if session.session_type else ""
    if session.year is None:
        return source_key_of(session)
    if session.number is not None:
        return f"{session.year}|{kind}|#{session.number}"
    if session.title:
        return f"{session.year}|{kind}|{normalise(session.title)}"
    return None


def _reading(db: DatabaseSession, interruption: Interruption | None) -> AbstractContextManager[None]:
    """Around a read that ``interruption`` may stop (nothing when there is none)."""
    if interruption is None:
        return nullcontext()
    return interruption.reading(db.connection().connection.dbapi_connection)  # type: ignore[arg-type]


def _rows(db: DatabaseSession, statement: Select[Any]) -> builtins.list[builtins.list[Any]]:
    """The rows ``statement`` selects, in its order, read as one.

    SQLite hands them over as one JSON array: read a row at a time, the thread
    reading them would wait for Python's lock once per row whenever the UI thread
    is drawing, and a page of 200 rows took 30 ms longer to reach the screen.
    The rows of a subquery with its own ORDER BY reach the aggregate in that order.
    """
    page = statement.subquery()
    rows = func.json_group_array(func.json_array(*page.c))
    found = db.exec(select(rows).select_from(page)).one()
    return cast(builtins.list[builtins.list[Any]], json.loads(found))


def _page(statement: _Statement, offset: int, limit: int | None) -> _Statement:
    statement = statement.offset(offset)
    return statement if limit is None else statement.limit(limit)


def _searched(
    db: DatabaseSession,
    statement: Select[Any],
    match: str,
    filters: SessionFilter | None,
    sort: str | None,
    descending: bool,
    offset: int,
    limit: int | None,
    interruption: Interruption | None,
) -> builtins.list[Any]:
    """A page of the sessions ``statement`` selects that match ``match``, in the list's order,
    read by the plan that suits how many sessions the search finds (see ``fulltext``)."""
    query = filters.query if filters else None
    ordered = statement.order_by(*_ordering(sort, descending))
    if not fulltext.quickly_checked(query) and limit is not None and offset + limit <= fulltext.WALKED_FIRST:
        # A search found in many sessions fills the page from the first few thousand of
        # the order: walked for them alone, its matches are gathered once, not counted first.
        # Their ids only: the list's order index holds them, and only the page's sessions
        # are then read (each row holds the whole session).
        first = ordered.with_only_columns(col(SessionRecord.id)).limit(fulltext.WALKED_FIRST).subquery("first_in_order")
        walked = sql_select(first.c.id).where(fulltext.matching_sessions(match, ids="first_in_order.id"))
        ids = [row[0] for row in _rows(db, _page(walked, offset, limit))]
        if len(ids) == limit:
            by_id = {row[0]: row for row in _rows(db, statement.where(fulltext.among_sessions(ids)))}
            return [by_id[session_id] for session_id in ids]
        if interruption is not None:
            interruption.check()
    few = fulltext.few_matches(db.connection(), match)
    if interruption is not None:
        interruption.check()
    if few is not None:
        found = fulltext.among_sessions(few)
    elif fulltext.quickly_checked(query):
        found = fulltext.each_matching(match)
    else:
        found = fulltext.matching_sessions(match)
    return _rows(db, _page(statement.where(found).order_by(*_ordering(sort, descending)), offset, limit))


def _best_first(
    db: DatabaseSession,
    statement: Select[Any],
    match: str,
    descending: bool,
    offset: int,
    limit: int | None,
    interruption: Interruption | None,
) -> builtins.list[Any]:
    """A page of the sessions ``statement`` selects that match ``match``, the best match first.

    With more matches than :data:`fulltext.SCORED_AT_ONCE`, the newest that many
    come first, best first, then the others best first: only the part the page
    falls in is scored (see :data:`fulltext.SCORED_AT_ONCE` for why).
    ``descending`` turns the whole order round, parts and all.
    """
    boundary = fulltext.newest_scored(db.connection(), match)
    # Each part, by the ids it holds: from, below.
    parts: builtins.list[tuple[int | None, int | None]] = (
        [(None, None)] if boundary is None else [(boundary, None), (None, boundary)]
    )
    if descending:
        parts.reverse()
    rows: builtins.list[Any] = []
    for from_id, below_id in parts:
        if interruption is not None:
            interruption.check()
        matches = fulltext.best_matches(match, from_id=from_id, below_id=below_id)
        joined = statement.join(matches, matches.c.id == SessionRecord.id)
        score = matches.c.score.desc() if descending else matches.c.score.asc()
        wanted = None if limit is None else limit - len(rows)
        ordered = joined.order_by(score, *_ordering(None, False))
        found = _rows(db, _page(ordered, offset, wanted))
        rows.extend(found)
        if limit is not None and len(rows) >= limit:
            break
        if found:
            # This part ended within the page: the next one follows from its start.
            offset = 0
        elif offset:
            # The whole part lies before the page (the filters may have left fewer than it holds).
            offset -= db.exec(select(func.count()).select_from(joined.subquery())).one()
    return rows


def _ordering(sort: str | None, descending: bool) -> list[Any]:
    def direction(column: Any) -> Any:
        expression = col(column) if isinstance(column, InstrumentedAttribute) else column
        # Sessions without the value (an imported page without a year) come last either
        # way round: SQLite puts NULL first when ascending, so say otherwise.
        return expression.desc() if descending else expression.asc().nulls_last()

    tail = [col(SessionRecord.number).asc(), col(SessionRecord.title).asc(), col(SessionRecord.id).asc()]
    if sort == "code":
        return [direction(SessionRecord.session_type), direction(SessionRecord.number), col(SessionRecord.id).asc()]
    if sort == "year":
        return [direction(SessionRecord.year), col(SessionRecord.session_type).asc(), *tail]
    if sort == "type":
        return [direction(SessionRecord.session_type), col(SessionRecord.year).desc(), *tail]
    if sort == "title":
        return [direction(col(SessionRecord.title).collate("NOCASE")), col(SessionRecord.id).asc()]
    if sort == "format":
        return [direction(SessionRecord.format), col(SessionRecord.year).desc(), *tail]
    if sort == "status":
        return [direction(SessionRecord.status), col(SessionRecord.year).desc(), *tail]
    return [col(SessionRecord.year).desc(), col(SessionRecord.session_type).asc(), *tail]


def _uid_of(record: SessionRecord) -> str:
    """A stored session's uid (see :func:`_stored_row`)."""
    return _stored_row(record).uid


def _stored_row(record: SessionRecord | _Row) -> _Row:
    """The id, uid and version of a stored session.

    The columns allow NULL for the ORM's sake only: the id is given by the INSERT, and the
    uid by every insert and by the upgrade that added the column (schema.py).
    """
    assert record.id is not None and record.uid is not None, "a stored session has an id and a uid"
    return _Row(record.id, record.uid, record.version)


def _to_session(record: SessionRecord) -> ForumSession:
    return _from_document(json.loads(record.document), record.id, record.uid, record.version)


def _from_document(
    document: dict[str, Any], session_id: int | None, uid: str | None, version: int | None
) -> ForumSession:
    data = {**document, "id": session_id, "uid": uid, "revision": None}
    return ForumSession.from_json(data).model_copy(update={"version": version})


def _as_datetime(value: Any) -> datetime | None:
    # A scalar subquery's column comes back as SQLite's text, not as the column's type.
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _as_given(copy: ForumSession, mine: dict[str, Any]) -> dict[str, Any]:
    """The document of a copy read from a file, with what the file did not give taken from ``mine``.

    A key left out of the file (by a co-organiser's editor, or an older igftui) and a
    private answer left null mean "not given", never "erase": the user's value stands,
    so the merge neither takes nor questions it, and the copy kept as a revision is
    whole.  The same holds inside the online plan and for each person (matched by
    name).  Where the session came from is this catalogue's own record of it: a copy
    coming back does not change it.
    """
    document = copy.to_document()
    for key in list(document):
        if key in ForumSession.model_fields and key not in copy.model_fields_set and key in mine:
            document[key] = mine[key]
    online, my_online = document.get("online_participation"), mine.get("online_participation")
    if isinstance(online, dict) and isinstance(my_online, dict):
        given = copy.online_participation.model_fields_set
        document["online_participation"] = {
            k: (v if k in given or k not in my_online else my_online[k]) for k, v in online.items()
        }
    people_given = "participants" in copy.model_fields_set
    if people_given:
        document["participants"] = [
            {k: v for k, v in entry.items() if k in person.model_fields_set}
            for entry, person in zip(document["participants"], copy.participants, strict=True)
        ]
    document = fill_not_given(document, mine)
    if people_given:
        # A new person's unsaid answers are the defaults, as reading the file gave them.
        document["participants"] = [
            {**entry, **person}
            for entry, person in zip(
                (p.to_json(include_private=True) for p in copy.participants), document["participants"], strict=True
            )
        ]
    document["source"] = mine.get("source")
    return document


def _same_text(session: ForumSession, records: list[Any]) -> ForumSession | None:
    """The stored session among ``records`` that says exactly what ``session`` says, if any."""
    wanted = _comparable(session.to_document())
    for record in records:
        stored = _to_session(record)
        if _comparable(stored.to_document()) == wanted:
            return stored
    return None


def _comparable(document: dict[str, Any]) -> dict[str, Any]:
    # Where a copy came from and under which id says nothing about what it says.
    return {key: value for key, value in document.items() if key not in ("id", "source")}


def _without_import_time(document: dict[str, Any]) -> dict[str, Any]:
    source = document.get("source")
    if isinstance(source, dict):
        return {**document, "source": {**source, "imported_at": None}}
    return document


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False)


def _now() -> datetime:
    return datetime.now(timezone.utc)
