"""Starting a draft from a catalogued session: what is copied, and whether its people come too."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Checkbox, Static

from igftui.tui.screens.dialog import IgfDialog
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.tick_box import TickBox


class TemplateDialog(IgfDialog["bool | None"]):
    """Dismisses with whether to copy the people (True/False), or None to start nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without starting a draft", id="template.cancel"),
        Binding("ctrl+s", "start", "Start the draft", priority=True,
                tooltip="Start the new draft from this session", id="template.start"),
    ]
    HELP_TITLE: ClassVar[str] = "New draft from a session"

    DEFAULT_CSS = """
    TemplateDialog #template-dialog {
        width: 64;
    }
    TemplateDialog #template-what {
        margin-bottom: 1;
    }
    TemplateDialog .buttons {
        height: auto;
        margin-top: 1;
    }
    TemplateDialog Button {
        margin-right: 2;
    }
    """

    def __init__(self, name: str) -> None:
        """``name`` says which session ("WS #153 Protecting human rights defenders")."""
        super().__init__()
        self.template_name = name

    def compose(self) -> ComposeResult:
        with DialogBox("New draft from a session", "enter starts · escape cancels", id="template-dialog"):
            yield Static(
                f"{self.template_name}\n\nThe new draft takes its type, theme, format, layout, duration, "
                "agenda and online plan. The title, policy questions, description and outcomes are "
                "yours to write.",
                id="template-what", markup=False,
            )
            yield TickBox("Copy its people too (without their confirmation status)", id="template-people")
            with Horizontal(classes="buttons"):
                yield Button("Start the draft", id="template-start", variant="primary")
                yield Button("Cancel", id="template-cancel")

    def on_mount(self) -> None:
        self.query_one("#template-start", Button).focus()

    @on(Button.Pressed, "#template-start")
    def action_start(self) -> None:
        """Start the draft."""
        self.dismiss(self.query_one("#template-people", Checkbox).value)

    @on(Button.Pressed, "#template-cancel")
    def action_cancel(self) -> None:
        """Start nothing."""
        self.dismiss(None)
