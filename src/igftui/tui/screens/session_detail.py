"""One session, read-only: what the catalogue knows of it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer, Header
from textual.worker import Worker

from igftui.tui.screens.base import IgfScreen
from igftui.tui.widgets.session_view import SessionView

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue


class SessionDetailScreen(IgfScreen[None]):
    """The session with id :attr:`session_id`, read from the catalogue in a worker."""

    SUB_TITLE = "Session"
    HELP_TITLE: ClassVar[str] = "Session"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to the catalogue", id="session.back"),
    ]

    class Fetched(Message):
        def __init__(self, session: ForumSession) -> None:
            super().__init__()
            self.session = session

    def __init__(self, catalogue: Catalogue, session_id: int) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.session_id = session_id
        #: The session once it is read (None while loading, or if it cannot be).
        self.session: ForumSession | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield SessionView(id="session")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SessionView).focus()
        self._fetch(self.session_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="session", name="open the session")
    def _fetch(self, session_id: int) -> None:
        self.post_message(self.Fetched(self.catalogue.get(session_id)))

    @on(Fetched)
    def _show(self, message: Fetched) -> None:
        self.session = message.session
        self.sub_title = message.session.display_code() or "Session"
        self.query_one(SessionView).show(message.session)

    def work_failed(self, worker: Worker) -> None:
        self.query_one(SessionView).show_problem(
            "This session cannot be shown. Press escape to go back to the catalogue."
        )

    def action_back(self) -> None:
        self.dismiss()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Back", "Back to the catalogue", self.action_back)
