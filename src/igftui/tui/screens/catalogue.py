"""The first screen: the sessions in the catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import KW_ONLY, dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static
from textual.worker import Worker, get_current_worker

from igftui.store.errors import CatalogueError
from igftui.store.interrupting import Interruption, ReadInterrupted
from igftui.store.listing import RELEVANCE, SORT_COLUMNS, SessionFilter, SessionSummary
from igftui.tui.draft_actions import (
    DraftDeleted,
    DraftDuplicated,
    ask_to_delete,
    deleted_note,
    duplicate,
    duplicated_note,
    name_of,
    refuse_catalogued,
)
from igftui.tui.key_order import KeysInOrder
from igftui.tui.labels import plural
from igftui.tui.screens.base import IgfScreen
from igftui.tui.widgets.change_watcher import ChangeWatcher
from igftui.tui.widgets.empty_state import EmptyState
from igftui.tui.widgets.filters import (
    FilterChanged,
    FilterChips,
    FilterPanel,
    active_filters,
)
from igftui.tui.widgets.paged_table import PagedTable
from igftui.tui.widgets.search_box import SearchBox
from igftui.tui.widgets.session_table import COLUMNS, SessionTable

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.services.samples import SamplesLoaded
    from igftui.store.catalogue import Catalogue
    from igftui.store.first_page import FirstPage


@dataclass(frozen=True)
class ListPlace:
    """Where the user was in the list: the session under the cursor, its row, and the
    line of the screen that row was on (kept when the list is read again)."""

    session_id: int | None
    row: int
    line: int


class CatalogueScreen(IgfScreen[None]):
    """Every session in the catalogue, newest year first, paged from the database.

    The list shows what :attr:`filters` and :attr:`sort` select; search and
    filters (later) change those and call :meth:`reload`.
    """

    SUB_TITLE = "Catalogue"
    # Nothing to focus until the first page says whether there is a list ("" rather
    # than None, which would fall back to the app's and focus the search box).
    AUTO_FOCUS = ""
    #: How the help screen names the keys of this screen.
    HELP_TITLE: ClassVar[str] = "Catalogue"
    #: A narrowed list is first counted up to this many (fast whatever the search), then
    #: exactly: until then it says "more than 10,000".
    COUNTED_AT_ONCE: ClassVar[int] = 10_000

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", tooltip="Search the catalogue as you type", id="catalogue.search"),
        Binding(
            "f",
            "filters",
            "Filters",
            tooltip="Narrow the list by year, type, format, status, speakers' group or region",
            id="catalogue.filters",
        ),
        Binding(
            "o",
            "sort_next",
            "Sort",
            show=False,
            tooltip="Sort by the next column (code, year, type, title, format, status), or best match while searching",
            id="catalogue.sort",
        ),
        Binding(
            "O",
            "sort_reverse",
            "Reverse sort",
            show=False,
            tooltip="Sort the other way round",
            id="catalogue.sort_reverse",
        ),
        Binding(
            "x",
            "clear_filters",
            "Clear filters",
            show=False,
            tooltip="Remove the search and every filter",
            id="catalogue.clear",
        ),
        Binding("n", "new_draft", "New draft", tooltip="Start a new proposal", id="catalogue.new"),
        Binding(
            "t",
            "from_template",
            "From template",
            show=False,
            tooltip="Start a new proposal from the selected session (its format, agenda and plan)",
            id="catalogue.template",
        ),
        Binding(
            "e",
            "export",
            "Export",
            show=False,
            tooltip="Export the selected session as Markdown",
            id="catalogue.export",
        ),
        Binding(
            "p",
            "people",
            "People",
            show=False,
            tooltip="Everyone in the catalogue, with their sessions per year",
            id="catalogue.people",
        ),
        Binding(
            "i",
            "import_pages",
            "Import",
            tooltip="Import IGF session pages or igftui JSON files from a file or folder",
            id="catalogue.import",
        ),
        Binding(
            "s",
            "load_samples",
            "Load samples",
            show=False,
            tooltip="Load the bundled sample catalogue (sessions already there are kept as they are)",
            id="catalogue.samples",
        ),
        Binding(
            "delete,ctrl+d",
            "delete_draft",
            "Delete",
            show=False,
            tooltip="Delete the selected draft or proposal of yours (asked first; it can be brought "
            "back from Deleted drafts)",
            id="catalogue.delete",
        ),
        Binding(
            "D",
            "duplicate",
            "Duplicate",
            show=False,
            tooltip="Copy the selected session as a new draft (people and agenda too)",
            id="catalogue.duplicate",
        ),
        Binding(
            "u",
            "deleted_drafts",
            "Deleted drafts",
            show=False,
            tooltip="The drafts you deleted, and bringing one back with its history",
            id="catalogue.deleted",
        ),
        Binding(
            "escape",
            "back",
            "Clear search",
            show=False,
            tooltip="Close the filters, or clear the search",
            id="catalogue.back",
        ),
        Binding("q", "app.quit", "Quit", tooltip="Quit igftui", id="catalogue.quit"),
    ]

    @dataclass
    class PageLoaded(Message):
        """Sessions read by a worker for the listing numbered ``listing``: ``limit`` asked from ``offset``.

        A ``first`` read of a listing (which shows it) also says the catalogue's
        ``version`` it was read at, and whether to ``keep_place`` (the list read
        again after a change elsewhere).
        """

        listing: int
        offset: int
        sessions: Sequence[SessionSummary]
        limit: int
        _: KW_ONLY
        first: bool = False
        version: int | None = None
        keep_place: bool = False

    @dataclass
    class Counted(Message):
        """The listing numbered ``listing`` holds ``total`` sessions; ``everything`` how many
        the catalogue holds, when a search or filter narrows the list."""

        listing: int
        #: None: the sessions could not be counted.
        total: int | None
        everything: int | None = None

    @dataclass
    class CountedPast(Message):
        """The listing numbered ``listing`` holds more than ``more_than`` sessions (its exact
        count is on its way); ``everything`` how many the catalogue holds."""

        listing: int
        more_than: int
        everything: int

    @dataclass
    class YearsRead(Message):
        years: list[int]

    @dataclass
    class SessionRead(Message):
        """A whole session read for ``purpose`` ("export", "template")."""

        purpose: str
        session: ForumSession

    @dataclass
    class SamplesDone(Message):
        outcome: SamplesLoaded

    def __init__(self, catalogue: Catalogue | None) -> None:
        super().__init__()
        #: None until the app has opened the catalogue (see :meth:`catalogue_opened`).
        self.catalogue = catalogue
        #: What the list is narrowed to (search and filters will set this).
        self.filters = SessionFilter()
        #: A column of ``igftui.store.SORT_COLUMNS``, or None for newest year first.
        self.sort: str | None = None
        self.descending = False
        # The search box has been opened with / (or a click) and not left yet.
        self._searching = False
        #: Why the catalogue could not be opened, once the app has said so.
        self._problem: str | None = None
        # The catalogue changed while a listing was being read: read again once it is shown.
        self._read_again_after_listing = False
        # The newest listing whose count has come (its count is on screen).
        self._counted: int | None = None
        # Stops the reads of the newest listing (its rows, its count) once another replaces it.
        self._reading = Interruption()
        # The first page, when it came before this screen mounted: shown as it mounts.
        self._early_page: FirstPage | None = None
        self._list_mounted = False

    @property
    def opened_catalogue(self) -> Catalogue:
        """The catalogue, where it must be open: the workers and actions that only run once it is."""
        assert self.catalogue is not None, "the catalogue is not open yet"
        return self.catalogue

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="catalogue-bar"):
            yield SearchBox(id="search")
            yield Static("Loading…", id="session-count", markup=False)
        yield FilterChips(id="filter-chips")
        # The filter panel is mounted the first time it is asked for: its six
        # choices cost more to build than the rest of the screen (measured by make bench).
        with ContentSwitcher(initial="loading", id="catalogue-body"):
            yield Static("Loading the catalogue…", id="loading", markup=False)
            yield SessionTable(id="sessions")
            yield Static("", id="no-match", markup=False)
            yield EmptyState(id="empty")
        yield ChangeWatcher(self.catalogue, id="watcher")
        yield Footer()

    def on_mount(self) -> None:
        self._list_mounted = True
        if self.catalogue is None:
            # Nothing to search until the catalogue is open.
            self.query_one(SearchBox).disabled = True
            if self._problem is None:
                # (A catalogue that failed at once may have said so before this screen mounted.)
                self.query_one("#loading", Static).update("Opening the catalogue…")
            if self._early_page is not None:
                page, self._early_page = self._early_page, None
                self.first_page_read(page)
        else:
            self.reload()

    @property
    def takes_keys(self) -> bool:
        """Whether keys typed now can be acted on: the first page may be on screen before the
        catalogue is open, and a search typed (or a session opened) then would be lost, so the
        App holds the keys until it is open or has failed (see igftui.tui.key_order)."""
        return self.catalogue is not None or self._problem is not None

    def _taking_keys(self) -> None:
        if isinstance(self.app, KeysInOrder):
            self.app.screen_ready()

    def first_page_read(self, page: FirstPage) -> None:
        """The app has read the first page before opening the catalogue: show it meanwhile."""
        if not self._list_mounted:
            self._early_page = page
            return
        if self.narrowed or self.sort is not None:
            return  # read in the catalogue's own order, unnarrowed: not this list's first page
        listing = self.query_one(SessionTable).paging.new_listing()
        # Shown now rather than posted: at mount, the screen's first paint has the rows.
        self._show_page(self.PageLoaded(listing, 0, page.sessions, SessionTable.PAGE_SIZE, first=True))
        self._counted_now(self.Counted(listing, page.total))

    def catalogue_opened(self, catalogue: Catalogue) -> None:
        """The app has opened the catalogue in the background: show what it holds."""
        self.catalogue = catalogue
        self.query_one(ChangeWatcher).catalogue = catalogue
        self.query_one(SearchBox).disabled = False
        self.refresh_bindings()
        self._taking_keys()
        if self.query_one(SessionTable).paging.started:
            # The first page is on screen already: read it again through the catalogue (it
            # may have changed since), keeping the user's place.
            self.read_again()
        else:
            self.reload()

    def catalogue_failed(self, reason: str) -> None:
        """The catalogue cannot be opened: say why where the list would be."""
        self._problem = reason
        self._taking_keys()
        self.query_one("#loading", Static).update(f"The catalogue could not be opened: {reason}\n\nPress q to quit.")
        # In place of the first page, if it was read before the catalogue would not open.
        self.query_one("#catalogue-body", ContentSwitcher).current = "loading"
        self.query_one("#session-count", Static).update("")

    # ----- reading the catalogue -----

    @property
    def narrowed(self) -> bool:
        """Whether a search or a filter narrows the list."""
        return self.filters != SessionFilter()

    def reload(self) -> None:
        """Read the list again from its first page (after the catalogue or the filters changed)."""
        if self.catalogue is None:
            return
        # Each reload is a new listing; pages of an older one are dropped when they arrive.
        listing = self.query_one(SessionTable).paging.new_listing()
        # A later page of the listing being replaced is not wanted any more.
        self.workers.cancel_group(self, "more sessions")
        self._read_first_page(listing, self.filters, self.sort, self.descending, reading=self._new_reading())

    @on(ChangeWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        self.read_again()

    def read_again(self) -> None:
        """Read the rows the list shows again (the catalogue changed), keeping the user's place.

        The same search, filters and sort; the cursor stays on the session it was
        on, on the same line of the screen, or on the same row if that session has
        gone.  What is typed in the search box is not touched.
        """
        table = self.query_one(SessionTable)
        paging = table.paging
        if self.catalogue is None:
            return
        if not paging.shows_newest:
            # A listing is being read already (a search typed, the editor closed), which may
            # have read the catalogue before this change was stored: once its first page is
            # shown, it is read again (the watcher may not look for seconds).
            self._read_again_after_listing = True
            return
        self._read_again_after_listing = False
        # The rows in sight and under the cursor, in one read: the user may be far down the list.
        first = min(table.first_row_in_sight, table.cursor_row)
        last = max(table.first_row_in_sight + table.rows_in_sight, table.cursor_row)
        offset, rows = paging.around(first, last)
        listing = paging.new_listing()
        self.workers.cancel_group(self, "more sessions")
        self._read_first_page(
            listing,
            self.filters,
            self.sort,
            self.descending,
            offset,
            rows,
            keep_place=True,
            reading=self._new_reading(),
        )

    def _new_reading(self) -> Interruption:
        """Stop what is still being read for the listing being replaced (the user typed on:
        a slow search must not hold the next one's rows), and give the new listing its own."""
        self._reading.interrupt()
        self._reading = Interruption()
        return self._reading

    def _place(self) -> ListPlace:
        table = self.query_one(SessionTable)
        return ListPlace(table.selected_id(), table.cursor_row, table.cursor_row - table.first_row_in_sight)

    def _go_back_to(self, place: ListPlace) -> None:
        table = self.query_one(SessionTable)
        if not table.row_count:
            return
        row = min(place.row, table.row_count - 1)
        if place.session_id is not None:
            # Gone, or no longer matching: the same row, so the user is near where they were.
            found = table.row_of(str(place.session_id))
            row = row if found is None else found
        table.move_cursor(row, scroll=False)
        # The row stays on the line of the screen it was on, as far as the list allows.
        table.scroll_to_row(row - place.line)

    # exclusive: a newer keystroke's search cancels the one still running, and
    # the cancelled one posts nothing, so the list only ever shows the latest.
    # Later pages are a group of their own, so that asking for one never cancels
    # the first page of a new search.
    @work(thread=True, exclusive=True, exit_on_error=False, group="sessions", name="read the catalogue")
    def _read_first_page(
        self,
        listing: int,
        filters: SessionFilter,
        sort: str | None,
        descending: bool,
        offset: int = 0,
        rows: int | None = None,
        *,
        keep_place: bool = False,
        reading: Interruption,
    ) -> None:
        self._read_page(
            listing, offset, rows, filters, sort, descending, first=True, keep_place=keep_place, reading=reading
        )

    # exclusive: the rows wanted now (the user pages on) replace those wanted a moment ago.
    @work(thread=True, exclusive=True, exit_on_error=False, group="more sessions", name="read more of the catalogue")
    def _read_next_page(
        self,
        listing: int,
        offset: int,
        rows: int,
        filters: SessionFilter,
        sort: str | None,
        descending: bool,
        reading: Interruption,
    ) -> None:
        self._read_page(listing, offset, rows, filters, sort, descending, reading=reading)

    def _read_page(
        self,
        listing: int,
        offset: int,
        rows: int | None,
        filters: SessionFilter,
        sort: str | None,
        descending: bool,
        *,
        first: bool = False,
        keep_place: bool = False,
        reading: Interruption,
    ) -> None:
        """Read ``rows`` sessions (a page by default) from ``offset`` and post them; in a worker.

        The rows never wait for the count: it is read once the first page is shown
        (:meth:`_count`).  ``reading`` stops the read when a newer listing replaces this one.
        """
        worker = get_current_worker()
        version = None
        if first:
            # Before the rows: a change committed while they are read is then noticed next look.
            version = self.opened_catalogue.data_version()
        if worker.is_cancelled:
            return
        limit = rows or SessionTable.PAGE_SIZE
        try:
            sessions = self.opened_catalogue.list(
                filters, sort=sort, descending=descending, limit=limit, offset=offset, interruption=reading
            )
        except ReadInterrupted:
            return  # a newer listing is being read
        if not worker.is_cancelled:
            self.post_message(
                self.PageLoaded(listing, offset, sessions, limit, first=first, version=version, keep_place=keep_place)
            )

    # Started once the listing's first page is shown, so that counting never takes the
    # CPU or the database from the rows; exclusive, as the rows'.
    @work(thread=True, exclusive=True, exit_on_error=False, group="count", name="count the sessions")
    def _count(self, listing: int, filters: SessionFilter, reading: Interruption) -> None:
        worker = get_current_worker()
        catalogue = self.opened_catalogue
        total = everything = None
        try:
            if filters != SessionFilter():
                everything = catalogue.count(interruption=reading)
                # A word found in most of a large catalogue takes FTS5 a long moment to count
                # to the end: "more than 10,000" is said at once, the exact number after.
                enough = catalogue.count(filters, at_most=self.COUNTED_AT_ONCE, interruption=reading)
                if enough > self.COUNTED_AT_ONCE and not worker.is_cancelled:
                    self.post_message(self.CountedPast(listing, self.COUNTED_AT_ONCE, everything))
                else:
                    total = enough
            if total is None and not worker.is_cancelled:
                total = catalogue.count(filters, interruption=reading)
        except ReadInterrupted:
            return  # a newer listing is being read, and counted after its rows
        except CatalogueError:
            # Whatever stops the count stops the rows too, and their worker tells the user:
            # once is enough.  The list then says only that it is not counted.
            pass
        if not worker.is_cancelled:
            self.post_message(self.Counted(listing, total, everything))

    @on(PageLoaded)
    def _show_page(self, message: PageLoaded) -> None:
        table = self.query_one(SessionTable)
        if not table.paging.is_current(message.listing):
            return
        # Where the user is when the rows arrive, not when they were asked for: keys
        # pressed meanwhile count.
        place = self._place() if message.keep_place else None
        if message.first:
            self.query_one(ChangeWatcher).saw(message.version)
            table.start(self.filters.query)
            table.add_page(message.offset, message.sessions, message.limit)
            if self._counted != message.listing:
                if not message.keep_place:
                    # (Read again after a change: the count shown stays until the new one
                    # comes, rather than flickering at each change another copy saves.)
                    self._show_count(None)
                if self.catalogue is not None:
                    # (The first page read before the catalogue opened comes with its count.)
                    self._count(message.listing, self.filters, self._reading)
            body = self.query_one("#catalogue-body", ContentSwitcher)
            if table.row_count:
                body.current = "sessions"
            elif self.narrowed:
                body.current = "no-match"
                self._say_no_match()
            else:
                body.current = "empty"
            # While the user types a search or picks filters the focus stays with them;
            # otherwise it goes to the list, so its keys work at once.
            if not self._choosing():
                if table.row_count:
                    table.focus()
                else:
                    # Not the search box either: a key typed there would be lost.
                    self.set_focus(None)
        else:
            table.add_page(message.offset, message.sessions, message.limit)
        if place is not None:
            self._go_back_to(place)
        self.refresh_bindings()
        if message.first and self._read_again_after_listing:
            self.read_again()

    def _choosing(self) -> bool:
        """Whether the user is typing a search or picking filters just now."""
        focused = self.focused
        if focused is None:
            return False
        return (focused is self.query_one(SearchBox) and self._searching) or any(
            isinstance(node, FilterPanel) for node in focused.ancestors
        )

    def _say_no_match(self) -> None:
        what = []
        if self.filters.query:
            what.append(f"for “{self.filters.query}”")
        if active_filters(self.filters):
            what.append("with these filters")
        self.query_one("#no-match", Static).update(
            f"No session matches {' '.join(what)}.\n\n"
            "escape clears the search, x removes every filter, f changes the filters."
        )

    @on(PagedTable.MoreWanted, "#sessions")
    def _read_more(self, message: PagedTable.MoreWanted) -> None:
        paging = self.query_one(SessionTable).paging
        if self.catalogue is None or not paging.shows_newest:
            # The table still shows an older listing (the new one's first page is on its
            # way), or the first page read before the catalogue was open: asked again later.
            paging.failed()
            return
        self._read_next_page(
            paging.listing, message.offset, message.limit, self.filters, self.sort, self.descending, self._reading
        )

    @on(CountedPast)
    def _counted_past(self, message: CountedPast) -> None:
        if self.query_one(SessionTable).paging.is_current(message.listing) and self._counted != message.listing:
            self._show_count(None, message.everything, more_than=message.more_than)

    @on(Counted)
    def _counted_now(self, message: Counted) -> None:
        table = self.query_one(SessionTable)
        if not table.paging.is_current(message.listing):
            return
        self._counted = message.listing
        if message.total is None:
            self.query_one("#session-count", Static).update("not counted")
            return
        table.set_total(message.listing, message.total)
        self._show_count(message.total, message.everything)
        self.refresh_bindings()

    def _show_count(self, total: int | None, everything: int | None = None, *, more_than: int | None = None) -> None:
        """Say how many sessions the list holds ("counting…" while they are counted, or "more
        than 10,000 of …" until the exact number comes)."""
        if more_than is not None:
            text = f"more than {more_than:,} of {plural(everything or 0, 'session')}"
        elif total is None:
            text = "counting…"
        elif everything is not None:
            text = f"{total:,} of {plural(everything, 'session')}"
        else:
            text = plural(total, "session") if total else "No sessions yet"
        order = self._order_named()
        # (One session or none is in no order worth naming.)
        if order and (total is None or total > 1):
            text += f" · {order}"
        self.query_one("#session-count", Static).update(text)

    def _order_named(self) -> str:
        """The order the list is in, in words, when it is not the usual one (or a search is
        typed, where the best match first is the other choice)."""
        if self.sort == RELEVANCE:
            # Without a search there is nothing to match: the usual order.
            return "best match first" if self.filters.query else ""
        if self.sort is not None:
            return f"by {self.sort}" + (" ▼" if self.descending else "")
        return "newest first" if self.filters.query else ""

    def work_failed(self, worker: Worker) -> None:
        if worker.group not in ("sessions", "more sessions"):
            return
        # A later page is asked for again at the next cursor move; a first page leaves nothing to show.
        if not self.query_one(SessionTable).page_failed():
            self.query_one("#loading", Static).update("The catalogue could not be read.")
            self.query_one("#session-count", Static).update("")

    # ----- search, filters and sorting -----

    def action_search(self) -> None:
        """Put the cursor in the search box."""
        self._searching = True
        self.query_one(SearchBox).focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._searching = True
        query = event.value.strip() or None
        if query != self.filters.query:
            self.filters = replace(self.filters, query=query)
            self.reload()

    @on(SearchBox.Done)
    def _search_done(self, message: SearchBox.Done) -> None:
        self._searching = False
        table = self.query_one(SessionTable)
        if table.row_count:
            table.focus()
        else:
            # Out of the box even when nothing was found, so that f, x or i work.
            self.set_focus(None)

    @property
    def filter_panel(self) -> FilterPanel | None:
        """The filter panel, once it has been opened (it stays mounted, hidden, after)."""
        return next(iter(self.query(FilterPanel)), None)

    def _filters_open(self) -> bool:
        panel = self.filter_panel
        return panel is not None and panel.display

    async def action_filters(self) -> None:
        """Show the filters (or hide them when they are shown)."""
        panel = self.filter_panel
        if panel is None:
            panel = FilterPanel(id="filter-panel")
            await self.mount(panel, before="#catalogue-body")
        elif panel.display:
            self._close_filters()
            return
        panel.display = True
        panel.show(self.filters)
        panel.focus_first()
        if self.catalogue is not None:
            self._read_years()

    def _close_filters(self) -> None:
        table = self.query_one(SessionTable)
        if table.row_count:
            table.focus()
        else:
            self.set_focus(None)
        # Hidden after the focus has moved: hiding the focused choice first would
        # leave the screen with nothing focused.
        self.call_after_refresh(setattr, self.query_one(FilterPanel), "display", False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="years", name="read the years")
    def _read_years(self) -> None:
        self.post_message(self.YearsRead(self.opened_catalogue.years()))

    @on(YearsRead)
    def _years_read(self, message: YearsRead) -> None:
        panel = self.filter_panel
        if panel is not None:
            panel.set_years(sorted(message.years, reverse=True))
            panel.show(self.filters)

    @on(FilterChanged)
    def _filter_changed(self, message: FilterChanged) -> None:
        self.set_filter(message.field, message.value)

    def set_filter(self, field: str, value: object | None) -> None:
        """Narrow the list by ``field`` (a :class:`SessionFilter` field), or stop when None."""
        if getattr(self.filters, field) == value:
            return
        change: dict[str, Any] = {field: value}  # checked by replace(): a field of SessionFilter
        self.filters = replace(self.filters, **change)
        self._filters_shown()
        self.reload()

    def action_clear_filters(self) -> None:
        """Remove the search and every filter."""
        if not self.narrowed:
            self.notify("Nothing narrows the list: it shows every session.")
            return
        self.filters = SessionFilter()
        with self.prevent(Input.Changed):
            self.query_one(SearchBox).value = ""
        self._filters_shown()
        self.reload()

    def _filters_shown(self) -> None:
        self.query_one(FilterChips).show(self.filters)
        if self._filters_open():
            self.query_one(FilterPanel).show(self.filters)

    def action_back(self) -> None:
        """Close the filters, or else clear the search."""
        if self._filters_open():
            self._close_filters()
        elif self.filters.query:
            self.query_one(SearchBox).action_clear_search()

    def sort_by(self, column: str | None, descending: bool = False) -> None:
        """Sort the list by ``column`` (one of SORT_COLUMNS), by the best match to the search
        (RELEVANCE), or newest year first when None."""
        self.sort, self.descending = column, descending
        self.query_one(SessionTable).show_sort(column, descending)
        self.reload()

    def action_sort_next(self) -> None:
        """Sort by the next column, then (while searching) best match first; after the last,
        back to newest year first."""
        order: list[str | None] = [*SORT_COLUMNS, *([RELEVANCE] if self.filters.query else []), None]
        at = order.index(self.sort) if self.sort in order else -1
        self.sort_by(order[(at + 1) % len(order)])

    def action_sort_reverse(self) -> None:
        """Sort the other way round."""
        if self.sort == RELEVANCE:
            # The worst match first helps nobody: reversed, it is the usual order reversed.
            self.sort_by("year", False)
        elif self.sort is None:
            # The default order is newest year first; reversed, it is oldest first.
            self.sort_by("year", False)
        else:
            self.sort_by(self.sort, not self.descending)

    @on(PagedTable.HeaderClicked, "#sessions")
    def _header_clicked(self, event: PagedTable.HeaderClicked) -> None:
        column = event.column
        self.sort_by(column, self.sort == column and not self.descending)

    # ----- actions -----

    def action_people(self) -> None:
        """Show everyone in the catalogue."""
        if self.catalogue is None:
            return
        self.navigate.open_people(self.catalogue)

    def action_import_pages(self) -> None:
        """Choose files or a folder to import, then import them with progress and a summary."""
        if self.catalogue is None:
            return
        self.navigate.import_pages(self.catalogue, self._imported)

    def _imported(self, stored: int | None) -> None:
        if stored:
            self.reload()

    @on(PagedTable.RowChosen, "#sessions")
    def _row_chosen(self) -> None:
        self.action_open_session()

    def action_open_session(self) -> None:
        """Show the session under the cursor: a proposal of the user's own opens in the editor."""
        table = self.query_one(SessionTable)
        session_id = table.selected_id()
        if session_id is None or self.catalogue is None:
            self.notify("There is no session to open.", severity="warning")
            return
        if table.selected_status() not in (None, "catalogued"):
            self._edit(session_id=session_id)
        else:
            self.navigate.open_session(self.catalogue, session_id, self._back_from_detail)

    def _back_from_detail(self, drafted: bool | None = None) -> None:
        # A draft started from the session in the detail view belongs in the list now.
        if drafted:
            self.reload()

    # ----- proposals -----

    def action_new_draft(self) -> None:
        """Start a new, blank proposal in the editor."""
        from igftui.model.drafting import new_draft
        from igftui.model.meetings import next_forum_year

        if self.catalogue is None:
            return
        # For the next forum to come: a draft begun after this year's IGF is for next year's.
        self._edit(draft=new_draft(next_forum_year(self.catalogue.clock().date())))

    def _edit(self, *, draft: ForumSession | None = None, session_id: int | None = None) -> None:
        if self.catalogue is not None:  # (always, once there is a session to edit)
            self.navigate.edit_proposal(self.catalogue, draft=draft, session_id=session_id, then=self._editor_closed)

    def _editor_closed(self, draft_id: int | None) -> None:
        if draft_id is not None:
            self.reload()

    def action_from_template(self) -> None:
        """Start a new proposal from the selected session."""
        self._read_selected("template")

    def action_export(self) -> None:
        """Export the selected session as Markdown."""
        self._read_selected("export")

    def _read_selected(self, purpose: str) -> None:
        session_id = self.query_one(SessionTable).selected_id()
        if session_id is None or self.catalogue is None:
            self.notify("Select a session first.", severity="warning")
            return
        self._read_session(purpose, session_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="one session", name="read the session")
    def _read_session(self, purpose: str, session_id: int) -> None:
        self.post_message(self.SessionRead(purpose, self.opened_catalogue.get(session_id)))

    @on(SessionRead)
    def _session_read(self, message: SessionRead) -> None:
        if message.purpose == "export":
            self.navigate.export(message.session)
        elif self.catalogue is not None:
            self.navigate.start_from_template(self.catalogue, message.session, self._editor_closed)

    # ----- deleting and duplicating drafts (see draft_actions) -----

    def _selected_name(self) -> str:
        session = self.query_one(SessionTable).selected_item()
        if session is None:
            return "(untitled)"
        return name_of((session.code or "").strip() or None, (session.title or "").strip() or None)

    def action_delete_draft(self) -> None:
        """Delete the selected draft or proposal of the user's, after asking (it can be brought back)."""
        table = self.query_one(SessionTable)
        session_id = table.selected_id()
        if session_id is None or self.catalogue is None:
            self.notify("Select a draft to delete first.", severity="warning")
            return
        if table.selected_status() == "catalogued":
            refuse_catalogued(self, self._selected_name())
            return
        ask_to_delete(self, self.catalogue, session_id, self._selected_name())

    @on(DraftDeleted)
    def _draft_deleted(self, message: DraftDeleted) -> None:
        self.notify(deleted_note(message.deleted), title="Deleted", timeout=10, markup=False)
        self.read_again()

    def action_duplicate(self) -> None:
        """Copy the selected session as a new draft."""
        session_id = self.query_one(SessionTable).selected_id()
        if session_id is None or self.catalogue is None:
            self.notify("Select a session to copy first.", severity="warning")
            return
        duplicate(self, self.catalogue, session_id)

    @on(DraftDuplicated)
    def _draft_duplicated(self, message: DraftDuplicated) -> None:
        self.notify(duplicated_note(message), title="Copied", markup=False)
        self.read_again()

    def action_deleted_drafts(self) -> None:
        """Show the deleted drafts, to bring one back."""
        if self.catalogue is None:
            return
        self.navigate.open_deleted_drafts(self.catalogue, self._imported)

    def action_load_samples(self) -> None:
        """Add the bundled sample sessions to the catalogue."""
        if self.catalogue is None:
            self.notify("The catalogue is not open yet.", severity="warning")
            return
        self._load_samples(self.catalogue)

    @work(thread=True, exclusive=True, exit_on_error=False, group="samples", name="load the samples")
    def _load_samples(self, catalogue: Catalogue) -> None:
        from igftui.services.samples import load_samples

        self.post_message(self.SamplesDone(load_samples(catalogue)))

    @on(SamplesDone)
    def _samples_loaded(self, message: SamplesDone) -> None:
        outcome = message.outcome
        if not outcome.added:
            self.notify("The sample sessions are already in the catalogue")
        else:
            note = f"Loaded {plural(outcome.added, 'sample session')}"
            if outcome.already_there:
                note += f" ({outcome.already_there:,} were already there)"
            self.notify(note)
        # Read the list again even when nothing was added here: another copy of
        # igftui on the same catalogue may have loaded them a moment before.
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to load, import, search or sort until the catalogue is open.
        if self.catalogue is None and action in {
            "load_samples",
            "import_pages",
            "people",
            "search",
            "filters",
            "sort_next",
            "sort_reverse",
            "clear_filters",
            "new_draft",
            "deleted_drafts",
        }:
            return False
        if action in ("export", "from_template", "delete_draft", "duplicate"):
            return self.query_one(SessionTable).row_count > 0
        if action == "clear_filters":
            return self.narrowed
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        if self.query_one(SessionTable).row_count:
            yield SystemCommand("Open session", "Show the selected session", self.action_open_session)
        if self.catalogue is None:
            return
        yield SystemCommand("Search", "Search the catalogue as you type", self.action_search)
        yield SystemCommand(
            "Filters", "Narrow the list by year, type, format, status, group or region", self.action_filters
        )
        if self.narrowed:
            yield SystemCommand("Clear filters", "Remove the search and every filter", self.action_clear_filters)
        for field, value in active_filters(self.filters):
            yield SystemCommand(
                f"Remove filter: {field.short}",
                f"Stop narrowing the list by {value}",
                partial(self.set_filter, field.name, None),
            )
        for key, header in COLUMNS:
            yield SystemCommand(
                f"Sort by {header.lower()}", f"Sort the list by {header.lower()}", partial(self.sort_by, key)
            )
        if self.filters.query:
            yield SystemCommand(
                "Sort by best match",
                "The sessions that match the search best first (its words in the title count most)",
                partial(self.sort_by, RELEVANCE),
            )
        yield SystemCommand(
            "Sort newest first",
            "The usual order: newest year first, then by type and number",
            partial(self.sort_by, None),
        )
        yield SystemCommand("Reverse sort", "Sort the other way round", self.action_sort_reverse)
        yield SystemCommand("New draft", "Start a new proposal", self.action_new_draft)
        if self.query_one(SessionTable).row_count:
            yield SystemCommand(
                "New draft from this session",
                "Start a proposal with the selected session's format, agenda and online plan",
                self.action_from_template,
            )
            yield SystemCommand("Export", "Export the selected session as Markdown", self.action_export)
            yield SystemCommand("Duplicate", "Copy the selected session as a new draft", self.action_duplicate)
            if self.query_one(SessionTable).selected_status() != "catalogued":
                yield SystemCommand(
                    "Delete draft",
                    "Delete the selected draft (asked first; it can be brought back)",
                    self.action_delete_draft,
                )
        yield SystemCommand(
            "Deleted drafts", "The drafts you deleted, and bringing one back", self.action_deleted_drafts
        )
        yield SystemCommand("People", "Everyone in the catalogue, with their sessions per year", self.action_people)
        yield SystemCommand("Import pages", "Import IGF session pages or igftui JSON files", self.action_import_pages)
        yield SystemCommand(
            "Load samples", "Add the bundled sample sessions to the catalogue", self.action_load_samples
        )
