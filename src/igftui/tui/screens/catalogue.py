"""The first screen: the sessions in the catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Static
from textual.worker import Worker

from igftui.store.listing import SessionFilter, SessionSummary
from igftui.tui.labels import plural
from igftui.tui.screens.base import IgfScreen
from igftui.tui.screens.session_detail import SessionDetailScreen
from igftui.tui.widgets.empty_state import EmptyState
from igftui.tui.widgets.session_table import SessionTable

if TYPE_CHECKING:
    from igftui.formats.samples import SamplesLoaded
    from igftui.store.catalogue import Catalogue


class CatalogueScreen(IgfScreen[None]):
    """Every session in the catalogue, newest year first, paged from the database.

    The list shows what :attr:`filters` and :attr:`sort` select; search and
    filters (later) change those and call :meth:`reload`.
    """

    SUB_TITLE = "Catalogue"
    # Nothing to focus until the first page says whether there is a list.
    AUTO_FOCUS = None
    #: How the help screen names the keys of this screen.
    HELP_TITLE: ClassVar[str] = "Catalogue"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "load_samples", "Load samples",
                tooltip="Load the bundled sample catalogue (sessions already there are kept as they are)",
                id="catalogue.samples"),
        Binding("q", "app.quit", "Quit", tooltip="Quit igftui", id="catalogue.quit"),
    ]

    class PageLoaded(Message):
        """A page of sessions read by a worker, for the listing numbered ``generation``."""

        def __init__(self, generation: int, offset: int, sessions: Sequence[SessionSummary],
                     total: int | None) -> None:
            super().__init__()
            self.generation = generation
            self.offset = offset
            self.sessions = sessions
            self.total = total

    class SamplesDone(Message):
        def __init__(self, outcome: SamplesLoaded) -> None:
            super().__init__()
            self.outcome = outcome

    def __init__(self, catalogue: Catalogue | None) -> None:
        super().__init__()
        #: None until the app has opened the catalogue (see :meth:`catalogue_opened`).
        self.catalogue = catalogue
        #: What the list is narrowed to (search and filters will set this).
        self.filters = SessionFilter()
        #: A column of ``igftui.store.SORT_COLUMNS``, or None for newest year first.
        self.sort: str | None = None
        self.descending = False
        # Each reload is a new listing; pages of an older one are dropped when they arrive.
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="catalogue-bar"):
            # The search box and filter chips will sit in this bar, left of the count.
            yield Static("Loading…", id="session-count", markup=False)
        with ContentSwitcher(initial="loading", id="catalogue-body"):
            yield Static("Loading the catalogue…", id="loading", markup=False)
            yield SessionTable(id="sessions")
            yield EmptyState(id="empty")
        yield Footer()

    def on_mount(self) -> None:
        if self.catalogue is None:
            self.query_one("#loading", Static).update("Opening the catalogue…")
        else:
            self.reload()

    def catalogue_opened(self, catalogue: Catalogue) -> None:
        """The app has opened the catalogue in the background: show what it holds."""
        self.catalogue = catalogue
        self.refresh_bindings()
        self.reload()

    def catalogue_failed(self, reason: str) -> None:
        """The catalogue cannot be opened: say why where the list would be."""
        self.query_one("#loading", Static).update(
            f"The catalogue could not be opened: {reason}\n\nPress q to quit."
        )
        self.query_one("#session-count", Static).update("")

    # ----- reading the catalogue -----

    def reload(self) -> None:
        """Read the list again from its first page (after the catalogue or the filters changed)."""
        if self.catalogue is None:
            return
        self._generation += 1
        self._read_page(self._generation, 0, self.filters, self.sort, self.descending, with_total=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sessions", name="read the catalogue")
    def _read_page(self, generation: int, offset: int, filters: SessionFilter, sort: str | None,
                   descending: bool, *, with_total: bool = False) -> None:
        total = self.catalogue.count(filters) if with_total else None
        sessions = self.catalogue.list(filters, sort=sort, descending=descending,
                                       limit=SessionTable.PAGE_SIZE, offset=offset)
        self.post_message(self.PageLoaded(generation, offset, sessions, total))

    @on(PageLoaded)
    def _show_page(self, message: PageLoaded) -> None:
        if message.generation != self._generation:
            return
        table = self.query_one(SessionTable)
        if message.total is not None:
            table.start(message.total)
            self._show_count(message.total)
            body = self.query_one("#catalogue-body", ContentSwitcher)
            body.current = "sessions" if message.total else "empty"
            if message.total:
                table.focus()
            else:
                self.set_focus(None)
        table.add_page(message.offset, message.sessions)
        self.refresh_bindings()

    @on(SessionTable.MoreWanted)
    def _read_more(self, message: SessionTable.MoreWanted) -> None:
        self._read_page(self._generation, message.offset, self.filters, self.sort, self.descending)

    def _show_count(self, total: int) -> None:
        text = plural(total, "session") if total else "No sessions yet"
        self.query_one("#session-count", Static).update(text)

    def work_failed(self, worker: Worker) -> None:
        if worker.group != "sessions":
            return
        if self.query_one("#catalogue-body", ContentSwitcher).current == "loading":
            self.query_one("#loading", Static).update("The catalogue could not be read.")
            self.query_one("#session-count", Static).update("")
        else:
            # A later page failed: moving the cursor again asks for it again.
            self.query_one(SessionTable).page_failed()

    # ----- actions -----

    @on(DataTable.RowSelected, "#sessions")
    def _row_chosen(self) -> None:
        self.action_open_session()

    def action_open_session(self) -> None:
        """Show the session under the cursor."""
        session_id = self.query_one(SessionTable).selected_id()
        if session_id is None or self.catalogue is None:
            self.notify("There is no session to open.", severity="warning")
            return
        self.app.push_screen(SessionDetailScreen(self.catalogue, session_id))

    def action_load_samples(self) -> None:
        """Add the bundled sample sessions to the catalogue."""
        if self.catalogue is None:
            self.notify("The catalogue is not open yet.", severity="warning")
            return
        self._load_samples(self.catalogue)

    @work(thread=True, exclusive=True, exit_on_error=False, group="samples", name="load the samples")
    def _load_samples(self, catalogue: Catalogue) -> None:
        from igftui.formats.samples import load_samples

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
        # Nothing to load the samples into until the catalogue is open.
        if action == "load_samples" and self.catalogue is None:
            return False
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        if self.query_one(SessionTable).row_count:
            yield SystemCommand("Open session", "Show the selected session", self.action_open_session)
        if self.catalogue is not None:
            yield SystemCommand("Load samples", "Add the bundled sample sessions to the catalogue",
                                self.action_load_samples)
