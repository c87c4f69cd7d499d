"""Save a screenshot of the screen: only where the user says, owner-only, with a warning when it may show
private fields.

Textual's own "Screenshot" command saves to the Downloads folder without asking,
readable by everyone on the machine; the app replaces it with this dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker

from igftui.formats.errors import FormatError, TargetExists
from igftui.formats.files import write_atomically
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.failures import describe_failure
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.line_field import LineField

PRIVATE_WARNING = (
    "Warning: this screen may show private fields (a speaker's gender or e-mail, private notes, "
    "what the checks say of them). Anyone who gets the picture can read them."
)


def may_show_private(stack: Sequence[Screen]) -> bool:
    """Whether a picture of the top of ``stack`` may show private fields.

    It may when the screen on top says so (its ``shows_private``), or any screen
    that shows through beneath it: under a dialog, down to the first full screen.
    """
    for screen in reversed(stack):
        if getattr(screen, "shows_private", False):
            return True
        if not isinstance(screen, ModalScreen):
            break
    return False


def screenshot_name(now: datetime) -> str:
    """A file name for a screenshot taken at ``now``, e.g. "igftui-2025-06-23-143005.svg"."""
    return f"igftui-{now:%Y-%m-%d-%H%M%S}.svg"


class ScreenshotDialog(IgfDialog["Path | None"]):
    """Save ``svg``, a screenshot taken before the dialog opened, to a file the user names.

    The path box starts at ``path`` and can be edited; a relative path is taken
    from its folder.  Nothing is written until the user saves; the file is
    written atomically with mode 0600, and a file already there is replaced only
    after asking.  Dismissed with the path written, or None.
    """

    HELP_TITLE: ClassVar[str] = "Screenshot"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the screenshot to the file named above", id="screenshot.save"),
        Binding("escape", "close", "Close", tooltip="Close without saving", id="screenshot.close"),
    ]

    DEFAULT_CSS = """
    ScreenshotDialog #screenshot-dialog {
        width: 90%;
        max-width: 90;
    }
    ScreenshotDialog #screenshot-private-warning {
        color: $text-warning;
        text-style: bold;
        margin-top: 1;
    }
    ScreenshotDialog #screenshot-path-row {
        height: auto;
        margin-top: 1;
    }
    ScreenshotDialog #screenshot-path-label {
        width: auto;
        padding-right: 1;
    }
    ScreenshotDialog #screenshot-path {
        width: 1fr;
    }
    ScreenshotDialog #screenshot-status {
        height: auto;
        margin-top: 1;
    }
    ScreenshotDialog #screenshot-buttons {
        height: auto;
        align-horizontal: right;
    }
    ScreenshotDialog #screenshot-buttons Button {
        margin-left: 1;
    }
    """

    @dataclass
    class Finished(Message):
        """The worker is done: written, or ``problem`` says why not, or ``exists``: the name is taken."""

        path: Path
        problem: str | None = None
        _: KW_ONLY
        exists: bool = False

    def __init__(self, svg: str, path: Path, *, private: bool) -> None:
        super().__init__()
        self.svg = svg
        self.path = path
        self.private = private
        self._writing = False

    def compose(self) -> ComposeResult:
        with DialogBox("Save screenshot", "enter or ctrl+s saves · escape closes", id="screenshot-dialog"):
            if self.private:
                yield Static(PRIVATE_WARNING, id="screenshot-private-warning", markup=False)
            with Horizontal(id="screenshot-path-row"):
                yield Label("File", id="screenshot-path-label")
                yield LineField(
                    str(self.path),
                    id="screenshot-path",
                    compact=True,
                    placeholder="Name or path of the SVG file to write",
                )
            yield Static("The picture is saved only here, readable by you alone.", id="screenshot-status", markup=False)
            with Horizontal(id="screenshot-buttons"):
                yield Button("Save", id="screenshot-save", variant="primary", compact=True)
                yield Button("Cancel", id="screenshot-cancel", compact=True)

    def on_mount(self) -> None:
        path_box = self.query_one("#screenshot-path", Input)
        path_box.focus()
        path_box.cursor_position = len(path_box.value)

    def _say(self, text: str) -> None:
        self.query_one("#screenshot-status", Static).update(text)

    def target(self) -> Path | None:
        """The file named in the path box (``~`` expanded, relative to the suggested folder), or None."""
        typed = self.query_one("#screenshot-path", Input).value.strip()
        if not typed:
            return None
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.path.parent.expanduser() / path

    @on(Input.Submitted, "#screenshot-path")
    @on(Button.Pressed, "#screenshot-save")
    def action_save(self) -> None:
        """Write the screenshot to the file named in the path box."""
        if self._writing:
            return
        path = self.target()
        if path is None:
            self._say("Give the name of the file to write.")
            return
        self._start(path, overwrite=False)

    def _start(self, path: Path, *, overwrite: bool) -> None:
        self._writing = True
        self._say("Saving…")
        self._write(path, overwrite)

    @work(thread=True, exclusive=True, exit_on_error=False, name="save the screenshot")
    def _write(self, path: Path, overwrite: bool) -> None:
        try:
            write_atomically(path, self.svg, overwrite=overwrite)
        except TargetExists:
            self.post_message(self.Finished(path, exists=True))
        except FormatError as exc:
            self.post_message(self.Finished(path, str(exc)))
        else:
            self.post_message(self.Finished(path))

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        if message.exists:
            self._ask_to_replace(message.path)
            return
        self._writing = False
        if message.problem is not None:
            # The dialog stays open so the user can correct the path and try again.
            self._say(f"Not saved: {message.problem}")
            return
        self.notify(f"Saved the screenshot to {message.path}", title="Screenshot", markup=False)
        self.dismiss(message.path)

    def work_failed(self, worker: Worker) -> None:
        # A bug (write_atomically turns every OSError into a FormatError): the user has
        # been told, and the dialog stays open to try again.
        self._writing = False
        self._say(f"Not saved: {describe_failure(worker.error)}")

    def _ask_to_replace(self, path: Path) -> None:
        def answered(replace: bool | None) -> None:
            if replace:
                self._start(path, overwrite=True)
            else:
                self._writing = False
                self._say("Not saved: the file already there was kept as it was.")

        self._say("That file already exists.")
        self.app.push_screen(
            ConfirmDialog(f"{path.name} already exists in {path.parent}. Replace it?", title="Replace the file?"),
            answered,
        )

    @on(Button.Pressed, "#screenshot-cancel")
    def action_close(self) -> None:
        """Close without saving."""
        self.dismiss(None)
