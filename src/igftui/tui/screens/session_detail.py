"""One session, read-only: everything the catalogue knows of it, and what the checks say."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer, Header
from textual.worker import Worker

from igftui.tui.draft_actions import DraftDeleted, DraftDuplicated
from igftui.tui.failures import describe_failure, tell_failure
from igftui.tui.screens.base import IgfScreen
from igftui.tui.widgets.change_watcher import ChangeWatcher
from igftui.tui.widgets.session_view import SessionView
from igftui.tui.widgets.similar_sessions import SimilarList

if TYPE_CHECKING:
    from igftui.checks import Finding
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue
    from igftui.store.listing import SimilarSession

#: How many sessions "Sessions like this" lists.
SIMILAR_SHOWN = 5


class SessionDetailScreen(IgfScreen[bool]):
    """The session with id :attr:`session_id`, read from the catalogue in a worker.

    The session shows as soon as it is read; the checks run in a second worker
    and fill in their section when they finish, so opening stays quick.
    """

    SUB_TITLE = "Session"
    HELP_TITLE: ClassVar[str] = "Session"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to the catalogue", id="session.back"),
        Binding("r", "pick_rule_set", "Rule set", tooltip="Run the checks with another rule set", id="session.rules"),
        Binding("e", "export", "Export", tooltip="Export this session as Markdown", id="session.export"),
        Binding(
            "a,f9",
            "form_assistant",
            "Form assistant",
            show=False,
            tooltip="The IGF web form's fields in order, as plain text, each copied with one key",
            id="session.form_assistant",
        ),
        Binding(
            "l",
            "like_this",
            "Like this",
            show=False,
            tooltip="Go to the sessions like this one, at the end; enter reads one",
            id="session.like_this",
        ),
        Binding(
            "t",
            "from_template",
            "New draft from it",
            tooltip="Start a new proposal with this session's format, agenda and online plan",
            id="session.template",
        ),
        # Kept out of the footer, which is full at 80 columns; in help and the palette.
        Binding(
            "h",
            "history",
            "History",
            show=False,
            tooltip="Every saved version of this session, what each changed, and bringing one back",
            id="session.history",
        ),
        Binding(
            "D",
            "duplicate",
            "Duplicate",
            show=False,
            tooltip="Copy this session as a new draft (people and agenda too)",
            id="session.duplicate",
        ),
        Binding(
            "delete,ctrl+d",
            "delete_draft",
            "Delete",
            show=False,
            tooltip="Delete this draft or proposal of yours (asked first; it can be brought back)",
            id="session.delete",
        ),
    ]

    @dataclass
    class Fetched(Message):
        """The session as the catalogue held it at ``version`` (see ChangeWatcher)."""

        session: ForumSession
        version: int | None = None

    @dataclass
    class ChecksStarted(Message):
        """The worker has chosen the rule set (and knows which ones there are)."""

        generation: int
        rule_set: str
        names: list[str]

    @dataclass
    class ChecksDone(Message):
        generation: int
        #: The rule set as asked for (a name or a path) and as it names itself.
        rule_set: str
        title: str
        findings: list[Finding]

    @dataclass
    class RuleSetUnusable(Message):
        generation: int
        rule_set: str
        reason: str

    @dataclass
    class SimilarFound(Message):
        """The sessions most like the one shown, found by look number ``generation``."""

        generation: int
        found: list[SimilarSession]

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
        # And so is each look for sessions like it (the session may be read again meanwhile).
        self._similar_looks = 0
        # A draft was started from this session (the catalogue list is then read again).
        self._drafted = False
        # The rule set the user picked with r, kept when the session is read again.
        self._picked_rule_set: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield SessionView(id="session", similar=True)
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
        # Once the session is on screen: looking is a query over the whole catalogue.
        self._similar_looks += 1
        self._find_similar(message.session, self._similar_looks)

    @on(ChangeWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        self.read_again()

    def read_again(self) -> None:
        """Read the session again (it may have been saved elsewhere); shown again if it changed."""
        self._fetch(self.session_id)

    # ----- the checks -----

    def run_checks(self, rule_set: str | None = None) -> None:
        """Run the checks with ``rule_set``, or the one that judges the session (``services.rule_sets``)."""
        if self.session is None:
            return
        self._generation += 1
        self.rule_set = rule_set
        self.findings = None
        self.query_one(SessionView).checks.running(rule_set)
        self._run_checks(self.session, rule_set, self._configured_rules, self._generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="checks", name="run the checks")
    def _run_checks(self, session: ForumSession, wanted: str | None, configured: str | None, generation: int) -> None:
        from igftui.checks import (
            RuleSetError,
            load_rule_set,
            rule_set_names,
            run_checks,
        )
        from igftui.services.rule_sets import rule_set_for

        names = rule_set_names()
        name = rule_set_for(session, chosen=wanted, configured=configured, names=names)
        self.post_message(self.ChecksStarted(generation, name, names))
        try:
            rules = load_rule_set(name)
        except RuleSetError as exc:
            self.post_message(self.RuleSetUnusable(generation, name, str(exc)))
            return
        findings = run_checks(session, rules, self.catalogue)
        self.post_message(self.ChecksDone(generation, name, rules.name, findings))

    # ----- sessions like this one -----

    @work(thread=True, exclusive=True, exit_on_error=False, group="similar", name="look for sessions like this")
    def _find_similar(self, session: ForumSession, generation: int) -> None:
        from igftui.services.similar import similar_sessions

        self.post_message(self.SimilarFound(generation, similar_sessions(self.catalogue, session, limit=SIMILAR_SHOWN)))

    @on(SimilarFound)
    def _similar_found(self, message: SimilarFound) -> None:
        if message.generation == self._similar_looks and self.session is not None:
            self.query_one(SessionView).similar.show(message.found)

    @on(SimilarList.Picked)
    def _similar_picked(self, message: SimilarList.Picked) -> None:
        self.navigate.open_session(self.catalogue, message.session_id, self._session_closed)

    def _session_closed(self, drafted: bool | None) -> None:
        # A draft started from the session read is in the catalogue, which shows it once back.
        if drafted:
            self._drafted = True

    def action_like_this(self) -> None:
        """Go to "Sessions like this", at the end of the session."""
        if self.session is None:
            return
        similar = self.query_one(SessionView).similar
        if not similar.list.found:
            self.notify("No other session shares this one's words.", markup=False)
            return
        if similar.list.highlighted is None:
            similar.list.highlighted = 0
        similar.list.focus()

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
        tell_failure(self, message.reason, title="Could not load the rule set")
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
        if worker.group == "similar":
            if self.session is not None:
                view.similar.show_problem("Sessions like this could not be looked for.")
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
        self.navigate.pick_rule_set(self._choices(), self.rule_set, self._picked)

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
        if self.session is not None:
            self.navigate.export(self.session)

    def action_form_assistant(self) -> None:
        """Open the form assistant on this session, with the limits of the rule set of its checks."""
        if self.session is not None:
            self.navigate.open_form_assistant(self.session, self.rule_set)

    def action_from_template(self) -> None:
        """Start a new proposal from this session."""
        if self.session is not None:
            self.navigate.start_from_template(self.catalogue, self.session, self._editor_closed)

    def _editor_closed(self, draft_id: int | None) -> None:
        if draft_id is not None:
            self._drafted = True
            self.notify(f"The new draft is in the catalogue as #{draft_id}.", markup=False)

    def action_history(self) -> None:
        """Show the session's revisions; a restored one shows here when the history closes."""

        def closed(restored: ForumSession | None) -> None:
            if restored is not None:
                self.read_again()

        self.navigate.open_history(self.catalogue, self.session_id, closed)

    def action_duplicate(self) -> None:
        """Copy this session as a new draft."""
        from igftui.tui.draft_actions import duplicate

        if self.session is not None:
            duplicate(self, self.catalogue, self.session_id)

    @on(DraftDuplicated)
    def _draft_duplicated(self, message: DraftDuplicated) -> None:
        from igftui.tui.draft_actions import duplicated_note

        self._drafted = True
        self.notify(duplicated_note(message), title="Copied", markup=False)

    def action_delete_draft(self) -> None:
        """Delete this session, if it is the user's own, after asking; then go back."""
        from igftui.model.vocabulary import SessionStatus
        from igftui.tui.draft_actions import ask_to_delete, name_of, refuse_catalogued

        if self.session is None:
            return
        name = name_of(self.session.display_code(), self.session.title)
        if self.session.status is SessionStatus.CATALOGUED:
            refuse_catalogued(self, name)
            return
        ask_to_delete(self, self.catalogue, self.session_id, name)

    @on(DraftDeleted)
    def _draft_deleted(self, message: DraftDeleted) -> None:
        from igftui.tui.draft_actions import deleted_note

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
        return not (
            action
            in (
                "pick_rule_set",
                "export",
                "from_template",
                "history",
                "duplicate",
                "delete_draft",
                "form_assistant",
                "like_this",
            )
            and self.session is None
        )

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Back", "Back to the catalogue", self.action_back)
        if self.session is not None:
            yield SystemCommand("Rule set", "Run the checks with another rule set", self.action_pick_rule_set)
            yield SystemCommand("Export", "Export this session as Markdown", self.action_export)
            yield SystemCommand(
                "Form assistant",
                "The IGF web form's fields in order, each copied with one key",
                self.action_form_assistant,
            )
            yield SystemCommand(
                "New draft from this session",
                "Start a proposal with its format, agenda and online plan",
                self.action_from_template,
            )
            yield SystemCommand(
                "History", "Every saved version of this session, and bringing one back", self.action_history
            )
            yield SystemCommand("Duplicate", "Copy this session as a new draft", self.action_duplicate)
            if self.shows_private:  # the user's own: a draft or proposal
                yield SystemCommand(
                    "Delete draft", "Delete this draft (asked first; it can be brought back)", self.action_delete_draft
                )
            yield SystemCommand(
                "Sessions like this", "Go to the sessions like this one; enter reads one", self.action_like_this
            )
            yield SystemCommand("Top of the session", "Scroll back to the title", self.action_top)
            yield SystemCommand("End of the session", "Scroll down to the last section", self.action_bottom)
