"""Noticing what another copy of igftui, or the command line, changed in the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker

from igftui.store.errors import CatalogueError
from igftui.tui.delays import delays_of
from igftui.tui.failures import ReportsFailures

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue


class ChangeWatcher(ReportsFailures, Widget):
    """An invisible part of a screen that posts :class:`Changed` when the catalogue has changed.

    Every :attr:`interval` seconds it asks the catalogue, in a thread worker (the
    answer comes from SQLite, never on the UI thread), for its
    :meth:`~igftui.store.catalogue.Catalogue.data_version`.  The screen hands
    it the version each of its reads was made at (:meth:`saw`; read the version
    *before* the data, so nothing committed in between is missed); when a look
    finds another, :class:`Changed` bubbles up to the screen, which reads
    again.  It looks only while its screen is the one on top (a screen under
    another has its timer stopped, not merely idle), and looks at once when its
    screen comes back on top, so the user never sees it stale.
    """

    # Losing the looks loses nothing the user typed: a warning, said once.
    FAILURE_SEVERITY = "warning"

    DEFAULT_CSS = """
    ChangeWatcher {
        display: none;
    }
    """

    @dataclass
    class Changed(Message):
        """The catalogue changed since the screen last read it: read it again."""

    @dataclass
    class Looked(Message):
        """What a look found (posted by the worker to the watcher itself)."""

        #: None when the catalogue could not answer this time.
        version: int | None

    def __init__(self, catalogue: Catalogue | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The catalogue to watch; None until it is open (nothing is asked meanwhile).
        self.catalogue = catalogue
        #: The version the screen's text was read at, or None before anything was read.
        self.seen: int | None = None
        self._asking = False
        self._timer: Timer | None = None

    @property
    def interval(self) -> float | None:
        """Seconds between looks (the app's ``delays.watch_every``); None or 0 when the app
        looks only when asked (tests)."""
        return delays_of(self.app).watch_every

    def on_mount(self) -> None:
        if self.interval:
            self._timer = self.set_interval(self.interval, self.look, name="look for changes")
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, _screen: object) -> None:
        if self.screen.is_active:
            if self._timer is not None:
                self._timer.resume()
            self.look()
        elif self._timer is not None:
            self._timer.pause()

    def saw(self, version: int | None) -> None:
        """The screen has read the catalogue as it was at ``version``."""
        if version is not None:
            self.seen = version

    def look(self) -> None:
        """Ask the catalogue now whether it changed (the timer calls this; so can a test)."""
        if self.catalogue is None or self._asking or not self.screen.is_active:
            return
        self._asking = True
        self._ask(self.catalogue)

    @work(thread=True, exit_on_error=False, group="watch", name="look for changes made elsewhere")
    def _ask(self, catalogue: Catalogue) -> None:
        try:
            version = catalogue.data_version()
        except CatalogueError:
            # Busy or briefly unreadable: the next look asks again, and a real problem
            # shows when the screen reads the catalogue itself.
            version = None
        self.post_message(self.Looked(version))

    @on(Looked)
    def _looked(self, message: Looked) -> None:
        message.stop()
        self._asking = False
        if message.version is None:
            return
        if self.seen is None:
            self.seen = message.version
        elif message.version != self.seen:
            self.seen = message.version
            self.post_message(self.Changed())

    def work_failed(self, worker: Worker) -> None:
        # Said once, then no more looks: a notification twice a second helps nobody.
        self._asking = False
        if self._timer is not None:
            self._timer.stop()
