"""A table filled from the database one page at a time, and the keys every such table has."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from igftui.store import paging
from igftui.store.paging import Paging

#: What one row of a paged table is drawn from (a session, a person…).
Item = TypeVar("Item")

#: DataTable's sideways moves: every column of a paged table fits, so they do nothing.
_SIDEWAYS = frozenset({"cursor_left", "cursor_right", "scroll_home", "scroll_end", "page_left", "page_right"})


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
            "Last loaded",
            show=False,
            tooltip=f"Last {noun} loaded so far; the next page loads as you get there",
            id=f"{prefix}.last",
        ),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="One screen down", id=f"{prefix}.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="One screen up", id=f"{prefix}.page_up"),
    ]


class PagedTable(DataTable[Text], Generic[Item]):
    """Rows loaded from the database a page at a time, one row an :data:`Item`.

    The table never asks the catalogue itself: when the cursor comes within
    :attr:`PREFETCH` rows of the last loaded row it posts :class:`MoreWanted`,
    and its screen reads the next page in a worker and hands it to
    :meth:`add_page`.  So a listing of any size opens as fast as one page.
    The arithmetic is :attr:`paging`'s (:class:`igftui.store.paging.Paging`),
    and so are the listing numbers: the screen numbers each new listing with
    ``paging.new_listing()`` and drops a page read for another.

    A subclass sets ``BINDINGS`` (see :func:`paged_bindings`), draws the rows of
    a page in :meth:`_append`, and begins each listing with :meth:`_begin`.
    """

    #: Rows asked of the catalogue at a time.
    PAGE_SIZE: ClassVar[int] = paging.PAGE_SIZE
    #: How close to the last loaded row the cursor may come before the next page is wanted.
    PREFETCH: ClassVar[int] = paging.PREFETCH

    DEFAULT_CSS = """
    PagedTable {
        height: 1fr;
        scrollbar-gutter: stable;
    }
    """

    @dataclass
    class MoreWanted(Message):
        """The cursor is near the end of what is loaded: the page from ``offset`` is wanted."""

        table: PagedTable[Any]
        offset: int

        @property
        def control(self) -> PagedTable[Any]:
            """The table that wants the page (what ``@on`` selectors match)."""
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        #: Which pages are loaded and which to ask for next.
        self.paging = Paging(self.PAGE_SIZE, self.PREFETCH)

    @property
    def total(self) -> int | None:
        """How many rows the listing holds in all, loaded or not; None while nobody
        counted them (the listing then ends with the first page that is not full)."""
        return self.paging.total

    def _begin(self, total: int | None) -> None:
        """Show the newest listing, of ``total`` rows (None: not counted), from its first page.

        The subclass's ``start`` calls this once it has dropped the old rows.
        """
        self.paging.begin(total)

    def _append(self, items: Sequence[Item]) -> None:
        """Add a row for each of ``items`` at the end of the table."""
        raise NotImplementedError

    def add_page(self, offset: int, items: Sequence[Item]) -> None:
        """Append a page that starts at row ``offset``; a page that no longer fits is ignored."""
        if not self.paging.fits(offset):
            return
        self._append(items)
        self.paging.added(len(items))
        self.refresh_bindings()
        self._want_more_if_near_end()

    def page_failed(self) -> bool:
        """The page asked for could not be read; the next cursor move asks again.

        False when no listing is shown yet: the screen then says, where the
        list would be, that it could not be read.
        """
        self.paging.failed()
        return self.paging.started

    @property
    def fully_loaded(self) -> bool:
        """Whether every row of the listing is loaded (known once counted or a short page came)."""
        return self.paging.fully_loaded

    @on(DataTable.RowHighlighted)
    def _cursor_moved(self) -> None:
        self._want_more_if_near_end()

    def _want_more_if_near_end(self) -> None:
        offset = self.paging.wanted(self.cursor_row)
        if offset is not None:
            self.post_message(self.MoreWanted(self, offset))

    def selected_key(self) -> str | None:
        """The key of the row under the cursor, or None when the table is empty."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value

    def _resize_columns(self, widths: Mapping[str, int]) -> None:
        """Give each column the width ``widths`` holds for its key, keeping the rows."""
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Every column fits, so the sideways moves of DataTable do nothing here:
        # keep them out of the help and the palette.
        if action in _SIDEWAYS:
            return False
        if action == "select_cursor":
            return self.row_count > 0
        return True
