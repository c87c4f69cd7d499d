"""Reading a long list a page at a time: which page to ask for next, and which pages to keep.

The catalogue's sessions, its people and one person's sessions are each read
from the database a page at a time, as the cursor comes near the last row
loaded.  :class:`Paging` is the arithmetic all three share, kept apart from
Textual so that it is tested without a screen: the table that draws the rows
asks it what to do and tells it what arrived.

Each search or re-read of a list is a new *listing*, numbered: a page read for
an older listing (the user typed on while it was read) is dropped when it
arrives, so a list only ever shows the latest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Rows asked of the catalogue at a time.
PAGE_SIZE = 200
#: How close to the last loaded row the cursor may come before the next page is wanted.
PREFETCH = 50


@dataclass
class Paging:
    """Where a list read a page at a time stands.

    ``listing`` is the newest listing asked for, ``shown`` the one whose rows
    are shown (None before any); ``total`` how many rows the shown listing holds
    in all, loaded or not (None while nobody counted them: the listing then ends
    with the first page that is not full); ``loaded`` how many rows are shown.
    """

    page_size: int = PAGE_SIZE
    prefetch: int = PREFETCH
    listing: int = 0
    shown: int | None = None
    total: int | None = None
    loaded: int = 0
    #: A page has been asked for and has not come (or failed) yet.
    waiting: bool = False

    def new_listing(self) -> int:
        """Number a new listing (a new search, the list read again); its pages are the ones kept."""
        self.listing += 1
        return self.listing

    def is_current(self, listing: int) -> bool:
        """Whether a page read for ``listing`` is still wanted (no newer listing was asked for)."""
        return listing == self.listing

    @property
    def shows_newest(self) -> bool:
        """Whether the rows shown are those of the newest listing (not one still being read)."""
        return self.shown == self.listing

    @property
    def started(self) -> bool:
        """Whether any listing is shown yet (if not, a failure leaves nothing to show)."""
        return self.shown is not None

    def begin(self, total: int | None) -> None:
        """Show the newest listing, of ``total`` rows (None: not counted), from no rows.

        Its first page is on its way.
        """
        self.shown = self.listing
        self.total = total
        self.loaded = 0
        self.waiting = True

    def fits(self, offset: int) -> bool:
        """Whether a page starting at row ``offset`` goes right after the rows shown."""
        return offset == self.loaded

    def added(self, count: int) -> None:
        """A page of ``count`` rows was added after the rows shown."""
        self.loaded += count
        if count < self.page_size:
            # The catalogue has no more: believe it over a count taken a moment ago.
            self.total = self.loaded
        self.waiting = False

    def failed(self) -> None:
        """The page asked for could not be read: the next cursor move asks again."""
        self.waiting = False

    @property
    def fully_loaded(self) -> bool:
        """Whether every row of the listing is loaded (known once counted or a short page came)."""
        return self.total is not None and self.loaded >= self.total

    def wanted(self, cursor_row: int) -> int | None:
        """The row from which to read the next page, now that the cursor is on ``cursor_row``.

        None when no page is wanted: one is on its way, everything is loaded, or
        the cursor is still far from the last row.  Asking marks a page as on its way.
        """
        if self.waiting or self.fully_loaded:
            return None
        if cursor_row < self.loaded - self.prefetch:
            return None
        self.waiting = True
        return self.loaded

    def rows_to_read_again(self) -> int:
        """How many rows to read at once to show again every row loaded, in whole pages (at least one)."""
        return max(1, math.ceil(self.loaded / self.page_size)) * self.page_size
