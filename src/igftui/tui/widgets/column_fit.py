"""Sharing a table's width between its columns: short ones whole, long text what is left.

Plain arithmetic over cell widths (tested without a terminal), and the width a
table will have; the tables call it again whenever their width changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

#: Below this a long text column says too little; short forms are used for the
#: short columns before any long one is squeezed under it.
READABLE = 12


@dataclass(frozen=True)
class ItemColumn:
    """One column of an item table.

    ``share`` 0 is a short column (minutes, yes/no, a region code), always shown
    whole at its natural width. A long text column (a title, a name) has a
    share of the width the short ones leave, and is cut with an ellipsis.
    """

    key: str
    header: str
    share: int = 0

    @property
    def long(self) -> bool:
        return self.share > 0


class Forms(NamedTuple):
    """A cell with a full form ("Provisionally confirmed") and a short one ("Provisional")."""

    full: str
    short: str


def plain(cell: object, short: bool) -> str:
    """The text a cell shows, in its short form when ``short``."""
    if isinstance(cell, Forms):
        return cell.short if short else cell.full
    if isinstance(cell, Text):
        return cell.plain
    return str(cell)


def shown_width(table: Widget) -> int:
    """The width ``table``'s columns share; while it is hidden, the width it will get.

    A table in a hidden section, or behind "Loading…", has no width yet; it is
    given that of the nearest container that has one (the whole window before
    the first layout), less its scroll bar, so that its first paint already has
    its final columns. The resize when it shows corrects a wrong guess.
    """
    width = table.scrollable_content_region.width
    if width:
        return width
    gutter = table.styles.scrollbar_size_vertical
    for ancestor in table.ancestors:
        if isinstance(ancestor, Widget) and ancestor.content_region.width:
            return ancestor.content_region.width - gutter
    return table.app.size.width - gutter


class Fit(NamedTuple):
    """What a table of a given width shows: the width of each column, and which forms."""

    widths: dict[str, int]
    short: bool


def _natural(column: ItemColumn, index: int, rows: Sequence[Sequence[object]], short: bool) -> int:
    """The width of the column's widest cell or header."""
    return max([cell_len(column.header), *(cell_len(plain(row[index], short)) for row in rows)])


def _share_out(
    room: int, wanted: Mapping[str, int], least: Mapping[str, int], shares: Mapping[str, int]
) -> dict[str, int]:
    """Give each long column its share of ``room``: at least ``least``, at most what it wants.

    What a column does not need goes to the others, so a short title leaves
    more for the organisation beside it; a column whose share is less than its
    header gets its header's width, taken from the others.
    """
    widths: dict[str, int] = {}
    pending = dict(shares)
    while pending:
        total = sum(pending.values())
        portion = {key: room * share / total for key, share in pending.items()}
        settled = {key: wanted[key] for key in pending if wanted[key] <= portion[key]}
        if not settled:
            settled = {key: min(least[key], wanted[key]) for key in pending if least[key] > portion[key]}
        if not settled:
            break
        for key, width in settled.items():
            widths[key] = width
            room -= width
            del pending[key]
    if pending:
        total = sum(pending.values())
        given = {key: max(1, room * share // total) for key, share in pending.items()}
        # The cells lost to rounding go to the column with the largest share.
        first = max(pending, key=lambda key: pending[key])
        given[first] += max(0, room - sum(given.values()))
        widths.update(given)
    return widths


def fit_columns(columns: Sequence[ItemColumn], rows: Sequence[Sequence[object]], width: int, padding: int = 1) -> Fit:
    """The widths that fit ``columns`` holding ``rows`` into ``width`` cells.

    Short columns keep their natural width; where that leaves the long ones
    less than :data:`READABLE` cells (or less than they need, if less), the
    short columns switch to their short forms. The long columns share what is
    left by their ``share``, each at least as wide as its header while there
    is room for that.
    """
    room = width - 2 * padding * len(columns)
    fit = Fit({}, False)
    for short in (False, True):
        fixed = {
            column.key: _natural(column, index, rows, short) for index, column in enumerate(columns) if not column.long
        }
        wanted = {
            column.key: _natural(column, index, rows, short) for index, column in enumerate(columns) if column.long
        }
        left = room - sum(fixed.values())
        least = {column.key: cell_len(column.header) for column in columns if column.long}
        shares = {column.key: column.share for column in columns if column.long}
        widths = {**fixed, **_share_out(max(left, 0), wanted, least, shares)}
        fit = Fit({column.key: widths[column.key] for column in columns}, short)
        if left >= sum(min(need, READABLE) for need in wanted.values()):
            break
    return fit
