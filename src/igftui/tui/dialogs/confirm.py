"""A yes-or-no question before something that cannot be undone, such as replacing a file."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Region
from textual.widgets import Button, Static

from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.widgets.dialog_box import DialogBox


class ConfirmDialog(IgfDialog[bool]):
    """Ask ``question``; dismissed with True for ``yes`` and False for ``no``.

    The "no" button has the focus, so an enter pressed out of habit changes nothing.
    """

    HELP_TITLE: ClassVar[str] = "Confirm"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", tooltip="Answer yes and go ahead", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", tooltip="Answer no: nothing changes", id="confirm.no"),
    ]

    DEFAULT_CSS = """
    ConfirmDialog #confirm-dialog {
        width: 64;
    }
    ConfirmDialog #confirm-question {
        margin: 1 0;
    }
    ConfirmDialog #confirm-buttons {
        height: auto;
        align-horizontal: right;
    }
    ConfirmDialog #confirm-buttons Button {
        margin-left: 1;
    }
    """

    def __init__(
        self,
        question: str,
        *,
        yes: str = "Replace",
        no: str = "Cancel",
        title: str = "Are you sure?",
        beside: Region | None = None,
    ) -> None:
        """``beside`` is where on the screen the thing asked about is (a row of a
        table): the dialog then sits above or below it, not over it."""
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.title_text = title
        self.beside = beside

    def compose(self) -> ComposeResult:
        hint = f"y {self.yes.lower()} · n or escape {self.no.lower()}"
        with DialogBox(self.title_text, hint, id="confirm-dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes, id="confirm-yes", variant="error", compact=True)
                yield Button(self.no, id="confirm-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()
        if self.beside is not None:
            lower_half = self.beside.y >= self.app.size.height // 2
            self.styles.align_vertical = "top" if lower_half else "bottom"

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, yes: bool) -> None:
        """Close the dialog with the answer."""
        self.dismiss(yes)
