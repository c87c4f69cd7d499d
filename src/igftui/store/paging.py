"""Reading a long list a page at a time: which pages to ask for, and which to keep.

The catalogue's sessions, its people and one person's sessions are each read
from the database a page at a time.  The list on screen is as long as the
whole listing (its scroll bar, ``G`` and page down know every row), but only
the pages around what is on screen are read and kept: :class:`Paging` is the
arithmetic all three share, kept apart from Textual so that it is tested
without a screen.  The widget that draws the rows tells it which rows are in
sight, asks it which rows to read, and hands it what arrived.

Each search or re-read of a list is a new *listing*, numbered: a page read for
an older listing (the user typed on while it was read) is dropped when it
arrives, so a list only ever shows the latest.  The number of rows may come
after the first page (it is counted apart, and counting can be slow); until it
does the list is as long as the rows read so far, and grows as pages come.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

#: Rows asked of the catalogue at a time.
PAGE_SIZE = 200
#: How many rows beyond those in sight (either way) are read before the cursor gets there.
PREFETCH = 50
#: How many pages are kept at most; the ones furthest from the cursor are dropped first.
KEEP_PAGES = 12

#: What one row is drawn from (a session, a person…).
Item = TypeVar("Item")


class Read(NamedTuple):
    """Rows to read: ``limit`` rows from row ``offset`` (whole pages)."""

    offset: int
    limit: int


@dataclass
class Paging(Generic[Item]):
    """Where a list read a page at a time stands, and the rows read so far.

    ``listing`` is the newest listing asked for, ``shown`` the one whose rows
    are shown (None before any); ``total`` how many rows the shown listing holds
    in all (None while nobody counted them: the listing then ends with the
    first page that is not full).
    """

    page_size: int = PAGE_SIZE
    prefetch: int = PREFETCH
    keep_pages: int = KEEP_PAGES
    listing: int = 0
    shown: int | None = None
    total: int | None = None
    #: The rows read, by page number (row // page_size).
    pages: dict[int, list[Item]] = field(default_factory=dict)
    #: The pages of the read on its way (a newer read replaces it and asks for them again).
    asked: frozenset[int] = frozenset()
    #: Rows read so far end here at the furthest (the list's length while not counted).
    extent: int = 0
    #: A count for the newest listing that came before its first page.
    _early_count: tuple[int, int] | None = None

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

    @property
    def waiting(self) -> bool:
        """Whether a read has been asked for and has not come (or failed) yet."""
        return bool(self.asked)

    def begin(self) -> None:
        """Show the newest listing, from no rows; its first read is on its way.

        A count of the listing that came before this keeps.
        """
        self.shown = self.listing
        self.pages = {}
        self.extent = 0
        self.asked = frozenset({0})
        self.total = None
        if self._early_count is not None and self._early_count[0] == self.listing:
            self.total = self._early_count[1]
        self._early_count = None

    def counted(self, listing: int, total: int) -> bool:
        """``listing`` holds ``total`` rows; True when that is the listing shown (its length changes)."""
        if listing == self.shown:
            self.total = total
            return True
        if listing == self.listing:
            # Counted before its first page came: kept until the listing begins.
            self._early_count = (listing, total)
        return False

    @property
    def rows(self) -> int:
        """How long the list is: every row counted, or else the rows known so far."""
        if self.total is not None:
            return self.total
        return self.extent

    @property
    def more_than_read(self) -> bool:
        """Whether the listing may go on past :attr:`rows` (not counted, and the last page read was full)."""
        return self.total is None and self.started and (self.extent == 0 or self.extent % self.page_size == 0)

    @property
    def fully_loaded(self) -> bool:
        """Whether every row of the listing is read and kept."""
        if self.total is None and self.more_than_read:
            return False
        return all(page in self.pages for page in range(self._page_count(self.rows)))

    def _page_count(self, rows: int) -> int:
        return -(-rows // self.page_size)

    def add(self, offset: int, items: Sequence[Item], limit: int | None = None, cursor: int = 0) -> None:
        """Keep ``items``, the rows from ``offset`` of a read of ``limit`` rows (a page by default).

        ``cursor`` is the row the cursor is on: when too many pages are kept, the
        furthest from it go.  A read shorter than asked ends the listing: believe
        it over a count taken a moment before.
        """
        limit = self.page_size if limit is None else limit
        first = offset // self.page_size
        for index in range(0, len(items), self.page_size):
            self.pages[first + index // self.page_size] = list(items[index : index + self.page_size])
        read = self._page_count(limit)
        self.asked = self.asked - set(range(first, first + read))
        end = offset + len(items)
        if len(items) < limit:
            # The catalogue has no more: believe it over a count taken a moment ago.
            self.total = end
            for page in [page for page in self.pages if page * self.page_size >= end]:
                del self.pages[page]
            self.extent = end
        else:
            self.extent = max(self.extent, end)
            if self.total is not None and self.total < end:
                self.total = end
        self._forget_far_pages(cursor)

    def _forget_far_pages(self, cursor: int) -> None:
        if len(self.pages) <= self.keep_pages:
            return
        here = cursor // self.page_size
        nearest = sorted(self.pages, key=lambda page: abs(page - here))
        for page in nearest[self.keep_pages :]:
            del self.pages[page]

    def failed(self) -> None:
        """The read asked for could not be done: the next move asks again."""
        self.asked = frozenset()

    def item(self, row: int) -> Item | None:
        """The row numbered ``row``, or None when it is not read (yet)."""
        page = self.pages.get(row // self.page_size)
        if page is None:
            return None
        index = row % self.page_size
        return page[index] if index < len(page) else None

    def row_where(self, wanted: object, key: Callable[[Item], object]) -> int | None:
        """The number of the first row kept for which ``key(row) == wanted``, or None."""
        for page in sorted(self.pages):
            for index, item in enumerate(self.pages[page]):
                if key(item) == wanted:
                    return page * self.page_size + index
        return None

    def window(self, first: int, last: int) -> Read | None:
        """The read wanted now that rows ``first`` to ``last`` are in sight, or None.

        The pages around them (:attr:`prefetch` rows either way) that are not
        kept are read at once, in one read; a read already on its way for just
        those pages is not asked again.  The read returned is marked as on its
        way, and replaces any other.
        """
        if not self.started:
            return None
        end = self.rows + (self.page_size if self.more_than_read else 0)
        low = max(0, first - self.prefetch)
        high = min(end, last + 1 + self.prefetch)
        if high <= low:
            return None
        missing = [page for page in range(low // self.page_size, self._page_count(high)) if page not in self.pages]
        if not missing or set(missing) <= self.asked:
            return None
        self.asked = frozenset(range(missing[0], missing[-1] + 1))
        return Read(missing[0] * self.page_size, (missing[-1] + 1 - missing[0]) * self.page_size)

    def around(self, first: int, last: int) -> Read:
        """The pages to read so that rows ``first`` to ``last`` show again (a list read anew)."""
        low = max(0, first - self.prefetch) // self.page_size
        high = max(low + 1, self._page_count(last + 1 + self.prefetch))
        return Read(low * self.page_size, (high - low) * self.page_size)
