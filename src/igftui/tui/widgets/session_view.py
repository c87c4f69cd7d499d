"""One session laid out for reading: the facts, the questions, the people and the agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from igftui.model.vocabulary import label

if TYPE_CHECKING:
    from igftui.model.session import ForumSession


def _facts(session: ForumSession) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    format_line = label(session.format)
    if session.duration_minutes:
        format_line = ", ".join(part for part in (format_line, f"{session.duration_minutes} minutes") if part)
    facts = [
        ("Code", session.display_code()),
        ("Type", label(session.session_type)),
        ("Year", str(session.year) if session.year else None),
        ("Status", label(session.status)),
        ("Theme", " / ".join(part for part in (session.theme, session.subtheme) if part) or None),
        ("Format", format_line or None),
        ("Layout", label(session.layout) or None),
        ("Room", " / ".join(part for part in (session.room, session.venue) if part) or None),
    ]
    for name, value in facts:
        grid.add_row(name, Text(value) if value else Text("—", style="dim"))
    return grid


def _participants(session: ForumSession) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    for header in ("Name", "Organisation", "Stakeholder group", "Region", "Roles"):
        table.add_column(header, overflow="fold")
    for person in session.participants:
        table.add_row(
            Text(person.display_name()),
            Text(person.organisation or ""),
            Text(label(person.stakeholder_group)),
            Text(label(person.region)),
            Text(", ".join(role.label for role in person.roles)),
        )
    return table


def _agenda(session: ForumSession) -> Table:
    # Loaded by now (the session came from the catalogue); imported here so that the
    # first screen paints before the session model is loaded.
    from igftui.model.session import item_is_interactive

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_footer=True)
    table.add_column("Minutes", justify="right", no_wrap=True,
                     footer=str(session.agenda_minutes()))
    table.add_column("Segment", overflow="fold", footer="Total")
    table.add_column("Interactive", no_wrap=True)
    for item in session.agenda:
        interactive = "yes" if item_is_interactive(item) else ""
        table.add_row(str(item.minutes), Text(item.title or ""), interactive)
    return table


def _heading(text: str) -> Static:
    return Static(text, classes="heading", markup=False)


def _paragraph(text: str | None) -> Static:
    if not text:
        return Static("Not given.", classes="paragraph missing", markup=False)
    return Static(text, classes="paragraph", markup=False)


class SessionView(VerticalScroll, can_focus=True):
    """A read-only, scrollable account of one session.

    Private fields (a speaker's gender and e-mail, the organiser's notes) are
    not shown: the screen may be shared or screenshotted.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, tooltip="Scroll one line down",
                id="session.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, tooltip="Scroll one line up",
                id="session.up"),
    ]

    DEFAULT_CSS = """
    SessionView {
        padding: 0 2;
    }
    SessionView .session-title {
        text-style: bold;
        color: $text-primary;
        margin: 1 0;
    }
    SessionView .heading {
        text-style: bold;
        color: $text-accent;
        margin-top: 1;
    }
    SessionView .missing {
        color: $text-muted;
    }
    SessionView #loading-session {
        color: $text-muted;
        margin: 1 0;
    }
    """

    def compose(self):
        yield Static("Loading the session…", id="loading-session")

    def show(self, session: ForumSession) -> None:
        """Replace what is shown by ``session``."""
        parts: list[Widget] = [
            Static(session.title or "(untitled)", classes="session-title", markup=False),
            Static(_facts(session), classes="facts"),
            _heading("Policy questions"),
        ]
        if session.policy_questions:
            questions = Text()
            for number, question in enumerate(session.policy_questions, 1):
                questions.append(f"{number}. ", style="bold")
                questions.append(question + ("\n" if number < len(session.policy_questions) else ""))
            parts.append(Static(questions, classes="paragraph"))
        else:
            parts.append(_paragraph(None))
        parts += [
            _heading("Description"), _paragraph(session.description),
            _heading("Expected outcomes"), _paragraph(session.expected_outcomes),
            _heading(f"Participants ({len(session.participants)})"),
        ]
        parts.append(Static(_participants(session)) if session.participants else _paragraph(None))
        parts.append(_heading("Agenda"))
        parts.append(Static(_agenda(session)) if session.agenda else _paragraph(None))
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(parts)
            self.scroll_home(animate=False)

    def show_problem(self, message: str) -> None:
        """Say why the session cannot be shown (it was deleted, the catalogue is unreadable)."""
        with self.app.batch_update():
            self.remove_children()
            self.mount(Static(message, classes="paragraph missing", markup=False))
