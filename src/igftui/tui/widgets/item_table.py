"""A short list the user edits row by row: the agenda, the people of a proposal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.css.scalar import Scalar
from textual.errors import NoWidget
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable

from igftui.tui.widgets.column_fit import Fit, ItemColumn, fit_columns, plain, shown_width


def item_bindings(prefix: str, noun: str) -> list[BindingType]:
    """The keys of an item table, named for what its rows are ("person", "agenda item")."""
    return [
        Binding("a,insert", "want('add')", f"Add {noun}", tooltip=f"Add a {noun}", id=f"{prefix}.add"),
        Binding(
            "enter", "want('edit')", f"Edit {noun}", tooltip=f"Change the {noun} under the cursor", id=f"{prefix}.edit"
        ),
        Binding(
            "delete,backspace",
            "want('remove')",
            f"Remove {noun}",
            show=False,
            tooltip=f"Remove the {noun} under the cursor (you are asked first)",
            id=f"{prefix}.remove",
        ),
        Binding(
            "shift+up", "want('up')", "Move up", show=False, tooltip=f"Move the {noun} one place up", id=f"{prefix}.up"
        ),
        Binding(
            "shift+down",
            "want('down')",
            "Move down",
            show=False,
            tooltip=f"Move the {noun} one place down",
            id=f"{prefix}.down",
        ),
    ]


def reveal(widget: Widget, region: Region) -> None:
    """Scroll every container ``widget`` sits in so that ``region`` of it is in sight.

    ``region`` is in the coordinates of what ``widget`` shows (its content, as
    scrolled now). Textual's ``scroll_to_widget`` brings a whole widget into
    view, which for a table taller than the form shows its top, not the row
    the cursor is on; this is the same walk up the containers for a part.
    """
    region = (
        region.translate(widget.styles.margin.top_left)
        .translate(widget.styles.border.spacing.top_left)
        .translate(widget.virtual_region_with_margin.offset)
    )
    while isinstance(widget.parent, Widget):
        container = widget.parent
        offset = (
            container.scroll_to_region(region, spacing=widget.dock_gutter, animate=False, immediate=True)
            if widget.styles.dock == "none"
            else None
        )
        region = (
            region.translate(-offset if offset else (0, 0))
            .translate(container.styles.margin.top_left)
            .translate(container.styles.border.spacing.top_left)
            .translate(container.virtual_region_with_margin.offset)
        )
        widget = container


class ItemTable(DataTable):
    """Rows the user adds, changes, removes and reorders; the screen holds the items themselves.

    Each key posts :class:`ItemTable.Wanted` with what is wanted and the row under
    the cursor; the screen opens a dialog or changes the proposal, then calls
    :meth:`show_rows` again.

    A subclass names its columns in :attr:`COLUMNS`. The table shares its width
    between them (:func:`fit_columns`) whenever its width changes, so every
    column header stays in sight and long text is cut with an ellipsis; and
    the row under the cursor is kept in sight, inside the table and in the
    form the table sits in.
    """

    BINDINGS: ClassVar[list[BindingType]] = []
    #: The columns, left to right.
    COLUMNS: ClassVar[tuple[ItemColumn, ...]] = ()
    #: The most lines the table takes (header included); fewer when the form shows fewer.
    MOST_LINES: ClassVar[int] = 14

    DEFAULT_CSS = """
    ItemTable {
        /* The scroll bar keeps its place, so a row more or less never changes
           the width the columns share. */
        scrollbar-gutter: stable;
        height: auto;
        max-height: 14;  /* MOST_LINES */
    }
    """

    @dataclass
    class Wanted(Message):
        """The user wants to ``add``, ``edit``, ``remove`` or move (``up``, ``down``) a row."""

        table: ItemTable
        what: str
        index: int | None

        @property
        def control(self) -> ItemTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[Sequence[object]] = []
        #: How the rows are drawn now (None until there is a width to share).
        self._fit: Fit | None = None

    def on_mount(self) -> None:
        for column in self.COLUMNS:
            self.add_column(column.header, key=column.key, width=len(column.header))
        self._refit()

    def on_resize(self) -> None:
        self._refit()
        if self.has_focus:
            # A smaller window may have left the row under the cursor out of sight.
            self.call_after_refresh(self.reveal_cursor)

    # ----- what the rows show, and how wide -----

    def show_rows(self, rows: Sequence[Sequence[object]], *, cursor: int | None = None) -> None:
        """Replace the rows, keeping the cursor where it was (or at ``cursor``).

        A cell is a ``str``, a :class:`~rich.text.Text`, or :class:`Forms` (a full
        and a short form, the short one shown where the full one does not fit).
        """
        self._rows = list(rows)
        self._fit = None
        self._refit(cursor)
        if self.has_focus:
            self.call_after_refresh(self.reveal_cursor)

    def _refit(self, cursor: int | None = None) -> None:
        """Size the columns for the width there is; draw the rows again when their forms change."""
        if not self.is_mounted or not self.columns:
            return
        fit = fit_columns(self.COLUMNS, self._rows, shown_width(self), self.cell_padding)
        if self._fit is not None and fit == self._fit:
            return
        for column in self.COLUMNS:
            drawn = self.columns[column.key]  # type: ignore[index]
            drawn.width, drawn.auto_width = fit.widths[column.key], False
        if self._fit is None or fit.short != self._fit.short:
            self._fill(fit, cursor)
        self._fit = fit
        # DataTable has no public way to resize a column; these are what
        # add_column itself sets. Textual is pinned, so this cannot drift.
        self._require_update_dimensions = True
        self._clear_caches()
        self.refresh()

    def _fill(self, fit: Fit, cursor: int | None) -> None:
        keep = self.cursor_row if cursor is None else cursor
        scrolled = self.scroll_y
        self.clear()
        for row in self._rows:
            self.add_row(
                *(
                    # Text, not str: a str cell is read as markup, and names may hold "[...]".
                    Text(plain(cell, fit.short), no_wrap=True, overflow="ellipsis", end="")
                    for cell in row
                )
            )
        # Where the table was scrolled to, not its top: no jump before the cursor is revealed.
        self.scroll_y = scrolled
        if self.row_count:
            self.move_cursor(row=max(0, min(keep, self.row_count - 1)), animate=False)

    # ----- the row under the cursor stays in sight -----

    def cursor_region(self) -> Region | None:
        """Where on the screen the row under the cursor is, or None when it is not shown."""
        if not self.row_count or not self.content_region.width:
            return None
        row = self._get_row_region(self.cursor_row)
        region = Region(
            self.content_region.x,
            self.content_region.y + row.y - round(self.scroll_y),
            self.content_region.width,
            row.height,
        )
        try:
            shown = region.intersection(self.screen.find_widget(self).visible_region)
        except NoWidget:
            return None
        return shown or None

    def _form(self) -> Widget | None:
        """The nearest container that scrolls (the section of the form), if any."""
        return next(
            (
                node
                for node in self.ancestors
                if isinstance(node, Widget) and node.styles.overflow_y in ("auto", "scroll")
            ),
            None,
        )

    def reveal_cursor(self) -> None:
        """Scroll the table, and the form it is in, so the row under the cursor is in sight.

        The table is never taller than the form shows, so its header and the
        row are in sight together: the user sees which column is which.
        """
        if not self.row_count or not self.content_region.width:
            return
        form = self._form()
        if form is not None and form.scrollable_content_region.height:
            lines = max(3, min(self.MOST_LINES, form.scrollable_content_region.height))
            if self.styles.max_height != Scalar.from_number(lines):
                self.styles.max_height = lines
                # Its new height is known after the next layout.
                self.call_after_refresh(self.reveal_cursor)
                return
        # A scroll still gliding (the screen's, on focus) would land after this one, or
        # leave it half a line out: finish it first, then scroll from where it ends.
        for node in self.ancestors_with_self:
            if isinstance(node, Widget):
                self.app.animator.force_stop_animation(node, "scroll_y")
        header = self.header_height if self.show_header else 0
        row = self._get_row_region(self.cursor_row)
        # First inside the table (under its header, which does not scroll)...
        self.scroll_to_region(
            Region(0, row.y, 1, row.height),
            spacing=Spacing(header, 0, 0, 0),
            animate=False,
            force=True,
            immediate=True,
            x_axis=False,
        )
        # ...then the whole table, header to last line shown, in every container around it.
        width, height = self.content_region.size
        if form is None or height <= form.scrollable_content_region.height:
            reveal(self, Region(0, 0, width, height))
        else:
            reveal(self, Region(0, row.y - round(self.scroll_y), width, row.height))

    def on_focus(self) -> None:
        # The screen brings a newly focused widget into view (its top, for a table
        # taller than the form): in a callback queued before this handler ran, whose
        # scroll the form then does after the next refresh. Queued behind both, the
        # row under the cursor is revealed last, and stays so.
        self.screen.call_later(self._reveal_after_screen)

    def _reveal_after_screen(self) -> None:
        (self._form() or self).call_after_refresh(self.reveal_cursor)

    @on(DataTable.RowHighlighted)
    def _cursor_moved(self) -> None:
        if self.has_focus:
            self.call_after_refresh(self.reveal_cursor)

    def action_want(self, what: str) -> None:
        index = self.cursor_row if self.row_count else None
        if what != "add" and index is None:
            return
        if index is not None and what != "add":
            # What the dialog asks about is in sight behind it, not off screen; the
            # screen hears of it once the scrolled form is drawn, so that
            # cursor_region() says where the row now is.
            self.reveal_cursor()
            self.call_after_refresh(self.post_message, self.Wanted(self, what, index))
            return
        self.post_message(self.Wanted(self, what, index))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "want" and parameters and parameters[0] != "add":
            return self.row_count > 0
        return True
