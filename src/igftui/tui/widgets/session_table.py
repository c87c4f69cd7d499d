"""The list of sessions in the catalogue, filled one page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from igftui.store.listing import SessionSummary, matched_spans
from igftui.tui.labels import format_label, status_label, type_label

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
    return {"code": code, "year": year, "type": label, "title": title, "format": label,
            "status": status}


def _cell(text: str | None, *, placeholder: str = "") -> Text:
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
        highlighted(_cell(session.code), query),
        _cell(str(session.year) if session.year else None),
        _cell(type_label(session.session_type)),
        highlighted(_cell(session.title, placeholder="(untitled)"), query) if session.title
        else _cell(None, placeholder="(untitled)"),
        _cell(format_label(session.format)),
        _cell(status_label(session.status)),
    )


class SessionTable(DataTable[Text]):
    """Sessions of the catalogue, one row each, loaded from the database a page at a time.

    The table never asks the catalogue itself: when the cursor comes within
    :attr:`PREFETCH` rows of the last loaded row it posts :class:`MoreWanted`,
    and its screen loads the next page in a worker and hands it to
    :meth:`add_page`.  So a catalogue of any size opens as fast as one page.
    """

    HELP_TITLE: ClassVar[str] = "Session list"

    #: Rows asked of the catalogue at a time.
    PAGE_SIZE: ClassVar[int] = 200
    #: How close to the last loaded row the cursor may come before the next page is wanted.
    PREFETCH: ClassVar[int] = 50

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", tooltip="Open the selected session",
                id="sessions.open"),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next session",
                id="sessions.down"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous session",
                id="sessions.up"),
        Binding("home,ctrl+home,g", "scroll_top", "First", show=False, tooltip="First session",
                id="sessions.first"),
        Binding("end,ctrl+end,G", "scroll_bottom", "Last loaded", show=False,
                tooltip="Last session loaded so far; the next page loads as you get there",
                id="sessions.last"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="One screen down",
                id="sessions.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="One screen up",
                id="sessions.page_up"),
    ]

    DEFAULT_CSS = """
    SessionTable {
        height: 1fr;
        scrollbar-gutter: stable;
    }
    """

    class MoreWanted(Message):
        """The cursor is near the end of what is loaded: the page from ``offset`` is wanted."""

        def __init__(self, table: "SessionTable", offset: int) -> None:
            super().__init__()
            self.table = table
            self.offset = offset

        @property
        def control(self) -> "SessionTable":
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        #: How many sessions the listing holds in all (loaded or not).
        self.total = 0
        #: What the listing was searched for: its words are highlighted.
        self.query: str | None = None
        self._waiting = False

    def on_mount(self) -> None:
        for key, header in COLUMNS:
            self.add_column(header, key=key, width=10)
        self._fit_columns()

    def show_sort(self, column: str | None, descending: bool) -> None:
        """Mark the column the list is sorted by with an arrow (a mark, not a colour)."""
        for key, header in COLUMNS:
            label = header
            if key == column:
                label += " ▼" if descending else " ▲"
            self.columns[key].label = Text(label)  # type: ignore[index]
        self._clear_caches()
        self.refresh()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        widths = column_widths(self.scrollable_content_region.width, self.cell_padding)
        changed = False
        for column in self.columns.values():
            wanted = widths[str(column.key.value)]
            if column.width != wanted or column.auto_width:
                column.width, column.auto_width = wanted, False
                changed = True
        if changed:
            # DataTable has no public way to resize a column; these are what
            # add_column itself sets.  Textual is pinned, so this cannot drift.
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()

    # ----- paging -----

    def start(self, total: int, query: str | None = None) -> None:
        """Begin a new listing of ``total`` sessions: drop the rows and wait for its first page.

        ``query`` is what the listing was searched for, to highlight in each row.
        """
        self.clear()
        self.total = total
        self.query = query
        self._waiting = True

    def add_page(self, offset: int, sessions: Sequence[SessionSummary]) -> None:
        """Append a page that starts at row ``offset``; a page that no longer fits is ignored."""
        if offset != self.row_count:
            return
        for session in sessions:
            self.add_row(*session_cells(session, self.query), key=str(session.id))
        if len(sessions) < self.PAGE_SIZE:
            # The catalogue has no more: believe it over a count taken a moment ago.
            self.total = self.row_count
        self._waiting = False
        self.refresh_bindings()
        self._want_more_if_near_end()

    def page_failed(self) -> None:
        """The page asked for could not be read; the next cursor move asks again."""
        self._waiting = False

    @property
    def fully_loaded(self) -> bool:
        return self.row_count >= self.total

    @on(DataTable.RowHighlighted)
    def _cursor_moved(self) -> None:
        self._want_more_if_near_end()

    def _want_more_if_near_end(self) -> None:
        if self._waiting or self.fully_loaded:
            return
        if self.cursor_row >= self.row_count - self.PREFETCH:
            self._waiting = True
            self.post_message(self.MoreWanted(self, self.row_count))

    # ----- the selection -----

    def selected_id(self) -> int | None:
        """The id of the session under the cursor, or None when the table is empty."""
        if not self.row_count:
            return None
        row_key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        return int(row_key.value) if row_key.value is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Every column fits, so the sideways moves of DataTable do nothing here:
        # keep them out of the help and the palette.
        if action in {"cursor_left", "cursor_right", "scroll_home", "scroll_end", "page_left",
                      "page_right"}:
            return False
        if action == "select_cursor":
            return self.row_count > 0
        return True
