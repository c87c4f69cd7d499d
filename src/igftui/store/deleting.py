"""Deleting a draft so that it can be brought back, copying one, and compacting for good.

A deleted draft leaves the session table, the people index and the search
index, but its revisions stay (they are keyed by the session's uid, not its
row): a last revision with the origin ``deleted`` keeps its whole text and says
when it went.  So:

- ``igftui history ID`` still answers for the id it had;
- :func:`deleted_drafts` lists every session whose newest revision is such a
  mark and which is not in the catalogue any more;
- :func:`undelete` stores that text again under the same uid (and its old id,
  when no other session has taken it), with all its revisions, and one more
  that says it was restored;
- :func:`compact` drops the revisions of sessions that are gone and rebuilds the
  file (VACUUM), after which they cannot be brought back.

Only the user's own sessions can be deleted (a draft, or a proposal however far
it went: submitted, accepted, rejected, withdrawn).  A catalogued session is a
page of the IGF's record, imported: deleting it would lose nothing of the
user's and it would come back with the next import of the same page, while the
similar-sessions and overlap checks quietly lost it meanwhile.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, text

from igftui.model.merge import changed_fields
from igftui.model.session import ForumSession
from igftui.model.tables import RevisionRecord, SessionRecord
from igftui.model.vocabulary import SessionStatus
from igftui.store import fulltext, revisions
from igftui.store.errors import CatalogueError, SessionNotFound, VersionConflict

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue

#: The origin of the revision that marks a session as deleted.
DELETED = "deleted"

_REVISIONS = RevisionRecord.__table__  # type: ignore[attr-defined]

# The newest revision of each uid that no session holds any more, when it is a deletion mark.
_DELETED = """
    SELECT r.session_uid, r.session_id, r.saved_at, r.document, r.number
    FROM revision r
    WHERE r.origin = 'deleted'
      AND r.number = (SELECT max(number) FROM revision n WHERE n.session_uid = r.session_uid)
      AND NOT EXISTS (SELECT 1 FROM session s WHERE s.uid = r.session_uid)
"""
_GONE = (
    "SELECT count(DISTINCT session_uid) FROM revision"
    " WHERE session_uid NOT IN (SELECT uid FROM session WHERE uid IS NOT NULL)"
)
_DROP_GONE = "DELETE FROM revision WHERE session_uid NOT IN (SELECT uid FROM session WHERE uid IS NOT NULL)"


class NotYourOwn(CatalogueError):
    """A catalogued session (a page of the IGF's record) cannot be deleted."""

    def __init__(self, session_id: int, title: str | None) -> None:
        name = f"#{session_id}" + (f" ({title})" if title else "")
        super().__init__(
            f"session {name} is a catalogued IGF session, not a draft or proposal of yours: "
            "only your own drafts and proposals can be deleted (nothing was deleted)"
        )
        self.session_id = session_id


class DeletedDraftNotFound(CatalogueError):
    """No deleted draft answers to the id or uid given."""


@dataclass(frozen=True)
class DeletedDraft:
    """A session that was deleted and can still be brought back."""

    uid: str
    #: The id it had in the catalogue (another session may have it now).
    session_id: int
    title: str | None
    code: str | None
    status: str
    deleted_at: datetime
    #: How many revisions are kept, the deletion mark included.
    revisions: int

    @property
    def name(self) -> str:
        """``WS #12 Title`` or ``(untitled)``, for messages."""
        return " ".join(bit for bit in (self.code, self.title) if bit) or "(untitled)"

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "id": self.session_id,
            "title": self.title,
            "code": self.code,
            "status": self.status,
            "deleted_at": revisions._iso(self.deleted_at),
            "revisions": self.revisions,
        }


def _now(catalogue: Catalogue) -> datetime:
    return catalogue.clock()


def _add_revision(
    connection: Connection, *, uid: str, session_id: int, document: str, origin: str, now: datetime
) -> int:
    """A new revision even when its text is the newest one's (a deletion changes no field)."""
    last = revisions.latest(connection, uid)
    before = json.loads(last.document) if last is not None else None
    number = int(last.number) + 1 if last is not None else 1
    connection.execute(
        insert(_REVISIONS),
        dict(
            session_uid=uid,
            session_id=session_id,
            number=number,
            saved_at=now,
            origin=origin,
            author=revisions.current_author(),
            changed=json.dumps(changed_fields(before, json.loads(document))),
            visit=None,
            document=document,
        ),
    )
    return number


def delete_draft(catalogue: Catalogue, session_id: int) -> DeletedDraft:
    """Delete the user's session ``session_id``, keeping its whole text as a last revision."""
    with catalogue._db(write=True) as db:
        record = db.get(SessionRecord, session_id)
        if record is None:
            raise SessionNotFound(session_id)
        if record.status == SessionStatus.CATALOGUED.value:
            raise NotYourOwn(session_id, record.title)
        connection = db.connection()
        now = _now(catalogue)
        uid = str(record.uid)
        number = _add_revision(
            connection, uid=uid, session_id=session_id, document=record.document, origin=DELETED, now=now
        )
        deleted = DeletedDraft(uid, session_id, record.title, record.code, record.status, now, number)
        # Its search entry goes with it (a trigger, see igftui.store.schema).
        db.delete(record)
        db.commit()
    return deleted


def deleted_drafts(catalogue: Catalogue) -> list[DeletedDraft]:
    """Every deleted session that can be brought back, the most recently deleted first."""
    with catalogue._db() as db:
        rows = db.connection().execute(text(_DELETED + " ORDER BY r.saved_at DESC, r.id DESC")).all()
    return [_deleted_of(row) for row in rows]


def _deleted_of(row: Any) -> DeletedDraft:
    uid, session_id, saved_at, document, number = row
    data = json.loads(document)
    status = data.get("status") or SessionStatus.DRAFT.value
    session = ForumSession.from_json({**data, "id": session_id})
    return DeletedDraft(
        str(uid),
        int(session_id),
        session.title,
        session.display_code(),
        str(status),
        revisions._aware(_as_datetime(saved_at)),
        int(number),
    )


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def find_deleted(catalogue: Catalogue, wanted: str) -> DeletedDraft:
    """The deleted draft named by ``wanted``: its uid (or the start of it), or the id it had."""
    wanted = wanted.strip().lstrip("#")
    found = deleted_drafts(catalogue)
    by_uid = [d for d in found if wanted and d.uid.startswith(wanted.lower())]
    if wanted.isdigit():
        # The start of a uid can be all digits too ("35003277…"): an id first, then a uid.
        matches = [d for d in found if d.session_id == int(wanted)] or by_uid
        what = f"id {wanted}"
    else:
        matches = by_uid
        what = f"uid {wanted}"
    if not matches:
        raise DeletedDraftNotFound(f"no deleted draft has the {what} ('igftui deleted' lists them)")
    if len(matches) > 1:
        uids = ", ".join(d.uid[:12] for d in matches)
        raise DeletedDraftNotFound(f"{len(matches)} deleted drafts have the {what}: name one by its uid ({uids})")
    return matches[0]


def undelete(catalogue: Catalogue, wanted: str) -> ForumSession:
    """Bring back the deleted draft named by ``wanted`` (see :func:`find_deleted`), with its history."""
    deleted = find_deleted(catalogue, wanted)
    with catalogue._db(write=True) as db:
        connection = db.connection()
        row = connection.execute(text(_DELETED + " AND r.session_uid = :uid"), {"uid": deleted.uid}).first()
        if row is None:
            raise DeletedDraftNotFound(f"the draft {deleted.name} was brought back already")
        document = json.loads(row.document)
        session = ForumSession.from_json({**document, "id": deleted.session_id, "uid": deleted.uid, "revision": None})
        stored = _store_again(catalogue, db, session, origin="restored")
        db.commit()
    return stored


def _store_again(catalogue: Catalogue, db: Any, session: ForumSession, *, origin: str) -> ForumSession:
    """Insert ``session`` under its own uid (its old id when free); its last revision is not a deletion."""
    stored = catalogue._insert(db, session.model_copy(update={"version": None}), origin=origin)
    assert stored.id is not None, "an inserted session has its id"
    connection = db.connection()
    last = revisions.latest(connection, str(stored.uid))
    if last is not None and last.origin == DELETED:
        # Its text is the deleted one's, so the insert kept no revision: say it came back.
        _add_revision(
            connection,
            uid=str(stored.uid),
            session_id=stored.id,
            document=last.document,
            origin="restored",
            now=_now(catalogue),
        )
    return stored


def recreate(catalogue: Catalogue, session: ForumSession, *, origin: str = "typed") -> ForumSession:
    """Store again a session deleted elsewhere while it was open here, from what is on screen.

    It keeps its uid, so its history (and the deletion mark) goes on.  If it has
    been brought back elsewhere meanwhile (under another id), that is a
    :class:`VersionConflict` against the session as stored, merged like any other.
    """
    if session.uid is None:
        return catalogue.add(session.model_copy(update={"id": None}), origin=origin)
    with catalogue._db(write=True) as db:
        connection = db.connection()
        alive = connection.execute(text("SELECT id FROM session WHERE uid = :uid"), {"uid": session.uid}).first()
        if alive is not None:
            raise VersionConflict(catalogue.get(int(alive[0])), session.version)
        stored = _store_again(catalogue, db, session, origin=origin)
        db.commit()
    return stored


def duplicate(catalogue: Catalogue, session_id: int) -> ForumSession:
    """A new draft copied from session ``session_id``.

    People, agenda, questions and texts come along; what the IGF gave the
    original (code, number, time, room) and where it came from do not, and its
    history starts afresh with the copy.  The title says it is a copy.
    """
    original = catalogue.get(session_id)
    copy = copy_of(original)
    return catalogue.add(copy, origin="typed")


def copy_of(original: ForumSession) -> ForumSession:
    """The draft :func:`duplicate` stores, before it is stored."""
    title = f"Copy of {original.title}" if original.title else "Copy of an untitled session"
    return original.model_copy(
        deep=True,
        update={
            "id": None,
            "uid": None,
            "version": None,
            "revision": None,
            "history": None,
            "status": SessionStatus.DRAFT,
            "title": title,
            "code": None,
            "number": None,
            "starts_at": None,
            "ends_at": None,
            "room": None,
            "source": None,
        },
    )


@dataclass(frozen=True)
class Compacted:
    #: Deleted sessions whose revisions are gone for good.
    removed: int
    #: Whether the file was rebuilt and its journal emptied (False: another copy kept it open).
    bytes_gone: bool


def gone_for_good_on_compact(catalogue: Catalogue) -> int:
    """How many deleted sessions :func:`compact` would remove for good."""
    with catalogue._db() as db:
        return int(db.connection().execute(text(_GONE)).scalar() or 0)


def compact(catalogue: Catalogue) -> Compacted:
    """Drop the revisions of every session no longer in the catalogue, then rebuild the file."""
    from igftui.store.erasure import make_the_bytes_gone

    with catalogue._db(write=True) as db:
        connection = db.connection()
        removed = int(connection.execute(text(_GONE)).scalar() or 0)
        connection.execute(text(_DROP_GONE))
        # Deleted sessions' words linger in the search index's old segments until merged.
        fulltext.optimize(connection)
        db.commit()
    return Compacted(removed, make_the_bytes_gone(catalogue.engine))


def uid_of_deleted(connection: Connection, session_id: int) -> str | None:
    """The uid of the session most recently deleted under id ``session_id``, if one was."""
    row = connection.execute(
        text(
            "SELECT session_uid FROM revision WHERE session_id = :id AND origin = 'deleted' "
            "AND session_uid NOT IN (SELECT uid FROM session WHERE uid IS NOT NULL) "
            "ORDER BY saved_at DESC, id DESC LIMIT 1"
        ),
        {"id": session_id},
    ).first()
    return str(row[0]) if row is not None else None


def id_past_deleted(connection: Connection) -> int | None:
    """An id for a new session that no deleted draft had, when the next one SQLite gives would be one.

    SQLite gives a new row the highest id plus one, so deleting the newest draft
    would hand its id to the next one, and 'igftui undelete 12' or 'igftui history
    12' would name two sessions.  None: SQLite's own choice is fine.
    """
    row = connection.execute(
        text("SELECT (SELECT max(session_id) FROM revision WHERE origin = 'deleted'), (SELECT max(id) FROM session)")
    ).first()
    deleted, highest = (row[0], row[1]) if row is not None else (None, None)
    if deleted is None or (highest is not None and int(highest) > int(deleted)):
        return None
    return int(deleted) + 1
