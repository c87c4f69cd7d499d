"""The baseline: a bare Textual app (a header, a 40-row DataTable, a footer).

``make bench`` starts it in a pseudo-terminal, as it starts igftui, and times how
long it takes until its rows are painted; in-process (Pilot) it times one key
press.  It runs until it is killed (or ``ctrl+q``).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

#: Every row's first cell starts with it: the bench waits for it on the screen.
ROW_MARK = "bare row"


class BareApp(App[None]):
    """As little as a Textual app with a table can be."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Row", "Year", "Title")
        for row in range(1, 41):
            table.add_row(f"{ROW_MARK} {row}", str(2006 + row % 21), f"A session title number {row}")
        table.focus()


if __name__ == "__main__":
    BareApp().run()
