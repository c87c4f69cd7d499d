"""A session's history: every kept revision, what each differs from the current text, and restoring one.

Open it with ``HistoryScreen(catalogue, session_id)``, and a callback:

    app.push_screen(HistoryScreen(catalogue, session_id), closed)

It is dismissed with the session as a restore stored it (its text and the new
version) when the user restored a revision, or None when nothing was
restored, so that a screen holding the session (the editor's draft) reads it
again.  A restore is itself a new revision: the text it replaced stays in the
history.  If the session was saved elsewhere meanwhile, the restore is refused,
nothing is overwritten, and the user is told so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, get_current_worker

from igftui.model.wording import session_name
from igftui.store.errors import VersionConflict
from igftui.store.revisions import local_time
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.labels import plural
from igftui.tui.screens.base import IgfScreen, describe_failure
from igftui.tui.widgets.change_watcher import ChangeWatcher
from igftui.tui.widgets.differences_view import DifferencesView
from igftui.tui.widgets.revision_table import RevisionTable

if TYPE_CHECKING:
    from igftui.model.differences import FieldDifference
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue
    from igftui.store.revisions import RevisionInfo


#: How many of the newest revisions are compared with the current text to find the one it is.
_LOOK_BACK = 5


def describe(info: RevisionInfo) -> str:
    """``Revision 3 · typed · 2026-06-23 11:30 · by amina``."""
    bits = [f"Revision {info.number}", info.origin, local_time(info.saved_at)]
    if info.author:
        bits.append(f"by {info.author}")
    return " · ".join(bits)


class HistoryScreen(IgfScreen["ForumSession | None"]):
    """The revisions of the session ``session_id``, newest first, and the differences of one.

    Dismissed with the restored session, or None (see the module's docstring).
    """

    SUB_TITLE = "History"
    HELP_TITLE: ClassVar[str] = "History"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to the session", id="history.back"),
        Binding(
            "r",
            "restore",
            "Restore",
            tooltip="Make the selected revision the current text again (asked first; "
            "the current text stays in the history)",
            id="history.restore",
        ),
    ]

    DEFAULT_CSS = """
    HistoryScreen #history-summary {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    @dataclass
    class HistoryRead(Message):
        """The current text and every revision, read at the catalogue's ``version``;
        ``now`` is the number of the revision that holds the current text, if one does."""

        current: ForumSession
        revisions: list[RevisionInfo]
        now: int | None
        version: int

    @dataclass
    class Compared(Message):
        """What differs between revision ``number`` and the current text."""

        number: int
        differences: list[FieldDifference]

    @dataclass
    class Restored(Message):
        number: int
        session: ForumSession

    @dataclass
    class RestoreRefused(Message):
        """Someone saved the session after its history was read: nothing was restored."""

        number: int
        conflict: VersionConflict

    def __init__(self, catalogue: Catalogue, session_id: int) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.session_id = session_id
        #: The session as it is now (None until read).
        self.current: ForumSession | None = None
        #: The differences on screen: the number of the revision they are for, or None.
        self.compared: int | None = None
        #: The session as the last restore of this visit stored it (what the screen returns).
        self.restored: ForumSession | None = None
        self._restoring = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the history…", id="history-summary", markup=False)
        yield RevisionTable(id="revisions")
        yield DifferencesView(id="differences")
        yield ChangeWatcher(self.catalogue, id="watcher")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RevisionTable).focus()
        self.query_one(DifferencesView).say("Reading the history…")
        self.read_history()

    # ----- reading -----

    def read_history(self) -> None:
        """Read the current text and the revisions again (the cursor stays on its revision)."""
        self._read_history(self.session_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="history", name="read the history")
    def _read_history(self, session_id: int) -> None:
        # The version first: a save landing while the rest is read is noticed next look.
        version = self.catalogue.data_version()
        current = self.catalogue.get(session_id)
        revisions = self.catalogue.history(session_id)
        self.post_message(self.HistoryRead(current, revisions, self._holding(current, revisions), version))

    def _holding(self, current: ForumSession, revisions: list[RevisionInfo]) -> int | None:
        """The newest revision that holds ``current``'s text (in a worker).

        Nearly always the newest of all; an import whose fields were in conflict
        with the user's is kept as a newer revision than the text that stayed.
        """
        text = current.to_document()
        for info in sorted(revisions, key=lambda info: info.number, reverse=True)[:_LOOK_BACK]:
            if self.catalogue.revision(self.session_id, info.number).to_document() == text:
                return info.number
        return None

    @on(HistoryRead)
    def _history_read(self, message: HistoryRead) -> None:
        self.query_one(ChangeWatcher).saw(message.version)
        self.current = message.current
        table = self.query_one(RevisionTable)
        chosen = table.selected()
        table.show(message.revisions, current=message.now, keep=chosen.number if chosen else None)
        name = session_name(message.current.display_code(), message.current.title)
        self.sub_title = f"History · {message.current.display_code() or message.current.title or 'untitled'}"
        self.query_one("#history-summary", Static).update(f"{name} · {plural(len(message.revisions), 'revision')} kept")
        self.refresh_bindings()
        self.compared = None
        self._compare_selected()

    @on(DataTable.RowHighlighted, "#revisions")
    def _revision_highlighted(self) -> None:
        self._compare_selected()

    @on(DataTable.RowSelected, "#revisions")
    def _revision_chosen(self) -> None:
        self.query_one(DifferencesView).focus()

    def _compare_selected(self) -> None:
        info = self.query_one(RevisionTable).selected()
        if info is None or self.current is None:
            if self.current is not None:
                self.query_one(DifferencesView).say("No revision of this session is kept.")
            return
        if info.number != self.compared:
            self._compare(info.number, self.current)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="compare",
        name="compare the revision with the current text",
    )
    def _compare(self, number: int, current: ForumSession) -> None:
        from igftui.model.differences import differences

        older = self.catalogue.revision(self.session_id, number)
        found = differences(older.to_document(), current.to_document())
        if not get_current_worker().is_cancelled:
            self.post_message(self.Compared(number, found))

    @on(Compared)
    def _compared(self, message: Compared) -> None:
        table = self.query_one(RevisionTable)
        info = table.selected()
        if info is None or info.number != message.number:
            return  # the cursor has moved on; its own comparison is on the way
        self.compared = message.number
        self.query_one(DifferencesView).show(
            f"{describe(info)}, compared with the current text",
            message.differences,
            older=f"revision {info.number}",
            newer="the current text",
        )
        self.refresh_bindings()

    @on(ChangeWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        self.read_history()

    def work_failed(self, worker: Worker) -> None:
        if worker.group == "restore":
            self._restoring = False
            return
        self.query_one(DifferencesView).say(
            f"The history cannot be shown: {describe_failure(worker.error)}.\nPress escape to go back."
        )

    # ----- restoring -----

    def action_restore(self) -> None:
        """Ask, then make the selected revision the current text again (as a new revision)."""
        info = self.query_one(RevisionTable).selected()
        if info is None or self.current is None or self._restoring:
            return
        if info.number == self.query_one(RevisionTable).current:
            self.notify(f"Revision {info.number} is the current text: there is nothing to restore.", markup=False)
            return
        version = self.current.version
        question = (
            f"Bring back the text of revision {info.number}, {info.origin} on "
            f"{local_time(info.saved_at)}?\n\nThe text you have now is not lost: it stays "
            "in the history, and you can bring it back the same way."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._restoring = True
                self._restore(info.number, version)

        self.app.push_screen(
            ConfirmDialog(question, yes="Restore", no="Cancel", title=f"Restore revision {info.number}?"), answered
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="restore", name="restore the revision")
    def _restore(self, number: int, expected_version: int | None) -> None:
        try:
            stored = self.catalogue.restore(self.session_id, number, expected_version=expected_version)
        except VersionConflict as conflict:
            self.post_message(self.RestoreRefused(number, conflict))
            return
        self.post_message(self.Restored(number, stored))

    @on(Restored)
    def _restored(self, message: Restored) -> None:
        self._restoring = False
        self.restored = message.session
        self.notify(
            f"Revision {message.number} is the current text again. What it replaced is kept in the history.",
            title="Restored",
            markup=False,
        )
        self.read_history()

    @on(RestoreRefused)
    def _refused(self, message: RestoreRefused) -> None:
        self._restoring = False
        self.notify(
            "This session was saved somewhere else (another igftui window, or an import) after "
            "its history was read here. Nothing was overwritten and nothing was restored. The "
            "history now shows that save: look at it, then restore again if you still want to.",
            title=f"Revision {message.number} not restored",
            severity="warning",
            timeout=15,
            markup=False,
        )
        self.read_history()

    # ----- leaving -----

    def action_back(self) -> None:
        """Back to the screen underneath, saying whether a revision was restored."""
        self.dismiss(self.restored)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore":
            # Offered on the current revision too, where it says why there is nothing to do.
            return self.query_one(RevisionTable).selected() is not None and self.current is not None
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Back", "Back to the session", self.action_back)
        table = self.query_one(RevisionTable)
        info = table.selected()
        if info is not None and self.current is not None and info.number != table.current:
            yield SystemCommand(
                "Restore this revision",
                "Make the selected revision the current text again (asked first)",
                self.action_restore,
            )
