"""The keys of the screen the user is on, every one with what it does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, TypedDict

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static, TextArea

from igftui.tui.widgets.dialog_box import DialogBox


@dataclass(frozen=True)
class KeyHelp:
    """One line of help: the keys (aliases together), what they do, and more about it."""

    group: str
    keys: str
    description: str
    details: str
    #: The action the keys run ("history", "undo"...).
    action: str = ""
    #: Editing keys of the focused field (Textual's own, and undo/redo): listed compactly, last.
    editing: bool = False
    #: The ids of the bindings, which the ``[keymap]`` of the config names ("" for Textual's own).
    ids: str = ""


#: What Textual's own bindings do, in the words of this help (Textual gives them no tooltip).
_FRAMEWORK_DETAILS = {
    "focus_next": "Move to the next part of the screen (search box, list, filters…)",
    "focus_previous": "Move to the previous part of the screen",
    "screen.copy_text": "Copy the selected text to the clipboard",
    "copy_text": "Copy the selected text to the clipboard",
    "app.focus_next": "Move to the next part of the screen",
    "app.focus_previous": "Move to the previous part of the screen",
}


#: Moves of a scrolling widget that a one-line field inherits and that do nothing in it.
_NOT_EDITING = {
    "scroll_up",
    "scroll_down",
    "scroll_left",
    "scroll_right",
    "scroll_home",
    "scroll_end",
    "page_up",
    "page_down",
    "page_left",
    "page_right",
}


def _is_field(node: DOMNode) -> bool:
    """Whether ``node`` is a box one types in, whose keys are the editing keys of every such box."""
    return isinstance(node, (Input, TextArea))


def _group_name(node: DOMNode) -> str:
    if isinstance(node, App):
        return "Everywhere"
    title = getattr(node, "HELP_TITLE", None)
    if title:
        return title
    return type(node).__name__


class _KeyLine(TypedDict):
    """One line of help as it is gathered: the keys of one action of one widget."""

    group: str
    keys: list[str]
    description: str
    details: str
    action: str
    editing: bool
    #: The binding ids a keymap names (igftui's own bindings only).
    ids: list[str]
    order: tuple[int, int, bool, int]


def keys_of(screen: Screen) -> list[KeyHelp]:
    """Every key that works on ``screen`` now, in the order help shows them.

    The screen's own keys come first, then those of the part of it the cursor is
    in (a list, a table), then the keys that work everywhere, and last the editing
    keys of the field the cursor is in (undo and redo first).  In each group
    igftui's own keys come before Textual's.  Keys for the same action of the same
    widget are one line ("down, j"); keys hidden from the footer are listed too,
    since help is where they are found.
    """
    app = screen.app
    lines: dict[tuple[int, str], _KeyLine] = {}
    selects = False
    declared: dict[int, list[Binding]] = {}
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        node = active.node
        # A field's own keys (the search box's escape) are not editing keys: they keep a group.
        editing = (
            _is_field(node) and node is screen.focused and (binding.id is None or binding.action in ("undo", "redo"))
        )
        if editing and (binding.action in _NOT_EDITING or "(True)" in binding.action):
            # Moves that select (shift+move) are one line, added below, not one per move.
            selects = selects or (editing and "(True)" in binding.action)
            continue
        if id(node) not in declared:
            declared[id(node)] = [bound for bindings in node._bindings.key_to_bindings.values() for bound in bindings]
        # A key the user's keymap gave is a copy of the binding declared: found by its id.
        place = next(
            (
                number
                for number, bound in enumerate(declared[id(node)])
                if bound is binding or (binding.id is not None and bound.id == binding.id)
            ),
            0,
        )
        if node is screen:
            rank = 0
        elif isinstance(node, App):
            rank = 2
        else:
            rank = 3 if editing else 1
        line = lines.setdefault(
            (id(node), binding.action),
            {
                "group": "Editing this field" if editing else _group_name(node),
                "keys": [],
                "description": binding.description,
                "details": binding.tooltip or _FRAMEWORK_DETAILS.get(binding.action, ""),
                "action": binding.action,
                "editing": editing,
                "ids": [],
                # Undo and redo lead the editing keys; elsewhere igftui's bindings (they have
                # an id, which a keymap names) come before Textual's (no id).
                "order": (
                    rank,
                    id(node),
                    binding.action not in ("undo", "redo") if editing else binding.id is None,
                    place,
                ),
            },
        )
        shown = app.get_key_display(binding)
        if shown not in line["keys"]:
            line["keys"].append(shown)
        if binding.id is not None and binding.id not in line["ids"]:
            line["ids"].append(binding.id)
    groups: dict[int, int] = {}
    for node_id, _action in lines:
        groups.setdefault(node_id, len(groups))

    def order(key: tuple[int, str]) -> tuple[int, int, bool, int]:
        # Each group in the order its keys are declared, as the footer shows them.
        rank, node_id, framework, place = lines[key]["order"]
        return rank, groups[node_id], framework, place

    found = [
        KeyHelp(
            str(line["group"]),
            ", ".join(line["keys"]),
            str(line["description"])[:1].upper() + str(line["description"])[1:],
            str(line["details"] or ""),
            str(line["action"]),
            bool(line["editing"]),
            ", ".join(line["ids"]),
        )
        for line in (lines[key] for key in sorted(lines, key=order))
    ]
    if selects:
        found.append(KeyHelp("Editing this field", "shift+move", "Select as it moves", "", "select", editing=True))
    return found


def help_note(screen: Screen, lines: list[KeyHelp]) -> str:
    """The screen's word on its keys (``HELP_NOTE``), with the keys it names as bound now."""
    note = getattr(screen, "HELP_NOTE", "")
    if not note:
        return ""
    keys = {line.action: line.keys for line in lines}
    return note.format_map(_KeysOrAction(keys))


class _KeysOrAction(dict):
    def __missing__(self, action: str) -> str:
        return action


class HelpScreen(ModalScreen[None]):
    """A dialog listing the keys of the screen it was opened from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", "Close", tooltip="Close the help", id="help.close"),
        Binding("down,j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False, id="help.up"),
        Binding(
            "i",
            "toggle_ids",
            "Key ids",
            show=False,
            tooltip="Show or hide each key's id, which the [keymap] of config.toml names to change it",
            id="help.ids",
        ),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-dialog {
        width: 96%;
        max-width: 120;
    }
    HelpScreen #help-keys {
        height: auto;
        max-height: 100%;
    }
    HelpScreen #help-keys Static {
        padding: 1 0 0 0;
    }
    """

    #: Below this many columns inside the dialog, what a key does goes under its name.
    WIDE = 84

    def __init__(self, source: Screen) -> None:
        super().__init__()
        self.source_title = getattr(source, "HELP_TITLE", None) or source.sub_title or "igftui"
        #: The lines of help, in the order shown.
        self.keys = keys_of(source)
        #: What the screen says of its keys (the editor: undo across the form is the history).
        self.note = help_note(source, self.keys)
        #: Whether each key's id is shown beside it (for the user's keymap).
        self.show_ids = False

    def compose(self) -> ComposeResult:
        hint = f"{self._key_of('help.ids')} shows the key ids · {self._key_of('help.close')} closes"
        with DialogBox(f"Keys: {self.source_title}", hint, id="help-dialog"):
            with VerticalScroll(id="help-keys"):
                yield Static(self._table(self.keys, self.note, self._inner_width()), id="help-table")

    def _key_of(self, binding_id: str) -> str:
        """The (first) key of this dialog's binding ``binding_id``, as the user's keymap has it.

        Written as the other dialogs' hints write keys ("escape", "ctrl+s"), a character as itself.
        """
        for key, active in self.active_bindings.items():
            if active.node is self and active.binding.id == binding_id:
                character = key_to_character(key)
                return character if character and character.isprintable() and not character.isspace() else key
        return "?"

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        self.query_one("#help-table", Static).update(
            self._table(self.keys, self.note, self._inner_width(), ids=self.show_ids)
        )

    def action_toggle_ids(self) -> None:
        """Show (or hide again) the id of each key, the name a keymap gives it."""
        self.show_ids = not self.show_ids
        self._redraw()

    def _inner_width(self) -> int:
        # The dialog's width (see DEFAULT_CSS) less its border, padding and scroll bar.
        return min(self.app.size.width * 96 // 100, 120) - 6

    @classmethod
    def _table(cls, lines: list[KeyHelp], note: str = "", width: int = 100, *, ids: bool = False) -> Group:
        """The keys in groups, then the field's editing keys as a paragraph, then the note.

        With ``ids``, each key's id (what a keymap names) is in a column after the keys.
        """
        wide = width >= cls.WIDE
        listed = [line for line in lines if not line.editing]
        # Every group's grid has the same columns, so they line up down the whole dialog.
        keys_width = max((Text(line.keys).cell_len for line in listed), default=1)
        ids_width = max((Text(line.ids).cell_len for line in listed), default=1)
        about_width = max((Text(line.description).cell_len for line in listed), default=1)
        parts: list = []
        grid = None
        group = None
        for line in listed:
            if line.group != group:
                if group is not None:
                    parts.append(Text(""))
                group = line.group
                parts.append(Text(group, style="bold underline"))
                grid = Table.grid(padding=(0, 2))
                grid.add_column(no_wrap=True, style="bold", width=keys_width)
                if ids:
                    grid.add_column(no_wrap=True, style="italic", width=ids_width)
                if wide:
                    grid.add_column(no_wrap=True, width=about_width)
                    grid.add_column(style="dim", ratio=1)
                else:
                    grid.add_column(ratio=1)
                parts.append(grid)
            assert grid is not None
            shown_id = [Text(line.ids)] if ids else []
            if wide:
                grid.add_row(Text(line.keys), *shown_id, Text(line.description), Text(line.details))
            else:
                # Narrow: what a key does in full goes under its description.
                about = Text(line.description)
                if line.details:
                    about.append("\n" + line.details, style="dim")
                grid.add_row(Text(line.keys), *shown_id, about)
        editing = [line for line in lines if line.editing]
        if editing:
            # A paragraph, not a table: these are the same in every field, and many.
            parts += [Text(""), Text(editing[0].group, style="bold underline"), cls._paragraph(editing, width)]
        if note:
            parts += [Text(""), Text(note, style="italic")]
        return Group(*parts)

    @staticmethod
    def _paragraph(lines: list[KeyHelp], width: int) -> Text:
        """``keys description  ·  keys description ...``, broken between keys, never inside one."""
        paragraph = Text()
        used = 0
        for line in lines:
            piece = Text.assemble((line.keys, "bold"), " ", line.description.lower())
            gap = Text("  ·  ", style="dim") if used else Text("")
            if used and used + gap.cell_len + piece.cell_len > width:
                paragraph.append("\n")
                used, gap = 0, Text("")
            paragraph.append_text(gap)
            paragraph.append_text(piece)
            used += gap.cell_len + piece.cell_len
        return paragraph

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll(self, direction: str) -> None:
        keys = self.query_one("#help-keys", VerticalScroll)
        if direction == "down":
            keys.scroll_down()
        else:
            keys.scroll_up()
