"""Every way from one screen to another, in one place, so that no screen imports another.

A screen asks for the next one through its :attr:`~igftui.tui.screens.base.IgfScreen.navigate`
(``self.navigate.open_session(catalogue, session_id)``) and gets the answer, if it wants one,
in ``then`` when that screen or dialog closes, as with :meth:`textual.app.App.push_screen`.
The screens and dialogs are imported when first opened: the app paints its first screen
without loading the ones the user has not asked for yet (and the storage they load).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue
    from igftui.tui.app import IgfApp


class Navigator:
    """Opens the screens and the dialogs that several screens share, on top of the app's stack."""

    def __init__(self, app: IgfApp) -> None:
        self.app = app

    # ----- screens -----

    def open_session(
        self, catalogue: Catalogue, session_id: int, then: Callable[[bool | None], None] | None = None
    ) -> None:
        """Show a session read-only; ``then`` hears whether a draft was started from it."""
        from igftui.tui.screens.session_detail import SessionDetailScreen

        self.app.push_screen(SessionDetailScreen(catalogue, session_id), then)

    def read_beside(self, catalogue: Catalogue, session_id: int, then: Callable[[None], None] | None = None) -> None:
        """Show a session read-only beside the draft being written; ``then`` is called once it closes."""
        from igftui.tui.dialogs.session_beside import SessionBeside

        self.app.push_screen(SessionBeside(catalogue, session_id), then)

    def edit_proposal(
        self,
        catalogue: Catalogue,
        *,
        draft: ForumSession | None = None,
        session_id: int | None = None,
        then: Callable[[int | None], None] | None = None,
    ) -> None:
        """Open the editor on a new ``draft``, or on the stored one ``session_id``.

        ``then`` hears the id the draft is stored under, or None if nothing was stored.
        """
        from igftui.tui.screens.proposal_editor import ProposalEditor

        self.app.push_screen(ProposalEditor(catalogue, draft=draft, session_id=session_id), then)

    def start_from_template(
        self, catalogue: Catalogue, template: ForumSession, then: Callable[[int | None], None] | None = None
    ) -> None:
        """Ask whether the people come too, then open the editor on a draft made from ``template``."""
        from datetime import date

        from igftui.model.drafting import draft_from_template
        from igftui.model.meetings import next_forum_year
        from igftui.tui.dialogs.template_dialog import TemplateDialog

        name = " ".join(bit for bit in (template.display_code(), template.title) if bit) or "This session"

        def answered(with_people: bool | None) -> None:
            if with_people is not None:
                open_one = getattr(self.app, "catalogue", None)
                today = open_one.clock().date() if open_one is not None else date.today()
                draft = draft_from_template(template, year=next_forum_year(today), with_people=with_people)
                self.edit_proposal(catalogue, draft=draft, then=then)

        self.app.push_screen(TemplateDialog(name), answered)

    def open_history(
        self, catalogue: Catalogue, session_id: int, then: Callable[[ForumSession | None], None] | None = None
    ) -> None:
        """Show a session's revisions; ``then`` hears the one restored, if one was."""
        from igftui.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(catalogue, session_id), then)

    def open_people(self, catalogue: Catalogue) -> None:
        """Show everyone in the catalogue."""
        from igftui.tui.screens.people import PeopleScreen

        self.app.push_screen(PeopleScreen(catalogue))

    def open_person_sessions(self, catalogue: Catalogue, name: str) -> None:
        """Show the sessions of the person called ``name``."""
        from igftui.tui.screens.person_sessions import PersonSessionsScreen

        self.app.push_screen(PersonSessionsScreen(catalogue, name))

    def open_deleted_drafts(self, catalogue: Catalogue, then: Callable[[int | None], None] | None = None) -> None:
        """Show the deleted drafts; ``then`` hears how many were brought back."""
        from igftui.tui.screens.deleted_drafts import DeletedDraftsScreen

        self.app.push_screen(DeletedDraftsScreen(catalogue), then)

    def open_form_assistant(self, session: ForumSession, rule_set: str | None) -> None:
        """Show ``session`` as the IGF web form asks for it, within the limits of ``rule_set``."""
        from igftui.tui.screens.form_assistant import FormAssistant

        self.app.push_screen(FormAssistant(session, rule_set))

    # ----- dialogs more than one screen asks for -----

    def export(self, session: ForumSession) -> None:
        """Ask where to export ``session`` as Markdown, offering the export folder of the settings."""
        from igftui.tui.dialogs.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(session, self.app.settings.export_dir()))

    def import_pages(self, catalogue: Catalogue, then: Callable[[int | None], None] | None = None) -> None:
        """Ask for files or a folder and import them; ``then`` hears how many sessions were stored."""
        from igftui.tui.dialogs.import_dialog import ImportDialog

        self.app.push_screen(ImportDialog(catalogue), then)

    def pick_rule_set(
        self, choices: Sequence[tuple[str, str]], current: str | None, then: Callable[[str | None], None]
    ) -> None:
        """Ask which rule set to check with; ``choices`` are (name, note) pairs in the order shown."""
        from igftui.tui.dialogs.rule_set_picker import RuleSetPicker

        self.app.push_screen(RuleSetPicker(choices, current), then)
