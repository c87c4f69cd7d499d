"""Deleting and duplicating a draft, the same way from every screen that offers it.

The catalogue, the session view and the editor each call :func:`ask_to_delete`
or :func:`duplicate`; the work runs in a thread worker of the screen, which then
receives :class:`DraftDeleted` or :class:`DraftDuplicated`.  A failure (the
session is a catalogued one, the disk is full) is reported by the screen's
worker handling, "Could not delete the draft: <why>", and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from collections.abc import Callable

    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue
    from igftui.store.deleting import DeletedDraft
    from igftui.tui.screens.base import IgfScreen

#: The key of the catalogue that lists deleted drafts (said in messages).
DELETED_DRAFTS_KEY = "u"


@dataclass
class DraftDeleted(Message):
    deleted: DeletedDraft


@dataclass
class DraftDuplicated(Message):
    original_id: int
    copy: ForumSession


@dataclass
class DraftUndeleted(Message):
    session: ForumSession


def name_of(code: str | None, title: str | None) -> str:
    return " ".join(bit for bit in (code, title) if bit) or "(untitled)"


def refuse_catalogued(screen: IgfScreen, name: str) -> None:
    """Say, without asking anything, why a catalogued session cannot be deleted."""
    screen.notify(
        f"{name} is a catalogued IGF session, not a draft or proposal of yours: only your own "
        "drafts and proposals can be deleted. Nothing was deleted.",
        title="Not deleted",
        severity="warning",
        timeout=10,
        markup=False,
    )


def ask_to_delete(
    screen: IgfScreen, catalogue: Catalogue, session_id: int, name: str, then: Callable[[], None] | None = None
) -> None:
    """Ask (naming the draft); on yes call ``then`` (if given) and delete in a worker of ``screen``."""
    question = (
        f"Delete \u201c{name}\u201d (#{session_id})?\n\nIt can be brought back with its history from "
        f"Deleted drafts ({DELETED_DRAFTS_KEY} in the catalogue, or the command palette) until the "
        "catalogue is compacted."
    )

    def answered(yes: bool | None) -> None:
        if yes:
            if then is not None:
                then()
            else:
                delete_now(screen, catalogue, session_id)

    # Loaded when first asked: the catalogue, the first screen, imports this module.
    from igftui.tui.dialogs.confirm import ConfirmDialog

    screen.app.push_screen(ConfirmDialog(question, yes="Delete", no="Cancel", title="Delete this draft?"), answered)


def delete_now(screen: IgfScreen, catalogue: Catalogue, session_id: int) -> None:
    """Delete the draft in a worker of ``screen``, which then receives :class:`DraftDeleted`."""

    def work() -> None:
        screen.post_message(DraftDeleted(catalogue.delete_draft(session_id)))

    screen.run_worker(work, thread=True, exclusive=True, exit_on_error=False, group="delete", name="delete the draft")


def deleted_note(deleted: DeletedDraft) -> str:
    return (
        f"Deleted \u201c{deleted.name}\u201d (#{deleted.session_id}). To bring it back with its history: "
        f"Deleted drafts ({DELETED_DRAFTS_KEY} in the catalogue), until the catalogue is compacted."
    )


def duplicate(screen: IgfScreen, catalogue: Catalogue, session_id: int) -> None:
    """Copy the session as a new draft in a worker of ``screen``, which then receives :class:`DraftDuplicated`."""

    def work() -> None:
        screen.post_message(DraftDuplicated(session_id, catalogue.duplicate(session_id)))

    screen.run_worker(
        work, thread=True, exclusive=True, exit_on_error=False, group="duplicate", name="duplicate the draft"
    )


def duplicated_note(message: DraftDuplicated) -> str:
    return f"Copied #{message.original_id} as a new draft, #{message.copy.id}: \u201c{message.copy.title}\u201d."


def undelete(screen: IgfScreen, catalogue: Catalogue, uid: str) -> None:
    """Bring a deleted draft back in a worker of ``screen``, which then receives :class:`DraftUndeleted`."""

    def work() -> None:
        screen.post_message(DraftUndeleted(catalogue.undelete(uid)))

    screen.run_worker(
        work, thread=True, exclusive=True, exit_on_error=False, group="undelete", name="bring the draft back"
    )
