"""The form assistant: the IGF's web form, box by box, each one copied with one key.

An organiser fills the IGF's web form in a browser, field by field.  This screen
lists those fields in the form's order, with each value as plain text (no
Markdown escapes) and its count against the form's limit, and copies the
selected one with ``enter`` or ``c``: copy, paste in the browser, ``down``, and
again.  Private fields (speakers' gender and e-mail, private notes) are left out
until the user ticks them in, with a warning.

Open it with ``FormAssistant(session, rule_set)``: ``rule_set`` is the rule set
whose limits count (None: the user's setting or the default).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Checkbox, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from igftui.tui.copying import copy_and_tell
from igftui.tui.failures import tell_failure
from igftui.tui.screens.base import IgfScreen
from igftui.tui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from igftui.formats.form_fields import FormEntry
    from igftui.model.session import ForumSession

#: Marks a field over its limit (with the words "over the limit"), not by colour alone.
OVER = "✖"
#: Marks a field already copied in this visit, so the organiser sees how far they are.
COPIED = "✓ copied"


class FormAssistant(IgfScreen[None]):
    """The fields of the IGF web form for ``session``, to copy one at a time."""

    SUB_TITLE = "Form assistant"
    HELP_TITLE: ClassVar[str] = "Form assistant"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "Copy field", tooltip="Copy the selected field's text to the clipboard", id="form.copy"),
        Binding(
            "p",
            "toggle_private",
            "Private fields",
            show=False,
            tooltip="Show (and copy) private fields too, or leave them out again",
            id="form.private",
        ),
        Binding("escape", "back", "Back", tooltip="Back to where you came from", id="form.back"),
    ]

    DEFAULT_CSS = """
    FormAssistant #form-body {
        height: 1fr;
    }
    FormAssistant #form-fields {
        /* Wide enough for "✖ 253/250 words: 3 over the limit" on one line. */
        width: 42;
        max-width: 50%;
        height: 1fr;
    }
    FormAssistant #form-side {
        width: 1fr;
        height: 1fr;
        padding: 0 1;
    }
    FormAssistant #form-field-label {
        text-style: bold;
    }
    FormAssistant #form-field-count {
        color: $text-muted;
    }
    FormAssistant #form-field-count.-over {
        color: $text-error;
        text-style: bold;
    }
    FormAssistant #form-value-box {
        height: 1fr;
        border: round $panel;
    }
    FormAssistant #form-private-warning {
        color: $text-warning;
    }
    FormAssistant #form-hint {
        color: $text-muted;
    }
    """

    @dataclass
    class Ready(Message):
        """The rule set's limits are known (empty when it could not be loaded: ``problem`` says why)."""

        limits: dict[str, int]
        rule_set: str
        problem: str | None = None

    def __init__(self, session: ForumSession, rule_set: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.rule_set = rule_set
        #: The fields on screen, in the form's order (empty until the limits are known).
        self.entries: list[FormEntry] = []
        self.limits: dict[str, int] = {}
        #: The keys of the fields copied since the screen opened.
        self.copied: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="form-body"):
            yield OptionList(id="form-fields")
            with Vertical(id="form-side"):
                yield Static("", id="form-field-label", markup=False)
                yield Static("", id="form-field-count", markup=False)
                with VerticalScroll(id="form-value-box"):
                    yield Static("", id="form-value", markup=False)
                yield TickBox("Include private fields", False, id="form-private", compact=True)
                yield Static(
                    "Warning: private fields are listed and copied. Keep them to yourself.",
                    id="form-private-warning",
                    markup=False,
                )
                yield Static("enter/c copy · down next · esc back", id="form-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#form-private-warning").display = False
        self.query_one(OptionList).focus()
        self._load_limits(self.rule_set, getattr(self.settings, "rules", None))

    @property
    def include_private(self) -> bool:
        return self.is_mounted and self.query_one("#form-private", Checkbox).value

    @property
    def shows_private(self) -> bool:
        return self.include_private

    # ----- the fields -----

    @work(thread=True, exclusive=True, exit_on_error=False, group="limits", name="read the form's limits")
    def _load_limits(self, wanted: str | None, configured: str | None) -> None:
        from igftui.checks import DEFAULT_RULE_SET, RuleSetError, load_rule_set
        from igftui.checks.limits import form_limits

        name = wanted or configured or DEFAULT_RULE_SET
        try:
            rules = load_rule_set(name)
        except RuleSetError as exc:
            self.post_message(self.Ready({}, name, str(exc)))
            return
        self.post_message(self.Ready(form_limits(rules, self.session), rules.name))

    @on(Ready)
    def _ready(self, message: Ready) -> None:
        self.limits = message.limits
        self.rule_set = message.rule_set
        self.sub_title = f"Form assistant · limits of {message.rule_set}"
        if message.problem:
            tell_failure(
                self,
                f"{message.problem} The fields are shown without limits.",
                title="Could not load the rule set",
                severity="warning",
            )
        self._show_entries()

    def _show_entries(self) -> None:
        from igftui.formats.form_fields import form_entries

        fields = self.query_one(OptionList)
        keep = fields.highlighted or 0
        self.entries = form_entries(self.session, self.limits, include_private=self.include_private)
        fields.clear_options()
        fields.add_options(Option(self._row(entry), id=entry.key) for entry in self.entries)
        fields.highlighted = min(keep, len(self.entries) - 1)
        self._show_selected()

    def _row(self, entry: FormEntry) -> Text:
        row = Text(entry.label)
        if entry.private:
            row.append(" · private", style="italic")
        row.append("\n  ")
        if entry.over_by:
            row.append(f"{OVER} {entry.count_text()}", style="bold")
        else:
            row.append(entry.count_text() if entry.value else "(empty)", style="dim")
        if entry.key in self.copied:
            row.append(f" · {COPIED}")
        return row

    @property
    def selected(self) -> FormEntry | None:
        index = self.query_one(OptionList).highlighted
        return self.entries[index] if index is not None and 0 <= index < len(self.entries) else None

    @on(OptionList.OptionHighlighted, "#form-fields")
    def _show_selected(self) -> None:
        entry = self.selected
        count = self.query_one("#form-field-count", Static)
        if entry is None:
            self.query_one("#form-field-label", Static).update("Reading the form's limits…")
            count.update("")
            self.query_one("#form-value", Static).update("")
            return
        self.query_one("#form-field-label", Static).update(entry.label)
        said = entry.count_text() if entry.value else "Empty: nothing to paste yet"
        if entry.over_by:
            said = f"{OVER} {entry.count_text()}\nCut {entry.over_by} {entry.unit} before pasting."
        count.update(said)
        count.set_class(bool(entry.over_by), "-over")
        self.query_one("#form-value", Static).update(entry.value or "(empty)")
        self.query_one("#form-value-box", VerticalScroll).scroll_home(animate=False)

    # ----- actions -----

    @on(OptionList.OptionSelected, "#form-fields")
    def action_copy(self) -> None:
        """Copy the selected field's text (enter or c)."""
        entry = self.selected
        if entry is None:
            return
        if not entry.value:
            self.notify(
                f"{entry.label} is empty: nothing to copy.", title="Form assistant", severity="warning", markup=False
            )
            return
        what = f"{entry.label} ({entry.count_text()})"
        copy_and_tell(self, entry.value, what, title="Form assistant")
        self.copied.add(entry.key)
        fields = self.query_one(OptionList)
        index = fields.highlighted
        if index is not None:
            fields.replace_option_prompt_at_index(index, self._row(entry))

    @on(Checkbox.Changed, "#form-private")
    def _private_changed(self) -> None:
        self.query_one("#form-private-warning").display = self.include_private
        if self.entries:
            self._show_entries()

    def action_toggle_private(self) -> None:
        """Put private fields in the list, or take them out again."""
        box = self.query_one("#form-private", Checkbox)
        box.value = not box.value

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Copy field", "Copy the selected field's text to the clipboard", self.action_copy)
        yield SystemCommand(
            "Private fields", "Show (and copy) private fields too, or leave them out", self.action_toggle_private
        )
        yield SystemCommand("Back", "Back to where you came from", self.action_back)
