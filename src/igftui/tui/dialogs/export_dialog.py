"""Export one session as Markdown: see exactly what will be written, then write or copy it.

The file box is an ordinary text box: type over the name, or a whole path (``~``
is the home folder; a bare name goes in the export folder); ``right`` takes the
completion shown dimmed.  Ticking "private fields" changes the suggested name to
one ending "-private", unless the user has typed a name of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea
from textual.worker import Worker

from igftui.formats.errors import FormatError, TargetExists
from igftui.services.exporting import chosen_path, suggested_path, write_export
from igftui.tui.copying import copy_and_tell
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.failures import describe_failure, tell_failure
from igftui.tui.labels import plural
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.line_field import LineField
from igftui.tui.widgets.path_suggester import PathSuggester
from igftui.tui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from igftui.model.session import ForumSession


class ExportDialog(IgfDialog[Path | None]):
    """Export ``session`` as Markdown to a file in ``folder`` (or anywhere the user types).

    Dismissed with the path written, or None when closed without writing.  The
    preview is the exact text that is written or copied; private fields are in it
    only while the checkbox is on.  Nothing touches the disk until the user writes.
    """

    HELP_TITLE: ClassVar[str] = "Export"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "write", "Write file", tooltip="Write the Markdown to the file named above", id="export.write"
        ),
        # Not ctrl+y: that is redo in text boxes.  Priority, so it copies from any box.
        Binding(
            "ctrl+t", "copy", "Copy", tooltip="Copy the Markdown to the clipboard", id="export.copy", priority=True
        ),
        Binding("escape", "close", "Close", tooltip="Close without writing", id="export.close"),
    ]

    DEFAULT_CSS = """
    ExportDialog #export-dialog {
        width: 90%;
        max-width: 110;
        height: 90%;
        max-height: 40;
    }
    ExportDialog #export-path-row {
        height: auto;
        margin-top: 1;
    }
    ExportDialog #export-path-label {
        width: auto;
        padding-right: 1;
    }
    ExportDialog #export-path {
        width: 1fr;
        /* Set apart from the dialog, so that it reads as a box to type in. */
        background: $boost;
    }
    ExportDialog #export-path:focus {
        background: $surface-lighten-1;
    }
    ExportDialog #export-private {
        margin-top: 1;
    }
    ExportDialog #export-private-warning {
        color: $text-warning;
    }
    ExportDialog #export-preview-label {
        color: $text-muted;
        margin-top: 1;
    }
    ExportDialog #export-preview {
        height: 1fr;
        min-height: 3;
    }
    ExportDialog #export-status {
        height: auto;
    }
    ExportDialog #export-buttons {
        height: auto;
        align-horizontal: right;
    }
    ExportDialog #export-buttons Button {
        margin-left: 1;
    }
    """

    @dataclass
    class Written(Message):
        """The file is written."""

        path: Path
        private: bool

    @dataclass
    class AlreadyThere(Message):
        """A file of that name exists and was left alone: ask before replacing it."""

        path: Path
        text: str
        private: bool

    @dataclass
    class NotWritten(Message):
        """Writing failed (missing folder, no permission, full disk...); ``problem`` says why."""

        path: Path
        problem: str

    def __init__(self, session: ForumSession, folder: Path) -> None:
        super().__init__()
        self.session = session
        self.folder = folder
        self._writing = False
        self._markdown = ""
        #: The path box's text as last suggested; once the user changes it, it is theirs.
        self._suggested = ""

    # ----- what is shown -----

    def compose(self) -> ComposeResult:
        self._suggested = shown_path(suggested_path(self.session, self.folder))
        with DialogBox("Export as Markdown", "ctrl+s writes · ctrl+t copies · escape closes", id="export-dialog"):
            with Horizontal(id="export-path-row"):
                yield Label("File", id="export-path-label")
                yield LineField(
                    self._suggested,
                    id="export-path",
                    compact=True,
                    placeholder="Name or path of the Markdown file to write",
                    suggester=PathSuggester(self.folder),
                    tooltip="Type a name or a path (~ is your home folder); → completes a name",
                )
            yield TickBox(
                "Include private fields (gender, e-mail, private notes)", False, id="export-private", compact=True
            )
            yield Static(
                "Warning: this file will hold private data. Keep it to yourself.",
                id="export-private-warning",
                markup=False,
            )
            yield TickBox(
                "Redact names (roles and stakeholder groups instead)", False, id="export-redact", compact=True
            )
            yield Static("", id="export-preview-label", markup=False)
            # Read-only: the preview shows what is written; changes belong in the proposal.
            yield TextArea("", id="export-preview", read_only=True, soft_wrap=True, show_line_numbers=False)
            yield Static("", id="export-status", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Write file", id="export-write", variant="primary", compact=True)
                yield Button("Copy to clipboard", id="export-copy", compact=True)
                yield Button("Close", id="export-close", compact=True)

    def on_mount(self) -> None:
        self._show_preview()
        path_box = self.query_one("#export-path", Input)
        path_box.focus()
        path_box.cursor_position = len(path_box.value)

    @property
    def include_private(self) -> bool:
        """Whether the private fields are in the preview (and so in what is written or copied)."""
        return self.query_one("#export-private", Checkbox).value

    @property
    def shows_private(self) -> bool:
        return self.is_mounted and self.include_private

    @property
    def markdown(self) -> str:
        """The text previewed: what a write or a copy puts out."""
        # Kept apart from the preview's own text: TextArea turns the rare line
        # separators users paste (U+2028, form feeds) into newlines, and the file
        # must be exactly what `igftui export` would write.
        return self._markdown

    @property
    def redact(self) -> bool:
        """Whether people and organisations are replaced by roles and stakeholder groups."""
        return self.query_one("#export-redact", Checkbox).value

    @on(Checkbox.Changed, "#export-private")
    @on(Checkbox.Changed, "#export-redact")
    def _show_preview(self) -> None:
        # The Markdown export loads the session model (pydantic): imported when the dialog
        # opens, so a screen that imports this module does not delay the app's first paint.
        from igftui.services.exporting import export_text

        private = self.include_private
        # The text `igftui export --redact` writes too: one function makes both.
        text = self._markdown = export_text(self.session, include_private=private, redact=self.redact)
        self.query_one("#export-preview", TextArea).load_text(text)
        self.query_one("#export-preview-label", Static).update(
            f"Preview (read-only) · {plural(_line_count(text), 'line')}"
        )
        self.query_one("#export-private-warning", Static).display = private

    @on(Checkbox.Changed, "#export-private")
    def _rename_for_privacy(self) -> None:
        """A private export gets a name that says so, unless the user has typed a name of their own."""
        path_box = self.query_one("#export-path", Input)
        if path_box.value != self._suggested:
            return
        self._suggested = shown_path(suggested_path(self.session, self.folder, private=self.include_private))
        path_box.value = self._suggested
        path_box.cursor_position = len(path_box.value)

    def _say(self, text: str) -> None:
        self.query_one("#export-status", Static).update(text)

    # ----- writing -----

    def target(self) -> Path | None:
        """The file named in the path box (``~`` expanded, relative to the folder), or None when empty."""
        return chosen_path(self.query_one("#export-path", Input).value, self.folder)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-write")
    def action_write(self) -> None:
        """Write the previewed Markdown to the file named in the path box."""
        if self._writing:
            return
        path = self.target()
        if path is None:
            self._say("Give the name of the file to write.")
            self.query_one("#export-path", Input).focus()
            return
        self._start_writing(path, self.markdown, self.include_private, overwrite=False)

    def _start_writing(self, path: Path, text: str, private: bool, *, overwrite: bool) -> None:
        self._writing = True
        self._say("Writing…")
        self._write(path, text, private, overwrite)

    @work(thread=True, exclusive=True, exit_on_error=False, name="write the export")
    def _write(self, path: Path, text: str, private: bool, overwrite: bool) -> None:
        try:
            write_export(path, text, overwrite=overwrite)
        except TargetExists:
            self.post_message(self.AlreadyThere(path, text, private))
        except FormatError as exc:
            self.post_message(self.NotWritten(path, str(exc)))
        else:
            self.post_message(self.Written(path, private))

    @on(Written)
    def _written(self, message: Written) -> None:
        self._writing = False
        self.notify(
            f"Exported to {message.path}" + (" with private fields" if message.private else ""),
            title="Export",
            markup=False,
        )
        self.dismiss(message.path)

    @on(AlreadyThere)
    def _already_there(self, message: AlreadyThere) -> None:
        path = message.path

        def answered(replace: bool | None) -> None:
            if replace:
                self._start_writing(path, message.text, message.private, overwrite=True)
            else:
                self._writing = False
                # The name is in the path box already; a short line leaves the preview its room.
                self._say("Not written: the file already there was kept as it was.")

        self._say("That file already exists.")
        self.app.push_screen(
            ConfirmDialog(f"{path.name} already exists in {path.parent}. Replace it?", title="Replace the file?"),
            answered,
        )

    @on(NotWritten)
    def _not_written(self, message: NotWritten) -> None:
        self._writing = False
        self._failed(message.problem)

    def _failed(self, problem: str) -> None:
        # The dialog stays open so the user can correct the path and try again.
        self._say(f"Not written: {problem}")
        tell_failure(self, problem, title="Could not write the export")

    def work_failed(self, worker: Worker) -> None:
        # Only a bug gets here (write_export turns every OSError into a FormatError);
        # the user has been told, and the dialog stays open to try again.
        self._writing = False
        self._say(f"Not written: {describe_failure(worker.error)}")

    # ----- copying and closing -----

    @on(Button.Pressed, "#export-copy")
    def action_copy(self) -> None:
        """Put the previewed Markdown on the clipboard."""
        text = self.markdown
        # The message says what was done: copied by the system's clipboard tool, or only
        # sent to the terminal, which may drop it (tmux does unless set-clipboard is on).
        private = "with" if self.include_private else "without"
        copy_and_tell(
            self, text, f"the Markdown ({plural(_line_count(text), 'line')}, {private} private fields)", title="Export"
        )

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        """Close without writing."""
        self.dismiss(None)


def _line_count(text: str) -> int:
    return len(text.splitlines())


def shown_path(path: Path) -> str:
    """The path as the box shows it: "~/Documents/x.md" under the home folder, else in full."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)
