"""Which rule set to run the checks with: asked by the session view and the proposal editor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.widgets.dialog_box import DialogBox


class RuleSetPicker(IgfDialog[str | None]):
    """A small dialog: which rule set to run the checks with.  Dismisses with its name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close, keeping the findings shown", id="rules.cancel"),
    ]

    HELP_TITLE: ClassVar[str] = "Rule sets"

    DEFAULT_CSS = """
    RuleSetPicker #rules-dialog {
        width: 50;
    }
    RuleSetPicker OptionList, RuleSetPicker OptionList:focus {
        height: auto;
        max-height: 20;
        border: none;
    }
    """

    def __init__(self, choices: Sequence[tuple[str, str]], current: str | None) -> None:
        """``choices`` are (rule set, what to say about it) pairs, in the order shown."""
        super().__init__()
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with DialogBox("Run the checks with", "enter runs · escape closes", id="rules-dialog"):
            options = []
            for name, note in self.choices:
                prompt = Text(name)
                if note:
                    prompt.append(f"  {note}", style="dim")
                options.append(Option(prompt, id=name))
            yield OptionList(*options, id="rule-sets")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [name for name, _note in self.choices]
        if self.current in names:
            options.highlighted = names.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
