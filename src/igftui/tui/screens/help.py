"""The keys of the screen the user is on, every one with what it does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from igftui.tui.widgets.dialog_box import DialogBox


@dataclass(frozen=True)
class KeyHelp:
    """One line of help: the keys (aliases together), what they do, and more about it."""

    group: str
    keys: str
    description: str
    details: str


#: What Textual's own bindings do, in the words of this help (Textual gives them no tooltip).
_FRAMEWORK_DETAILS = {
    "focus_next": "Move to the next part of the screen (search box, list, filters…)",
    "focus_previous": "Move to the previous part of the screen",
    "screen.copy_text": "Copy the selected text to the clipboard",
    "copy_text": "Copy the selected text to the clipboard",
    "app.focus_next": "Move to the next part of the screen",
    "app.focus_previous": "Move to the previous part of the screen",
}


def _group_name(node: DOMNode) -> str:
    if isinstance(node, App):
        return "Everywhere"
    title = getattr(node, "HELP_TITLE", None)
    if title:
        return title
    return type(node).__name__


def keys_of(screen: Screen) -> list[KeyHelp]:
    """Every key that works on ``screen`` now, from its focused widget out to the app.

    Keys for the same action of the same widget are one line ("down, j"); keys
    hidden from the footer are listed too, since help is where they are found.
    """
    app = screen.app
    lines: dict[tuple[int, str], dict[str, object]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        line = lines.setdefault(
            (id(active.node), binding.action),
            {"group": _group_name(active.node), "keys": [], "description": binding.description,
             "details": binding.tooltip or _FRAMEWORK_DETAILS.get(binding.action, "")},
        )
        shown = app.get_key_display(binding)
        if shown not in line["keys"]:  # type: ignore[operator]
            line["keys"].append(shown)  # type: ignore[union-attr]
    return [
        KeyHelp(
            str(line["group"]),
            ", ".join(line["keys"]),  # type: ignore[arg-type]
            str(line["description"])[:1].upper() + str(line["description"])[1:],
            str(line["details"] or ""),
        )
        for line in lines.values()
    ]


class HelpScreen(ModalScreen[None]):
    """A dialog listing the keys of the screen it was opened from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", "Close", tooltip="Close the help", id="help.close"),
        Binding("down,j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-dialog {
        width: 90;
    }
    HelpScreen #help-keys {
        height: auto;
        max-height: 100%;
    }
    HelpScreen #help-keys Static {
        padding: 1 0 0 0;
    }
    """

    def __init__(self, source: Screen) -> None:
        super().__init__()
        self.source_title = getattr(source, "HELP_TITLE", None) or source.sub_title or "igftui"
        #: The lines of help, in the order shown.
        self.keys = keys_of(source)

    def compose(self) -> ComposeResult:
        with DialogBox(f"Keys: {self.source_title}", "escape closes", id="help-dialog"):
            with VerticalScroll(id="help-keys"):
                yield Static(self._table(self.keys))

    @staticmethod
    def _table(lines: list[KeyHelp]) -> Table:
        # One grid for every group, so the columns line up down the whole dialog.
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(no_wrap=True)
        grid.add_column(style="dim")
        group = None
        for line in lines:
            if line.group != group:
                if group is not None:
                    grid.add_row()
                group = line.group
                grid.add_row(Text(group, style="bold underline"))
            grid.add_row(Text(line.keys), Text(line.description), Text(line.details))
        return grid

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll(self, direction: str) -> None:
        keys = self.query_one("#help-keys", VerticalScroll)
        if direction == "down":
            keys.scroll_down()
        else:
            keys.scroll_up()
