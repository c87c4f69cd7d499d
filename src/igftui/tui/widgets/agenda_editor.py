"""The agenda of a proposal: its items with a running clock, and the total against the duration."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from igftui.model.wording import minutes, percent
from igftui.tui.widgets.column_fit import ItemColumn
from igftui.tui.widgets.findings import finding_lines
from igftui.tui.widgets.item_table import ItemTable, item_bindings

if TYPE_CHECKING:
    from igftui.checks import Finding
    from igftui.model.session import ForumSession


def agenda_total(session: ForumSession) -> tuple[str, str]:
    """The running total against the duration, and how it stands: ``ok``, ``short``, ``over`` or ``none``.

    The symbol and the words carry the state, so it reads the same without colour.
    """
    total = session.agenda_minutes()
    duration = session.duration_minutes
    interactive = ""
    if total:
        done = session.interactive_minutes()
        interactive = f" · interactive {minutes(done, short=True)} ({percent(done, total)})"
    if not session.agenda:
        return "No agenda items yet: a to add one.", "none"
    if not duration:
        return f"ℹ {total} minutes planned; set the duration to compare{interactive}", "none"
    if total == duration:
        return f"✔ {total} of {duration} minutes planned{interactive}", "ok"
    if total < duration:
        return (f"▲ {total} of {duration} minutes planned: {duration - total} not planned yet{interactive}", "short")
    return f"✖ {total} of {duration} minutes planned: {total - duration} too many{interactive}", "over"


class AgendaTable(ItemTable):
    """The agenda items, each with the minute it starts at from the session's start."""

    BINDINGS: ClassVar[list[BindingType]] = item_bindings("agenda", "agenda item")
    HELP_TITLE: ClassVar[str] = "Agenda"
    COLUMNS: ClassVar[tuple[ItemColumn, ...]] = (
        ItemColumn("number", "#"),
        ItemColumn("at", "At"),
        ItemColumn("title", "Item", share=3),
        ItemColumn("kind", "Kind", share=1),
        ItemColumn("minutes", "Min"),
        ItemColumn("interactive", "Interactive"),
        ItemColumn("public", "Public"),
    )

    def show_agenda(self, session: ForumSession, *, cursor: int | None = None) -> None:
        from igftui.model.vocabulary import AgendaKind
        from igftui.tui.labels import label_of

        rows = []
        clock = 0
        for number, item in enumerate(session.agenda, start=1):
            rows.append(
                (
                    str(number),
                    f"{clock // 60}:{clock % 60:02d}",
                    item.title or "(untitled)",
                    label_of(AgendaKind, item.kind),
                    str(item.minutes),
                    "yes" if item.interactive else "no",
                    "yes" if item.public else "private",
                )
            )
            clock += item.minutes
        self.show_rows(rows, cursor=cursor)


class AgendaEditor(Vertical):
    """The agenda table, the running total under it, and the findings about the agenda."""

    DEFAULT_CSS = """
    AgendaEditor {
        height: auto;
    }
    AgendaEditor AgendaTable {
        height: auto;
    }
    AgendaEditor #agenda-total.ok {
        color: $text-success;
    }
    AgendaEditor #agenda-total.short {
        color: $text-warning;
    }
    AgendaEditor #agenda-total.over {
        color: $text-error;
        text-style: bold;
    }
    AgendaEditor #agenda-note {
        color: $text-warning;
    }
    AgendaEditor .item-buttons {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Agenda", classes="section-title", markup=False)
        # The total comes before the items, so it stays in sight however long the agenda grows.
        yield Static("", id="agenda-total", markup=False)
        yield Static("", id="agenda-note", markup=False)
        yield AgendaTable(id="agenda-table")
        with Horizontal(classes="item-buttons"):
            yield Button("Add an item", id="agenda-add", compact=True)

    def show(self, session: ForumSession, *, cursor: int | None = None) -> None:
        self.query_one(AgendaTable).show_agenda(session, cursor=cursor)
        text, state = agenda_total(session)
        total = self.query_one("#agenda-total", Static)
        total.update(Content(text))
        total.set_classes(state)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.query_one("#agenda-note", Static).update(Content(finding_lines(findings)))
