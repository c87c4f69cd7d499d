"""What every igftui screen shares: worker failures reported in one place, palette commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.app import SystemCommand
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen

# describe_failure is imported from here by older code; its home is igftui.tui.failures.
from igftui.tui.failures import ReportsFailures, describe_failure
from igftui.tui.keymap import in_declared_order
from igftui.tui.navigation import Navigator

if TYPE_CHECKING:
    from igftui.tui.app import IgfApp

__all__ = ["IgfScreen", "describe_failure"]

if TYPE_CHECKING:
    from igftui.config import Settings

ResultType = TypeVar("ResultType")


class IgfScreen(ReportsFailures, Screen[ResultType]):
    """A screen of igftui.

    Database and file work runs in thread workers that post their results as
    messages; when one fails, the user is told once, never with a traceback, and
    :meth:`work_failed` lets the screen show what is left (see :mod:`igftui.tui.failures`).
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

    @property
    def navigate(self) -> Navigator:
        """The way to every other screen, and to the dialogs several screens share.

        Screens never import one another: each goes through here (see tui/navigation.py).
        """
        return Navigator(cast("IgfApp", self.app))

    def close_then(self, then: Callable[[], None]) -> None:
        """Put away what the screen holds (an editor saves its draft), then call ``then``."""
        then()
