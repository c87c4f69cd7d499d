"""A small dialog: one of the year's official IGF themes for the theme (or subtheme) box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.widgets.dialog_box import DialogBox


class ThemePicker(IgfDialog[str | None]):
    """The year's themes, one a line; dismisses with the one chosen, or None.

    Choosing is a help, not a rule: the box still takes any text.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close, keeping what the box says", id="themes.cancel"),
    ]

    HELP_TITLE: ClassVar[str] = "IGF themes"

    DEFAULT_CSS = """
    ThemePicker #themes-dialog {
        width: 84;
    }
    ThemePicker OptionList, ThemePicker OptionList:focus {
        height: auto;
        max-height: 20;
        border: none;
    }
    """

    def __init__(self, title: str, names: Sequence[str], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.names = list(names)
        self.current = current

    def compose(self) -> ComposeResult:
        with DialogBox(self.title_text, "enter puts it in the box · escape closes", id="themes-dialog"):
            # Options by position: a theme's name is no widget id.
            yield OptionList(*(Option(Content(name)) for name in self.names), id="theme-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in self.names:
            options.highlighted = self.names.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
