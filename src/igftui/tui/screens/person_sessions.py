"""The sessions one person takes part in, with their roles in each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Header, Static
from textual.worker import Worker, get_current_worker

from igftui.store.listing import PersonSummary, SessionFilter, SessionSummary
from igftui.tui.labels import plural, type_label
from igftui.tui.people_counts import legend, over_limit, year_counts
from igftui.tui.screens.base import IgfScreen
from igftui.tui.widgets.paged_table import PagedTable, paged_bindings
from igftui.tui.widgets.session_table import cell

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue

#: (key, header) of the columns, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Code"),
    ("year", "Year"),
    ("type", "Type"),
    ("title", "Title"),
    ("roles", "Roles"),
)


def column_widths(width: int, padding: int = 1, roles: int = 12) -> dict[str, int]:
    """Share ``width`` cells between the columns, the title getting what is left.

    ``roles`` is the width of the longest roles text: most people have one role
    ("Speaker"), and the title needs the room more than an empty column does.
    """
    available = max(width - 2 * padding * len(COLUMNS), 50)
    code, year = 10, 4
    rest = available - code - year
    label = max(10, min(22, rest * 20 // 100))
    roles = max(5, min(roles, 30, rest * 30 // 100))
    return {"code": code, "year": year, "type": label, "roles": roles, "title": rest - label - roles}


class PersonSessionsTable(PagedTable[SessionSummary]):
    """A person's sessions, newest year first, read a page at a time like the catalogue list."""

    HELP_TITLE: ClassVar[str] = "Their sessions"

    BINDINGS: ClassVar[list[BindingType]] = paged_bindings("person", "session")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The roles the person has in each session, by session id.
        self.roles: dict[int, list[str]] = {}
        self.set_columns([(key, header, 10) for key, header in COLUMNS])

    def on_mount(self) -> None:
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        longest = max((len(", ".join(roles)) for roles in self.roles.values()), default=5)
        self._resize_columns(column_widths(self.scrollable_content_region.width, self.cell_padding, longest))

    def start(self, total: int, roles: dict[int, list[str]]) -> None:
        """Begin the listing of ``total`` sessions, with the person's ``roles`` in each."""
        self.roles = roles
        self._begin()
        self.set_total(self.paging.listing, total)
        self._fit_columns()

    def _cells(self, item: SessionSummary) -> tuple[Text, ...]:
        return (
            cell(item.code),
            cell(str(item.year) if item.year else None),
            cell(type_label(item.session_type)),
            cell(item.title, placeholder="(untitled)"),
            cell(", ".join(self.roles.get(item.id, [])), placeholder="–"),
        )

    def _key(self, item: SessionSummary) -> str:
        return str(item.id)

    def selected_id(self) -> int | None:
        """The id of the session under the cursor, or None when the table is empty."""
        session = self.selected_item()
        return session.id if session is not None else None


class PersonSessionsScreen(IgfScreen[None]):
    """The sessions of the person called :attr:`person_name`, newest first."""

    SUB_TITLE = "Sessions of a person"
    HELP_TITLE: ClassVar[str] = "Sessions of a person"
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to the people", id="person.back"),
    ]

    DEFAULT_CSS = """
    PersonSessionsScreen #person-summary {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    PersonSessionsScreen #person-body {
        height: 1fr;
    }
    PersonSessionsScreen .person-message {
        height: 1fr;
        padding: 1 2;
        color: $text-muted;
    }
    PersonSessionsScreen #person-legend {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    @dataclass
    class PageLoaded(Message):
        """A page of the person's sessions; the first also brings the count, roles, summary and limit."""

        offset: int
        sessions: Sequence[SessionSummary]
        rows: int
        total: int | None = None
        roles: dict[int, list[str]] | None = None
        person: PersonSummary | None = None
        limit: int | None = None

    def __init__(self, catalogue: Catalogue, name: str) -> None:
        super().__init__()
        self.catalogue = catalogue
        #: The person's name, as the catalogue gives it.
        self.person_name = name
        #: What the catalogue says of the person once read (sessions per year).
        self.person: PersonSummary | None = None
        #: Sessions a year above which the person is marked, from the rule set (None: no limit).
        self.limit: int | None = None

    @property
    def filters(self) -> SessionFilter:
        return SessionFilter(person=self.person_name)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.person_name, style="bold"), id="person-summary")
        with ContentSwitcher(initial="person-loading", id="person-body"):
            yield Static("Reading their sessions…", id="person-loading", classes="person-message", markup=False)
            yield PersonSessionsTable(id="person-sessions")
            yield Static(
                f"{self.person_name} is in no session of the catalogue any more.\n\nescape goes back.",
                id="person-none",
                classes="person-message",
                markup=False,
            )
        yield Static("", id="person-legend", markup=False)
        yield Footer()

    @property
    def _configured_rules(self) -> str | None:
        settings = getattr(self.app, "settings", None)
        return getattr(settings, "rules", None)

    def on_mount(self) -> None:
        self.sub_title = self.person_name
        self.query_one("#person-legend").display = False
        self._read_page(0, first=True, configured=self._configured_rules)

    @work(thread=True, exclusive=True, exit_on_error=False, group="person", name="read the person's sessions")
    def _read_page(
        self, offset: int, rows: int | None = None, *, first: bool = False, configured: str | None = None
    ) -> None:
        """Read a page of sessions; the first also the person and the limit of the rule set ``configured``."""
        worker = get_current_worker()
        total = person = limit = None
        roles: dict[int, list[str]] | None = None
        if first:
            from igftui.model.vocabulary import label
            from igftui.services.people import limit_for_people, person_with_sessions

            # The person, their sessions counted and their roles in each: one query.
            found = person_with_sessions(self.catalogue, self.person_name)
            person = found.summary if found is not None else None
            total = person.sessions if person is not None else 0
            roles = {
                session_id: [label(role) for role in held]
                for session_id, held in (found.roles.items() if found is not None else ())
            }
            limit = limit_for_people(configured)
        if worker.is_cancelled:
            return
        rows = rows or PersonSessionsTable.PAGE_SIZE
        sessions = self.catalogue.list(self.filters, limit=rows, offset=offset)
        if not worker.is_cancelled:
            self.post_message(self.PageLoaded(offset, sessions, rows, total, roles, person, limit))

    @on(PageLoaded)
    def _show_page(self, message: PageLoaded) -> None:
        table = self.query_one(PersonSessionsTable)
        if message.total is not None:
            table.start(message.total, message.roles or {})
            self.person = message.person
            self.limit = message.limit
            self._show_summary(message.total)
            body = self.query_one("#person-body", ContentSwitcher)
            body.current = "person-sessions" if message.total else "person-none"
            if message.total:
                table.focus()
        table.add_page(message.offset, message.sessions, message.rows)
        self.refresh_bindings()

    def _show_summary(self, total: int) -> None:
        summary = Text(self.person_name, style="bold")
        summary.append(f" · {plural(total, 'session')}")
        if self.person is not None and self.person.per_year:
            summary.append(" · ")
            summary.append_text(year_counts(self.person.per_year, self.person.per_year, self.limit))
        self.query_one("#person-summary", Static).update(summary)
        marked = bool(self.person and over_limit(self.person, self.limit))
        if marked and self.limit is not None:
            self.query_one("#person-legend", Static).update(legend(self.limit))
        self.query_one("#person-legend").display = marked

    @on(PagedTable.MoreWanted, "#person-sessions")
    def _read_more(self, message: PagedTable.MoreWanted) -> None:
        self._read_page(message.offset, message.limit)

    def work_failed(self, worker: Worker) -> None:
        if worker.group != "person":
            return
        # A later page is asked for again at the next cursor move; a first page leaves nothing to show.
        if not self.query_one(PersonSessionsTable).page_failed():
            self.query_one("#person-loading", Static).update(
                "Their sessions could not be read. Press escape to go back."
            )

    @on(PagedTable.RowChosen, "#person-sessions")
    def _row_chosen(self) -> None:
        self.action_open_session()

    def action_open_session(self) -> None:
        """Show the session under the cursor."""
        session_id = self.query_one(PersonSessionsTable).selected_id()
        if session_id is None:
            self.notify("There is no session to open.", severity="warning")
            return
        self.navigate.open_session(self.catalogue, session_id)

    def action_back(self) -> None:
        self.dismiss()

    def palette_commands(self) -> Iterable[SystemCommand]:
        if self.query_one(PersonSessionsTable).row_count:
            yield SystemCommand("Open session", "Show the selected session", self.action_open_session)
        yield SystemCommand("Back", "Back to the people", self.action_back)
