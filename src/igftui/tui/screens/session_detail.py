"""One session, read-only: everything the catalogue knows of it, and what the checks say."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from igftui.tui.screens.base import IgfScreen, describe_failure
from igftui.tui.screens.dialog import IgfDialog
from igftui.tui.screens.draft_actions import DraftDeleted, DraftDuplicated
from igftui.tui.widgets.change_watcher import ChangeWatcher
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.session_view import SessionView

if TYPE_CHECKING:
    from igftui.checks import Finding
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue


def rule_set_for(session: ForumSession, configured: str | None, names: Sequence[str]) -> str:
    """The rule set a session is checked with when the user has not picked one.

    A catalogued session of a past year is judged as the programme committee of
    its year judged it (``igf-2018``), when igftui has that year's rules; a draft,
    or a session of the newest year, by the user's own rule set (the ``rules``
    setting) or else the default.
    """
    from igftui.checks import DEFAULT_RULE_SET
    from igftui.model.vocabulary import SessionStatus

    years = [int(name[4:]) for name in names if re.fullmatch(r"igf-\d{4}", name)]
    own = f"igf-{session.year}"
    if (session.status is SessionStatus.CATALOGUED and session.year and own in names
            and session.year < max(years, default=0)):
        return own
    return configured or DEFAULT_RULE_SET


class RuleSetPicker(IgfDialog[str | None]):
    """A small dialog: which rule set to run the checks with.  Dismisses with its name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close, keeping the findings shown",
                id="rules.cancel"),
    ]

    HELP_TITLE: ClassVar[str] = "Rule sets"

    DEFAULT_CSS = """
    RuleSetPicker #rules-dialog {
        width: 50;
    }
    RuleSetPicker OptionList, RuleSetPicker OptionList:focus {
        height: auto;
        max-height: 20;
        border: none;
    }
    """

    def __init__(self, choices: Sequence[tuple[str, str]], current: str | None) -> None:
        """``choices`` are (rule set, what to say about it) pairs, in the order shown."""
        super().__init__()
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with DialogBox("Run the checks with", "enter runs · escape closes", id="rules-dialog"):
            options = []
            for name, note in self.choices:
                prompt = Text(name)
                if note:
                    prompt.append(f"  {note}", style="dim")
                options.append(Option(prompt, id=name))
            yield OptionList(*options, id="rule-sets")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [name for name, _note in self.choices]
        if self.current in names:
            options.highlighted = names.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SessionDetailScreen(IgfScreen[bool]):
    """The session with id :attr:`session_id`, read from the catalogue in a worker.

    The session shows as soon as it is read; the checks run in a second worker
    and fill in their section when they finish, so opening stays quick.
    """

    SUB_TITLE = "Session"
    HELP_TITLE: ClassVar[str] = "Session"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to the catalogue", id="session.back"),
        Binding("r", "pick_rule_set", "Rule set", tooltip="Run the checks with another rule set",
                id="session.rules"),
        Binding("e", "export", "Export", tooltip="Export this session as Markdown", id="session.export"),
        Binding("a,f9", "form_assistant", "Form assistant", show=False,
                tooltip="The IGF web form's fields in order, as plain text, each copied with one key",
                id="session.form_assistant"),
        Binding("t", "from_template", "New draft from it",
                tooltip="Start a new proposal with this session's format, agenda and online plan",
                id="session.template"),
        # Kept out of the footer, which is full at 80 columns; in help and the palette.
        Binding("h", "history", "History", show=False,
                tooltip="Every saved version of this session, what each changed, and bringing one back",
                id="session.history"),
        Binding("D", "duplicate", "Duplicate", show=False,
                tooltip="Copy this session as a new draft (people and agenda too)", id="session.duplicate"),
        Binding("delete,ctrl+d", "delete_draft", "Delete", show=False,
                tooltip="Delete this draft or proposal of yours (asked first; it can be brought back)",
                id="session.delete"),
    ]

    class Fetched(Message):
        """The session as the catalogue held it at ``version`` (see ChangeWatcher)."""

        def __init__(self, session: ForumSession, version: int | None = None) -> None:
            super().__init__()
            self.session = session
            self.version = version

    class ChecksStarted(Message):
        """The worker has chosen the rule set (and knows which ones there are)."""

        def __init__(self, generation: int, rule_set: str, names: list[str]) -> None:
            super().__init__()
            self.generation = generation
            self.rule_set = rule_set
            self.names = names

    class ChecksDone(Message):
        def __init__(self, generation: int, rule_set: str, title: str, findings: list[Finding]) -> None:
            super().__init__()
            self.generation = generation
            #: The rule set as asked for (a name or a path) and as it names itself.
            self.rule_set = rule_set
            self.title = title
            self.findings = findings

    class RuleSetUnusable(Message):
        def __init__(self, generation: int, rule_set: str, reason: str) -> None:
            super().__init__()
            self.generation = generation
            self.rule_set = rule_set
            self.reason = reason

    def __init__(self, catalogue: Catalogue, session_id: int) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.session_id = session_id
        #: The session once it is read (None while loading, or if it cannot be).
        self.session: ForumSession | None = None
        #: The rule set of the findings on screen, or of the checks running.
        self.rule_set: str | None = None
        #: The built-in rule sets, once the checks worker has listed them.
        self.rule_set_names: list[str] | None = None
        #: The findings on screen (None until the checks have finished).
        self.findings: list[Finding] | None = None
        # Each run of the checks is numbered; the findings of an older run are dropped.
        self._generation = 0
        # A draft was started from this session (the catalogue list is then read again).
        self._drafted = False
        # The rule set the user picked with r, kept when the session is read again.
        self._picked_rule_set: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield SessionView(id="session")
        yield ChangeWatcher(self.catalogue, id="watcher")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SessionView).focus()
        self._fetch(self.session_id)

    @property
    def shows_private(self) -> bool:
        # The user's own proposal (anything not catalogued) may have genders recorded, and
        # the checks on screen speak of them ("all speakers are of one gender").
        from igftui.model.vocabulary import SessionStatus

        return self.session is not None and self.session.status is not SessionStatus.CATALOGUED

    @property
    def _configured_rules(self) -> str | None:
        settings = getattr(self.app, "settings", None)
        return getattr(settings, "rules", None)

    # ----- the session -----

    @work(thread=True, exclusive=True, exit_on_error=False, group="session", name="open the session")
    def _fetch(self, session_id: int) -> None:
        # The version first: a save landing while the session is read is noticed next look.
        version = self.catalogue.data_version()
        self.post_message(self.Fetched(self.catalogue.get(session_id), version))

    @on(Fetched)
    async def _show(self, message: Fetched) -> None:
        self.query_one(ChangeWatcher).saw(message.version)
        again = self.session is not None
        if again and message.session == self.session:
            return  # something else in the catalogue changed, not this session
        self.session = message.session
        self.sub_title = message.session.display_code() or "Session"
        view = self.query_one(SessionView)
        if again:
            await view.show_again(message.session)
        else:
            view.show(message.session)
        self.refresh_bindings()
        # Read again after a change elsewhere: the same rule set as before, if the user picked one.
        self.run_checks(self._picked_rule_set if again else None)

    @on(ChangeWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        self.read_again()

    def read_again(self) -> None:
        """Read the session again (it may have been saved elsewhere); shown again if it changed."""
        self._fetch(self.session_id)

    # ----- the checks -----

    def run_checks(self, rule_set: str | None = None) -> None:
        """Run the checks with ``rule_set``, or the one :func:`rule_set_for` picks."""
        if self.session is None:
            return
        self._generation += 1
        self.rule_set = rule_set
        self.findings = None
        self.query_one(SessionView).checks.running(rule_set)
        self._run_checks(self.session, rule_set, self._configured_rules, self._generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="checks", name="run the checks")
    def _run_checks(self, session: ForumSession, wanted: str | None, configured: str | None,
                    generation: int) -> None:
        from igftui.checks import (
            RuleSetError,
            load_rule_set,
            rule_set_names,
            run_checks,
        )

        names = rule_set_names()
        name = wanted or rule_set_for(session, configured, names)
        self.post_message(self.ChecksStarted(generation, name, names))
        try:
            rules = load_rule_set(name)
        except RuleSetError as exc:
            self.post_message(self.RuleSetUnusable(generation, name, str(exc)))
            return
        findings = run_checks(session, rules, self.catalogue)
        self.post_message(self.ChecksDone(generation, name, rules.name, findings))

    @on(ChecksStarted)
    def _checks_started(self, message: ChecksStarted) -> None:
        self.rule_set_names = message.names
        if message.generation == self._generation:
            self.rule_set = message.rule_set
            self.query_one(SessionView).checks.running(message.rule_set)

    @on(ChecksDone)
    def _checks_done(self, message: ChecksDone) -> None:
        if message.generation != self._generation:
            return
        self.rule_set = message.rule_set
        self.findings = message.findings
        self.query_one(SessionView).checks.show_findings(message.title, message.findings)

    @on(RuleSetUnusable)
    def _rule_set_unusable(self, message: RuleSetUnusable) -> None:
        if message.generation != self._generation:
            return
        self.notify(message.reason, title="Could not load the rule set", severity="error",
                    timeout=12, markup=False)
        self.query_one(SessionView).checks.show_problem(
            message.rule_set,
            f"The rule set {message.rule_set} could not be loaded. Press r to pick another.",
        )

    def work_failed(self, worker: Worker) -> None:
        view = self.query_one(SessionView)
        if worker.group == "checks":
            if self.session is not None:
                view.checks.show_problem(self.rule_set, "The checks could not run.")
            return
        # (Read again after a change elsewhere, it may have been deleted: nothing to export now.)
        self.session = None
        self.refresh_bindings()
        view.show_problem(
            f"This session cannot be shown: {describe_failure(worker.error)}.\n"
            "Press escape to go back to the catalogue."
        )

    # ----- actions -----

    def action_back(self) -> None:
        # Tells the catalogue whether a draft was started here, so that it shows it.
        self.dismiss(self._drafted)

    def action_pick_rule_set(self) -> None:
        """Offer the rule sets; the one picked runs at once."""
        if self.session is None:
            return
        if self.rule_set_names is None:
            self.notify("The rule sets are still being read; try again in a moment.")
            return
        self.app.push_screen(RuleSetPicker(self._choices(), self.rule_set), self._picked)

    def _choices(self) -> list[tuple[str, str]]:
        from igftui.checks import DEFAULT_RULE_SET

        names = list(self.rule_set_names or ())
        configured = self._configured_rules
        if configured and configured not in names:
            names.append(configured)
        year = f"igf-{self.session.year}" if self.session and self.session.year else None
        choices = []
        for name in names:
            notes = []
            if name == year:
                notes.append("the session's year")
            if name == configured:
                notes.append("your setting")
            elif name == DEFAULT_RULE_SET and not configured:
                notes.append("default")
            if name == self.rule_set and self.findings is not None:
                notes.append("shown")
            choices.append((name, ", ".join(notes)))
        return choices

    def _picked(self, rule_set: str | None) -> None:
        if rule_set:
            self._picked_rule_set = rule_set
            self.run_checks(rule_set)
            # The user may have scrolled far down: bring the findings they asked for into view.
            view = self.query_one(SessionView)
            view.scroll_to_widget(view.checks, top=True, animate=False)

    def action_export(self) -> None:
        """Export this session as Markdown."""
        from igftui.tui.screens.export_dialog import ExportDialog

        if self.session is not None:
            self.app.push_screen(ExportDialog(self.session, self.settings.export_dir()))

    def action_form_assistant(self) -> None:
        """Open the form assistant on this session, with the limits of the rule set of its checks."""
        from igftui.tui.screens.form_assistant import FormAssistant

        if self.session is not None:
            self.app.push_screen(FormAssistant(self.session, self.rule_set))

    def action_from_template(self) -> None:
        """Start a new proposal from this session."""
        from igftui.tui.screens.catalogue import start_from_template

        if self.session is not None:
            start_from_template(self, self.session, self._edit)

    def _edit(self, *, draft: ForumSession) -> None:
        from igftui.tui.screens.proposal_editor import ProposalEditor

        def closed(draft_id: int | None) -> None:
            if draft_id is not None:
                self._drafted = True
                self.notify(f"The new draft is in the catalogue as #{draft_id}.", markup=False)

        self.app.push_screen(ProposalEditor(self.catalogue, draft=draft), closed)

    def action_history(self) -> None:
        """Show the session's revisions; a restored one shows here when the history closes."""
        from igftui.tui.screens.history import HistoryScreen

        def closed(restored: ForumSession | None) -> None:
            if restored is not None:
                self.read_again()

        self.app.push_screen(HistoryScreen(self.catalogue, self.session_id), closed)

    def action_duplicate(self) -> None:
        """Copy this session as a new draft."""
        from igftui.tui.screens.draft_actions import duplicate

        if self.session is not None:
            duplicate(self, self.catalogue, self.session_id)

    @on(DraftDuplicated)
    def _draft_duplicated(self, message: DraftDuplicated) -> None:
        from igftui.tui.screens.draft_actions import duplicated_note

        self._drafted = True
        self.notify(duplicated_note(message), title="Copied", markup=False)

    def action_delete_draft(self) -> None:
        """Delete this session, if it is the user's own, after asking; then go back."""
        from igftui.model.vocabulary import SessionStatus
        from igftui.tui.screens.draft_actions import ask_to_delete, name_of, refuse_catalogued

        if self.session is None:
            return
        name = name_of(self.session.display_code(), self.session.title)
        if self.session.status is SessionStatus.CATALOGUED:
            refuse_catalogued(self, name)
            return
        ask_to_delete(self, self.catalogue, self.session_id, name)

    @on(DraftDeleted)
    def _draft_deleted(self, message: DraftDeleted) -> None:
        from igftui.tui.screens.draft_actions import deleted_note

        self.app.notify(deleted_note(message.deleted), title="Deleted", timeout=10, markup=False)
        if message.deleted.session_id == self.session_id:
            # Nothing left to show; the catalogue underneath reads its list again.
            self.dismiss(True)

    def action_top(self) -> None:
        self.query_one(SessionView).action_top()

    def action_bottom(self) -> None:
        self.query_one(SessionView).action_bottom()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No checks to run again until the session is on screen.
        return not (action in ("pick_rule_set", "export", "from_template", "history", "duplicate",
                               "delete_draft", "form_assistant") and self.session is None)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Back", "Back to the catalogue", self.action_back)
        if self.session is not None:
            yield SystemCommand("Rule set", "Run the checks with another rule set",
                                self.action_pick_rule_set)
            yield SystemCommand("Export", "Export this session as Markdown", self.action_export)
            yield SystemCommand("Form assistant", "The IGF web form's fields in order, each copied with one key",
                                self.action_form_assistant)
            yield SystemCommand("New draft from this session",
                                "Start a proposal with its format, agenda and online plan",
                                self.action_from_template)
            yield SystemCommand("History", "Every saved version of this session, and bringing one back",
                                self.action_history)
            yield SystemCommand("Duplicate", "Copy this session as a new draft", self.action_duplicate)
            if self.shows_private:  # the user's own: a draft or proposal
                yield SystemCommand("Delete draft", "Delete this draft (asked first; it can be brought back)",
                                    self.action_delete_draft)
            yield SystemCommand("Top of the session", "Scroll back to the title", self.action_top)
            yield SystemCommand("End of the session", "Scroll down to the last section",
                                self.action_bottom)
