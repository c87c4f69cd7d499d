"""Import from the catalogue screen: choose a file or folder, watch it import, read the summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    ContentSwitcher,
    DirectoryTree,
    Input,
    ProgressBar,
    Static,
)
from textual.worker import Worker

from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.failures import describe_failure
from igftui.tui.labels import plural
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.line_field import LineField

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.services.import_report import ImportedSession
    from igftui.services.importing import ImportReport
    from igftui.store.catalogue import Catalogue


class PageTree(DirectoryTree):
    """Folders and files to import from, without the hidden ones."""

    HELP_TITLE: ClassVar[str] = "Files"

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]


def summary_table(report: ImportReport) -> Table:
    """Each file that was skipped or read only in part, with why, under the counts."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for skipped in report.skipped:
        grid.add_row(Text("✖ skipped"), _about(skipped.path, skipped.reason))
    for warning in report.warnings:
        grid.add_row(Text("! partly read"), _about(warning.path, warning.message))
    for session in report.sessions:
        said = session.what_happened()
        if said:
            mark = "⚠ conflict" if session.conflicts else f"• {session.verb}"
            grid.add_row(Text(mark), Text(f"#{session.id} {session.headline()}: {said}"))
    return grid


def _field(document: dict, dotted: str):
    value: object = document
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _about(path: str, reason: str) -> Text:
    # Some reasons already begin with the file's name ("a.txt is a binary file").
    name = Path(path).name
    return Text(reason if reason.startswith(name) else f"{name}: {reason}")


class ImportDialog(IgfDialog[int]):
    """Import IGF pages or igftui JSON into ``catalogue``.

    Dismissed with how many sessions were stored (0 when cancelled), so the
    catalogue knows whether to read its list again.
    """

    HELP_TITLE: ClassVar[str] = "Import"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            "Close",
            tooltip="Close this dialog (an import under way goes on to its end)",
            id="import.close",
        ),
        Binding(
            "c",
            "settle_conflicts",
            "Conflicts",
            tooltip="Choose, field by field, between your text and the file's where both changed",
            id="import.conflicts",
        ),
    ]

    DEFAULT_CSS = """
    ImportDialog #import-dialog {
        width: 90;
        height: 80%;
        min-height: 16;
    }
    ImportDialog .hint {
        color: $text-muted;
    }
    ImportDialog #import-path {
        margin: 1 0 0 0;
    }
    ImportDialog PageTree {
        height: 1fr;
        margin: 1 0;
        background: $surface;
    }
    ImportDialog #import-buttons {
        height: auto;
        align-horizontal: right;
    }
    ImportDialog #import-buttons Button {
        margin-left: 1;
    }
    ImportDialog #import-progress-panel, ImportDialog #import-summary-panel {
        height: 1fr;
    }
    ImportDialog #import-now {
        margin: 1 0;
    }
    ImportDialog #import-counts {
        text-style: bold;
        margin: 1 0;
    }
    ImportDialog #import-details {
        height: 1fr;
    }
    ImportDialog #import-buttons-done {
        height: auto;
        align-horizontal: right;
    }
    """

    @dataclass
    class Progressed(Message):
        done: int
        total: int
        path: Path

    @dataclass
    class ConflictRead(Message):
        """A session the import merged with conflicts: the text now, and the file's revision."""

        current: ForumSession
        theirs: ForumSession
        fields: tuple[str, ...]

    @dataclass
    class ConflictSettled(Message):
        pass

    @dataclass
    class Imported(Message):
        """The import is done: ``report`` says what became of each file."""

        report: ImportReport

    def __init__(self, catalogue: Catalogue, start: Path | None = None) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.start = start or Path.cwd()
        #: The report of the import, once it has run.
        self.report: ImportReport | None = None

    def compose(self) -> ComposeResult:
        with (
            DialogBox("Import sessions", "escape closes", id="import-dialog"),
            ContentSwitcher(initial="import-choose", id="import-steps"),
        ):
            with Vertical(id="import-choose"):
                yield Static(
                    "A file or a folder of IGF session pages (text, Markdown or saved .html) "
                    "or igftui JSON. A folder imports every file in it; each file is imported "
                    "whole or not at all.",
                    classes="hint",
                    markup=False,
                )
                yield LineField(
                    str(self.start) + "/", id="import-path", compact=True, placeholder="Path of a file or folder"
                )
                yield PageTree(self.start, id="import-tree")
                with Horizontal(id="import-buttons"):
                    yield Button("Import", id="import-go", variant="primary", compact=True)
                    yield Button("Cancel", id="import-cancel", compact=True)
            with Vertical(id="import-progress-panel"):
                yield Static("Importing…", id="import-now", markup=False)
                yield ProgressBar(id="import-bar", show_eta=False)
            with Vertical(id="import-summary-panel"):
                yield Static("", id="import-counts", markup=False)
                with VerticalScroll(id="import-details"):
                    yield Static("", id="import-reasons")
                with Horizontal(id="import-buttons-done"):
                    yield Button("Choose for the conflicts", id="import-conflicts", compact=True)
                    yield Button("Close", id="import-done", variant="primary", compact=True)

    def on_mount(self) -> None:
        self._conflicted: list[ImportedSession] = []
        self.query_one("#import-conflicts", Button).display = False
        path_box = self.query_one("#import-path", Input)
        path_box.focus()
        path_box.cursor_position = len(path_box.value)

    # ----- choosing -----

    @on(DirectoryTree.NodeHighlighted, "#import-tree")
    def _browsed(self, event: DirectoryTree.NodeHighlighted) -> None:
        entry = event.node.data
        if entry is not None:
            self.query_one("#import-path", Input).value = str(entry.path)

    @on(DirectoryTree.FileSelected, "#import-tree")
    def _file_chosen(self, event: DirectoryTree.FileSelected) -> None:
        self._start(event.path)

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-go")
    def _path_chosen(self) -> None:
        text = self.query_one("#import-path", Input).value.strip()
        if not text:
            self.notify("Type the path of a file or a folder to import.", severity="warning")
            return
        self._start(Path(text).expanduser())

    @on(Button.Pressed, "#import-cancel")
    @on(Button.Pressed, "#import-done")
    def action_close(self) -> None:
        """Close the dialog, saying how many sessions were stored."""
        self.dismiss(len(self.report.stored) if self.report else 0)

    # ----- importing -----

    def _start(self, path: Path) -> None:
        self.query_one("#import-steps", ContentSwitcher).current = "import-progress-panel"
        self.query_one("#import-now", Static).update(f"Looking at {path}…")
        self.set_focus(None)
        self._import(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import", name="import the files")
    def _import(self, path: Path) -> None:
        from igftui.services.importing import import_paths

        def progress(done: int, total: int, current: Path) -> None:
            self.post_message(self.Progressed(done, total, current))

        self.post_message(self.Imported(import_paths(self.catalogue, [path], progress=progress)))

    @on(Progressed)
    def _progressed(self, message: Progressed) -> None:
        bar = self.query_one("#import-bar", ProgressBar)
        bar.update(total=message.total, progress=message.done)
        self.query_one("#import-now", Static).update(
            f"{message.done:,} of {plural(message.total, 'file')}: {message.path.name}"
        )

    def work_failed(self, worker: Worker) -> None:
        # A conflict that could not be read or saved stays in the list, to try again.
        if worker.group != "import":
            return
        # The files imported before the failure are kept (one transaction each).
        self.query_one("#import-steps", ContentSwitcher).current = "import-summary-panel"
        self.query_one("#import-counts", Static).update(f"The import stopped: {describe_failure(worker.error)}")
        self.query_one("#import-done", Button).focus()

    @on(Imported)
    def _imported(self, message: Imported) -> None:
        self._show_summary(message.report)

    def _show_summary(self, report: ImportReport) -> None:
        self.report = report
        self.query_one("#import-steps", ContentSwitcher).current = "import-summary-panel"
        counts = (
            f"Imported {report.totals().removeprefix('imported ')}"
            if report.imported or report.updated or report.skipped
            else "There was nothing to import."
        )
        self.query_one("#import-counts", Static).update(counts)
        self.query_one("#import-reasons", Static).update(summary_table(report))
        self._conflicted = [session for session in report.sessions if session.conflicts]
        self.query_one("#import-conflicts", Button).display = bool(self._conflicted)
        self.query_one("#import-conflicts" if self._conflicted else "#import-done", Button).focus()

    # ----- conflicts -----

    @on(Button.Pressed, "#import-conflicts")
    def action_settle_conflicts(self) -> None:
        """Open the conflict view for the next session the import merged with conflicts."""
        waiting = self._conflicted
        if not waiting:
            return
        session = waiting[0]
        self._read_conflict(session.id, session.their_revision, session.conflicts)

    @work(thread=True, exclusive=True, exit_on_error=False, group="conflict", name="read the conflict")
    def _read_conflict(self, session_id: int, revision: int | None, fields: tuple[str, ...]) -> None:
        current = self.catalogue.get(session_id)
        theirs = self.catalogue.revision(session_id, revision) if revision else current
        self.post_message(self.ConflictRead(current, theirs, fields))

    @on(ConflictRead)
    def _conflict_read(self, message: ConflictRead) -> None:
        from igftui.model.merge import FieldConflict, MergeResult
        from igftui.tui.dialogs.conflict_dialog import ConflictDialog

        mine, theirs = message.current.to_document(), message.theirs.to_document()
        conflicts = tuple(
            FieldConflict(name, None, _field(mine, name), _field(theirs, name)) for name in message.fields
        )
        merge = MergeResult(mine, (), conflicts)

        def settled(choices: dict | None) -> None:
            if choices is not None:
                self._save_choices(message.current, merge, choices)

        self.app.push_screen(ConflictDialog(conflicts), settled)

    @work(thread=True, exclusive=True, exit_on_error=False, group="conflict", name="save the choices")
    def _save_choices(self, current: ForumSession, merge, choices: dict) -> None:
        from igftui.model.merge import resolve
        from igftui.model.session import ForumSession

        document = resolve(merge, choices)
        chosen = ForumSession.from_json({**document, "id": current.id, "uid": current.uid})
        self.catalogue.update(chosen, expected_version=current.version, origin="merged")
        self.post_message(self.ConflictSettled())

    @on(ConflictSettled)
    def _conflict_settled(self) -> None:
        done = self._conflicted.pop(0)
        self.notify(f"Saved your choices for #{done.id}.", title="Import")
        button = self.query_one("#import-conflicts", Button)
        button.display = bool(self._conflicted)
        self.query_one("#import-conflicts" if self._conflicted else "#import-done", Button).focus()
