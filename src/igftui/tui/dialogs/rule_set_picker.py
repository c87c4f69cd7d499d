"""Which rule set to run the checks with: asked by the session view and the proposal editor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from igftui.tui.dialogs.choice import ChoiceDialog


class RuleSetPicker(ChoiceDialog):
    """A small dialog: which rule set to run the checks with.  Dismisses with its name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close, keeping the findings shown", id="rules.cancel"),
    ]

    HELP_TITLE: ClassVar[str] = "Rule sets"
    DIALOG_ID: ClassVar[str] = "rules-dialog"
    LIST_ID: ClassVar[str] = "rule-sets"
    VALUES_AS_IDS: ClassVar[bool] = True

    DEFAULT_CSS = """
    RuleSetPicker #rules-dialog {
        width: 50;
    }
    """

    def __init__(self, choices: Sequence[tuple[str, str]], current: str | None) -> None:
        """``choices`` are (rule set, what to say about it) pairs, in the order shown."""
        super().__init__(
            "Run the checks with",
            "enter runs · escape closes",
            [(name, _prompt(name, note)) for name, note in choices],
            current,
        )


def _prompt(name: str, note: str) -> Text:
    prompt = Text(name)
    if note:
        prompt.append(f"  {note}", style="dim")
    return prompt
