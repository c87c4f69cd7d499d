"""A small dialog: one of the year's official IGF themes for the theme (or subtheme) box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from igftui.tui.dialogs.choice import ChoiceDialog


class ThemePicker(ChoiceDialog):
    """The year's themes, one a line; dismisses with the one chosen, or None.

    Choosing is a help, not a rule: the box still takes any text.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close, keeping what the box says", id="themes.cancel"),
    ]

    HELP_TITLE: ClassVar[str] = "IGF themes"
    DIALOG_ID: ClassVar[str] = "themes-dialog"
    LIST_ID: ClassVar[str] = "theme-list"

    DEFAULT_CSS = """
    ThemePicker #themes-dialog {
        width: 84;
    }
    """

    def __init__(self, title: str, names: Sequence[str], current: str | None) -> None:
        super().__init__(
            title, "enter puts it in the box · escape closes", [(name, Content(name)) for name in names], current
        )
