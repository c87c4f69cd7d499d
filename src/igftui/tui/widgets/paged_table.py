"""A list of any length that draws only the rows in sight, read a page at a time, and its keys.

The list is as tall as the whole listing (its scroll bar, ``G`` and page down
know every row), yet holds only the pages around what is on screen: each line
is drawn when it shows (Textual's Line API, as toolong draws a huge log), from
the page kept for it, or as a dim placeholder until that page comes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from igftui.store import paging
from igftui.store.paging import Paging

#: What one row of a paged table is drawn from (a session, a person…).
Item = TypeVar("Item")

#: The scrolling a plain scrollable widget has by default: every column of a paged
#: table fits, and the keys below move the cursor, so these stay out of help and palette.
_SCROLLING = frozenset(
    {"scroll_up", "scroll_down", "scroll_left", "scroll_right", "scroll_home", "scroll_end", "page_left", "page_right"}
)

#: A row not read yet, in its first column.
_PLACEHOLDER = Text("…", style="dim", end="")


def paged_bindings(
    prefix: str, noun: str, *, open_label: str = "Open", open_tooltip: str | None = None
) -> list[BindingType]:
    """The keys of a paged table whose rows are each a ``noun``, with ids ``"<prefix>.down"``…

    ``open_label`` names what enter does in the footer and help; ``open_tooltip``
    says more (by default "Open the selected <noun>").
    """
    return [
        Binding(
            "enter",
            "select_cursor",
            open_label,
            tooltip=open_tooltip or f"Open the selected {noun}",
            id=f"{prefix}.open",
        ),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip=f"Next {noun}", id=f"{prefix}.down"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip=f"Previous {noun}", id=f"{prefix}.up"),
        Binding("home,ctrl+home,g", "scroll_top", "First", show=False, tooltip=f"First {noun}", id=f"{prefix}.first"),
        Binding(
            "end,ctrl+end,G",
            "scroll_bottom",
            "Last",
            show=False,
            tooltip=f"Last {noun} of the list, however long",
            id=f"{prefix}.last",
        ),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="One screen down", id=f"{prefix}.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="One screen up", id=f"{prefix}.page_up"),
    ]


class Column(NamedTuple):
    """One column of a paged table: its key, its header and its width (padding aside)."""

    key: str
    label: Text
    width: int


class PagedTable(ScrollView, Generic[Item], can_focus=True):
    """Rows read from the database a page at a time, one row an :data:`Item`; any number of them.

    The table never asks the catalogue itself: when rows in sight (or near
    them, or under the cursor) are not read, it posts :class:`MoreWanted`,
    and its screen reads them in a worker and hands them to :meth:`add_page`.
    So a listing of any size opens as fast as one page, and any row of it is
    one key away.  The arithmetic is :attr:`paging`'s
    (:class:`igftui.store.paging.Paging`), and so are the listing numbers: the
    screen numbers each new listing with ``paging.new_listing()`` and drops a
    page read for another.  The number of rows may come after the first page
    (:meth:`set_total`): until then the list grows as pages come.

    It looks and answers as Textual's DataTable did (header, zebra stripes, a
    row cursor; enter or a click on the cursor row posts :class:`RowChosen`, a
    click on a header :class:`HeaderClicked`).  A subclass sets ``BINDINGS``
    (see :func:`paged_bindings`), its columns (:meth:`set_columns`), and how a
    row is drawn (:meth:`_cells`) and named (:meth:`_key`).
    """

    #: Rows asked of the catalogue at a time.
    PAGE_SIZE: ClassVar[int] = paging.PAGE_SIZE
    #: How many rows beyond those in sight are read before the cursor gets there.
    PREFETCH: ClassVar[int] = paging.PREFETCH

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--header",
        "datatable--cursor",
        "datatable--hover",
        "datatable--header-hover",
        "datatable--even-row",
        "datatable--odd-row",
    }

    # The look of Textual's DataTable (which these lists were), so that nothing changes on screen.
    DEFAULT_CSS = """
    PagedTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        scrollbar-gutter: stable;
        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark {
            & > .datatable--even-row {
                background: $surface-darken-1 40%;
            }
        }
        & > .datatable--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .datatable--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .datatable--odd-row {
        }
        & > .datatable--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .datatable--header-hover {
            background: $accent 30%;
        }
        & > .datatable--hover {
            background: $block-hover-background;
        }
    }
    """

    @dataclass
    class _TableMessage(Message):
        """A message about ``table``, which ``@on`` selectors match (its ``control``)."""

        table: PagedTable[Any]

        @property
        def control(self) -> PagedTable[Any]:
            return self.table

    @dataclass
    class MoreWanted(_TableMessage):
        """Rows in sight are not read: ``limit`` rows from ``offset`` are wanted."""

        offset: int
        limit: int

    @dataclass
    class RowChosen(_TableMessage):
        """Enter was pressed on row ``row`` (or it was clicked under the cursor)."""

        row: int

    @dataclass
    class HeaderClicked(_TableMessage):
        """The header of the column ``column`` (its key) was clicked."""

        column: str

    #: Cells of padding either side of each cell.
    cell_padding: ClassVar[int] = 1

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: Which pages are read, which to ask for next, and the rows themselves.
        self.paging: Paging[Item] = Paging(self.PAGE_SIZE, self.PREFETCH)
        self._columns: list[Column] = []
        self._cursor = 0
        #: The row under the mouse (None: the mouse is elsewhere, or keys were used since).
        self._hover: int | None = None
        # Drawn lines, kept while nothing they show changes (a key moving the cursor
        # redraws two lines; a scroll draws only the lines that came into sight).
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._generation = 0
        self._pseudo_classes: object = None

    def on_mount(self) -> None:
        self._size_virtually()

    # ----- the listing -----

    @property
    def total(self) -> int | None:
        """How many rows the listing holds in all, read or not; None while they are being counted."""
        return self.paging.total

    @property
    def row_count(self) -> int:
        """How many rows the list has: all of them once counted, else those known so far."""
        return self.paging.rows

    @property
    def fully_loaded(self) -> bool:
        """Whether every row of the listing is read and kept."""
        return self.paging.fully_loaded

    def _begin(self) -> None:
        """Show the newest listing, from its first page (on its way); the subclass's ``start`` calls this."""
        self.paging.begin()
        # A new listing starts at its top, as a new page of a book would.
        self._cursor = 0
        self._hover = None
        self.scroll_to(y=0, animate=False, immediate=True)
        self._changed()

    def set_total(self, listing: int, total: int) -> None:
        """The listing numbered ``listing`` was counted: ``total`` rows (ignored if it is an older one)."""
        if self.paging.counted(listing, total):
            self._changed()
            self._want_rows()

    def add_page(self, offset: int, items: Sequence[Item], limit: int | None = None) -> None:
        """Keep ``items``, read from row ``offset`` (``limit`` rows asked for: a page by default)."""
        if not self.paging.started:
            return
        self.paging.add(offset, items, limit, self._cursor)
        self._changed()
        self.refresh_bindings()
        self._want_rows()

    def page_failed(self) -> bool:
        """The rows asked for could not be read; the next move asks again.

        False when no listing is shown yet: the screen then says, where the
        list would be, that it could not be read.
        """
        self.paging.failed()
        return self.paging.started

    def _changed(self) -> None:
        """The rows or their number changed: keep the cursor on a row, size the list anew, redraw."""
        self._cursor = max(0, min(self._cursor, self.row_count - 1))
        self._redraw()

    def _size_virtually(self) -> None:
        # One line per row, and the header; as wide as the columns.
        width = sum(column.width + 2 * self.cell_padding for column in self._columns)
        size = Size(width, self.row_count + 1)
        if size != self.virtual_size:
            self.virtual_size = size

    # ----- rows -----

    def _cells(self, item: Item) -> Sequence[Text]:
        """The cells of the row drawn for ``item``, one per column."""
        raise NotImplementedError

    def _key(self, item: Item) -> str:
        """What names the row of ``item`` (a session's id…), for :meth:`selected_key`."""
        raise NotImplementedError

    def item_at(self, row: int) -> Item | None:
        """What row ``row`` is drawn from, or None when it is not read (yet)."""
        return self.paging.item(row)

    def cells_at(self, row: int) -> tuple[Text, ...] | None:
        """The cells row ``row`` shows, or None when it is not read (yet)."""
        item = self.item_at(row)
        return None if item is None else tuple(self._cells(item))

    def key_at(self, row: int) -> str | None:
        """The key of row ``row``, or None when it is not read (yet)."""
        item = self.item_at(row)
        return None if item is None else self._key(item)

    def row_of(self, key: str) -> int | None:
        """The row whose key is ``key``, among the rows read; None if none is."""
        return self.paging.row_where(key, self._key)

    def loaded_items(self) -> list[Item]:
        """Every row read and kept, in order."""
        return [item for page in sorted(self.paging.pages) for item in self.paging.pages[page]]

    def selected_item(self) -> Item | None:
        """What the row under the cursor is drawn from, or None (no rows, or not read yet)."""
        return self.item_at(self._cursor) if self.row_count else None

    def selected_key(self) -> str | None:
        """The key of the row under the cursor, or None when there is none (or it is not read yet)."""
        return self.key_at(self._cursor) if self.row_count else None

    # ----- columns -----

    def set_columns(self, columns: Sequence[tuple[str, str | Text, int]]) -> None:
        """Show these columns: (key, header, width) each, in order."""
        self._columns = [
            Column(key, label if isinstance(label, Text) else Text(label), width) for key, label, width in columns
        ]
        if self.is_mounted:
            self._redraw()

    @property
    def column_keys(self) -> list[str]:
        """The keys of the columns, in order."""
        return [column.key for column in self._columns]

    def column_label(self, key: str) -> Text:
        """The header of the column ``key``."""
        return next(column.label for column in self._columns if column.key == key)

    def column_width(self, key: str) -> int:
        """The width of the column ``key``, padding aside."""
        return next(column.width for column in self._columns if column.key == key)

    def set_label(self, key: str, label: Text) -> None:
        """Head the column ``key`` with ``label``."""
        self._columns = [column._replace(label=label) if column.key == key else column for column in self._columns]
        self._redraw()

    def _resize_columns(self, widths: Mapping[str, int]) -> None:
        """Give each column the width ``widths`` holds for its key."""
        resized = [column._replace(width=widths[column.key]) for column in self._columns]
        if resized != self._columns:
            self._columns = resized
            self._redraw()

    def _redraw(self) -> None:
        # Lines kept for an older generation are not looked up again (the LRU lets them go).
        self._generation += 1
        self._size_virtually()
        self.refresh()

    def notify_style_update(self) -> None:
        # A theme or a class changed: the lines kept were drawn in the old colours.
        super().notify_style_update()
        self._lines.clear()
        self._generation += 1

    # ----- the cursor -----

    @property
    def cursor_row(self) -> int:
        """The row under the cursor (0 when the list is empty)."""
        return self._cursor

    @property
    def rows_in_sight(self) -> int:
        """How many rows the list shows at once (its height less the header)."""
        return max(1, self.scrollable_content_region.height - 1)

    @property
    def first_row_in_sight(self) -> int:
        """The row on the list's first line, under the header."""
        return round(self.scroll_y)

    def move_cursor(self, row: int, *, scroll: bool = True, animate: bool = False) -> None:
        """Put the cursor on ``row`` (kept within the list), and the row in sight unless not ``scroll``."""
        rows = self.row_count
        row = max(0, min(row, rows - 1)) if rows else 0
        if row != self._cursor:
            old, self._cursor = self._cursor, row
            self._refresh_row(old)
            self._refresh_row(row)
        if scroll:
            self._scroll_cursor_into_view(animate)
        self._want_rows()

    def scroll_to_row(self, row: int, *, animate: bool = False) -> None:
        """Show ``row`` on the list's first line (as far as the list allows)."""
        self.scroll_to(y=max(0, row), animate=animate, immediate=True)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        top, sight = self.first_row_in_sight, self.rows_in_sight
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=animate, immediate=True)
        elif self._cursor >= top + sight:
            self.scroll_to(y=self._cursor - sight + 1, animate=animate, immediate=True)

    def _refresh_row(self, row: int) -> None:
        line = row - self.first_row_in_sight + 1
        if 1 <= line < self.scrollable_content_region.height + 1:
            self.refresh_lines(row + 1)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # Rows that came into sight (the scroll bar dragged, the wheel) may not be read yet.
        self._want_rows()

    def on_resize(self) -> None:
        self._scroll_cursor_into_view()
        self._want_rows()

    def _want_rows(self) -> None:
        if not self.paging.shows_newest:
            # A newer listing's first page is on its way; it asks for its own rows.
            return
        first = min(self.first_row_in_sight, self._cursor)
        last = max(self.first_row_in_sight + self.rows_in_sight - 1, self._cursor)
        read = self.paging.window(first, last)
        if read is not None:
            self.post_message(self.MoreWanted(self, read.offset, read.limit))

    # ----- keys and mouse -----

    def action_cursor_down(self) -> None:
        """Next row."""
        self._unhover()
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self._unhover()
        self.move_cursor(self._cursor - 1)

    def action_scroll_top(self) -> None:
        """The first row."""
        self._unhover()
        self.move_cursor(0)

    def action_scroll_bottom(self) -> None:
        """The last row of the whole listing (of the rows known so far while it is counted)."""
        self._unhover()
        self.move_cursor(self.row_count - 1)

    def action_page_down(self) -> None:
        """One screen down: the list scrolls a screen, and the cursor with it."""
        self._page(self.rows_in_sight)

    def action_page_up(self) -> None:
        """One screen up."""
        self._page(-self.rows_in_sight)

    def _page(self, rows: int) -> None:
        self._unhover()
        self.scroll_to(y=self.first_row_in_sight + rows, animate=False, immediate=True)
        self.move_cursor(self._cursor + rows)

    def action_select_cursor(self) -> None:
        """Enter: the row under the cursor is chosen."""
        if self.row_count:
            self.post_message(self.RowChosen(self, self._cursor))

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        if "row" not in meta:
            return
        event.stop()
        row = meta["row"]
        if row < 0:
            if "column" in meta:
                self.post_message(self.HeaderClicked(self, self._columns[meta["column"]].key))
            return
        if row == self._cursor:
            self.post_message(self.RowChosen(self, row))
        self.move_cursor(row, animate=True)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        row = event.style.meta.get("row")
        hover = row if isinstance(row, int) and row >= 0 else None
        if hover != self._hover:
            old, self._hover = self._hover, hover
            for changed in (old, hover):
                if changed is not None:
                    self._refresh_row(changed)

    def on_leave(self, _: events.Leave) -> None:
        self._unhover()

    def _unhover(self) -> None:
        # Keys move the cursor: the mouse's mark goes, as DataTable's did.
        if self._hover is not None:
            old, self._hover = self._hover, None
            self._refresh_row(old)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _SCROLLING:
            return False
        if action == "select_cursor":
            return self.row_count > 0
        return True

    # ----- drawing -----

    def render_lines(self, crop: Any) -> list[Strip]:
        # Focus changes the cursor's colours: the state is part of what a line is kept by.
        self._pseudo_classes = self.get_pseudo_class_state()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x = round(self.scroll_x)
        width = self.size.width
        row = -1 if y == 0 else self.first_row_in_sight + y - 1
        if row >= self.row_count:
            return Strip.blank(width, self.rich_style)
        item = self.item_at(row) if row >= 0 else None
        key = (
            row,
            row == self._cursor,
            row == self._hover,
            item is None,
            width,
            scroll_x,
            self._generation,
            self._pseudo_classes,
        )
        strip = self._lines.get(key)
        if strip is None:
            strip = self._draw(row, item).crop_extend(scroll_x, scroll_x + width, self.rich_style)
            strip = strip.simplify()
            self._lines[key] = strip
        return strip

    def _draw(self, row: int, item: Item | None) -> Strip:
        """Row ``row`` (-1: the header) across every column, as DataTable drew a row."""
        get = self.get_component_rich_style
        header = row < 0
        if header:
            row_style = self.get_component_styles("datatable--header").rich_style
            cells: Sequence[Text] = [column.label for column in self._columns]
        else:
            row_style = self.get_component_styles("datatable--odd-row" if row % 2 else "datatable--even-row").rich_style
            if item is None:
                cells = [_PLACEHOLDER, *(Text("", end="") for _ in self._columns[1:])]
            else:
                cells = self._cells(item)
        emphasis = Style()
        if row == self._hover and not header:
            emphasis += get("datatable--hover")
        if row == self._cursor and not header and self.row_count:
            emphasis += get("datatable--cursor")
        # The cursor's colours win over those of the cells (DataTable's "css" priority).
        after = Style.from_color(emphasis.color, emphasis.bgcolor)
        console = self.app.console
        segments: list[Segment] = []
        for index, (column, cell) in enumerate(zip(self._columns, cells, strict=False)):
            style = row_style + emphasis + Style.from_meta({"row": row, "column": index})
            segments += cell_segments(cell, column.width, self.cell_padding, style, after, console)
        drawn = sum(column.width + 2 * self.cell_padding for column in self._columns)
        rest = max(0, self.size.width - drawn)
        segments.append(
            Segment(" " * rest, row_style + emphasis + Style.from_meta({"row": row, "out_of_bounds": True}))
        )
        return Strip(segments)


def cell_segments(cell: Text, width: int, padding: int, style: Style, after: Style, console: Console) -> list[Segment]:
    """One cell of a row: ``cell`` laid out in ``width`` cells with ``padding`` either side,
    between the row's ``style`` and the cursor's colours (``after``).

    What DataTable drew through Rich's Padding and Textual's Styled, built segment by
    segment: the first screen draws 40 rows of six cells before it shows, and that path
    cost most of its paint (measured by make bench).
    """
    text = _fitted(cell, width, console)
    outer = style + after
    # The room left in the cell is filled as Padding fills it: in the row's style, not the text's.
    segments = [Segment(" " * padding, outer)] if padding else []
    segments += (Segment(part.text, style + part.style + after) for part in _parts(text, console))
    segments.append(Segment(" " * (width - text.cell_len + padding), outer))
    return segments


def _fitted(cell: Text, width: int, console: Console) -> Text:
    """The first line of ``cell`` laid out in ``width`` cells as Rich lays it out: cut, and
    moved right or centred as it is justified (a text left short is padded by the caller)."""
    plain = cell.plain
    if cell.justify in (None, "default", "full") and cell.cell_len <= width and "\n" not in plain and "\t" not in plain:
        return cell  # most cells: one line that fits, nothing to move (and never changed here)
    lines = cell.wrap(
        console,
        width,
        justify=cell.justify or "default",
        overflow=cell.overflow or "fold",
        tab_size=cell.tab_size or console.tab_size,
        no_wrap=True,
    )
    return lines[0] if lines else Text()


def _parts(text: Text, console: Console) -> list[Segment]:
    """``text`` as segments, in its own style too (Text.render leaves that out of a text
    with no spans; Rich's own layout adds it)."""
    if text.spans:
        return list(text.render(console))
    return [Segment(text.plain, console.get_style(text.style) if text.style else None)]
