"""Add or edit one timed item of a proposal's agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Select, Static

from igftui.model.vocabulary import INTERACTIVE_KINDS, AgendaKind, parse
from igftui.tui.dialogs.dialog import FormDialog
from igftui.tui.dialogs.person_dialog import FieldRow
from igftui.tui.labels import plural
from igftui.tui.widgets.dialog_box import DialogBox
from igftui.tui.widgets.line_field import LineField
from igftui.tui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from igftui.model.session import AgendaItem

#: The model's limit: an item cannot be longer than a day.
MOST_MINUTES = 24 * 60

TITLE_NEEDED = "Give the item a title."
BAD_MINUTES = f"Minutes must be a whole number from 1 to {MOST_MINUTES}."


def minutes_in(text: str) -> int | None:
    """The minutes typed, when they are a whole number the agenda can hold; None otherwise."""
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        return None
    minutes = int(text)
    return minutes if 1 <= minutes <= MOST_MINUTES else None


def time_left(minutes_left: int) -> str:
    """The hint under the minutes: what the session still has room for."""
    if minutes_left < 0:
        return f"The agenda is already {plural(-minutes_left, 'minute')} longer than the session"
    return f"{plural(minutes_left, 'minute')} left of the session"


class AgendaItemDialog(FormDialog["AgendaItem | None"]):
    """Add an agenda item, or edit one; dismissed with the item, or None when cancelled.

    ``minutes_left`` is how much of the session the rest of the agenda leaves, as the
    caller counts it: a new item starts with all of it, and the hint shows it.
    """

    HELP_TITLE: ClassVar[str] = "Agenda item"
    CHECKED: ClassVar[tuple[str, ...]] = ("item-title", "item-minutes")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save this agenda item and close the dialog", id="agenda_item.save"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close without saving (asks first after a change): the agenda stays as it was",
            id="agenda_item.cancel",
        ),
    ]

    DEFAULT_CSS = """
    AgendaItemDialog #agenda-item-dialog {
        width: 72;
    }
    AgendaItemDialog #item-form {
        height: auto;
        /* Room for the border and the buttons down to a 16-line terminal (CSS has no calc()). */
        max-height: 75vh;
        scrollbar-size-vertical: 1;
    }
    AgendaItemDialog .field {
        height: auto;
    }
    AgendaItemDialog .field-label {
        width: 10;
        padding-right: 1;
        color: $text-muted;
    }
    AgendaItemDialog .field-body {
        width: 1fr;
        height: auto;
    }
    AgendaItemDialog .hint {
        color: $text-muted;
    }
    AgendaItemDialog #item-interactive {
        margin-top: 1;
    }
    AgendaItemDialog #item-buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    AgendaItemDialog #item-buttons Button {
        margin-left: 1;
    }
    """

    def __init__(self, item: AgendaItem | None, *, minutes_left: int | None = None) -> None:
        """``item=None`` adds a new item; otherwise edits ``item``."""
        super().__init__()
        self.item = item
        self.minutes_left = minutes_left
        # For a new item the kind suggests whether it is interactive, until the user
        # says so themselves; an item being edited already says.
        self._interactive_touched = item is not None

    def compose(self) -> ComposeResult:
        item = self.item
        title = "Edit an agenda item" if item is not None else "Add an agenda item"
        if item is not None:
            minutes = str(item.minutes) if item.minutes else ""
        else:
            minutes = str(self.minutes_left) if self.minutes_left and self.minutes_left > 0 else ""
        kinds: list[tuple[str, str]] = [(kind.label, kind.value) for kind in AgendaKind]
        if item is not None and item.kind and parse(AgendaKind, item.kind) is None:
            # A kind of the user's own (the contract keeps it free text) is kept as written.
            kinds.append((item.kind, item.kind))
        with DialogBox(title, "ctrl+s saves · escape cancels", id="agenda-item-dialog"):
            with VerticalScroll(id="item-form", can_focus=False):
                with FieldRow("Title"):
                    yield LineField(
                        item.title if item else "",
                        id="item-title",
                        compact=True,
                        placeholder="What happens in this part of the session",
                    )
                    yield self.error_line("item-title-error")
                with FieldRow("Minutes"):
                    yield LineField(minutes, id="item-minutes", compact=True, placeholder="e.g. 15")
                    if self.minutes_left is not None:
                        yield Static(time_left(self.minutes_left), id="item-minutes-left", classes="hint", markup=False)
                    yield self.error_line("item-minutes-error")
                with FieldRow("Kind"):
                    yield Select(
                        kinds,
                        id="item-kind",
                        compact=True,
                        allow_blank=True,
                        prompt="(not said)",
                        value=item.kind if item is not None and item.kind else Select.NULL,
                    )
                yield TickBox(
                    "Interactive: the room and online participants take part",
                    item.interactive if item else False,
                    id="item-interactive",
                    compact=True,
                )
                yield TickBox(
                    "Public: shown in the export and broadcast",
                    item.public if item else True,
                    id="item-public",
                    compact=True,
                )
            with Horizontal(id="item-buttons"):
                yield Button("Save", id="item-save", variant="primary", compact=True)
                yield Button("Cancel", id="item-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#item-title", Input).focus()

    def discard_question(self) -> str:
        return "Discard your changes to this agenda item?"

    # ----- the kind suggests interaction -----

    @on(Select.Changed, "#item-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        if self._interactive_touched:
            return
        kind = parse(AgendaKind, event.value) if isinstance(event.value, str) else None
        box = self.query_one("#item-interactive", Checkbox)
        # Set quietly: only the user's own change of the box counts as touching it.
        with box.prevent(Checkbox.Changed):
            box.value = kind in INTERACTIVE_KINDS

    @on(Checkbox.Changed, "#item-interactive")
    def _interactive_changed(self) -> None:
        self._interactive_touched = True

    # ----- validation and the result -----

    @on(Input.Changed, "#item-title")
    @on(Input.Changed, "#item-minutes")
    def _text_changed(self, event: Input.Changed) -> None:
        self.forget_errors(event.input.id or "")

    def problems(self) -> dict[str, str]:
        """What stops the item being saved, keyed by the id of the field to fix."""
        found: dict[str, str] = {}
        if not self.query_one("#item-title", Input).value.strip():
            found["item-title"] = TITLE_NEEDED
        if minutes_in(self.query_one("#item-minutes", Input).value) is None:
            found["item-minutes"] = BAD_MINUTES
        return found

    def result(self) -> AgendaItem:
        return self.agenda_item()

    def agenda_item(self) -> AgendaItem:
        """The item as the form says now (call :meth:`problems` first)."""
        from igftui.model.session import AgendaItem

        kind = self.query_one("#item-kind", Select).selection
        return AgendaItem(
            title=self.query_one("#item-title", Input).value,
            minutes=minutes_in(self.query_one("#item-minutes", Input).value) or 0,
            kind=kind,
            interactive=self.query_one("#item-interactive", Checkbox).value,
            public=self.query_one("#item-public", Checkbox).value,
        )

    @on(Input.Submitted, "#item-title")
    @on(Input.Submitted, "#item-minutes")
    @on(Button.Pressed, "#item-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#item-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
