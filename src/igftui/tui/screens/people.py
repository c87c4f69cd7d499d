"""Everyone who appears in the catalogue, with how many sessions each is in, year by year."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.console import JustifyMethod
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static
from textual.worker import Worker, get_current_worker

from igftui.model.wording import plural
from igftui.store.listing import PersonSummary
from igftui.tui.people_counts import OVER_MARK, legend, over_limit, year_counts
from igftui.tui.screens.base import IgfScreen
from igftui.tui.widgets.paged_table import PagedTable, paged_bindings
from igftui.tui.widgets.search_box import SearchBox, search_bindings

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue

NOBODY = (
    "Nobody in the catalogue yet: load the samples or import pages.\n\n"
    "escape goes back to the catalogue, where s loads the samples and i imports pages."
)


@dataclass(frozen=True)
class PeopleLayout:
    """Which columns the people table has at a given width, and how wide each is.

    Years get a column each, newest first, when at least :attr:`MIN_YEARS` of
    them fit beside an "Earlier" column (or all of them fit); the rest of the
    years, or all of them on a narrow terminal, are written "2019:4 2018:1" in
    one column, which reads better than a row of mostly empty narrow columns.
    """

    name: int
    sessions: int
    years: tuple[int, ...]
    #: Width of the column of the years without one of their own (0: there are none).
    rest: int

    MIN_YEARS: ClassVar[int] = 4
    NAME: ClassVar[int] = 28
    SESSIONS: ClassVar[int] = 8
    YEAR: ClassVar[int] = 5
    REST: ClassVar[int] = 20

    @classmethod
    def fit(cls, width: int, years: Sequence[int], padding: int = 1) -> PeopleLayout:
        """The layout for a table ``width`` cells wide over ``years`` (newest first)."""

        def room(columns: int) -> int:
            return width - 2 * padding * columns

        all_years = room(2 + len(years)) - cls.SESSIONS - cls.YEAR * len(years)
        if years and all_years >= cls.NAME:
            return cls(min(all_years, 40), cls.SESSIONS, tuple(years), 0)
        shown = 0
        for count in range(len(years) - 1, cls.MIN_YEARS - 1, -1):
            left = room(3 + count) - cls.SESSIONS - cls.YEAR * count - cls.NAME
            if left >= cls.REST:
                shown = count
                break
        left = room(3 + shown) - cls.SESSIONS - cls.YEAR * shown
        name = max(16, min(cls.NAME, left - cls.REST))
        return cls(name, cls.SESSIONS, tuple(years[:shown]), max(cls.REST, left - name))

    def columns(self) -> list[tuple[str, str, int]]:
        """(key, header, width) of each column, in order."""
        columns = [("name", "Name", self.name), ("sessions", "Sessions", self.sessions)]
        columns += [(str(year), str(year), self.YEAR) for year in self.years]
        if self.rest:
            columns.append(("rest", "Earlier" if self.years else "Per year", self.rest))
        return columns

    def cells(self, person: PersonSummary, all_years: Sequence[int], limit: int | None) -> list[Text]:
        """One row of the table for ``person``, marked where they are over ``limit`` sessions a year."""
        over = over_limit(person, limit)
        total = f"{person.sessions:,}" + (f" {OVER_MARK}" if over else "  ")
        cells = [
            Text(person.name, no_wrap=True, overflow="ellipsis", end=""),
            Text(total, justify="right", style="bold" if over else "", end=""),
        ]
        for year in self.years:
            count = person.per_year.get(year, 0)
            if not count:
                cells.append(Text("· ", justify="right", style="dim", end=""))
            elif limit is not None and count > limit:
                cells.append(Text(f"{count}{OVER_MARK}", justify="right", style="bold", end=""))
            else:
                cells.append(Text(f"{count} ", justify="right", end=""))
        if self.rest:
            cells.append(year_counts(person.per_year, [y for y in all_years if y not in self.years], limit))
        return cells


class PeopleTable(PagedTable[PersonSummary]):
    """People of the catalogue, one row each, read a page at a time.

    The paging is :class:`PagedTable`'s, as for the session list.  Which year
    columns the table shows depends on its width; a resize that changes them
    draws the rows anew from the people read.
    """

    HELP_TITLE: ClassVar[str] = "People list"

    #: People asked of the catalogue at a time.
    PAGE_SIZE: ClassVar[int] = 100
    #: How many rows beyond those in sight are read before the cursor gets there.
    PREFETCH: ClassVar[int] = 30

    BINDINGS: ClassVar[list[BindingType]] = paged_bindings(
        "people",
        "person",
        open_label="Their sessions",
        open_tooltip="List the sessions of the person under the cursor",
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: Every year of the catalogue, newest first.
        self.years: list[int] = []
        #: Sessions a year above which a person is marked (None: the rule set has no limit).
        self.limit: int | None = None
        self._layout: PeopleLayout | None = None

    @property
    def more(self) -> bool:
        """Whether the catalogue may have more people than are read (known once a page came)."""
        # people() has no count: the listing ends with a page that is not full.
        return bool(self.row_count) and self.paging.more_than_read

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        layout = PeopleLayout.fit(self.scrollable_content_region.width, self.years, self.cell_padding)
        if layout == self._layout:
            return
        self._layout = layout
        columns: list[tuple[str, str | Text, int]] = []
        for key, header, width in layout.columns():
            justify: JustifyMethod = "left" if key in {"name", "rest"} else "right"
            columns.append((key, Text(header, justify=justify), width))
        self.set_columns(columns)

    def start(self, years: Sequence[int], limit: int | None) -> None:
        """Begin a new listing: drop the rows and wait for its first page.

        ``years`` are every year of the catalogue, newest first (the year columns);
        ``limit`` the sessions a year above which a person is marked.
        """
        self.years = list(years)
        self.limit = limit
        self._begin()
        self._layout = None
        self._fit()

    def _cells(self, item: PersonSummary) -> list[Text]:
        assert self._layout is not None
        return self._layout.cells(item, self.years, self.limit)

    def _key(self, item: PersonSummary) -> str:
        return item.key

    def selected(self) -> PersonSummary | None:
        """The person under the cursor, or None when the table is empty (or the row is not read yet)."""
        return self.selected_item()


class PeopleSearch(SearchBox):
    """Narrows the people by name as you type; the screen runs the search in a worker."""

    HELP_TITLE: ClassVar[str] = "Search people"
    PLACEHOLDER: ClassVar[str] = "Search: press / and type a name"

    BINDINGS: ClassVar[list[BindingType]] = search_bindings(
        "people",
        clear_tooltip="Empty the box, list everyone again and go back to the list",
        clear_id="people.clear_search",
        done_id="people.to_list",
    )


class PeopleScreen(IgfScreen[None]):
    """Everyone named in the catalogue, most sessions first, paged from the database."""

    SUB_TITLE = "People"
    HELP_TITLE: ClassVar[str] = "People"
    # Nothing to focus until the first page says whether there is a list ("", not
    # None: None would fall back to the app's "*" and put the cursor in the search box).
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", tooltip="Narrow the list by name as you type", id="people.search"),
        Binding("escape", "back", "Back", tooltip="Back to the catalogue", id="people.back"),
    ]

    DEFAULT_CSS = """
    PeopleScreen #people-bar {
        height: 1;
        background: $panel;
    }
    PeopleScreen #people-count {
        width: auto;
        padding: 0 1;
        color: $text-muted;
    }
    PeopleScreen #people-body {
        height: 1fr;
    }
    PeopleScreen .people-message {
        height: 1fr;
        padding: 1 2;
        color: $text-muted;
    }
    PeopleScreen #people-legend {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    @dataclass
    class PageLoaded(Message):
        """A page of people read by a worker, for the listing numbered ``listing``.

        ``years`` (first page only) are every year of the catalogue, newest first;
        ``limit`` the rule set's sessions a year (first page of the first listing only).
        """

        listing: int
        offset: int
        people: Sequence[PersonSummary]
        years: list[int] | None
        limit: int | None = None
        #: How many people were asked for.
        rows: int = 0

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        #: What the names are narrowed to (None: everyone).
        self.search: str | None = None
        #: Sessions a year above which a person is marked, once read from the rule set
        #: (None: not read yet, or the rule set has no such limit).
        self.limit: int | None = None
        self._limit_read = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="people-bar"):
            yield PeopleSearch(id="people-search")
            yield Static("Loading…", id="people-count", markup=False)
        with ContentSwitcher(initial="people-loading", id="people-body"):
            yield Static(
                "Reading the people of the catalogue…", id="people-loading", classes="people-message", markup=False
            )
            yield PeopleTable(id="people")
            yield Static("", id="people-no-match", classes="people-message", markup=False)
            yield Static(NOBODY, id="people-empty", classes="people-message", markup=False)
        yield Static("", id="people-legend", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#people-legend").display = False
        self.reload()

    @property
    def _configured_rules(self) -> str | None:
        settings = getattr(self.app, "settings", None)
        return getattr(settings, "rules", None)

    # ----- reading the catalogue -----

    def reload(self) -> None:
        """List the people again from the first page (after the search changed)."""
        # Each search is a new listing; pages of an older one are dropped when they arrive.
        # The limit is read with the first listing only: a search does not change it.
        self._read_page(
            self.query_one(PeopleTable).paging.new_listing(),
            0,
            self.search,
            first=True,
            want_limit=not self._limit_read,
            configured=self._configured_rules,
        )

    # exclusive: a newer keystroke's search cancels the one still running, and
    # the cancelled one posts nothing, so the list only ever shows the latest.
    @work(thread=True, exclusive=True, exit_on_error=False, group="people", name="read the people")
    def _read_page(
        self,
        listing: int,
        offset: int,
        query: str | None,
        *,
        rows: int | None = None,
        first: bool = False,
        want_limit: bool = False,
        configured: str | None = None,
    ) -> None:
        """Read a page of people, and with ``want_limit`` the limit of the rule set ``configured``."""
        worker = get_current_worker()
        years = self.catalogue.years() if first else None
        limit = None
        if want_limit:
            from igftui.services.people import limit_for_people

            limit = limit_for_people(configured)
        if worker.is_cancelled:
            return
        rows = rows or PeopleTable.PAGE_SIZE
        people = self.catalogue.people(query, limit=rows, offset=offset)
        if not worker.is_cancelled:
            self.post_message(self.PageLoaded(listing, offset, people, years, limit, rows))

    @on(PageLoaded)
    def _show_page(self, message: PageLoaded) -> None:
        table = self.query_one(PeopleTable)
        if not table.paging.is_current(message.listing):
            return
        if message.years is not None:
            if not self._limit_read:
                self.limit, self._limit_read = message.limit, True
                if self.limit is not None:
                    self.query_one("#people-legend", Static).update(legend(self.limit))
            table.start(message.years, self.limit)
            body = self.query_one("#people-body", ContentSwitcher)
            if message.people:
                body.current = "people"
            elif self.search:
                body.current = "people-no-match"
                self.query_one("#people-no-match", Static).update(
                    f"Nobody's name matches “{self.search}”.\n\nescape in the search box lists everyone again."
                )
            else:
                body.current = "people-empty"
            if not self._typing():
                if message.people:
                    table.focus()
                else:
                    self.set_focus(None)
        table.add_page(message.offset, message.people, message.rows)
        # The legend explains the mark: only worth its line when someone has it.
        self.query_one("#people-legend").display = any(over_limit(p, self.limit) for p in table.loaded_items())
        self._show_count()
        self.refresh_bindings()

    def _typing(self) -> bool:
        return self.focused is self.query_one(PeopleSearch)

    def _show_count(self) -> None:
        table = self.query_one(PeopleTable)
        shown = table.row_count
        if not shown:
            text = "No match" if self.search else "Nobody yet"
        else:
            text = plural(shown, "person", "people")
            if table.more:
                text = f"{shown:,}+ people, more as you scroll"
            elif self.search:
                text += " match"
        self.query_one("#people-count", Static).update(text)

    @on(PagedTable.MoreWanted, "#people")
    def _read_more(self, message: PagedTable.MoreWanted) -> None:
        self._read_page(self.query_one(PeopleTable).paging.listing, message.offset, self.search, rows=message.limit)

    def work_failed(self, worker: Worker) -> None:
        if worker.group != "people":
            return
        # A later page is asked for again at the next cursor move; a first page leaves nothing to show.
        if not self.query_one(PeopleTable).page_failed():
            self.query_one("#people-loading", Static).update(
                "The people of the catalogue could not be read. Press escape to go back."
            )
            self.query_one("#people-count", Static).update("")

    # ----- search -----

    def action_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one(PeopleSearch).focus()

    @on(Input.Changed, "#people-search")
    def _search_changed(self, event: Input.Changed) -> None:
        query = event.value.strip() or None
        if query != self.search:
            self.search = query
            self.reload()

    @on(PeopleSearch.Done)
    def _search_done(self) -> None:
        table = self.query_one(PeopleTable)
        if table.row_count:
            table.focus()
        else:
            # Not the box: a key typed there would be lost; escape now goes back.
            self.set_focus(None)

    # ----- actions -----

    @on(PagedTable.RowChosen, "#people")
    def _row_chosen(self) -> None:
        self.action_open_person()

    def action_open_person(self) -> None:
        """List the sessions of the person under the cursor."""
        person = self.query_one(PeopleTable).selected()
        if person is None:
            self.notify("There is nobody to open.", severity="warning")
            return
        self.navigate.open_person_sessions(self.catalogue, person.name)

    def action_back(self) -> None:
        self.dismiss()

    def palette_commands(self) -> Iterable[SystemCommand]:
        table = self.query_one(PeopleTable)
        person = table.selected()
        if person is not None:
            yield SystemCommand(
                f"Sessions of {person.name}", "List the sessions of the selected person", self.action_open_person
            )
        yield SystemCommand("Search people", "Narrow the list of people by name as you type", self.action_search)
        if self.search:
            yield SystemCommand(
                "Clear the people search", "List everyone again", self.query_one(PeopleSearch).action_clear_search
            )
        yield SystemCommand("Back", "Back to the catalogue", self.action_back)
