"""The people of a proposal: who they are, their roles, and the mix of groups, regions and genders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from igftui.tui.widgets.column_fit import Forms, ItemColumn
from igftui.tui.widgets.findings import finding_lines
from igftui.tui.widgets.item_table import ItemTable, item_bindings

if TYPE_CHECKING:
    from igftui.checks import Finding
    from igftui.model.session import ForumSession


class SpeakerTable(ItemTable):
    """Organisers, speakers, moderators and rapporteurs: one row a person, with all their roles."""

    BINDINGS: ClassVar[list[BindingType]] = item_bindings("speakers", "person")
    HELP_TITLE: ClassVar[str] = "People"
    COLUMNS: ClassVar[tuple[ItemColumn, ...]] = (
        ItemColumn("name", "Name", share=4),
        ItemColumn("roles", "Roles", share=2),
        ItemColumn("organisation", "Organisation", share=3),
        ItemColumn("group", "Group", share=2),
        ItemColumn("region", "Region"),
        ItemColumn("status", "Status"),
        ItemColumn("attendance", "Where"),
    )

    def show_people(self, session: ForumSession, *, cursor: int | None = None) -> None:
        from igftui.model.drafting import short_label
        from igftui.model.people import roles_label
        from igftui.tui.labels import short_form

        def forms(term) -> Forms | str:
            # The label where the table is wide enough, "WEOG" or "IGO" where it is not.
            return Forms(short_label(term), short_form(term)) if term is not None else ""

        rows = [
            (
                # One short label for an entry without a name (an organisation, a place
                # to be confirmed): model.people, as in the export.
                person.display_name(),
                roles_label(person),
                # An organisation on its own already goes by its name in the first column.
                person.organisation if person.organisation and person.organisation != person.display_name() else "",
                forms(person.stakeholder_group),
                forms(person.region),
                Forms(person.status.label, short_form(person.status)) if person.status else "",
                person.attendance.label if person.attendance else "",
            )
            for person in session.participants
        ]
        self.show_rows(rows, cursor=cursor)


class PeopleEditor(Vertical):
    """The people table, the mix of the speakers, and the findings about the people."""

    DEFAULT_CSS = """
    PeopleEditor {
        height: auto;
    }
    PeopleEditor SpeakerTable {
        height: auto;
    }
    PeopleEditor #people-mix {
        color: $text-muted;
    }
    PeopleEditor #people-note {
        color: $text-warning;
        margin-bottom: 1;
    }
    PeopleEditor .item-buttons {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        # The mix and the findings first: they stay in sight however many people are added.
        yield Static("", id="people-mix", markup=False)
        yield Static("", id="people-note", markup=False)
        yield SpeakerTable(id="people-table")
        with Horizontal(classes="item-buttons"):
            yield Button("Add a person", id="people-add", compact=True)

    def show(self, session: ForumSession, *, cursor: int | None = None) -> None:
        from igftui.model.drafting import people_mix

        self.query_one(SpeakerTable).show_people(session, cursor=cursor)
        mix = people_mix(session)
        text = (
            "\n".join(mix.lines())
            if session.participants
            else ("Nobody yet: a adds a person. People already in the catalogue are offered as you type their name.")
        )
        self.query_one("#people-mix", Static).update(Content(text))

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.query_one("#people-note", Static).update(Content(finding_lines(findings)))
