"""The saved versions of one session, newest first: when, how, by whom, and what changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from igftui.model.differences import changed_labels
from igftui.store.revisions import local_time
from igftui.tui.widgets.session_table import cell

if TYPE_CHECKING:
    from igftui.store.revisions import RevisionInfo

#: (key, header) of the columns, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("revision", "Revision"),
    ("saved", "Saved"),
    ("how", "How"),
    ("by", "By"),
    ("changed", "Changed"),
)


def changed_text(info: RevisionInfo, first: bool) -> str:
    """What a revision changed, in the editor's words; the oldest one is the first text."""
    if first:
        return "(the first text)"
    return ", ".join(changed_labels(info.changed)) or "(nothing)"


def column_widths(width: int, padding: int = 1) -> dict[str, int]:
    """Share ``width`` cells: fixed columns for number, time, how and who; the rest for what changed."""
    available = max(width - 2 * padding * len(COLUMNS), 50)
    fixed = {"revision": 9, "saved": 16, "how": 8, "by": 12}
    return {**fixed, "changed": available - sum(fixed.values())}


class RevisionTable(DataTable[Text]):
    """One row a revision, newest first; the one that holds the current text is marked "now".

    That is the newest, except after an import whose text was kept only as a
    revision (its fields were in conflict with the user's, whose text stayed).
    """

    HELP_TITLE: ClassVar[str] = "Revisions"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Read the differences",
            tooltip="Move into the differences of the selected revision, to scroll them",
            id="history.read",
        ),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="An older revision", id="history.down"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="A newer revision", id="history.up"),
        Binding("home,g", "scroll_top", "Newest", show=False, tooltip="The newest revision", id="history.newest"),
        Binding("end,G", "scroll_bottom", "Oldest", show=False, tooltip="The oldest revision", id="history.oldest"),
        Binding(
            "pagedown",
            "page_down",
            "Page down",
            show=False,
            tooltip="One screen of revisions down",
            id="history.page_down",
        ),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="One screen of revisions up", id="history.page_up"),
    ]

    DEFAULT_CSS = """
    RevisionTable {
        height: auto;
        max-height: 40%;
        /* No stable gutter: with an auto height Textual would keep an empty line for it. */
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        #: The revisions shown, by number.
        self.revisions: dict[int, RevisionInfo] = {}
        #: The number of the revision that holds the current text, if one does.
        self.current: int | None = None

    def on_mount(self) -> None:
        for key, header in COLUMNS:
            self.add_column(header, key=key, width=10)
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        widths = column_widths(self.scrollable_content_region.width, self.cell_padding)
        for column in self.columns.values():
            column.width, column.auto_width = widths[str(column.key.value)], False
        # As PagedTable._resize_columns: what add_column itself sets (Textual is pinned).
        self._require_update_dimensions = True
        self._clear_caches()
        self.refresh()

    def show(self, revisions: Sequence[RevisionInfo], *, current: int | None, keep: int | None = None) -> None:
        """Show ``revisions`` (any order) newest first, revision ``current`` marked as the
        current text; the cursor on revision ``keep`` if there."""
        ordered = sorted(revisions, key=lambda info: info.number, reverse=True)
        self.revisions = {info.number: info for info in ordered}
        self.current = current
        oldest = ordered[-1].number if ordered else None
        self.clear()
        for info in ordered:
            number = f"{info.number} (now)" if info.number == current else str(info.number)
            self.add_row(
                cell(number),
                cell(local_time(info.saved_at)),
                cell(info.origin),
                cell(info.author, placeholder="–"),
                cell(changed_text(info, info.number == oldest)),
                key=str(info.number),
            )
        if keep in self.revisions:
            self.move_cursor(row=self.get_row_index(str(keep)), animate=False)

    def selected(self) -> RevisionInfo | None:
        """The revision under the cursor, or None when there is none."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value
        return self.revisions.get(int(key)) if key is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Every column fits: DataTable's sideways moves would do nothing.
        if action in ("cursor_left", "cursor_right", "scroll_home", "scroll_end", "page_left", "page_right"):
            return False
        return True
