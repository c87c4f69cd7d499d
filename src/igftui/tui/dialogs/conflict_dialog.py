"""Both copies changed the same fields: the user keeps theirs, takes the other, or writes one text.

Shown by the proposal editor when another copy of igftui (or an import) saved
the draft after it was opened and changed some of the same fields.  Fields only
one side changed are merged already; this dialog lists only the others, each
with both texts.  It is dismissed with a choice for every field: ``"mine"``,
``"theirs"``, or ``("value", text)`` for a text the user wrote from both.
Nothing is lost whatever is chosen: both versions stay in the draft's history.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static, TextArea

from igftui.model.form import label_of
from igftui.model.merge import FieldConflict
from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.widgets.dialog_box import DialogBox

Choice = Any  # "mine" | "theirs" | ("value", str)


def shown(value: Any) -> str:
    """A field's value as plain lines: people by name, agenda items by title."""
    if value is None or value == [] or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict):
                lines.append(
                    "· "
                    + str(
                        item.get("name")
                        or item.get("title")
                        or item.get("organisation")
                        # a link: its address, which is what differs
                        or item.get("url")
                        or "(unnamed)"
                    )
                )
            else:
                lines.append("· " + str(item))
        return "\n".join(lines)
    return str(value)


class ConflictField(Vertical, can_focus=True):
    """One field changed on both sides: both texts and what the user chose."""

    DEFAULT_CSS = """
    ConflictField {
        height: auto;
        border: round $panel;
        padding: 0 1;
        margin-bottom: 1;
    }
    ConflictField:focus {
        border: double $primary;
    }
    ConflictField .side-heading {
        text-style: bold;
    }
    ConflictField .choice {
        text-style: bold reverse;
    }
    ConflictField TextArea {
        height: 6;
    }
    """

    def __init__(self, conflict: FieldConflict) -> None:
        super().__init__()
        self.conflict = conflict
        self.choice: Choice = "mine"
        self.border_title = label_of(conflict.field)

    def compose(self) -> ComposeResult:
        yield Static("", classes="choice", markup=False)
        yield Static("Yours:", classes="side-heading", markup=False)
        yield Static(shown(self.conflict.mine), classes="mine", markup=False)
        yield Static("Theirs (saved elsewhere):", classes="side-heading", markup=False)
        yield Static(shown(self.conflict.theirs), classes="theirs", markup=False)

    def on_mount(self) -> None:
        self.show_choice()

    @property
    def editable(self) -> bool:
        values = (self.conflict.mine, self.conflict.theirs)
        return all(value is None or isinstance(value, str) for value in values)

    def show_choice(self) -> None:
        words = {"mine": "Keeping yours", "theirs": "Taking theirs"}
        text = (
            words.get(self.choice, "Keeping the text you wrote below")
            if isinstance(self.choice, str)
            else "Keeping the text you wrote below"
        )
        self.query_one(".choice", Static).update(f"▶ {text}")

    def edit(self) -> None:
        if not self.editable:
            self.app.notify("This field is not a text: keep yours or take theirs.", severity="warning")
            return
        if not self.query(TextArea):
            start = "\n\n".join(v for v in (self.conflict.mine, self.conflict.theirs) if v)
            area = TextArea(start, soft_wrap=True, id=f"edit-{self.conflict.field.replace('.', '-')}")
            self.mount(area)
            self.choice = ("value", start)
            self.show_choice()
            area.focus()
        else:
            self.query_one(TextArea).focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        self.choice = ("value", event.text_area.text)


class ConflictDialog(IgfDialog[dict[str, Choice]]):
    """The fields both copies changed, one block each; dismissed with a choice per field."""

    HELP_TITLE: ClassVar[str] = "Changed in two places"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", "Keep yours", tooltip="Keep your text for this field", id="conflict.mine"),
        Binding(
            "t",
            "choose('theirs')",
            "Take theirs",
            tooltip="Take the text saved elsewhere for this field",
            id="conflict.theirs",
        ),
        Binding("e", "edit", "Edit", tooltip="Write one text from both (text fields)", id="conflict.edit"),
        Binding(
            "ctrl+s", "done", "Done", priority=True, tooltip="Save the draft with these choices", id="conflict.done"
        ),
        Binding(
            "escape",
            "keep_all",
            "Keep yours",
            show=False,
            tooltip="Keep your text for every field still undecided, and save",
            id="conflict.keep_all",
        ),
        Binding(
            "down,j",
            "app.focus_next",
            "Next field",
            show=False,
            tooltip="Go to the next field in conflict",
            id="conflict.next",
        ),
        Binding(
            "up,k",
            "app.focus_previous",
            "Previous field",
            show=False,
            tooltip="Go to the previous field in conflict",
            id="conflict.previous",
        ),
    ]

    DEFAULT_CSS = """
    ConflictDialog #conflict-dialog {
        width: 90;
        height: 90%;
    }
    ConflictDialog #conflict-intro {
        margin: 1 0;
    }
    ConflictDialog #conflict-fields {
        height: 1fr;
    }
    """

    def __init__(self, conflicts: tuple[FieldConflict, ...] | list[FieldConflict]) -> None:
        super().__init__()
        self.conflicts = list(conflicts)

    def compose(self) -> ComposeResult:
        hint = "m keep yours · t take theirs · e edit · ctrl+s done"
        with DialogBox("Changed in two places", hint, id="conflict-dialog"):
            count = len(self.conflicts)
            yield Static(
                f"This draft was saved elsewhere (another igftui, or an import) while you were "
                f"editing it. Their other changes are already in your draft. "
                f"{'This field was' if count == 1 else f'These {count} fields were'} changed on both "
                "sides: choose for each. Both versions stay in the draft's history (f7).",
                id="conflict-intro",
                markup=False,
            )
            with VerticalScroll(id="conflict-fields"):
                for conflict in self.conflicts:
                    yield ConflictField(conflict)

    def on_mount(self) -> None:
        self.query(ConflictField).first().focus()

    def _current(self) -> ConflictField | None:
        focused = self.focused
        while focused is not None and not isinstance(focused, ConflictField):
            focused = focused.parent  # type: ignore[assignment]
        return focused

    def action_choose(self, choice: str) -> None:
        """Keep yours or take theirs for the field with the focus."""
        field = self._current()
        if field is None:
            return
        field.choice = choice
        for area in field.query(TextArea):
            area.remove()
        field.show_choice()
        field.focus()

    def action_edit(self) -> None:
        """Write one text from both."""
        field = self._current()
        if field is not None:
            field.edit()

    def action_done(self) -> None:
        """Save the draft with the choices made (undecided fields keep yours)."""
        self.dismiss({field.conflict.field: field.choice for field in self.query(ConflictField)})

    def action_keep_all(self) -> None:
        self.action_done()
