"""A short list the user edits row by row: the agenda, the people of a proposal."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable


def item_bindings(prefix: str, noun: str) -> list[BindingType]:
    """The keys of an item table, named for what its rows are ("person", "agenda item")."""
    return [
        Binding("a,insert", "want('add')", f"Add {noun}", tooltip=f"Add a {noun}", id=f"{prefix}.add"),
        Binding("enter", "want('edit')", f"Edit {noun}", tooltip=f"Change the {noun} under the cursor",
                id=f"{prefix}.edit"),
        Binding("delete,backspace", "want('remove')", f"Remove {noun}", show=False,
                tooltip=f"Remove the {noun} under the cursor (you are asked first)", id=f"{prefix}.remove"),
        Binding("shift+up", "want('up')", "Move up", show=False,
                tooltip=f"Move the {noun} one place up", id=f"{prefix}.up"),
        Binding("shift+down", "want('down')", "Move down", show=False,
                tooltip=f"Move the {noun} one place down", id=f"{prefix}.down"),
    ]


class ItemTable(DataTable):
    """Rows the user adds, changes, removes and reorders; the screen holds the items themselves.

    Each key posts :class:`ItemTable.Wanted` with what is wanted and the row under
    the cursor; the screen opens a dialog or changes the proposal, then calls
    :meth:`show_rows` again.
    """

    BINDINGS: ClassVar[list[BindingType]] = []

    class Wanted(Message):
        """The user wants to ``add``, ``edit``, ``remove`` or move (``up``, ``down``) a row."""

        def __init__(self, table: ItemTable, what: str, index: int | None) -> None:
            super().__init__()
            self.table = table
            self.what = what
            self.index = index

        @property
        def control(self) -> ItemTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def show_rows(self, rows: list[tuple[object, ...]], *, cursor: int | None = None) -> None:
        """Replace the rows, keeping the cursor where it was (or at ``cursor``)."""
        keep = self.cursor_row if cursor is None else cursor
        self.clear()
        for row in rows:
            self.add_row(*row)
        if self.row_count:
            self.move_cursor(row=max(0, min(keep, self.row_count - 1)), animate=False)

    def action_want(self, what: str) -> None:
        index = self.cursor_row if self.row_count else None
        if what != "add" and index is None:
            return
        self.post_message(self.Wanted(self, what, index))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "want" and parameters and parameters[0] != "add":
            return self.row_count > 0
        return True
