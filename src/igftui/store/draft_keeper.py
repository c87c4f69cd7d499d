"""When a draft is saved, and what happens when someone else saved it first.

The editor tells the keeper each change and asks it when the next save is due;
a save runs in a worker (:meth:`DraftKeeper.store`) and its outcome comes back
to :meth:`DraftKeeper.finished` on the UI thread.  The rules, tested here with
a fake clock rather than by timing key presses:

- a save starts :data:`PAUSE` seconds after the last change, and never later
  than :data:`AT_MOST` after the first change not yet saved, so steady typing
  is saved at least once a second and ``kill -9`` loses at most a second;
- one save at a time (a new draft must not be stored twice);
- every save says which version of the session it was made from; when another
  copy of igftui (or an import) stored the session since, the two are merged
  field by field against that version: fields changed on one side only merge
  by themselves, fields changed on both sides wait for the user
  (:class:`ConflictFound`), and nothing is overwritten meanwhile;
- autosaves of one visit share a visit token, so the catalogue folds them into
  one revision while the user keeps typing.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from igftui.model.merge import Choice, MergeResult, merge_documents, resolve
from igftui.model.session import ForumSession
from igftui.store.catalogue import Catalogue
from igftui.store.errors import SessionNotFound, VersionConflict

#: Seconds after the last change before a save starts.
PAUSE = 0.3
#: Seconds after the first unsaved change by which a save starts, typing or not.
AT_MOST = 0.7


@dataclass(frozen=True)
class SaveJob:
    """A save under way: the draft as it was after ``edits`` changes."""

    draft: ForumSession
    edits: int
    #: The stored version the draft was made from (None for a draft never stored).
    expected_version: int | None
    #: The stored text that version had: the base of a merge.
    base: dict[str, Any] | None
    #: "typed", or "merged" for the save that settles a conflict.
    origin: str = "typed"


@dataclass(frozen=True)
class Saved:
    session: ForumSession
    edits: int
    #: Fields another copy changed that were taken into the draft (a clean merge).
    taken: tuple[str, ...] = ()
    #: The draft had been deleted elsewhere while open here: it was stored again, from
    #: what the editor holds, under its uid and with its history.
    recreated: bool = False


@dataclass(frozen=True)
class ConflictFound:
    """Both sides changed some fields: the user keeps theirs, takes the other, or edits."""

    stored: ForumSession
    merge: MergeResult
    edits: int


Outcome = Saved | ConflictFound


@dataclass
class DraftKeeper:
    catalogue: Catalogue
    clock: Callable[[], float] = time.monotonic
    pause: float = PAUSE
    at_most: float = AT_MOST
    #: One token per visit of the editor: the catalogue folds its autosaves together.
    visit: str = field(default_factory=lambda: uuid.uuid4().hex)
    edits: int = 0
    saved_edits: int = 0
    saving: bool = False
    #: A conflict waiting for the user; no save is made until it is settled.
    conflict: ConflictFound | None = None
    _version: int | None = None
    _base: dict[str, Any] | None = None
    _first_unsaved: float | None = None
    _last_change: float | None = None
    _settled: bool = False

    # ----- what the editor tells it -----

    def opened(self, stored: ForumSession) -> None:
        """The draft as read from the catalogue: the version later saves are made from."""
        self._version = stored.version
        self._base = stored.to_document() if stored.id is not None else None

    def changed(self) -> None:
        now = self.clock()
        self.edits += 1
        self._last_change = now
        if self._first_unsaved is None:
            self._first_unsaved = now

    def forget_changes(self) -> None:
        """The user chose to leave without the changes that could not be saved."""
        self.saved_edits = self.edits
        self._first_unsaved = self._last_change = None

    # ----- what it tells the editor -----

    @property
    def unsaved(self) -> bool:
        return self.edits != self.saved_edits

    def due_in(self) -> float | None:
        """Seconds until the next save should start (0: now), or None: nothing to do yet."""
        if not self.unsaved or self.saving or self.conflict is not None:
            return None
        if self._first_unsaved is None or self._last_change is None:
            return 0.0
        due = min(self._last_change + self.pause, self._first_unsaved + self.at_most)
        return max(0.0, due - self.clock())

    # ----- saving -----

    def begin(self, draft: ForumSession) -> SaveJob | None:
        """Start a save of ``draft`` as it is now; None when one is under way or not needed."""
        if self.saving or not self.unsaved or self.conflict is not None:
            return None
        self.saving = True
        # Changes from here on are not in this save: they start the next one's clock.
        self._first_unsaved = self._last_change = None
        origin, self._settled = ("merged" if self._settled else "typed"), False
        return SaveJob(draft.model_copy(deep=True), self.edits, self._version, self._base, origin)

    def store(self, job: SaveJob) -> Outcome:
        """Store the job's draft (in a worker thread); merges with another copy's save."""
        try:
            stored = self.catalogue.save(
                job.draft, expected_version=job.expected_version, visit=self.visit, origin=job.origin
            )
            return Saved(stored, job.edits)
        except VersionConflict as conflict:
            theirs = conflict.stored
        except SessionNotFound:
            # Deleted elsewhere (another igftui, the command line) while open here: what is
            # on screen is the newest text there is, so it is stored again, history and all.
            try:
                return Saved(self.catalogue.recreate(job.draft, origin=job.origin), job.edits, recreated=True)
            except VersionConflict as conflict:
                theirs = conflict.stored  # brought back elsewhere meanwhile, under another id
        result = merge_documents(job.base, job.draft.to_document(), theirs.to_document())
        if result.conflicts:
            return ConflictFound(theirs, result, job.edits)
        merged = _session_of(result.document, theirs)
        stored = self.catalogue.update(merged, expected_version=theirs.version, origin="merged", visit=self.visit)
        return Saved(stored, job.edits, taken=result.taken)

    def finished(self, outcome: Outcome, draft: ForumSession) -> ForumSession:
        """Take the outcome of :meth:`store` (UI thread); return the draft to show.

        The draft is updated in place (the editor's widgets hold it): its id, and
        after a clean merge the other copy's fields, unless the user changed that
        field again while the save was under way.
        """
        self.saving = False
        if isinstance(outcome, ConflictFound):
            self.conflict = outcome
            return draft
        stored = outcome.session
        if outcome.taken:
            _take(draft, stored, outcome.taken, self._base)
        draft.id, draft.uid, draft.version = stored.id, stored.uid, stored.version
        self._version = stored.version
        self._base = stored.to_document()
        self.saved_edits = max(self.saved_edits, outcome.edits)
        return draft

    def failed(self) -> None:
        """The save could not be made (a full disk, a lock held too long): the work is kept."""
        self.saving = False

    def settle(self, draft: ForumSession, choices: dict[str, Choice | tuple[str, Any]]) -> ForumSession:
        """The conflict settled field by field; the result is saved from the stored version."""
        conflict = self.conflict
        if conflict is None:
            return draft
        document = resolve(conflict.merge, choices)  # type: ignore[arg-type]
        settled = _session_of(document, conflict.stored)
        self.conflict = None
        self._version = conflict.stored.version
        self._base = conflict.stored.to_document()
        # The settled draft differs from what is stored: it is a change to save.
        self.changed()
        self._first_unsaved = self._last_change = None
        self._settled = True
        return settled


def _session_of(document: dict[str, Any], stored: ForumSession) -> ForumSession:
    data = {**document, "id": stored.id, "uid": stored.uid, "revision": None}
    return ForumSession.from_json(data).model_copy(update={"version": stored.version})


def _take(draft: ForumSession, stored: ForumSession, taken: tuple[str, ...], base: dict[str, Any] | None) -> None:
    """Put the fields the other copy changed into the draft, where the user has not changed them since."""
    mine = draft.to_document()
    theirs = stored.to_document()
    for top in dict.fromkeys(name.split(".")[0] for name in taken):
        if base is not None and mine.get(top) != base.get(top) and mine.get(top) != theirs.get(top):
            continue
        setattr(draft, top, getattr(stored, top))
