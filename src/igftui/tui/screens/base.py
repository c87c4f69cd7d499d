"""What every igftui screen shares: worker failures reported in one place, palette commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar, cast

from textual.app import SystemCommand
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from igftui.store.errors import CatalogueError
from igftui.tui.keymap import in_declared_order
from igftui.tui.navigation import Navigator

if TYPE_CHECKING:
    from igftui.tui.app import IgfApp

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
    def _binding_chain(self) -> list[tuple[DOMNode, BindingsMap]]:
        # Keys the user's keymap gives stay in their place in the footer (Textual moves them last).
        chain = super()._binding_chain
        if self.app._keymap:
            for node, bindings in chain:
                in_declared_order(node, bindings)
        return chain

    @property
    def shows_private(self) -> bool:
        """Whether this screen can show private fields (a speaker's gender or e-mail, private
        notes, what the checks say of them): a screenshot of it then warns.  Override where true."""
        return False

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands for the command palette while this screen is on top."""
        return ()

    @property
    def navigate(self) -> Navigator:
        """The way to every other screen, and to the dialogs several screens share.

        Screens never import one another: each goes through here (see tui/navigation.py).
        """
        return Navigator(cast("IgfApp", self.app))

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
