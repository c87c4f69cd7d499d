"""A session read beside the draft being written: read-only, and escape is back to the draft.

Opened from the editor's "Like this draft" list.  The editor stays underneath,
as it was, with the cursor where it was: nothing here edits or saves anything,
so going back loses nothing and stores nothing twice.  The session's checks and
its own similar sessions are left out: they are about that session, not the draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer
from textual.worker import Worker

from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.failures import describe_failure
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.session_view import SessionView

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue


class SessionBeside(IgfDialog[None]):
    """The session ``session_id``, read from the catalogue in a worker, on the right of the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,ctrl+l", "close", "Back to the draft", tooltip="Back to the draft, as you left it", id="beside.back"
        ),
    ]
    HELP_TITLE: ClassVar[str] = "Session beside the draft"

    DEFAULT_CSS = """
    SessionBeside {
        align: right top;
        /* The draft stays readable on the left. */
        background: $background 30%;
    }
    SessionBeside #beside {
        width: 60%;
        height: 100%;
        padding: 0;
    }
    SessionBeside SessionView {
        height: 1fr;
        padding: 0 1;
    }
    """

    @dataclass
    class Fetched(Message):
        session: ForumSession

    def __init__(self, catalogue: Catalogue, session_id: int) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.session_id = session_id
        #: The session once it is read.
        self.session: ForumSession | None = None

    def compose(self) -> ComposeResult:
        with DialogBox("Read only, beside the draft", "escape: back to the draft", id="beside"):
            yield SessionView(id="beside-session", checks=False)
        # Its own keys, over the editor's: escape is back to the draft here.
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
        self.query_one(SessionView).show(message.session)

    def work_failed(self, worker: Worker) -> None:
        self.query_one(SessionView).show_problem(
            f"This session cannot be shown: {describe_failure(worker.error)}.\nPress escape to go back to the draft."
        )

    def action_close(self) -> None:
        self.dismiss(None)
