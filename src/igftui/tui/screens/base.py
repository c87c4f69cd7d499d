"""What every igftui screen shares: worker failures reported in one place, palette commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from igftui.store.errors import CatalogueError

if TYPE_CHECKING:
    from igftui.config import Settings

ResultType = TypeVar("ResultType")


def describe_failure(error: BaseException | None) -> str:
    """One line a user can act on: a catalogue error says it itself, anything else by its type."""
    if error is None:
        return "unknown error"
    if isinstance(error, (CatalogueError, OSError)):
        return str(error)
    return f"{type(error).__name__}: {error}"


class IgfScreen(Screen[ResultType]):
    """A screen of igftui.

    Database and file work runs in thread workers declared with
    ``@work(thread=True, exclusive=True, exit_on_error=False, name="<what it does>")``;
    when one fails, the user gets a notification "Could not <what it does>" with
    the reason, never a traceback, and :meth:`work_failed` lets the screen
    show what is left.
    """

    @property
    def settings(self) -> Settings:
        """The user's settings, which the app holds."""
        # The app's class is not imported to type `self.app`: the app imports every screen.
        app: Any = self.app
        return app.settings

    @property
    def shows_private(self) -> bool:
        """Whether this screen can show private fields (a speaker's gender or e-mail, private
        notes, what the checks say of them): a screenshot of it then warns.  Override where true."""
        return False

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands for the command palette while this screen is on top."""
        return ()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        worker = event.worker
        what = worker.name or "finish the task"
        self.notify(describe_failure(worker.error), title=f"Could not {what}", severity="error",
                    timeout=12, markup=False)
        self.work_failed(worker)

    def close_then(self, then: Callable[[], None]) -> None:
        """Put away what the screen holds (an editor saves its draft), then call ``then``."""
        then()

    def work_failed(self, worker: Worker) -> None:
        """A worker of this screen failed (the user has been told); put the screen right."""
