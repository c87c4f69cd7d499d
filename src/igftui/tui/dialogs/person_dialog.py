"""Add or edit one person of a proposal, with what the catalogue already knows of them."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.strip import Strip
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.widgets.selection_list import Selection

from igftui.model.people import EntryKind, entry_kind
from igftui.model.vocabulary import (
    Attendance,
    Gender,
    ParticipantStatus,
    Region,
    Role,
    StakeholderGroup,
    Term,
    normalise,
)
from igftui.model.wording import fold
from igftui.store.errors import CatalogueError
from igftui.tui.dialogs.dialog import FormDialog
from igftui.tui.labels import plural
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.line_field import LineField
from igftui.tui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from igftui.model.session import Participant
    from igftui.store.catalogue import Catalogue
    from igftui.store.listing import PersonSummary

#: How many people the catalogue offers under the name.
MATCHES_SHOWN = 6
#: Fewer letters than this match half the catalogue: no look-up.
LOOK_UP_FROM = 2

NAME_NEEDED = "Give the person's name (an organiser who stays anonymous needs at least a stakeholder group)."
ROLE_NEEDED = "Choose at least one role."
ORGANISATION_NEEDED = "Give the organisation's name (or at least its stakeholder group)."
PLACE_ROLE_NEEDED = (
    "A place to be confirmed is for a speaker, a moderator, an online moderator or a "
    "rapporteur: choose one of those roles."
)

#: What an entry can be: the choice at the top of the dialog.  An organisation and a place
#: to be confirmed have no person's name, and none of a person's own fields (see model.people).
KINDS: tuple[tuple[str, EntryKind], ...] = (
    ("A person", EntryKind.PERSON),
    ("An organisation, not a person (organiser)", EntryKind.ORGANISATION),
    ("A speaker to be confirmed (no name yet)", EntryKind.TO_BE_CONFIRMED),
)
BAD_EMAIL = "This does not look like an e-mail address."
#: A new entry's dialog says what is being added, and follows the "This is" choice.
_ADD_TITLES = {
    EntryKind.PERSON: "Add a person",
    EntryKind.ORGANISATION: "Add an organisation",
    EntryKind.TO_BE_CONFIRMED: "Add a speaker to be confirmed",
}


def looks_like_email(text: str) -> bool:
    """One "@" with something on both sides, and no spaces: enough to catch a slip."""
    local, at, domain = text.partition("@")
    return bool(at and local and domain) and "@" not in domain and not any(c.isspace() for c in text)


class PeopleSuggester(Suggester):
    """Completes a name inline (accepted with ``right``) from the people in the catalogue.

    Only ever the first person the list under the name shows (the catalogue ranks
    names that start with what is typed first, then word starts): the name offered
    inline is the one ``tab`` then ``enter`` picks, never someone else.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__(use_cache=True, case_sensitive=False)
        self.catalogue = catalogue

    async def get_suggestion(self, value: str) -> str | None:
        if len(value.strip()) < LOOK_UP_FROM:
            return None
        try:
            # Off the UI thread: the catalogue is a database.
            people = await asyncio.to_thread(self.catalogue.people, value.strip(), limit=1)
        except CatalogueError:
            # A completion is a convenience; the list under the name reports the failure.
            return None
        if not people:
            return None
        best = people[0].name
        # Inline, only a name that goes on from what is typed; the list shows the others.
        if len(best) > len(value) and fold(best).startswith(fold(value)):
            return best
        return None


class NameInput(LineField):
    """The name box: ``down`` goes into the people the catalogue knows by that name."""

    HELP_TITLE: ClassVar[str] = "Name"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "matches",
            "People of that name",
            show=False,
            tooltip="Move into the list of people the catalogue knows by this name",
            id="person.matches",
        ),
    ]

    @dataclass
    class WantsMatches(Message):
        """The user asked to move into the list of matches."""

    def action_matches(self) -> None:
        self.post_message(self.WantsMatches())


class PeopleMatches(OptionList):
    """The people the catalogue knows whose name matches what is typed."""

    HELP_TITLE: ClassVar[str] = "People of that name"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            "Close the list",
            tooltip="Back to the name, without picking anyone",
            id="person.matches.close",
        ),
    ]

    @dataclass
    class Closed(Message):
        """The user left the list without picking anyone."""

    def action_close(self) -> None:
        self.post_message(self.Closed())


class RoleList(SelectionList[Role]):
    """The roles to choose from, each marked only when chosen (not by colour alone)."""

    HELP_TITLE: ClassVar[str] = "Roles"

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if selection.value in self.selected or len(segments) < 2:
            return line
        # The second segment is the inside of the button Textual draws: the "X".
        segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, line.cell_length)


class FieldRow(Horizontal):
    """A form row: the label on the left, what is composed inside the row on the right."""

    def __init__(self, label: str, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"field {classes}".strip())
        self.label = label
        self.body = Vertical(classes="field-body")

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        yield self.body

    def compose_add_child(self, widget: Widget) -> None:
        # ``with FieldRow(...):`` in a compose puts the field under the label's right.
        self.body.compose_add_child(widget)


def _choices(kind: type[Term]) -> list[tuple[str, Term]]:
    return [(member.label, member) for member in kind]


class PersonDialog(FormDialog["Participant | None"]):
    """Add a person to a proposal, or edit one; dismissed with the person, or None when cancelled.

    With a catalogue, the name completes from the people in it, and picking one of
    them fills in what the catalogue last knew of them (only fields still empty).
    """

    HELP_TITLE: ClassVar[str] = "Person"
    shows_private = True  # gender and e-mail
    CHECKED: ClassVar[tuple[str, ...]] = ("person-name", "person-organisation", "person-roles", "person-email")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save this person and close the dialog", id="person.save"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close without saving (asks first after a change): the person stays as they were",
            id="person.cancel",
        ),
    ]

    DEFAULT_CSS = """
    PersonDialog #person-dialog {
        width: 78;
    }
    PersonDialog #person-form {
        height: auto;
        /* Room for the border and the buttons down to a 16-line terminal (CSS has no calc()). */
        max-height: 75vh;
        scrollbar-size-vertical: 1;
    }
    PersonDialog .field {
        height: auto;
    }
    PersonDialog .field-label {
        width: 19;
        padding-right: 1;
        color: $text-muted;
    }
    PersonDialog .field-body {
        width: 1fr;
        height: auto;
    }
    PersonDialog #person-matches, PersonDialog #person-matches:focus {
        height: auto;
        max-height: 6;
        border: none;
        padding: 0;
        background: $panel;
    }
    PersonDialog #person-roles, PersonDialog #person-roles:focus {
        height: auto;
        border: none;
        padding: 0;
    }
    PersonDialog #person-first-time, PersonDialog #person-lead {
        margin-left: 19;
    }
    /* An organisation, or a place not yet filled, has none of a person's own fields. */
    PersonDialog.-organisation .person-only, PersonDialog.-organisation .not-organisation,
    PersonDialog.-place .person-only {
        display: none;
    }
    PersonDialog .sub-heading {
        margin-top: 1;
        text-style: bold;
    }
    PersonDialog #person-buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    PersonDialog #person-buttons Button {
        margin-left: 1;
    }
    """

    # Its workers only look people up to help typing: when one fails the dialog goes on without it.
    FAILURE_SEVERITY = "warning"

    @dataclass
    class MatchesFound(Message):
        """The people whose name matches ``typed``."""

        typed: str
        people: list[PersonSummary]

    @dataclass
    class PersonKnown(Message):
        """What the catalogue last knew of ``name`` (None: nothing)."""

        name: str
        person: Participant | None

    def __init__(
        self,
        person: Participant | None,
        catalogue: Catalogue | None,
        *,
        roles: Sequence[Role] = (Role.SPEAKER,),
    ) -> None:
        """``person=None`` adds a new person with ``roles`` chosen; otherwise edits ``person``."""
        super().__init__()
        self.person = person
        self.catalogue = catalogue
        self.roles = list(person.roles) if person is not None else list(roles)
        self.kind = entry_kind(person) if person is not None else EntryKind.PERSON
        self._matches: list[PersonSummary] = []
        # The name no look-up is wanted for: the one the dialog opened with, or the one
        # just picked from the list (setting it sends the same event as typing).
        self._settled_name = (person.name or "") if person is not None else ""

    @property
    def title_text(self) -> str:
        if self.person is not None:
            return f"Edit {self.person.display_name()}"
        return _ADD_TITLES[self.kind]

    def compose(self) -> ComposeResult:
        person = self.person
        with DialogBox(self.title_text, "ctrl+s saves · escape cancels", id="person-dialog"):
            with VerticalScroll(id="person-form", can_focus=False):
                with FieldRow("This is"):
                    yield Select(KINDS, id="person-kind", compact=True, allow_blank=False, value=self.kind)
                with FieldRow("Name", classes="person-only"):
                    yield NameInput(
                        (person.name or "") if person else "",
                        id="person-name",
                        compact=True,
                        placeholder="Full name, as the person writes it",
                        suggester=PeopleSuggester(self.catalogue) if self.catalogue else None,
                    )
                    matches = PeopleMatches(id="person-matches", compact=True)
                    matches.display = False
                    yield matches
                    yield self.error_line("person-name-error")
                with FieldRow("Organisation"):
                    yield LineField(
                        (person.organisation or "") if person else "", id="person-organisation", compact=True
                    )
                    yield self.error_line("person-organisation-error")
                with FieldRow("Roles", classes="not-organisation"):
                    yield RoleList(
                        *(Selection(role.label, role, role in self.roles) for role in Role),
                        id="person-roles",
                        compact=True,
                    )
                    yield self.error_line("person-roles-error")
                with FieldRow("Stakeholder group"):
                    yield self._select(StakeholderGroup, "person-group", person.stakeholder_group if person else None)
                with FieldRow("Regional group"):
                    yield self._select(Region, "person-region", person.region if person else None)
                with FieldRow("Country"):
                    yield LineField((person.country or "") if person else "", id="person-country", compact=True)
                with FieldRow("Status", classes="person-only"):
                    yield self._select(ParticipantStatus, "person-status", person.status if person else None)
                with FieldRow("Attendance", classes="not-organisation"):
                    yield self._select(Attendance, "person-attendance", person.attendance if person else None)
                yield TickBox(
                    "First time at the IGF",
                    bool(person and person.first_time),
                    id="person-first-time",
                    classes="person-only",
                    compact=True,
                )
                yield TickBox(
                    "Lead organiser (the contact person)",
                    bool(person and person.lead),
                    id="person-lead",
                    classes="person-only",
                    compact=True,
                )
                yield Static("Private: never exported unless you ask", classes="sub-heading person-only", markup=False)
                with FieldRow("Gender", classes="person-only"):
                    yield self._select(Gender, "person-gender", person.gender if person else None)
                with FieldRow("E-mail", classes="person-only"):
                    yield LineField((person.email or "") if person else "", id="person-email", compact=True)
                    yield self.error_line("person-email-error")
            with Horizontal(id="person-buttons"):
                yield Button("Save", id="person-save", variant="primary", compact=True)
                yield Button("Cancel", id="person-cancel", compact=True)

    @staticmethod
    def _select(kind: type[Term], id: str, value: Term | None) -> Select[Term]:
        return Select(
            _choices(kind),
            id=id,
            compact=True,
            allow_blank=True,
            prompt="(not said)",
            value=value if value else Select.NULL,
        )

    def on_mount(self) -> None:
        self._show_kind(self.kind)
        if self.kind is EntryKind.PERSON:
            self.query_one("#person-name", Input).focus()
        else:
            self.query_one("#person-organisation", Input).focus()

    # ----- a person, an organisation, or a place to be confirmed -----

    @on(Select.Changed, "#person-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, EntryKind) and event.value is not self.kind:
            self._show_kind(event.value)

    def _show_kind(self, kind: EntryKind) -> None:
        self.kind = kind
        self.set_class(kind is EntryKind.ORGANISATION, "-organisation")
        self.set_class(kind is EntryKind.TO_BE_CONFIRMED, "-place")
        self.query_one("#person-dialog", DialogBox).border_title = self.title_text
        # A problem said of a field now hidden, or of another kind, no longer stands.
        for field in self.CHECKED:
            self._checked.pop(field, None)
            self._set_error(field, "")

    def discard_question(self) -> str:
        if self.kind is EntryKind.ORGANISATION:
            return "Discard your changes to this organisation?"
        roles = self.query_one("#person-roles", SelectionList).selected
        return f"Discard your changes to this {'speaker' if Role.SPEAKER in roles else 'person'}?"

    # ----- completion from the catalogue -----

    @on(Input.Changed, "#person-name")
    def _name_changed(self, event: Input.Changed) -> None:
        self.forget_errors("person-name")
        typed = event.value.strip()
        if self.catalogue is None:
            return
        if len(typed) < LOOK_UP_FROM or typed == self._settled_name.strip():
            self._show_matches([])
            return
        self._look_up_people(typed)

    @work(thread=True, exclusive=True, exit_on_error=False, group="person-matches", name="look up people")
    def _look_up_people(self, typed: str) -> None:
        assert self.catalogue is not None
        self.post_message(self.MatchesFound(typed, self.catalogue.people(typed, limit=MATCHES_SHOWN)))

    @on(MatchesFound)
    def _matches_found(self, message: MatchesFound) -> None:
        # Typing goes on while the catalogue answers: only the answer to what is there now counts.
        if message.typed != self.query_one("#person-name", Input).value.strip():
            return
        people = message.people
        if len(people) == 1 and people[0].key == normalise(message.typed):
            people = []
        self._show_matches(people)

    def _show_matches(self, people: list[PersonSummary]) -> None:
        self._matches = list(people)
        matches = self.query_one("#person-matches", PeopleMatches)
        matches.clear_options()
        matches.add_options(Option(f"{p.name} · {plural(p.sessions, 'session')}") for p in people)
        matches.display = bool(people)
        if people:
            matches.highlighted = 0
        elif matches.has_focus:
            self.query_one("#person-name", Input).focus()

    @on(NameInput.WantsMatches)
    def _into_matches(self) -> None:
        matches = self.query_one("#person-matches", PeopleMatches)
        if matches.display and self._matches:
            matches.focus()

    @on(PeopleMatches.Closed)
    def _matches_closed(self) -> None:
        self._show_matches([])
        self.query_one("#person-name", Input).focus()

    @on(OptionList.OptionSelected, "#person-matches")
    def _match_picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not 0 <= event.option_index < len(self._matches):
            return
        name = self._matches[event.option_index].name
        self._settled_name = name
        box = self.query_one("#person-name", Input)
        box.value = name
        box.cursor_position = len(name)
        self._show_matches([])
        box.focus()
        self._look_up_person(name)

    @work(thread=True, exclusive=True, exit_on_error=False, group="person-known", name="look up the person")
    def _look_up_person(self, name: str) -> None:
        assert self.catalogue is not None
        self.post_message(self.PersonKnown(name, self.catalogue.known_person(name)))

    @on(PersonKnown)
    def _person_known(self, message: PersonKnown) -> None:
        known = message.person
        if known is None or normalise(self.query_one("#person-name", Input).value) != normalise(message.name):
            return
        filled: list[str] = []
        # Only what is still empty: what the user typed is what they know best.
        for what, id, value in (
            ("organisation", "#person-organisation", known.organisation),
            ("country", "#person-country", known.country),
        ):
            box = self.query_one(id, Input)
            if value and not box.value.strip():
                box.value = value
                filled.append(what)
        for what, id, term in (
            ("stakeholder group", "#person-group", known.stakeholder_group),
            ("regional group", "#person-region", known.region),
        ):
            select = self.query_one(id, Select)
            if term is not None and select.is_blank():
                select.value = term
                filled.append(what)
        if filled:
            order = ["organisation", "stakeholder group", "regional group", "country"]
            filled.sort(key=order.index)
            self.notify("Filled in from the catalogue: " + ", ".join(filled) + ".", title="Person", markup=False)

    # ----- validation and the result -----

    @on(SelectionList.SelectedChanged, "#person-roles")
    def _roles_changed(self) -> None:
        self.forget_errors("person-roles", "person-name")

    @on(Select.Changed, "#person-group")
    def _group_changed(self) -> None:
        self.forget_errors("person-name", "person-organisation")

    @on(Input.Changed, "#person-organisation")
    def _organisation_changed(self) -> None:
        self.forget_errors("person-organisation")

    @on(Input.Changed, "#person-email")
    def _email_changed(self) -> None:
        self.forget_errors("person-email")

    def looked_at(self, field: str) -> object:
        """What the check of ``field`` looks at: its error goes once any of that changes."""
        if field == "person-email":
            return self.query_one("#person-email", Input).value
        if field == "person-organisation":
            return (
                self.query_one("#person-organisation", Input).value,
                self.query_one("#person-group", Select).selection,
            )
        roles = tuple(self.query_one("#person-roles", SelectionList).selected)
        if field == "person-roles":
            return roles
        return (self.query_one("#person-name", Input).value, roles, self.query_one("#person-group", Select).selection)

    def problems(self) -> dict[str, str]:
        """What stops the person being saved, keyed by the id of the field to fix."""
        found: dict[str, str] = {}
        roles = self.query_one("#person-roles", SelectionList).selected
        group = self.query_one("#person-group", Select).selection
        if self.kind is EntryKind.ORGANISATION:
            if not self.query_one("#person-organisation", Input).value.strip() and group is None:
                found["person-organisation"] = ORGANISATION_NEEDED
            return found
        if self.kind is EntryKind.TO_BE_CONFIRMED:
            if not roles:
                found["person-roles"] = ROLE_NEEDED
            elif all(role is Role.ORGANIZER for role in roles):
                found["person-roles"] = PLACE_ROLE_NEEDED
            return found
        if not self.query_one("#person-name", Input).value.strip() and not (
            Role.ORGANIZER in roles and group is not None
        ):
            found["person-name"] = NAME_NEEDED
        if not roles:
            found["person-roles"] = ROLE_NEEDED
        email = self.query_one("#person-email", Input).value.strip()
        if email and not looks_like_email(email):
            found["person-email"] = BAD_EMAIL
        return found

    def result(self) -> Participant:
        return self.participant()

    def participant(self) -> Participant:
        """The person as the form says now."""
        from igftui.model.session import Participant

        chosen = set(self.query_one("#person-roles", SelectionList).selected)
        if self.kind is not EntryKind.PERSON:
            return self._not_a_person(chosen)
        return Participant(
            name=self.query_one("#person-name", Input).value,
            organisation=self.query_one("#person-organisation", Input).value,
            roles=[role for role in Role if role in chosen],
            stakeholder_group=self.query_one("#person-group", Select).selection,
            region=self.query_one("#person-region", Select).selection,
            country=self.query_one("#person-country", Input).value,
            status=self.query_one("#person-status", Select).selection,
            attendance=self.query_one("#person-attendance", Select).selection,
            first_time=self.query_one("#person-first-time", Checkbox).value,
            gender=self.query_one("#person-gender", Select).selection,
            email=self.query_one("#person-email", Input).value,
            lead=self.query_one("#person-lead", Checkbox).value,
        )

    def _not_a_person(self, chosen: set[Role]) -> Participant:
        """An organisation or a place to be confirmed: no name, none of a person's own fields."""
        from igftui.model.session import Participant

        organisation = self.kind is EntryKind.ORGANISATION
        return Participant(
            name=None,
            organisation=self.query_one("#person-organisation", Input).value,
            roles=[Role.ORGANIZER] if organisation else [role for role in Role if role in chosen],
            stakeholder_group=self.query_one("#person-group", Select).selection,
            region=self.query_one("#person-region", Select).selection,
            country=self.query_one("#person-country", Input).value,
            # Where the speaker will be is part of the plan; nobody has agreed to anything yet.
            attendance=None if organisation else self.query_one("#person-attendance", Select).selection,
            to_be_confirmed=not organisation,
        )

    @on(Button.Pressed, "#person-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#person-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
