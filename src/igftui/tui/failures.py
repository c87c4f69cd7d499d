"""How work done in a thread reaches the screen: its result as a message, its failure told once.

Every thread worker of igftui is declared
``@work(thread=True, exit_on_error=False, group=..., name="<what it does>")``, exclusive
where a newer request makes an older one pointless.  What it finds, it posts as a message
(a dataclass) to the screen, dialog or widget that started it; outcomes the user can act on
(a file already there, a rule set that does not load) are messages too.

When a worker raises, the node that started it hears of it in one place,
:meth:`ReportsFailures.on_worker_state_changed`: the user gets one notification,
"Could not <what it does>", with the reason in their words (the store's errors say
themselves) and never a traceback; then the node's :meth:`ReportsFailures.work_failed`
puts what is on screen right (a line where a list would be, a page asked for again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.worker import Worker, WorkerState

from igftui.store.errors import CatalogueError

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.widget import Widget

#: Seconds a failure stays on screen: long enough to read a path in it.
FAILURE_TIMEOUT = 12


def describe_failure(error: BaseException | None) -> str:
    """One line a user can act on: a catalogue error says it itself, anything else by its type."""
    if error is None:
        return "unknown error"
    if isinstance(error, (CatalogueError, OSError)):
        return str(error)
    return f"{type(error).__name__}: {error}"


def tell_failure(node: App | Widget, reason: str, *, title: str, severity: SeverityLevel = "error") -> None:
    """Tell the user that something could not be done: ``title`` says what, ``reason`` why.

    Every failure igftui shows goes through here, so all look alike and none is
    read as markup (a path or a title may hold "[...]").
    """
    node.notify(reason, title=title, severity=severity, timeout=FAILURE_TIMEOUT, markup=False)


class ReportsFailures:
    """Mixin for the app, a screen, a dialog or a widget whose thread workers may fail.

    The one handler of failed workers: it tells the user once (see
    :func:`tell_failure`) and then calls :meth:`work_failed`.
    """

    #: "warning" where a failure loses nothing (a lookup that only helps the user type).
    FAILURE_SEVERITY: ClassVar[SeverityLevel] = "error"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        worker = event.worker
        node: App | Widget = self  # type: ignore[assignment]  # mixed only into those
        tell_failure(
            node,
            describe_failure(worker.error),
            title=f"Could not {worker.name or 'finish the task'}",
            severity=self.FAILURE_SEVERITY,
        )
        self.work_failed(worker)

    def work_failed(self, worker: Worker) -> None:
        """A worker of this node failed (the user has been told); put what is on screen right."""
