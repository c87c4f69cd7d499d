"""The igftui App: it opens the catalogue screen and holds what every screen shares."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.events import DescendantFocus
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker

from igftui.config import Settings, SettingsError, save_setting
from igftui.tui.delays import Delays
from igftui.tui.failures import ReportsFailures, describe_failure, tell_failure
from igftui.tui.key_order import KeysInOrder
from igftui.tui.keymap import apply_user_keymap
from igftui.tui.screens.base import IgfScreen
from igftui.tui.screens.catalogue import CatalogueScreen

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue
    from igftui.store.first_page import FirstPage, FirstPageReading


class IgfApp(ReportsFailures, KeysInOrder, App[None]):
    """igftui in the terminal, on one catalogue, with the user's settings.

    Given the path of the catalogue, the app shows the first page of sessions read
    with ``sqlite3`` alone (igftui.store.first_page), and opens the catalogue once
    that page is on screen: opening loads SQLAlchemy and the session model, which
    takes longer than Textual needs to start.  The page is read in a thread started
    before Textual loads (``first_page``, from the command line) or when the app is
    made.  Given a catalogue already open (tests, scripts), it uses that one.
    """

    TITLE = "igftui"
    # Absolute, so subclasses in other folders (bench/, tests) find it too: Textual
    # resolves a relative CSS_PATH against the file of the running class.
    CSS_PATH = Path(__file__).with_name("app.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", tooltip="Show every key of this screen", id="app.help"),
    ]

    @dataclass
    class CatalogueOpened(Message):
        """The worker has opened the catalogue given by its path."""

        catalogue: Catalogue

    @dataclass
    class FirstPageRead(Message):
        """The worker has read the first page of the catalogue, or could not yet (None)."""

        page: FirstPage | None

    def __init__(
        self,
        catalogue: Catalogue | Path,
        settings: Settings,
        *,
        delays: Delays | None = None,
        first_page: FirstPageReading | None = None,
        freeze_startup: bool = False,
    ) -> None:
        super().__init__()
        #: Whether what start-up loaded is put out of the garbage collector's sight once the
        #: catalogue is open (see :meth:`on_igf_app_catalogue_opened`).
        self._freeze_startup = freeze_startup
        #: How long the app waits before doing something by itself (tests: INSTANT).
        self.delays = delays or Delays()
        self._catalogue_path: Path | None = None
        #: The open catalogue; None while it is being opened.
        self.catalogue: Catalogue | None = None
        #: Why the catalogue could not be opened, when it could not.
        self.catalogue_problem: str | None = None
        self._first_page: FirstPageReading | None = None
        if isinstance(catalogue, (str, Path)):
            self._catalogue_path = Path(catalogue)
            if first_page is None:
                from igftui.store.first_page import FirstPageReading
                from igftui.store.paging import PAGE_SIZE

                first_page = FirstPageReading(self._catalogue_path, PAGE_SIZE)
            self._first_page = first_page
        else:
            self.catalogue = catalogue
        self.settings = settings
        self._unknown_theme: str | None = None
        if settings.theme:
            if settings.theme in self.available_themes:
                self.theme = settings.theme
            else:
                self._unknown_theme = settings.theme
        self._saved_theme = self.theme

    def get_default_screen(self) -> Screen:
        self._catalogue_screen = CatalogueScreen(self.catalogue)
        return self._catalogue_screen

    def on_mount(self) -> None:
        if self._first_page is not None:
            if self._first_page.ready():
                # Read while Textual loaded: the first screen is painted with its rows.
                self._first_page_came(self._first_page.wait())
            else:
                self._wait_for_first_page(self._first_page)
        if self._unknown_theme:
            self.notify(
                f"There is no theme called {self._unknown_theme!r}; using {self.theme}.",
                title="Settings",
                severity="warning",
                markup=False,
            )
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.settings.keymap or self.settings.keymap_problems:
            apply_user_keymap(self, self.settings.keymap, self.settings.keymap_problems)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # A blinking cursor could be caught on or off by a snapshot: with INSTANT delays every
        # text box (Input, TextArea, the palette's) keeps it steady, shown as on.
        if not self.delays.cursor_blinks and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def _remember_theme(self, theme: Theme) -> None:
        # A theme picked from the palette is kept for next time.
        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            self._save_theme(theme.name)

    @work(thread=True, exit_on_error=False, group="first page", name="wait for the first page")
    def _wait_for_first_page(self, reading: FirstPageReading) -> None:
        self.post_message(self.FirstPageRead(reading.wait()))

    def on_igf_app_first_page_read(self, message: FirstPageRead) -> None:
        self._first_page_came(message.page)

    def _first_page_came(self, page: FirstPage | None) -> None:
        assert self._catalogue_path is not None
        if page is None:
            self._open_catalogue(self._catalogue_path)
            return
        self._catalogue_screen.first_page_read(page)
        # Opened once the page is painted: loading SQLAlchemy holds Python's lock for
        # most of a second, which would slow the painting of the rows down.
        self.call_after_refresh(self._open_catalogue, self._catalogue_path)

    @work(thread=True, exit_on_error=False, group="catalogue", name="open the catalogue")
    def _open_catalogue(self, path: Path) -> None:
        from igftui.store.catalogue import Catalogue

        self.post_message(self.CatalogueOpened(Catalogue(path)))

    def on_igf_app_catalogue_opened(self, message: CatalogueOpened) -> None:
        self.catalogue = message.catalogue
        self._catalogue_screen.catalogue_opened(message.catalogue)
        if self._freeze_startup:
            # Textual, SQLAlchemy and the model are loaded now and live as long as the app:
            # some 110,000 objects that each full collection walked again, pausing the app
            # for 70 ms and more at moments of its own (a key typed in the search box waited).
            # Frozen, they are never walked; only a process making one app may do this (one
            # making many, as the tests do, would never free the old ones).
            gc.freeze()

    @work(thread=True, exit_on_error=False, group="settings", name="save the theme")
    def _save_theme(self, name: str) -> None:
        try:
            save_setting("theme", name)
        except SettingsError as exc:
            # Its message is the whole story (which file, why, nothing changed); notify is thread-safe.
            tell_failure(self, str(exc), title="Theme not saved", severity="warning")

    def work_failed(self, worker: Worker) -> None:
        if worker.group == "first page" and self._catalogue_path is not None:
            # (Not expected: the first page is None whatever the problem.) The catalogue
            # is opened all the same, and its opening says what is wrong if anything is.
            self._open_catalogue(self._catalogue_path)
        if worker.group == "catalogue":
            self.catalogue_problem = describe_failure(worker.error)
            self._catalogue_screen.catalogue_failed(self.catalogue_problem)

    async def action_quit(self) -> None:
        """Quit, once every screen has put its work away (an open draft is saved first)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, IgfScreen):
                # One screen at a time: each one's answer comes back here to ask the next.
                waiting = getattr(screen, "unsaved", False) or getattr(screen, "has_unread_boxes", False)
                if waiting:
                    screen.close_then(self._quit_when_saved)
                    return
        self.exit()

    def _quit_when_saved(self) -> None:
        self.call_later(self.action_quit)

    def action_help(self) -> None:
        """Show the keys of the screen on top."""
        # Dialogs load when first asked for, not before the first screen.
        from igftui.tui.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The screen's own commands, then Help, then Textual's (theme, keys, quit...)."""
        titles: set[str] = set()
        own: list[SystemCommand] = []
        if isinstance(screen, IgfScreen):
            own += screen.palette_commands()
        own.append(SystemCommand("Help", "Show every key of this screen", self.action_help))
        own.append(
            SystemCommand(
                "Save screenshot", "Save a picture of this screen (SVG) to a file you name", self.action_screenshot
            )
        )
        # Textual's "Screenshot" saves to ~/Downloads unasked, readable by others: replaced above.
        titles.add("Screenshot")
        for command in own:
            titles.add(command.title)
            yield command
        for command in super().get_system_commands(screen):
            if command.title not in titles:
                yield command

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Ask where to save a picture of the screen as it is now (and warn if it may show private fields)."""
        from igftui.tui.dialogs.screenshot_dialog import ScreenshotDialog, may_show_private, screenshot_name

        if isinstance(self.screen, ScreenshotDialog):
            return
        folder = Path(path).expanduser() if path else self.settings.export_dir()
        target = folder / (filename or screenshot_name(datetime.now()))
        # Taken now, before the dialog covers the screen.
        svg = self.export_screenshot()
        self.push_screen(ScreenshotDialog(svg, target, private=may_show_private(self.screen_stack)))

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Textual's way to save a screenshot without asking; asks instead."""
        self.action_screenshot(filename, path)
        return None


def run_app(catalogue: Catalogue | Path, settings: Settings, first_page: FirstPageReading | None = None) -> str | None:
    """Run the terminal app on ``catalogue`` (open, or the path of one) until the user quits.

    ``first_page`` is the catalogue's first page, being read since before Textual
    loaded.  Returns why the catalogue could not be opened, if it could not, so
    that the command line can say it again once the terminal is back.
    """
    app = IgfApp(catalogue, settings, first_page=first_page, freeze_startup=True)
    try:
        app.run()
    finally:
        if app.catalogue is not None:
            app.catalogue.close()
    return app.catalogue_problem
