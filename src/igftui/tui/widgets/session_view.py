"""One session laid out for reading, in the order an IGF session page shows it.

The title line and the facts (when, where, theme, tags), the checks, then the
people, the format, the policy questions, the answers to the form's questions,
the agenda with its timing, online participation, the SDGs, the links and
where the session came from.

What is left out: private fields (a speaker's gender and e-mail, the
organiser's notes) are never shown, since the screen may be shared or
screenshotted.  An imported page rarely has every part, so empty sections are
left out too, except the three every session should have (participants, policy
questions, description), which say "Not given."  What a draft still lacks is
for the checks to say, at the top.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from igftui.model.local_time import UTC_CLOCK, clock_of, span_words
from igftui.model.people import roles_label
from igftui.model.vocabulary import (
    SDG_NAMES,
    AgendaKind,
    Role,
    label,
    parse,
)
from igftui.model.wording import agenda_total, minutes, plural, role_word, session_code
from igftui.tui.widgets.findings import ChecksPanel
from igftui.tui.widgets.reading_keys import reading_bindings
from igftui.tui.widgets.similar_sessions import SimilarSection

if TYPE_CHECKING:
    from igftui.model.session import AgendaItem, ForumSession, Participant

NOT_GIVEN = "Not given."

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: The order an IGF page lists people in: organisers, speakers, then who runs the room.
_ROLE_ORDER = (Role.ORGANIZER, Role.SPEAKER, Role.MODERATOR, Role.ONLINE_MODERATOR, Role.RAPPORTEUR)
_SOURCE_KINDS = {
    "igf_page": "an IGF session page",
    "json": "an igftui JSON file",
    "sample": "the bundled sample catalogue",
}


# ----- words -----


def _day(moment: datetime) -> str:
    # Written out by hand: strftime's names follow the process locale.
    return f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def when_text(starts_at: datetime | None, ends_at: datetime | None, clock=None) -> str | None:
    """``"Tue 29 Nov 2022, 06:00–07:00 UTC"``; the end day is written when it differs.

    With the venue's ``clock`` (see :func:`igftui.model.local_time.clock_of`), the time
    on it first, zone named, then UTC: ``"Tue 26 Nov 2019, 09:30–11:00 (Berlin, CET;
    08:30–10:00 UTC)"``.
    """
    # One writer of times with their zone (model.local_time), for the view and the export.
    return span_words(starts_at, ends_at, clock or UTC_CLOCK, lambda moment: f"{_day(moment)}, ")


def clock(minutes: int) -> str:
    """Minutes from the start as a running clock: 0 -> ``"0:00"``, 95 -> ``"1:35"``."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _kind_label(kind: str | None) -> str:
    if not kind:
        return ""
    return label(parse(AgendaKind, kind)) or kind


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _listed(items: Iterable[str]) -> str:
    return ", ".join(item for item in items if item.strip())


def _person_name(person: Participant) -> Text:
    if person.name:
        return Text(person.name)
    # An organisation, an organiser a page lists by group and region only, a place to be
    # confirmed: the one short label the editor and the export give it (model.people).
    return Text(person.display_name(), style="italic")


def people_in_page_order(people: Iterable[Participant]) -> list[Participant]:
    """Organisers first, then speakers, moderators, online moderators, rapporteurs (stable)."""

    def rank(person: Participant) -> int:
        return min((_ROLE_ORDER.index(role) for role in person.roles if role in _ROLE_ORDER), default=len(_ROLE_ORDER))

    return sorted(people, key=rank)


def role_counts(people: list[Participant]) -> str:
    """``"2 organisers · 4 speakers · 1 moderator"``: how many hold each role."""
    bits = []
    for role in _ROLE_ORDER:
        number = sum(1 for person in people if role in person.roles)
        if number:
            bits.append(plural(number, role_word(role).lower()))
    return " · ".join(bits)


# ----- tables that fit the width they are given -----


def _widest(text: Text) -> int:
    return max(Text(line).cell_len for line in text.plain.split("\n"))


class ParticipantTable:
    """The people as a table: one column per field when they fit, stacked cells when not.

    A column nobody has a value for (pages rarely give a country or a status) is left out.
    """

    def __init__(self, people: list[Participant]) -> None:
        self.people = people

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # One field a column only when no cell has to wrap; else fewer, stacked columns.
        wide = self._kept(self._wide_columns())
        needed = sum(max(_widest(text) for text in [Text(header), *cells]) for header, cells in wide)
        if needed + 2 * (len(wide) - 1) <= options.max_width:
            yield self._table(wide)
        else:
            yield self._table(self._kept(self._narrow_columns()))

    @staticmethod
    def _kept(columns: list[tuple[str, list[Text]]]) -> list[tuple[str, list[Text]]]:
        return [(header, cells) for header, cells in columns if any(cell.plain for cell in cells)]

    @staticmethod
    def _table(kept: list[tuple[str, list[Text]]]) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        for header, cells in kept:
            # Roles stay on one line while they are short ("Organizer, Moderator"); the
            # rest wraps at spaces.
            one_line = header == "Roles" and max(cell.cell_len for cell in cells) <= 24
            table.add_column(header, no_wrap=one_line, overflow="fold")
        for row in zip(*(cells for _header, cells in kept), strict=True):
            table.add_row(*row)
        return table

    def _wide_columns(self) -> list[tuple[str, list[Text]]]:
        people = self.people
        return [
            ("Name", [_person_name(p) for p in people]),
            ("Organisation", [Text(p.organisation or "") for p in people]),
            ("Stakeholder group", [Text(label(p.stakeholder_group)) for p in people]),
            ("Region", [Text(label(p.region)) for p in people]),
            ("Country", [Text(p.country or "") for p in people]),
            ("Roles", [Text(roles_label(p)) for p in people]),
            ("Status", [Text(label(p.status)) for p in people]),
            ("Onsite/online", [Text(label(p.attendance)) for p in people]),
            ("First time", [Text("yes" if p.first_time else "") for p in people]),
        ]

    def _narrow_columns(self) -> list[tuple[str, list[Text]]]:
        columns: list[tuple[str, list[Text]]] = [("Name", []), ("Group, region", []), ("Roles", []), ("Status", [])]
        for person in self.people:
            who = _person_name(person)
            for extra in (person.organisation, person.country):
                if extra:
                    who.append("\n" + extra, style="dim")
            columns[0][1].append(who)
            columns[1][1].append(
                Text("\n".join(bit for bit in (label(person.stakeholder_group), label(person.region)) if bit))
            )
            columns[2][1].append(Text(roles_label(person)))
            columns[3][1].append(
                Text(
                    "\n".join(
                        bit
                        for bit in (
                            label(person.status),
                            label(person.attendance),
                            "first time" if person.first_time else "",
                        )
                        if bit
                    )
                )
            )
        return columns


class AgendaTable:
    """The agenda with a running clock from the start; flags as columns when there is room."""

    WIDE = 96

    def __init__(self, items: list[AgendaItem]) -> None:
        self.items = items

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        wide = options.max_width >= self.WIDE
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
        table.add_column("Time", no_wrap=True)
        table.add_column("Min", justify="right", no_wrap=True)
        table.add_column("Segment", ratio=3)
        table.add_column("Kind")
        if wide:
            table.add_column("Interactive", no_wrap=True)
            table.add_column("Public", no_wrap=True)
        start = 0
        for item in self.items:
            end = start + item.minutes
            row: list[Any] = [
                Text(f"{clock(start)}–{clock(end)}"),
                Text(str(item.minutes)),
                Text(item.title or "(untitled)"),
            ]
            if wide:
                row += [
                    Text(_kind_label(item.kind)),
                    Text(_yes_no(item.interactive)),
                    Text("yes" if item.public else "no, private"),
                ]
            else:
                flags = [
                    bit
                    for bit in (
                        _kind_label(item.kind),
                        "interactive" if item.interactive else "",
                        "" if item.public else "private",
                    )
                    if bit
                ]
                row.append(Text(", ".join(flags)))
            table.add_row(*row)
            start = end
        yield table


def agenda_summary(session: ForumSession) -> tuple[str, str | None]:
    """The total against the duration with the interactive share, and what does not add up.

    ``("Total 80 of 90 minutes; interactive 25 minutes (31%)",
    "The agenda adds up to 80 of 90 minutes.")``; the second is None when it adds up.
    """
    total = session.agenda_minutes()
    duration = session.duration_minutes
    line = "Total " + agenda_total(total, duration, session.interactive_minutes())
    problem = None
    if duration and total != duration:
        problem = f"The agenda adds up to {total} of {minutes(duration)}."
    return line, problem


# ----- the widget -----


def _heading(text: str) -> Static:
    return Static(text, classes="heading", markup=False)


def _paragraph(text: str | None) -> Static:
    if not text:
        return Static(NOT_GIVEN, classes="paragraph missing", markup=False)
    return Static(text, classes="paragraph", markup=False)


def _fields(rows: Iterable[tuple[str, str | None]]) -> Table | None:
    """Label and value pairs as a two-column grid; pairs without a value are left out."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    shown = False
    for name, value in rows:
        if value:
            grid.add_row(name, Text(value))
            shown = True
    return grid if shown else None


def _source_text(session: ForumSession) -> str | None:
    source = session.source
    if source is None or not (source.kind or source.path or source.imported_at):
        return None
    text = "Imported from " + _SOURCE_KINDS.get(source.kind or "", source.kind or "a file")
    if source.path:
        text += f", {source.path}"
    if source.imported_at:
        try:
            moment = datetime.fromisoformat(source.imported_at.replace("Z", "+00:00"))
        except ValueError:
            text += f", on {source.imported_at}"
        else:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=timezone.utc)
            moment = moment.astimezone(timezone.utc)
            text += f", on {_day(moment)} at {moment:%H:%M} UTC"
    return text


class SessionView(VerticalScroll, can_focus=True):
    """A read-only, scrollable account of one session, with a place for its checks.

    Private fields (a speaker's gender and e-mail, the organiser's notes) are
    not shown: the screen may be shared or screenshotted.
    """

    HELP_TITLE: ClassVar[str] = "Session"

    BINDINGS: ClassVar[list[BindingType]] = reading_bindings(
        "session",
        top="Back to the title of the session",
        bottom="Down to the last section",
        top_action="top",
        bottom_action="bottom",
    )

    DEFAULT_CSS = """
    SessionView {
        padding: 0 2;
    }
    SessionView .session-code {
        margin-top: 1;
        text-style: bold;
        color: $text-accent;
    }
    SessionView .session-title {
        text-style: bold;
        color: $text-primary;
    }
    SessionView .session-title:first-child {
        margin-top: 1;
    }
    SessionView .facts {
        margin-top: 1;
    }
    SessionView .heading {
        text-style: bold;
        color: $text-accent;
        margin-top: 1;
    }
    SessionView .missing, SessionView .aside {
        color: $text-muted;
    }
    SessionView .problem {
        color: $text-warning;
    }
    SessionView #loading-session {
        color: $text-muted;
        margin: 1 0;
    }
    """

    def __init__(self, *, id: str | None = None, checks: bool = True, similar: bool = False) -> None:
        super().__init__(id=id)
        #: Whether the view has a place for the session's checks (near the top)...
        self.with_checks = checks
        #: ...and for "Sessions like this" (at the end); the screen fills both in.
        self.with_similar = similar

    def compose(self):
        yield Static("Loading the session…", id="loading-session")

    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    @property
    def checks(self) -> ChecksPanel:
        """Where the findings go (there once a session is shown)."""
        return self.query_one(ChecksPanel)

    @property
    def similar(self) -> SimilarSection:
        """Where the sessions like this one go (there once a session is shown)."""
        return self.query_one(SimilarSection)

    def show(self, session: ForumSession) -> None:
        """Replace what is shown by ``session``; the checks section waits for its findings."""
        parts = list(self._parts(session))
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(parts)
            self.scroll_home(animate=False)

    async def show_again(self, session: ForumSession) -> None:
        """Show ``session`` read again (it changed elsewhere), scrolled where the user had it.

        Awaited: the old parts are gone before the new ones (the checks section has
        the same id) are mounted, all in one repaint.
        """
        parts = list(self._parts(session))
        place = self.scroll_y
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(parts)
        self.scroll_to(y=place, animate=False)

    def show_problem(self, message: str) -> None:
        """Say why the session cannot be shown (it was deleted, the catalogue is unreadable)."""
        with self.app.batch_update():
            self.remove_children()
            self.mount(Static(message, classes="paragraph problem", markup=False))

    # ----- sections, in the page's order -----

    def _parts(self, session: ForumSession) -> Iterable[Widget]:
        yield from self._title(session)
        facts = _fields(
            [
                ("Type", label(session.session_type)),
                ("Status", label(session.status)),
                ("When", when_text(session.starts_at, session.ends_at, clock_of(session))),
                ("Where", ", ".join(p for p in (session.room, session.venue) if p)),
                ("Theme", session.theme),
                ("Subtheme", session.subtheme),
                ("Tags", _listed(session.tags)),
                ("Language" if len(session.languages) == 1 else "Languages", _listed(session.languages)),
            ]
        )
        if facts is not None:
            yield Static(facts, classes="facts")
        if self.with_checks:
            yield ChecksPanel(id="checks")

        yield _heading(f"Participants ({len(session.participants)})")
        if session.participants:
            people = people_in_page_order(session.participants)
            yield Static(Content(role_counts(people)), classes="aside")
            yield Static(ParticipantTable(people), classes="participants")
        else:
            yield _paragraph(None)

        format_bits = [
            label(session.format),
            label(session.layout),
            minutes(session.duration_minutes) if session.duration_minutes else "",
        ]
        format_line = " · ".join(bit for bit in format_bits if bit)
        if format_line or session.format_description:
            yield _heading("Format")
            if format_line:
                yield Static(Content(format_line), classes="paragraph")
            if session.format_description:
                yield _paragraph(session.format_description)

        yield _heading("Policy questions")
        if session.policy_questions:
            # A grid, so a question that wraps stays clear of the numbers.
            questions = Table.grid(padding=(0, 1))
            questions.add_column(justify="right", style="bold", no_wrap=True)
            questions.add_column()
            for number, question in enumerate(session.policy_questions, 1):
                questions.add_row(f"{number}.", Text(question))
            yield Static(questions, classes="paragraph")
        else:
            yield _paragraph(None)

        for title, text, core in (
            ("Relevance to the theme", session.relevance_to_theme, False),
            ("Relevance to Internet governance", session.relevance_to_internet_governance, False),
            ("Description", session.description, True),
            ("Expected outcomes", session.expected_outcomes, False),
            ("Discussion facilitation", session.discussion_facilitation, False),
            ("Diversity", session.diversity_statement, False),
        ):
            if text or core:
                yield _heading(title)
                yield _paragraph(text)

        if session.agenda:
            yield _heading(f"Agenda ({plural(len(session.agenda), 'segment')})")
            yield Static(AgendaTable(session.agenda), classes="agenda")
            total, problem = agenda_summary(session)
            yield Static(Content(total), classes="paragraph")
            if problem:
                yield Static(Content("! " + problem), classes="paragraph problem")

        yield from self._online(session)

        if session.sdgs:
            yield _heading("Sustainable Development Goals")
            goals = Text()
            for n, goal in enumerate(session.sdgs):
                goals.append(("\n" if n else "") + f"{goal:>2} ", style="bold")
                goals.append(SDG_NAMES.get(goal, ""))
            yield Static(goals, classes="paragraph")

        links = _fields((link.label or "Link", link.url) for link in session.links)
        if links is not None:
            yield _heading("Links")
            # Shown as text, never as something to click: the address is there to read and copy.
            yield Static(links, classes="paragraph")

        related = _fields(
            [
                ("Source", _source_text(session)),
                ("Catalogue id", str(session.id) if session.id is not None else None),
            ]
        )
        if related is not None:
            yield _heading("Related information")
            yield Static(related, classes="paragraph")

        if self.with_similar:
            yield SimilarSection(id="similar")

    def _title(self, session: ForumSession) -> Iterable[Widget]:
        lead = session_code(session.year, session.display_code())
        if lead:
            yield Static(lead, classes="session-code", markup=False)
        yield Static(session.title or "(untitled)", classes="session-title", markup=False)
        if session.short_title:
            yield Static(f"Short title: {session.short_title}", classes="aside", markup=False)

    def _online(self, session: ForumSession) -> Iterable[Widget]:
        online = session.online_participation
        private = [item.title or f"segment {n}" for n, item in enumerate(session.agenda, 1) if not item.public]
        # The defaults (no captioning, broadcast on) say nothing the organiser chose.
        if online.is_empty() and not private:
            return
        yield _heading("Online participation")
        grid = _fields(
            [
                ("Platform", online.platform),
                ("Remote hubs", _listed(online.remote_hubs)),
                ("Speaking queue", online.speaking_queue),
                ("Captioning", _yes_no(online.captioning)),
                ("Interpretation", _listed(online.interpretation) or "none"),
                ("Broadcast", _yes_no(online.broadcast)),
                ("Not broadcast", "; ".join(private)),
            ]
        )
        if grid is not None:
            yield Static(grid, classes="paragraph")
        if online.notes:
            yield _paragraph(online.notes)
