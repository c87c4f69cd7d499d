"""The drafts the user deleted, with when, and bringing one back with its whole history.

Dismissed with how many drafts were brought back, so the catalogue reads its
list again when there are any.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from igftui.model.vocabulary import SessionStatus, parse
from igftui.store.revisions import local_time
from igftui.tui.draft_actions import DraftUndeleted, undelete
from igftui.tui.labels import plural
from igftui.tui.screens.base import IgfScreen, describe_failure

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue
    from igftui.store.deleting import DeletedDraft


class DeletedTable(DataTable[Text]):
    """One row a deleted draft, most recently deleted first."""

    HELP_TITLE: ClassVar[str] = "Deleted drafts"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="The next deleted draft", id="deleted.down"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="The previous deleted draft", id="deleted.up"),
    ]


class DeletedDraftsScreen(IgfScreen[int]):
    """Every deleted draft that can still be brought back (until the catalogue is compacted)."""

    SUB_TITLE = "Deleted drafts"
    HELP_TITLE: ClassVar[str] = "Deleted drafts"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to the catalogue", id="deleted.back"),
        Binding(
            "enter,r",
            "bring_back",
            "Bring back",
            tooltip="Bring the selected draft back into the catalogue, with its whole history",
            id="deleted.bring_back",
        ),
    ]

    DEFAULT_CSS = """
    DeletedDraftsScreen #deleted-summary {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    @dataclass
    class Listed(Message):
        drafts: list[DeletedDraft]

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        #: The deleted drafts on screen (None until read).
        self.drafts: list[DeletedDraft] | None = None
        #: How many were brought back during this visit.
        self.brought_back = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the deleted drafts…", id="deleted-summary", markup=False)
        table = DeletedTable(id="deleted", cursor_type="row", zebra_stripes=True)
        table.add_columns("ID", "Title", "Status", "Deleted", "Revisions")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DeletedTable).focus()
        self.read_list()

    def read_list(self) -> None:
        self._read_list()

    @work(thread=True, exclusive=True, exit_on_error=False, group="deleted", name="read the deleted drafts")
    def _read_list(self) -> None:
        self.post_message(self.Listed(self.catalogue.deleted_drafts()))

    @on(Listed)
    def _listed(self, message: Listed) -> None:
        self.drafts = message.drafts
        table = self.query_one(DeletedTable)
        row = table.cursor_row
        table.clear()
        for draft in message.drafts:
            status = parse(SessionStatus, draft.status)
            table.add_row(
                Text(f"#{draft.session_id}"),
                Text(draft.name),
                Text(status.label if status else draft.status),
                Text(local_time(draft.deleted_at)),
                Text(str(draft.revisions)),
                key=draft.uid,
            )
        if message.drafts:
            table.move_cursor(row=min(row, len(message.drafts) - 1), animate=False)
            summary = (
                f"{plural(len(message.drafts), 'deleted draft')} · enter brings the selected one back "
                "with its history · 'igftui compact' removes them for good"
            )
        else:
            summary = "No deleted drafts: nothing to bring back."
        self.query_one("#deleted-summary", Static).update(summary)
        self.refresh_bindings()

    def selected(self) -> DeletedDraft | None:
        table = self.query_one(DeletedTable)
        if not self.drafts or not 0 <= table.cursor_row < len(self.drafts):
            return None
        return self.drafts[table.cursor_row]

    @on(DataTable.RowSelected, "#deleted")
    def _row_chosen(self) -> None:
        self.action_bring_back()

    def action_bring_back(self) -> None:
        """Bring the selected draft back, with its history (a new revision says it was restored)."""
        draft = self.selected()
        if draft is None:
            self.notify("There is no deleted draft to bring back.", markup=False)
            return
        undelete(self, self.catalogue, draft.uid)

    @on(DraftUndeleted)
    def _undeleted(self, message: DraftUndeleted) -> None:
        self.brought_back += 1
        session = message.session
        self.notify(
            f"\u201c{session.title or '(untitled)'}\u201d is back in the catalogue as #{session.id}, with its history.",
            title="Brought back",
            markup=False,
        )
        self.read_list()

    def work_failed(self, worker: Worker) -> None:
        if worker.group == "deleted":
            self.query_one("#deleted-summary", Static).update(
                f"The deleted drafts cannot be read: {describe_failure(worker.error)}"
            )

    def action_back(self) -> None:
        """Back to the catalogue."""
        self.dismiss(self.brought_back)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "bring_back":
            return bool(self.drafts)
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Back", "Back to the catalogue", self.action_back)
        if self.drafts:
            yield SystemCommand(
                "Bring back this draft",
                "Bring the selected deleted draft back, with its history",
                self.action_bring_back,
            )
