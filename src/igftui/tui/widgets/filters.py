"""Filters of the catalogue list: the panel that sets them and the chips that show them.

A filter is one field of :class:`~igftui.store.listing.SessionFilter`; the
search box sets ``query`` and these widgets set the others.  Both widgets only
post messages: the catalogue screen owns the filter and reads the list again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Label, Select

from igftui.model.vocabulary import (
    Format,
    Region,
    SessionStatus,
    SessionType,
    StakeholderGroup,
    Term,
)
from igftui.store.listing import SessionFilter


@dataclass(frozen=True)
class FilterField:
    """One field a user can filter on: its name in :class:`SessionFilter` and in words."""

    name: str
    label: str
    #: How the chip names it ("Type: Workshop").
    short: str
    #: The vocabulary of its values; None for the year.
    kind: type[Term] | None


FILTER_FIELDS: tuple[FilterField, ...] = (
    FilterField("year", "Year", "Year", None),
    FilterField("session_type", "Session type", "Type", SessionType),
    FilterField("format", "Format", "Format", Format),
    FilterField("status", "Status", "Status", SessionStatus),
    FilterField("stakeholder_group", "A speaker's stakeholder group", "Speaker group", StakeholderGroup),
    FilterField("region", "A speaker's regional group", "Speaker region", Region),
)


def value_label(field: FilterField, value: object) -> str:
    """A filter's value in the IGF's words ("round_table" -> "Round Table")."""
    if field.kind is None:
        return str(value)
    for member in field.kind:
        if member.value == value:
            return member.label
    return str(value)


def active_filters(filters: SessionFilter) -> list[tuple[FilterField, object]]:
    """The fields of ``filters`` that narrow the list (the search aside), in panel order."""
    return [
        (field, getattr(filters, field.name))
        for field in FILTER_FIELDS
        if getattr(filters, field.name) not in (None, "")
    ]


@dataclass
class FilterChanged(Message):
    """The user set (or, with ``value`` None, removed) the filter on ``field``."""

    field: str
    value: object | None


class FilterPanel(VerticalScroll, can_focus=False):
    """A choice per filter field; each change narrows the list at once.

    ``tab`` moves from one choice to the next; ``enter`` or ``down`` opens one.
    """

    HELP_TITLE: ClassVar[str] = "Filters"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "delete,backspace",
            "clear_focused",
            "Remove this filter",
            tooltip="Show every value of the filter under the cursor again",
            id="filters.clear",
        ),
    ]

    DEFAULT_CSS = """
    FilterPanel {
        dock: right;
        width: 34;
        height: 1fr;
        padding: 0 1;
        background: $panel;
        border-left: vkey $primary;
    }
    FilterPanel Label {
        margin-top: 1;
        color: $text-muted;
    }
    FilterPanel Select {
        width: 100%;
    }
    """

    def compose(self) -> ComposeResult:
        for field in FILTER_FIELDS:
            yield Label(field.label)
            options: list[tuple[str, object]] = []
            if field.kind is not None:
                options = [(member.label, member.value) for member in field.kind]
            yield Select(options, prompt=f"Any {field.short.lower()}", id=f"filter-{field.name}", compact=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._years: list[int] = []

    def set_years(self, years: list[int]) -> None:
        """The years the catalogue holds, newest first, as the choices of the year filter."""
        select = self.query_one("#filter-year", Select)
        current = select.value
        self._years = list(years)
        with self.prevent(Select.Changed):
            select.set_options([(str(year), year) for year in years])
            if current in years:
                select.value = current

    def show(self, filters: SessionFilter) -> None:
        """Make the choices match ``filters`` (set elsewhere: a chip removed, filters cleared)."""
        with self.prevent(Select.Changed):
            for field in FILTER_FIELDS:
                select = self.query_one(f"#filter-{field.name}", Select)
                value = getattr(filters, field.name)
                if value is None:
                    select.clear()
                elif field.name != "year" or value in self._years:
                    select.value = value

    def focus_first(self) -> None:
        self.query_one("#filter-year", Select).focus()

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        name = (event.select.id or "").removeprefix("filter-")
        value = None if event.value is Select.NULL else event.value
        self.post_message(FilterChanged(name, value))

    def action_clear_focused(self) -> None:
        """Remove the filter whose choice has the focus."""
        focused = self.screen.focused
        if isinstance(focused, Select) and not focused.is_blank():
            focused.clear()


class FilterChips(Horizontal):
    """The active filters in a row, each a button that removes it."""

    DEFAULT_CSS = """
    FilterChips {
        height: 1;
        padding: 0 1;
        background: $panel;
        display: none;
    }
    FilterChips.-active {
        display: block;
    }
    FilterChips Button {
        margin-right: 1;
        min-width: 0;
    }
    """

    def show(self, filters: SessionFilter) -> None:
        """One chip per active filter; the row is hidden when there is none."""
        with self.app.batch_update():
            self.remove_children()
            chips = [
                # Named, not given an id: the old chips are still leaving when these arrive.
                Button(
                    f"{field.short}: {value_label(field, value)} ✕",
                    name=field.name,
                    compact=True,
                    tooltip=f"Remove the filter on {field.label.lower()}",
                )
                for field, value in active_filters(filters)
            ]
            self.mount_all(chips)
            self.set_class(bool(chips), "-active")

    @on(Button.Pressed)
    def _removed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(FilterChanged(event.button.name or "", None))
