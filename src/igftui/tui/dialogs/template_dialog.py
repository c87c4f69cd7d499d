"""Starting a draft from a catalogued session: what is copied, and whether its people come too."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Static

from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.tick_box import TickBox


class PeopleTickBox(TickBox, inherit_bindings=False):
    """The tick box of the dialog: space ticks it, and enter is left to start the draft."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "toggle_button",
            "Tick",
            show=False,
            tooltip="Tick or untick: copy the session's people into the draft",
            id="template.people",
        ),
    ]


class TemplateDialog(IgfDialog["bool | None"]):
    """Dismisses with whether to copy the people (True/False), or None to start nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without starting a draft", id="template.cancel"),
        # Not a priority: on the Cancel button, enter cancels.
        Binding(
            "enter",
            "start",
            "Start the draft",
            show=False,
            tooltip="Start the new draft from this session",
            id="template.enter",
        ),
        Binding(
            "ctrl+s",
            "start",
            "Start the draft",
            priority=True,
            tooltip="Start the new draft from this session",
            id="template.start",
        ),
    ]
    HELP_TITLE: ClassVar[str] = "New draft from a session"

    DEFAULT_CSS = """
    TemplateDialog #template-dialog {
        width: 64;
    }
    TemplateDialog #template-what {
        margin-bottom: 1;
    }
    TemplateDialog #template-choice {
        height: auto;
        border: round $accent;
        border-title-color: $text-accent;
        padding: 0 1;
    }
    TemplateDialog #template-people-note {
        color: $text-muted;
        padding-left: 5;
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
        with DialogBox("New draft from a session", "space ticks · enter starts · escape cancels", id="template-dialog"):
            yield Static(
                f"{self.template_name}\n\nThe new draft takes its type, theme, format, layout, duration, "
                "agenda and online plan. The title, policy questions, description and outcomes are "
                "yours to write.",
                id="template-what",
                markup=False,
            )
            # The one choice of the dialog, in its own frame and focused first, so it is not
            # passed over on the way to "Start"; the label is whole at 80 columns.
            with Vertical(id="template-choice") as choice:
                choice.border_title = "Its people"
                yield PeopleTickBox("Copy its people too", id="template-people")
                yield Static("Names, roles and groups; not who has confirmed.", id="template-people-note", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Start the draft", id="template-start", variant="primary")
                yield Button("Cancel", id="template-cancel")

    def on_mount(self) -> None:
        self.query_one("#template-people", Checkbox).focus()

    @on(Button.Pressed, "#template-start")
    def action_start(self) -> None:
        """Start the draft."""
        self.dismiss(self.query_one("#template-people", Checkbox).value)

    @on(Button.Pressed, "#template-cancel")
    def action_cancel(self) -> None:
        """Start nothing."""
        self.dismiss(None)
