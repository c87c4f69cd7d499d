"""The proposal editor: a draft, section by section as the IGF form asks, checked as it is typed.

Every answer goes into :attr:`ProposalEditor.draft` as soon as it is typed (when
it can be read); the draft is saved by a worker within a second of the last
change, or at once on ctrl+s, and the checks run again in another worker a
moment after each change.  Leaving the editor, or quitting igftui, saves first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import AwaitMount, Widget
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.worker import Worker

from igftui.model.form import (
    FIELDS,
    SECTIONS,
    AnswerError,
    current_value,
    label_of,
    place_of,
    read_answer,
    set_answer,
    shown_answer,
    time_example,
    time_label,
    time_note,
    time_problem,
    word_count,
)
from igftui.model.similarity import COMPARED_FIELDS
from igftui.model.wording import plural
from igftui.store.draft_keeper import ConflictFound, DraftKeeper, Outcome, SaveJob
from igftui.tui.delays import delays_of
from igftui.tui.draft_actions import DraftDuplicated
from igftui.tui.failures import describe_failure, tell_failure
from igftui.tui.key_order import KeysInOrder
from igftui.tui.screens.base import IgfScreen
from igftui.tui.widgets.agenda_editor import AgendaEditor, AgendaTable
from igftui.tui.widgets.field_box import FieldBox, show_value, value_of
from igftui.tui.widgets.item_table import ItemTable
from igftui.tui.widgets.live_checks import LiveChecks
from igftui.tui.widgets.people_editor import PeopleEditor, SpeakerTable
from igftui.tui.widgets.similar_sessions import SimilarList, SimilarPanel

if TYPE_CHECKING:
    from igftui.checks import Finding, RuleSet
    from igftui.checks.core import CachedCatalogue
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue
    from igftui.store.listing import SimilarSession


#: The section the editor opens on; the others are built the first time they are shown.
FIRST_SECTION = SECTIONS[0][0]


class ProposalEditor(IgfScreen["int | None"]):
    """Edit one proposal: a new draft (``draft``) or one in the catalogue (``session_id``).

    Dismisses with the id of the stored draft, or None when nothing was stored
    (a new draft left without typing anything).
    """

    SUB_TITLE = "Proposal"
    HELP_TITLE: ClassVar[str] = "Proposal editor"
    #: Said under the keys in help; {history} is the key of the history as bound now.
    HELP_NOTE: ClassVar[str] = (
        "Undo and redo (ctrl+z, ctrl+y) work in the field the cursor is in. To go back across "
        "the whole form, {history} opens the history: every saved revision of this draft, to "
        "compare with the text now and restore."
    )
    shows_private = True  # speakers' gender and e-mail, private notes
    AUTO_FOCUS = ""
    # Below 110 columns the checks go under the form instead of beside it.
    # Textual declares it `ClassVar[...] | None`, which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]  # type: ignore[misc]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            priority=True,
            tooltip="Save now (edits are also saved a moment after you stop typing)",
            id="editor.save",
        ),
        Binding("escape", "back", "Back", tooltip="Save and go back to the catalogue", id="editor.back"),
        Binding(
            "e,ctrl+o", "export", "Export", tooltip="Export the proposal as Markdown, or copy it", id="editor.export"
        ),
        Binding(
            "f8,ctrl+g",
            "next_finding",
            "Next finding",
            tooltip="Go to the field the next finding of the checks is about",
            id="editor.next_finding",
        ),
        # After the findings' key: at 80 columns the footer is nearly full, and the findings come first.
        Binding(
            "ctrl+l",
            "like_this",
            "Like this",
            tooltip="Go to the sessions like this draft (again: back to where you were typing); "
            "enter reads one beside the draft",
            id="editor.like_this",
        ),
        Binding(
            "shift+f8",
            "previous_finding",
            "Previous finding",
            show=False,
            tooltip="Go to the field the previous finding is about",
            id="editor.previous_finding",
        ),
        Binding(
            "f7",
            "history",
            "History",
            show=False,
            priority=True,
            tooltip="Every saved revision of this draft: compare one with the text now, restore it",
            id="editor.history",
        ),
        Binding(
            "f9",
            "form_assistant",
            "Form assistant",
            show=False,
            priority=True,
            tooltip="The IGF web form's fields in order, as plain text, each copied with one key",
            id="editor.form_assistant",
        ),
        Binding(
            "ctrl+r",
            "pick_rule_set",
            "Rule set",
            show=False,
            tooltip="Check the proposal with another rule set",
            id="editor.rules",
        ),
        Binding(
            "ctrl+t",
            "pick_theme",
            "IGF themes",
            show=False,
            tooltip="Pick one of the year's official IGF themes for the theme or subtheme box "
            "(any other text is fine too)",
            id="editor.pick_theme",
        ),
        Binding(
            "ctrl+pagedown",
            "step_section(1)",
            "Next section",
            show=False,
            priority=True,
            tooltip="Go to the next section of the form",
            id="editor.next_section",
        ),
        Binding(
            "ctrl+pageup",
            "step_section(-1)",
            "Previous section",
            show=False,
            priority=True,
            tooltip="Go to the previous section of the form",
            id="editor.previous_section",
        ),
        *(
            # Function keys, not alt+digit: terminals send alt as escape-then-key, which
            # Textual 8.2 can take for the start of an escape sequence and swallow what follows.
            Binding(
                f"f{number + 1}",
                f"section('{section}')",
                heading,
                show=False,
                priority=True,
                tooltip=f"Go to the section {heading}",
                id=f"editor.section_{section}",
            )
            for number, (section, heading) in enumerate(SECTIONS, start=1)
        ),
    ]

    DEFAULT_CSS = """
    ProposalEditor #editor-body {
        height: 1fr;
    }
    ProposalEditor #sections {
        width: 1fr;
        height: 1fr;
    }
    ProposalEditor TabPane {
        padding: 0;
    }
    ProposalEditor .section-form {
        height: 1fr;
        padding: 0 1;
    }
    /* Beside the form: the checks, and under them the sessions like the draft. */
    ProposalEditor #editor-side {
        width: 40;
    }
    ProposalEditor SimilarPanel {
        border-top: hkey $panel;
    }
    ProposalEditor.-narrow #editor-body {
        layout: vertical;
    }
    /* Under the form, side by side. */
    ProposalEditor.-narrow #editor-side {
        layout: horizontal;
        width: 1fr;
        height: 7;
        border-top: hkey $panel;
    }
    ProposalEditor.-narrow LiveChecks {
        width: 1fr;
        border-left: none;
    }
    ProposalEditor.-narrow SimilarPanel {
        width: 1fr;
        border-top: none;
    }
    ProposalEditor .section-title {
        text-style: bold;
        color: $text-accent;
        margin-top: 1;
    }
    ProposalEditor #editor-state {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    ProposalEditor #editor-state.unsaved {
        color: $text-warning;
    }
    ProposalEditor #editor-state.failed {
        color: $text-error;
        text-style: bold;
    }
    ProposalEditor #online-private-items {
        color: $text-muted;
        margin-bottom: 1;
    }
    """

    @dataclass
    class Fetched(Message):
        session: ForumSession

    @dataclass
    class Saved(Message):
        """A save ended: stored (perhaps merged with another copy's), or a conflict to settle."""

        outcome: Outcome

    @dataclass
    class ChecksDone(Message):
        generation: int
        rule_set: str
        title: str
        findings: list[Finding]
        limits: dict[str, int]

    @dataclass
    class RuleSetUnusable(Message):
        rule_set: str
        reason: str

    @dataclass
    class SimilarFound(Message):
        """The sessions most like the draft as it was at look number ``generation``."""

        generation: int
        found: list[SimilarSession]

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        draft: ForumSession | None = None,
        session_id: int | None = None,
        rule_set: str | None = None,
    ) -> None:
        super().__init__()
        if (draft is None) == (session_id is None):
            raise ValueError("give either a draft or the id of a stored session")
        self.catalogue = catalogue
        self.session_id = session_id
        #: The proposal as edited; None until a stored one has been read.
        self.draft: ForumSession | None = draft
        #: The rule set the checks run with (None: the user's setting, else the default).
        self.rule_set = rule_set
        #: The findings of the latest run of the checks, errors first.
        self.findings: list[Finding] = []
        #: The form's limits in the rule set ({"title": 60, ...}).
        self.limits: dict[str, int] = {}
        self._boxes = {name: FieldBox(spec) for name, spec in FIELDS.items()}
        self._by_control = {spec.widget_id: spec for spec in FIELDS.values()}
        self._people_editor = PeopleEditor(id="people-editor")
        self._agenda_editor = AgendaEditor(id="agenda-editor")
        self._online_items = Static("", id="online-private-items", markup=False)
        #: Sections whose boxes are on the screen: the first one is built with the screen, each
        #: other one the first time it is shown (see _build_section).
        self._built: set[str] = {FIRST_SECTION}
        #: Sections being built, each by its worker.
        self._building: dict[str, Worker] = {}
        #: The latest findings about the people and the agenda, for a section built after the checks ran.
        self._findings_about: dict[str, list[Finding]] = {}
        #: Whether the editor has shown the draft with the cursor in its title: see takes_keys.
        self._ready = False
        #: When to save, one save at a time, and what to do when another copy saved first.
        self.keeper = DraftKeeper(catalogue)
        if draft is not None:
            self.keeper.opened(draft)
        self._saved_at: datetime | None = None
        self._save_problem: str | None = None
        # What to do once the draft is safely stored (leave the editor, quit igftui).
        self._after_save: list[Callable[[], None]] = []
        self._save_timer: Timer | None = None
        self._check_timer: Timer | None = None
        self._check_generation = 0
        self._similar_timer: Timer | None = None
        self._similar_generation = 0
        #: The field the cursor was last in: where it goes back to from the sessions like the draft.
        self._writing_in: Widget | None = None
        self._rule_sets: dict[str, RuleSet] = {}
        self._cached_catalogue: CachedCatalogue | None = None
        #: The year whose official themes the theme boxes offer (a string before any year).
        self._themes_year: int | str | None = ""
        #: Boxes whose typing could not be kept (field name -> why): leaving asks about them.
        self._unread: dict[str, str] = {}
        self._open_failed = False

    # ----- the form -----

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="editor-body"):
            with TabbedContent(id="sections", initial=FIRST_SECTION):
                for section, heading in SECTIONS:
                    with TabPane(heading, id=section):
                        with VerticalScroll(classes="section-form", id=f"form-{section}"):
                            if section == FIRST_SECTION:
                                yield from self._section(section)
            with Vertical(id="editor-side"):
                yield LiveChecks(id="live-checks")
                yield SimilarPanel(id="similar")
        yield Static("", id="editor-state", markup=False)
        yield Footer()

    def _section(self, section: str) -> ComposeResult:
        boxes = [box for box in self._boxes.values() if box.spec.section == section]
        if section == "people":
            yield self._people_editor
        if section == "online":
            yield self._online_items
        yield from boxes
        if section == "format":
            yield self._agenda_editor

    def _build_section(self, section: str) -> Worker | None:
        """Put ``section``'s boxes on the screen, if they are not yet; None once they are.

        The whole form is some 300 widgets, and Textual styles and lays out each one:
        built all at once, the editor took 0.8 s to open, the first section alone half
        of that.  The boxes exist (and hold what they are told) from the start; a
        section's are mounted, then shown the draft, the first time it is shown.
        """
        if section in self._built:
            return None
        building = self._building.get(section)
        if building is None:
            form = self.query_one(f"#form-{section}", VerticalScroll)
            mounting = form.mount_all(list(self._section(section)))
            building = self._building[section] = self.run_worker(
                self._section_built(section, mounting), group="section", name=f"build {section}"
            )
        return building

    async def _section_built(self, section: str, mounting: AwaitMount) -> None:
        try:
            await mounting
            self._built.add(section)
            self._fill_section(section)
        finally:
            self._building.pop(section, None)

    def _fill_section(self, section: str) -> None:
        """Show the draft in the boxes of ``section``, once they are on the screen."""
        draft = self.draft
        if draft is None:
            return
        for box in self._boxes.values():
            if box.spec.section == section and box.spec.name not in self._unread:
                self._show_answer(box)
        if section == "people":
            self._show_people()
            self._people_editor.show_findings(self._findings_about.get("participants", []))
        if section == "format":
            self._agenda_editor.show_findings(self._findings_about.get("agenda", []))
        if section in ("format", "online"):
            self._show_agenda()

    def _show_answer(self, box: FieldBox) -> None:
        """Show the draft's answer in ``box``; a box of a section not built yet is shown it when it is."""
        draft = self.draft
        if draft is not None and box.spec.section in self._built:
            show_value(box.control, shown_answer(box.spec, current_value(draft, box.spec), draft))

    def on_mount(self) -> None:
        # When to save is the keeper's rule; how long its pauses are is the app's (tests: none).
        delays = delays_of(self.app)
        if delays.save_pause is not None:
            self.keeper.pause = delays.save_pause
        if delays.save_at_most is not None:
            self.keeper.at_most = delays.save_at_most
        if self.draft is None:
            self.query_one("#editor-state", Static).update("Opening the proposal…")
            self._fetch(self.session_id)
        else:
            self._fill()

    @work(thread=True, exclusive=True, exit_on_error=False, group="open", name="open the proposal")
    def _fetch(self, session_id: int) -> None:
        self.post_message(self.Fetched(self.catalogue.get(session_id)))

    @on(Fetched)
    def _fetched(self, message: Fetched) -> None:
        self.draft = message.session
        self.keeper.opened(message.session)
        self._saved_at = None
        self._fill()

    def _fill(self) -> None:
        """Show the draft in every box, then check it."""
        draft = self.draft
        assert draft is not None
        for box in self._boxes.values():
            self._show_answer(box)
        self._show_people()
        self._show_agenda()
        self._show_times()
        self._show_counts()
        self._show_state()
        self._show_title()
        self._show_themes()
        # The cursor goes where one types (the title): letters typed into the session type,
        # a list, were lost or taken for the editor's keys (e opened the export).
        self.query_one(f"#{FIELDS['title'].widget_id}").focus()
        self._check_soon(0)
        self._look_for_similar_soon(0)

    @property
    def takes_keys(self) -> bool:
        """Whether keys typed now reach a field: the App holds them until the draft is shown and
        the cursor is in it (or it cannot be opened), and while a section is being built (the
        cursor goes to its first box once it is), see igftui.tui.key_order."""
        if not self._ready and self.focused is not None:
            # The title has the cursor (Widget.focus takes effect a moment after it is asked).
            self._ready = True
        return (self._ready or self._open_failed) and not self._building

    def _show_title(self) -> None:
        draft = self.draft
        if draft is None:
            return
        bits = [draft.display_code() or ("New proposal" if draft.id is None else "Proposal"), draft.status.label]
        self.sub_title = " · ".join(bits)

    def on_descendant_focus(self, event) -> None:
        # The draft is shown with the cursor in it: from now on keys go to the editor
        # (takes_keys), whether or not a key was typed meanwhile.
        self._ready = True
        if not any(isinstance(node, (SimilarPanel, LiveChecks)) for node in event.widget.ancestors_with_self):
            self._writing_in = event.widget
        # A box's label, count and note belong with its control: bring the whole box into
        # view, not just the line with the cursor (a text area scrolls to its cursor only).
        box = next((node for node in event.widget.ancestors if isinstance(node, FieldBox)), None)
        if box is not None:
            self.call_after_refresh(box.scroll_visible, animate=False)

    # ----- answers -----

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _answered(self, event: Input.Changed | TextArea.Changed | Select.Changed | Checkbox.Changed) -> None:
        control = event.control
        spec = self._by_control.get(control.id or "")
        if spec is None or self.draft is None:
            return
        event.stop()
        box = self._boxes[spec.name]
        try:
            # Only a year needs the date (and a test's catalogue clock may move each time it is read).
            today = self._today() if spec.kind == "year" else None
            changed = set_answer(self.draft, spec, read_answer(spec, value_of(control), self.draft, today=today))
        except AnswerError as problem:
            # The draft keeps its last good answer; the box keeps the typing, and says why.
            self._unread[spec.name] = str(problem)
            box.show_problem(str(problem))
            return
        self._unread.pop(spec.name, None)
        box.show_problem(None)
        if spec.name in ("year", "time_zone", "starts_at", "ends_at"):
            # Another year or zone is another clock: the same moments, shown on it.
            self._show_times(refill=spec.name in ("year", "time_zone"))
        if spec.name in ("starts_at", "ends_at"):
            ends = self._boxes["ends_at"]
            if not ends.problem or ends.problem == "The session ends before it starts.":
                ends.show_problem(time_problem(self.draft))
        if not changed:
            return
        if spec.name in ("title", "description", "policy_questions", "session_type"):
            self._show_counts()
        if spec.name == "duration_minutes":
            self._show_agenda()
        if spec.name in ("session_type", "number", "status"):
            self._show_title()
        if spec.name in ("year", "theme", "subtheme"):
            self._show_themes()
        self._changed()
        if spec.name in COMPARED_FIELDS:
            self._look_for_similar_soon()

    def _today(self):
        """The date a year is judged against: the catalogue's clock (a test gives its own)."""
        return self.catalogue.clock().date()

    def _show_times(self, *, refill: bool = False) -> None:
        """Name the clock the time boxes are read on, with each time's zone and UTC beside it."""
        draft = self.draft
        if draft is None:
            return
        for name in ("starts_at", "ends_at"):
            box = self._boxes[name]
            box.show_label(time_label(box.spec, draft))
            box.show_count(time_note(box.spec, draft))
            assert isinstance(box.control, Input), "a time is typed on one line"
            box.control.placeholder = time_example(box.spec, draft)
            if refill and name not in self._unread:
                self._show_answer(box)

    def _changed(self) -> None:
        """The draft has changed: save it soon (see DraftKeeper) and check it again."""
        self.keeper.changed()
        self._show_state()
        self._schedule_save()
        self._check_soon()

    def _show_counts(self) -> None:
        draft = self.draft
        if draft is None:
            return
        title = len(draft.title or "")
        limit = self.limits.get("title")
        self._boxes["title"].show_count(
            f"{title}/{limit} characters" if limit else f"{title} characters", over=bool(limit and title > limit)
        )
        words = word_count(draft.description)
        limit = self.limits.get("description")
        self._boxes["description"].show_count(
            f"{words}/{limit} words" if limit else f"{words} words", over=bool(limit and words > limit)
        )
        questions = len(draft.policy_questions)
        self._boxes["policy_questions"].show_count(plural(questions, "question"))

    # ----- the IGF's themes -----

    def _show_themes(self) -> None:
        """Offer the year's official themes in the theme boxes; note an answer not among them.

        The list follows the year box: typing another year offers that year's themes.
        """
        from textual.suggester import SuggestFromList

        from igftui.model.themes import suggestions, theme_remark

        draft = self.draft
        if draft is None:
            return
        for name in ("theme", "subtheme"):
            box = self._boxes[name]
            if draft.year != self._themes_year:
                offered = suggestions(draft.year, name)
                # Completion as the user types; right arrow takes it.
                assert isinstance(box.control, Input), "a theme is typed on one line"
                box.control.suggester = SuggestFromList(offered, case_sensitive=False) if offered else None
            box.show_remark(theme_remark(draft.year, name, getattr(draft, name)))
        self._themes_year = draft.year

    def action_pick_theme(self) -> None:
        """Pick one of the year's official IGF themes for the theme (or subtheme) box."""
        from igftui.model.themes import official_themes, suggestions, themes_of
        from igftui.tui.dialogs.theme_picker import ThemePicker

        draft = self.draft
        if draft is None:
            return
        themes = themes_of(draft.year)
        if themes is None:
            known = sorted(official_themes())
            span = f"igftui knows the IGF's themes of {known[0]} to {known[-1]}"
            said = f"{span}, not of {draft.year}." if draft.year else f"Give the year first (in Basics): {span}."
            self.notify(f"{said} Any theme can be typed in the box.", title="No list of themes", markup=False)
            return
        focused = self.focused
        name = next((box for box in ("theme", "subtheme") if focused is self._boxes[box].control), themes.box)
        control = self._boxes[name].control
        self.show_section("basics", focus=False)

        def picked(choice: str | None) -> None:
            if choice:
                # As if typed: the answer is read, saved and checked like any other.
                show_value(control, choice)
            control.focus()

        title = f"IGF {draft.year} {themes.noun}"
        if name != themes.box and name == "theme" and themes.overall:
            title = f"IGF {draft.year}: the overall theme and the {themes.noun}"
        self.app.push_screen(ThemePicker(title, suggestions(draft.year, name), getattr(draft, name)), picked)

    # ----- people and agenda -----

    def _show_people(self, cursor: int | None = None) -> None:
        if self.draft is not None and "people" in self._built:
            self._people_editor.show(self.draft, cursor=cursor)

    def _show_agenda(self, cursor: int | None = None) -> None:
        draft = self.draft
        if draft is None:
            return
        if "format" in self._built:
            self._agenda_editor.show(draft, cursor=cursor)
        private = [item.title or f"item {n}" for n, item in enumerate(draft.agenda, start=1) if not item.public]
        self._online_items.update(
            Content("Kept private (not broadcast): " + "; ".join(private))
            if private
            else Content(
                "Every agenda item is public. Mark an item private in the agenda to keep it off the broadcast."
            )
        )

    @on(Button.Pressed, "#people-add")
    def _add_person_pressed(self) -> None:
        self._edit_person(None)

    @on(Button.Pressed, "#agenda-add")
    def _add_item_pressed(self) -> None:
        self._edit_item(None)

    @on(ItemTable.Wanted, "#people-table")
    def _people_wanted(self, message: ItemTable.Wanted) -> None:
        if message.what == "add":
            self._edit_person(None)
        elif message.what == "edit":
            self._edit_person(message.index)
        elif message.what == "remove":
            self._remove("participants", message.index)
        else:
            self._move("participants", message.index, -1 if message.what == "up" else 1)

    @on(ItemTable.Wanted, "#agenda-table")
    def _agenda_wanted(self, message: ItemTable.Wanted) -> None:
        if message.what == "add":
            self._edit_item(None)
        elif message.what == "edit":
            self._edit_item(message.index)
        elif message.what == "remove":
            self._remove("agenda", message.index)
        else:
            self._move("agenda", message.index, -1 if message.what == "up" else 1)

    def _edit_person(self, index: int | None) -> None:
        from igftui.tui.dialogs.person_dialog import PersonDialog

        if self.draft is None:
            return
        person = self.draft.participants[index] if index is not None else None
        self.app.push_screen(PersonDialog(person, self.catalogue), partial(self._person_done, index))

    def _person_done(self, index: int | None, person) -> None:
        if person is None or self.draft is None:
            return
        people = list(self.draft.participants)
        if index is None:
            people.append(person)
            index = len(people) - 1
        else:
            people[index] = person
        if person.lead:
            # The form has one lead organiser, the contact person: the new one replaces the old.
            from igftui.model.people import lead_label, one_lead

            people, unmarked = one_lead(people, index)
            lead = (lead_label(person) or "").lower()  # never empty: the person is the lead
            for before in unmarked:
                self.notify(
                    f"{person.display_name()} is now the {lead}, instead of {before.display_name()}.",
                    title="Lead organiser",
                    markup=False,
                )
        self.draft.participants = people
        self._people_changed(index)

    def _people_changed(self, cursor: int | None) -> None:
        self._changed()
        # Added from the palette, the person may come from another section: the list is shown.
        self.show_section("people", focus=False, then=partial(self._show_people_at, cursor))

    def _show_people_at(self, cursor: int | None) -> None:
        self._show_people(cursor)
        self.query_one(SpeakerTable).focus()

    def _edit_item(self, index: int | None) -> None:
        from igftui.tui.dialogs.agenda_item_dialog import AgendaItemDialog

        draft = self.draft
        if draft is None:
            return
        item = draft.agenda[index] if index is not None else None
        left = None
        if draft.duration_minutes:
            left = draft.duration_minutes - draft.agenda_minutes()
        self.app.push_screen(AgendaItemDialog(item, minutes_left=left), partial(self._item_done, index))

    def _item_done(self, index: int | None, item) -> None:
        if item is None or self.draft is None:
            return
        agenda = list(self.draft.agenda)
        if index is None:
            agenda.append(item)
            index = len(agenda) - 1
        else:
            agenda[index] = item
        self.draft.agenda = agenda
        self._agenda_changed(index)

    def _agenda_changed(self, cursor: int | None) -> None:
        self._changed()
        self.show_section("format", focus=False, then=partial(self._show_agenda_at, cursor))

    def _show_agenda_at(self, cursor: int | None) -> None:
        self._show_agenda(cursor)
        self.query_one(AgendaTable).focus()

    def _remove(self, what: str, index: int | None) -> None:
        from igftui.tui.dialogs.confirm import ConfirmDialog

        if self.draft is None or index is None:
            return
        items = getattr(self.draft, what)
        if what == "participants":
            name = items[index].display_name()
            question = f"Remove {name} from the proposal?"
        else:
            name = items[index].title or f"item {index + 1}"
            question = f"Remove the agenda item “{name}”?"

        def answered(yes: bool | None) -> None:
            if yes and self.draft is not None:
                kept = list(getattr(self.draft, what))
                del kept[index]
                setattr(self.draft, what, kept)
                self.notify(f"Removed {name}", markup=False)
                (self._people_changed if what == "participants" else self._agenda_changed)(index)

        # The row asked about stays in sight beside the question.
        row = self.query_one(SpeakerTable if what == "participants" else AgendaTable).cursor_region()
        self.app.push_screen(ConfirmDialog(question, yes="Remove", no="Keep", title="Remove", beside=row), answered)

    def _move(self, what: str, index: int | None, by: int) -> None:
        if self.draft is None or index is None:
            return
        items = list(getattr(self.draft, what))
        target = index + by
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        setattr(self.draft, what, items)
        (self._people_changed if what == "participants" else self._agenda_changed)(target)

    # ----- saving -----

    @property
    def unsaved(self) -> bool:
        """Whether some change is not stored yet."""
        return self.draft is not None and self.keeper.unsaved

    def action_save(self) -> None:
        """Save the draft now."""
        if self.draft is None:
            return
        if not self.unsaved and not self.keeper.saving:
            self.notify("Saved: nothing has changed since the last save.")
            return
        self._save_now()

    def _schedule_save(self) -> None:
        """Start the timer of the next save the keeper asks for (steady typing included)."""
        due = self.keeper.due_in()
        if due is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if due <= 0:
            # Due now (no pause, as in tests): on the queue, where a test can wait for it.
            self.call_later(self._save_when_due)
            return
        self._save_timer = self.set_timer(due, self._save_when_due, name="autosave")

    def _save_when_due(self) -> None:
        self._save_timer = None
        due = self.keeper.due_in()
        if due is None:
            return
        if due > 0.005:
            self._schedule_save()
        else:
            self._save_now()

    def _save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.draft is None or (not self.unsaved and not self.keeper.saving):
            self._run_after_save()
            return
        if self.keeper.conflict is not None:
            self._show_conflict()
            return
        job = self.keeper.begin(self.draft)
        if job is None:
            # A save is under way; the one after it is started when it ends.
            return
        self._show_state()
        self._store(job)

    @work(thread=True, exit_on_error=False, group="save", name="save the draft")
    def _store(self, job: SaveJob) -> None:
        self.post_message(self.Saved(self.keeper.store(job)))

    @on(Saved)
    def _stored(self, message: Saved) -> None:
        self._save_problem = None
        before = self.draft
        assert before is not None
        self.draft = self.keeper.finished(message.outcome, before)
        if isinstance(message.outcome, ConflictFound):
            self._show_state()
            self._show_conflict()
            return
        self._saved_at = datetime.now()
        if self.draft.id is not None:
            # Looked for while its first save was being stored, the draft may have found itself.
            self.query_one(SimilarPanel).list.forget(self.draft.id)
            if before.id is None:
                # So may the checks (IGF-S001 would name it as overlapping with itself):
                # checked again now that it has an id to be told apart by.
                self._check_soon(0)
        if message.outcome.recreated:
            self.notify(
                f"This draft was deleted elsewhere while it was open here. It is back in the "
                f"catalogue as #{self.draft.id}, as it is on screen, with its history.",
                title="Draft stored again",
                severity="warning",
                timeout=12,
                markup=False,
            )
        if message.outcome.taken:
            self._refill(message.outcome.taken)
            self.notify(
                "Changes saved elsewhere were merged into this draft: "
                + ", ".join(label_of(name) for name in message.outcome.taken)
                + ".",
                title="Merged",
            )
        self._show_state()
        self._show_title()
        if self.unsaved:
            self._schedule_save() if not self._after_save else self._save_now()
        else:
            self._run_after_save()

    def _refill(self, fields: Iterable[str]) -> None:
        """Show again what the fields hold after another copy's changes were taken."""
        draft = self.draft
        assert draft is not None
        tops = {name.split(".")[0] for name in fields}
        for box in self._boxes.values():
            if box.spec.name.split(".")[0] in tops:
                self._show_answer(box)
        if "participants" in tops:
            self._show_people()
        if tops & {"year", "theme", "subtheme"}:
            self._show_themes()
        if "agenda" in tops or "duration_minutes" in tops:
            self._show_agenda()
        self._show_times(refill=bool(tops & {"year", "time_zone"}))
        self._show_counts()
        self._check_soon()
        if tops & set(COMPARED_FIELDS):
            self._look_for_similar_soon()

    def _show_conflict(self) -> None:
        """Ask the user about the fields both copies changed, then save their choice."""
        from igftui.tui.dialogs.conflict_dialog import ConflictDialog

        conflict = self.keeper.conflict
        if conflict is None or isinstance(self.app.screen, ConflictDialog):
            return

        def settled(choices: dict | None) -> None:
            if self.draft is None or self.keeper.conflict is None:
                return
            self.draft = self.keeper.settle(self.draft, choices or {})
            self._refill_all()
            self._save_now()

        self.app.push_screen(ConflictDialog(conflict.merge.conflicts), settled)

    def _refill_all(self) -> None:
        self._refill([*FIELDS, "participants", "agenda"])

    def _run_after_save(self) -> None:
        waiting, self._after_save = self._after_save, []
        for then in waiting:
            then()

    def work_failed(self, worker: Worker) -> None:
        if worker.group == "save":
            self.keeper.failed()
            self._save_problem = describe_failure(worker.error)
            self._show_state()
            if self._after_save:
                self._ask_to_leave_unsaved()
        elif worker.group == "open":
            self._open_failed = True
            self.query_one("#editor-state", Static).update(
                Content("This proposal cannot be opened. Press escape to go back.")
            )
        elif worker.group == "checks":
            self.query_one(LiveChecks).show_problem("The checks could not run.")
        elif worker.group == "similar":
            self.query_one(SimilarPanel).show_problem("Sessions like this draft could not be looked for.")

    def _show_state(self) -> None:
        state = self.query_one("#editor-state", Static)
        draft = self.draft
        if draft is None:
            return
        if self.keeper.conflict is not None:
            text, kind = (
                ("Saved elsewhere too: choose what to keep for the fields changed on both sides (ctrl+s)."),
                "failed",
            )
        elif self._save_problem and self.unsaved:
            text, kind = (
                (f"Could not save: {self._save_problem}. Your changes are still here; ctrl+s tries again."),
                "failed",
            )
        elif self.keeper.saving:
            text, kind = "Saving…", "unsaved"
        elif self.unsaved:
            text, kind = "Unsaved changes (saved by themselves in a moment)", "unsaved"
        elif draft.id is None:
            text, kind = "New draft: it is stored as soon as you type something", ""
        elif self._saved_at is not None:
            text, kind = f"Saved at {self._saved_at:%H:%M:%S} · in the catalogue as #{draft.id}", ""
        else:
            text, kind = f"In the catalogue as #{draft.id}", ""
        state.update(Content(text))
        state.set_classes(kind)

    @property
    def has_unread_boxes(self) -> bool:
        """Whether some box holds typing that could not be kept (leaving would lose it)."""
        return bool(self._unread)

    def close_then(self, then: Callable[[], None]) -> None:
        """Store what is unsaved, then call ``then``; if it cannot be stored, ask first.

        A box whose typing could not be kept ("abc" for a year) is never lost in
        silence: the user is asked to fix it, or to leave and lose only that typing.
        """
        if self._unread:
            self._ask_about_unread(then)
            return
        if not self.unsaved and not self.keeper.saving:
            then()
            return
        self._after_save.append(then)
        if self._save_problem and not self.keeper.saving:
            self._ask_to_leave_unsaved()
        else:
            self._save_now()

    def _ask_about_unread(self, then: Callable[[], None]) -> None:
        from igftui.tui.dialogs.confirm import ConfirmDialog

        unread = dict(self._unread)
        lines = []
        for name, why in unread.items():
            typed = str(value_of(self._boxes[name].control)).strip()
            lines.append(f"{label_of(name)}: “{typed[:40]}” is not kept. {why}")
        which = "that box" if len(unread) == 1 else "those boxes"

        def answered(leave: bool | None) -> None:
            if self.draft is None:
                return
            if not leave:
                first = next(iter(unread))
                spec = FIELDS[first]
                self.show_section(spec.section, focus=False, then=partial(self._focus_field, spec.widget_id))
                return
            # Put the last good answers back in the boxes; the draft never had the typing.
            for name in unread:
                box = self._boxes[name]
                self._unread.pop(name, None)
                box.show_problem(None)
                self._show_answer(box)
            self.close_then(then)

        self.app.push_screen(
            ConfirmDialog(
                "\n".join(lines) + f"\n\nFix it, or leave and lose only what was typed in {which}?",
                yes="Leave",
                no="Fix it",
                title="Not kept",
            ),
            answered,
        )

    def _ask_to_leave_unsaved(self) -> None:
        from igftui.tui.dialogs.confirm import ConfirmDialog

        waiting, self._after_save = self._after_save, []

        def answered(leave: bool | None) -> None:
            if leave:
                # The user chose to lose the changes: nothing is unsaved any more.
                self.keeper.forget_changes()
                for then in waiting:
                    then()

        self.app.push_screen(
            ConfirmDialog(
                f"The draft could not be saved: {self._save_problem}\n\nLeave anyway and lose the latest changes?",
                yes="Leave",
                no="Stay",
                title="Not saved",
            ),
            answered,
        )

    def action_back(self) -> None:
        """Save, then go back to the catalogue."""
        if self.draft is None:
            self.dismiss(None)
            return

        def leave() -> None:
            self.dismiss(self.draft.id if self.draft else None)

        self.close_then(leave)

    # ----- checks -----

    def _check_soon(self, delay: float | None = None) -> None:
        """Run the checks after ``delay`` seconds (None: the app's pause after typing; 0: now)."""
        self._check_timer = self._after_pause(self._check_timer, delay, self._start_checks, "checks")

    def _after_pause(
        self, timer: Timer | None, delay: float | None, then: Callable[[], object], name: str
    ) -> Timer | None:
        """Call ``then`` after ``delay`` seconds (None: the app's pause after typing; 0: on the
        queue, where a test can wait for it), instead of when ``timer`` would have: one call
        after a burst of typing, not one a key.  Returns the new timer to keep."""
        if delay is None:
            delay = delays_of(self.app).checks
        if timer is not None:
            timer.stop()
        if delay:
            return self.set_timer(delay, then, name=name)
        self.call_later(then)
        return None

    def _start_checks(self) -> None:
        if self.draft is None:
            return
        self._check_generation += 1
        self._run_checks(self.draft.model_copy(deep=True), self._rule_set_name(), self._check_generation)

    def _rule_set_name(self) -> str:
        from igftui.services.rule_sets import rule_set_for

        # The one policy of the command line and the session screen: the user's own
        # proposal by the rule set picked, else the `rules` setting, else the newest.
        return rule_set_for(self.draft, chosen=self.rule_set, configured=self.settings.rules)

    @work(thread=True, exclusive=True, exit_on_error=False, group="checks", name="run the checks")
    def _run_checks(self, draft: ForumSession, name: str, generation: int) -> None:
        from igftui.checks import (
            CachedCatalogue,
            RuleSetError,
            load_rule_set,
            run_checks,
        )
        from igftui.checks.limits import form_limits

        rules = self._rule_sets.get(name)
        if rules is None:
            try:
                rules = self._rule_sets[name] = load_rule_set(name)
            except RuleSetError as exc:
                self.post_message(self.RuleSetUnusable(name, str(exc)))
                return
        if self._cached_catalogue is None:
            # Person look-ups are remembered for a moment: the checks run on every pause in typing.
            self._cached_catalogue = CachedCatalogue(self.catalogue)
        findings = run_checks(draft, rules, self._cached_catalogue)
        self.post_message(self.ChecksDone(generation, name, rules.name, findings, form_limits(rules, draft)))

    @on(ChecksDone)
    def _checked(self, message: ChecksDone) -> None:
        if message.generation != self._check_generation:
            return
        self.findings = message.findings
        self.limits = message.limits
        self.query_one(LiveChecks).show_findings(message.title, message.findings)
        # Next to a field go the errors and warnings; notes (info) stay in the panel, where
        # they do not push the field's neighbours down the screen.
        about: dict[str, list[Finding]] = {}
        for finding in message.findings:
            if finding.severity.value != "info":
                about.setdefault(finding.field or "", []).append(finding)
        for name, box in self._boxes.items():
            box.show_findings(about.get(name, []))
        self._findings_about = about
        if "people" in self._built:
            self._people_editor.show_findings(about.get("participants", []))
        if "format" in self._built:
            self._agenda_editor.show_findings(about.get("agenda", []))
        self._boxes["online_participation.platform"].show_findings(
            about.get("online_participation", []) + about.get("online_participation.platform", [])
        )
        self._show_counts()

    @on(RuleSetUnusable)
    def _rule_set_unusable(self, message: RuleSetUnusable) -> None:
        tell_failure(self, message.reason, title="Could not load the rule set")
        self.query_one(LiveChecks).show_problem(
            f"The rule set {message.rule_set} could not be loaded. ctrl+r picks another."
        )

    # ----- sessions like the draft -----

    def _look_for_similar_soon(self, delay: float | None = None) -> None:
        """Look for the sessions like the draft after ``delay`` seconds (None: the pause after
        typing the checks wait for; 0: now): one look after a burst of typing, not one a key."""
        self._similar_timer = self._after_pause(self._similar_timer, delay, self._start_looking, "similar")

    def _start_looking(self) -> None:
        self._similar_timer = None
        draft = self.draft
        if draft is None:
            return
        self._similar_generation += 1
        if not any(getattr(draft, name) for name in COMPARED_FIELDS):
            self.query_one(SimilarPanel).show_hint()
            return
        self._find_similar(draft.model_copy(deep=True), self._similar_generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="similar", name="look for sessions like this draft")
    def _find_similar(self, draft: ForumSession, generation: int) -> None:
        from igftui.services.similar import similar_sessions

        self.post_message(self.SimilarFound(generation, similar_sessions(self.catalogue, draft)))

    @on(SimilarFound)
    def _similar_found(self, message: SimilarFound) -> None:
        if message.generation != self._similar_generation:
            return
        own = self.draft.id if self.draft is not None else None
        self.query_one(SimilarPanel).show([like for like in message.found if like.id != own])

    def action_like_this(self) -> None:
        """Go to the sessions like the draft; from there, back to where the cursor was."""
        panel = self.query_one(SimilarPanel)
        if panel.list.has_focus:
            self._back_to_draft()
            return
        if not panel.list.found:
            self.notify(
                "No session is like this draft yet: they are listed beside the checks as you write.", markup=False
            )
            return
        if panel.list.highlighted is None:
            panel.list.highlighted = 0
        panel.list.focus()

    @on(SimilarPanel.BackWanted)
    def _back_to_draft(self) -> None:
        field = self._writing_in
        if field is None or not field.is_attached:
            field = self.query_one(f"#{FIELDS['title'].widget_id}")
        field.focus()

    @on(SimilarList.Picked)
    def _similar_picked(self, message: SimilarList.Picked) -> None:
        # Read-only, over the editor: the draft stays as it is, and escape brings the cursor back.
        self.navigate.read_beside(self.catalogue, message.session_id, lambda _nothing: self._back_to_draft())

    def action_history(self) -> None:
        """Open the draft's history once what is typed is saved (a restore is a new revision)."""
        if self.draft is None:
            return
        if self.draft.id is None and not self.unsaved:
            self.notify("Nothing is saved yet: the history starts with the first save.")
            return
        self.close_then(self._open_history)

    def _open_history(self) -> None:
        if self.draft is None or self.draft.id is None:
            return
        self.navigate.open_history(self.catalogue, self.draft.id, self._history_closed)

    def _history_closed(self, restored: ForumSession | None) -> None:
        if restored is None or self.draft is None:
            return
        # The restored text is the draft now, and the version later saves are made from.
        for name in type(restored).model_fields:
            if name not in ("id", "uid"):
                setattr(self.draft, name, getattr(restored, name))
        self.keeper.opened(restored)
        self._refill_all()
        self._show_title()
        self.notify("The draft is back to the revision you chose; the text before is in the history.", title="Restored")

    def action_pick_rule_set(self) -> None:
        """Offer the rule sets; the proposal is checked with the one picked."""
        from igftui.checks import rule_set_names

        current = self._rule_set_name()
        names = list(rule_set_names())
        if current not in names:
            names.append(current)
        choices = [(name, "in use" if name == current else "") for name in names]

        def picked(name: str | None) -> None:
            if name and name != current:
                self.rule_set = name
                self._check_soon(0)

        self.navigate.pick_rule_set(choices, current, picked)

    # ----- going to a field -----

    @on(LiveChecks.JumpWanted)
    def _jump_wanted(self, message: LiveChecks.JumpWanted) -> None:
        self.go_to_finding(message.finding)

    def go_to_finding(self, finding: Finding) -> None:
        """Show the section and the field ``finding`` is about, with the cursor in it."""
        place = place_of(finding.field)
        if place is None:
            self.notify("This finding is about the proposal as a whole.", markup=False)
            return
        section, widget_id = place
        self.show_section(section, focus=False, then=partial(self._focus_field, widget_id))

    def _focus_field(self, widget_id: str) -> None:
        # After a refresh, once the section is laid out: on_descendant_focus brings the
        # field's whole box into view.
        self.call_after_refresh(self.query_one(f"#{widget_id}").focus)

    def action_next_finding(self) -> None:
        """Go to the field of the next finding."""
        self._step_finding(1)

    def action_previous_finding(self) -> None:
        """Go to the field of the previous finding."""
        self._step_finding(-1)

    def _step_finding(self, by: int) -> None:
        finding = self.query_one(LiveChecks).step(by)
        if finding is None:
            self.notify("No findings: the checks have nothing to say.")
            return
        self.go_to_finding(finding)

    def show_section(self, section: str, *, focus: bool = True, then: Callable[[], None] | None = None) -> None:
        """Show ``section`` of the form; with ``focus``, put the cursor in its first field; then
        call ``then`` (once the section's boxes are on the screen, the first time it is shown).

        A test (or anything) may wait for the section with the "section" workers.
        """
        tabs = self.query_one(TabbedContent)
        tabs.active = section
        building = self._build_section(section)
        if building is None:
            self._section_shown(section, focus, then)
            return
        # Keys typed meanwhile wait (takes_keys), and go to the section once it is built.
        self.run_worker(self._when_built(building, section, focus, then), group="section", name=f"show {section}")

    async def _when_built(self, building: Worker, section: str, focus: bool, then: Callable[[], None] | None) -> None:
        try:
            await building.wait()
            if self.query_one(TabbedContent).active == section:
                self._section_shown(section, focus, then)
            elif then is not None:
                # Another section was asked for meanwhile: the cursor stays for that one.
                then()
        finally:
            if isinstance(self.app, KeysInOrder):
                self.app.screen_ready()

    def _section_shown(self, section: str, focus: bool, then: Callable[[], None] | None) -> None:
        if focus:
            form = self.query_one(f"#form-{section}", VerticalScroll)
            # At once, not after a refresh: the next key typed goes to the field focused now.
            self._focus_first(form)
        if then is not None:
            then()

    def _focus_first(self, form: VerticalScroll) -> None:
        for widget in form.query("*"):
            if widget.focusable:
                # The top of the section, with the first box's label, rather than just its control.
                self.set_focus(widget, scroll_visible=False)
                self.call_after_refresh(form.scroll_home, animate=False)
                return

    def action_section(self, section: str) -> None:
        """Go to a section of the form."""
        self.show_section(section)

    def action_step_section(self, by: int) -> None:
        """Go to the next or previous section."""
        order = [section for section, _heading in SECTIONS]
        current = self.query_one(TabbedContent).active
        index = order.index(current) if current in order else 0
        self.show_section(order[(index + by) % len(order)])

    # ----- export -----

    def action_export(self) -> None:
        """Export the proposal as Markdown (a dialog with a preview)."""
        if self.draft is None:
            return
        self.navigate.export(self.draft.model_copy(deep=True))

    # ----- deleting and duplicating (see draft_actions) -----

    def action_duplicate(self) -> None:
        """Save what is typed, then copy the draft as a new one."""
        from igftui.tui.draft_actions import duplicate

        if self.draft is None or (self.draft.id is None and not self.unsaved):
            self.notify("Nothing is saved yet: type something first, then copy it.", markup=False)
            return
        self.close_then(
            lambda: duplicate(self, self.catalogue, self.draft.id) if self.draft and self.draft.id else None
        )

    @on(DraftDuplicated)
    def _draft_duplicated(self, message: DraftDuplicated) -> None:
        from igftui.tui.draft_actions import duplicated_note

        self.notify(duplicated_note(message) + " It is in the catalogue.", title="Copied", markup=False)

    def action_delete_draft(self) -> None:
        """Ask, save what is typed, leave the editor, and delete the draft (it can be brought back)."""
        from igftui.tui.draft_actions import ask_to_delete, delete_now, name_of

        draft = self.draft
        if draft is None or (draft.id is None and not self.unsaved):
            self.notify("This draft is not stored yet: there is nothing to delete.", markup=False)
            return

        def leave_and_delete() -> None:
            # Deleted by the screen underneath once the editor is gone: no autosave can
            # store the draft again while it is being deleted.
            below = self.app.screen_stack[-2]
            session_id = self.draft.id if self.draft else None
            self.dismiss(None)
            if session_id is not None and isinstance(below, IgfScreen):
                delete_now(below, self.catalogue, session_id)

        name = name_of(draft.display_code(), draft.title)
        ask_to_delete(self, self.catalogue, draft.id or 0, name, then=lambda: self.close_then(leave_and_delete))

    def action_form_assistant(self) -> None:
        """Open the form assistant on the proposal as it is now, with this editor's rule set's limits."""
        if self.draft is None:
            return
        self.navigate.open_form_assistant(self.draft.model_copy(deep=True), self._rule_set_name())

    # ----- palette -----

    def set_status(self, status) -> None:
        """Move the proposal on (submitted, accepted...), as choosing it in Basics does."""
        control = self.query_one(f"#{FIELDS['status'].widget_id}", Select)
        control.value = status

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.draft is None and action in {
            "save",
            "export",
            "next_finding",
            "previous_finding",
            "pick_rule_set",
            "form_assistant",
            "like_this",
        }:
            return False
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        from igftui.model.form import PROPOSAL_STATUSES

        yield SystemCommand("Save", "Save the draft now", self.action_save)
        yield SystemCommand("Back", "Save and go back to the catalogue", self.action_back)
        if self.draft is None:
            return
        yield SystemCommand("Export", "Export the proposal as Markdown, or copy it", self.action_export)
        yield SystemCommand(
            "Form assistant", "The IGF web form's fields in order, each copied with one key", self.action_form_assistant
        )
        for section, heading in SECTIONS:
            yield SystemCommand(
                f"Go to {heading}", f"Show the section {heading} of the form", partial(self.show_section, section)
            )
        yield SystemCommand(
            "Add a person", "Add an organiser, speaker, moderator or rapporteur", partial(self._edit_person, None)
        )
        yield SystemCommand("Add an agenda item", "Add a timed item to the agenda", partial(self._edit_item, None))
        yield SystemCommand("Next finding", "Go to the field the next finding is about", self.action_next_finding)
        yield SystemCommand(
            "Sessions like this draft",
            "Go to the sessions like this draft; enter reads one beside it",
            self.action_like_this,
        )
        yield SystemCommand("Rule set", "Check the proposal with another rule set", self.action_pick_rule_set)
        yield SystemCommand(
            "IGF themes", "Pick one of the year's official IGF themes for the theme box", self.action_pick_theme
        )
        yield SystemCommand("History", "Every saved revision of this draft: compare, restore", self.action_history)
        yield SystemCommand("Duplicate this draft", "Save it, then copy it as a new draft", self.action_duplicate)
        yield SystemCommand(
            "Delete this draft", "Delete it and go back (asked first; it can be brought back)", self.action_delete_draft
        )
        for status in PROPOSAL_STATUSES:
            if status is not self.draft.status:
                yield SystemCommand(
                    f"Mark as {status.label.lower()}",
                    f"Set the proposal's status to {status.label}",
                    partial(self.set_status, status),
                )
