"""The list of sessions in the catalogue, read one page at a time."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType

from igftui.store.listing import SessionSummary, matched_spans
from igftui.tui.labels import format_label, status_label, type_label
from igftui.tui.widgets.column_fit import shown_width
from igftui.tui.widgets.paged_table import PagedTable, paged_bindings

#: (key, header) of the columns, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Code"),
    ("year", "Year"),
    ("type", "Type"),
    ("title", "Title"),
    ("format", "Format"),
    ("status", "Status"),
)


def column_widths(width: int, padding: int = 1) -> dict[str, int]:
    """Share ``width`` cells between the columns, the title getting what is left.

    Type and format labels can be long ("NRIs Collaborative Session",
    "Break-out Group Discussions"); they are cut with an ellipsis before the
    title is squeezed below a readable width.
    """
    available = max(width - 2 * padding * len(COLUMNS), 40)
    code, year, status = 10, 4, 10
    rest = available - code - year - status
    label = max(8, min(20, rest * 22 // 100))
    title = rest - 2 * label
    if title < 16:
        # Narrow (the filters are open beside the list at 80 columns): the title
        # matters more than the labels, which shrink to a stub.
        label = max(5, (rest - 16) // 2)
        title = max(16, rest - 2 * label)
    return {"code": code, "year": year, "type": label, "title": title, "format": label, "status": status}


def cell(text: str | None, *, placeholder: str = "") -> Text:
    """A one-line cell of ``text``, cut with an ellipsis; ``placeholder`` dimmed when empty."""
    # Text, not str: a str cell is read as markup, and titles may hold "[...]".
    if not text:
        return Text(placeholder, style="dim", no_wrap=True, overflow="ellipsis", end="")
    return Text(text, no_wrap=True, overflow="ellipsis", end="")


def highlighted(text: Text, query: str | None) -> Text:
    """``text`` with the words a search for ``query`` matched in bold reverse.

    Reverse video, not a colour alone, so a match shows on every theme and with NO_COLOR.
    """
    for start, end in matched_spans(text.plain, query):
        text.stylize("bold reverse", start, end)
    return text


def session_cells(session: SessionSummary, query: str | None = None) -> tuple[Text, ...]:
    """One row of the table: code, year, type, title, format and status, as labels.

    The words of ``query`` are highlighted in the code and the title.
    """
    return (
        highlighted(cell(session.code), query),
        cell(str(session.year) if session.year else None),
        cell(type_label(session.session_type)),
        highlighted(cell(session.title, placeholder="(untitled)"), query)
        if session.title
        else cell(None, placeholder="(untitled)"),
        cell(format_label(session.format)),
        cell(status_label(session.status)),
    )


class SessionTable(PagedTable[SessionSummary]):
    """Sessions of the catalogue, one row each, read from the database a page at a time.

    The paging is :class:`PagedTable`'s; this table adds the columns, the
    highlighting of what was searched for and the mark of the sorted column.
    """

    HELP_TITLE: ClassVar[str] = "Session list"

    BINDINGS: ClassVar[list[BindingType]] = paged_bindings("sessions", "session")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: What the list was searched for, highlighted in each row.  Not "query": that is
        #: the DOM query every Textual widget has, and select-all and others call it.
        self.searched_for: str | None = None
        self.set_columns([(key, header, 10) for key, header in COLUMNS])

    def on_mount(self) -> None:
        self._fit_columns()

    def show_sort(self, column: str | None, descending: bool) -> None:
        """Mark the column the list is sorted by with an arrow (a mark, not a colour)."""
        for key, header in COLUMNS:
            label = header
            if key == column:
                label += " ▼" if descending else " ▲"
            self.set_label(key, Text(label))

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        # While the list is hidden (the catalogue still opening) it has no width of
        # its own: size it for the width it will get, so that its first paint already
        # has the final columns instead of squeezed ones until the next resize.
        self._resize_columns(column_widths(shown_width(self), self.cell_padding))

    def start(self, query: str | None = None) -> None:
        """Begin a new listing: drop the rows and wait for its first page (its count may come later).

        ``query`` is what the listing was searched for, to highlight in each row.
        """
        self.searched_for = query
        self._begin()

    def _cells(self, item: SessionSummary) -> tuple[Text, ...]:
        return session_cells(item, self.searched_for)

    def _key(self, item: SessionSummary) -> str:
        return str(item.id)

    def selected_status(self) -> str | None:
        """The status of the session under the cursor ("draft", "catalogued"...)."""
        session = self.selected_item()
        return session.status if session is not None else None

    def selected_id(self) -> int | None:
        """The id of the session under the cursor, or None when the table is empty."""
        session = self.selected_item()
        return session.id if session is not None else None
