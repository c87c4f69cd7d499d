"""What every igftui screen shares: worker failures reported in one place, palette commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from textual.app import SystemCommand
from textual.screen import Screen

# describe_failure is imported from here by older code; its home is igftui.tui.failures.
from igftui.tui.failures import ReportsFailures, describe_failure

__all__ = ["IgfScreen", "describe_failure"]

ResultType = TypeVar("ResultType")


class IgfScreen(ReportsFailures, Screen[ResultType]):
    """A screen of igftui.

    Database and file work runs in thread workers that post their results as
    messages; when one fails, the user is told once, never with a traceback, and
    :meth:`work_failed` lets the screen show what is left (see :mod:`igftui.tui.failures`).
    """

    @property
    def shows_private(self) -> bool:
        """Whether this screen can show private fields (a speaker's gender or e-mail, private
        notes, what the checks say of them): a screenshot of it then warns.  Override where true."""
        return False

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands for the command palette while this screen is on top."""
        return ()

    def close_then(self, then: Callable[[], None]) -> None:
        """Put away what the screen holds (an editor saves its draft), then call ``then``."""
        then()
