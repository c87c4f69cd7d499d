"""One box of the proposal form: its label, the control, a count, and what is wrong with it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from igftui.tui.widgets.findings import finding_lines
from igftui.tui.widgets.line_field import LineField
from igftui.tui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from igftui.checks import Finding
    from igftui.model.form import FormField


def control_for(spec: FormField) -> Widget:
    """The control a user answers ``spec`` with: a choice, a tick box, a line or a text area."""
    if spec.kind == "choice":
        return Select(
            [(term.label, term) for term in spec.choices],
            id=spec.widget_id,
            prompt="Choose…",
            allow_blank=spec.name != "status",
            compact=True,
        )
    if spec.kind == "flag":
        return TickBox(spec.label, id=spec.widget_id)
    if spec.kind in ("long", "lines", "links"):
        area = TextArea(
            id=spec.widget_id, soft_wrap=True, placeholder=spec.hint, classes=f"answer {spec.kind}", compact=True
        )
        area.tooltip = spec.hint or None
        return area
    # Compact boxes (one line, no border): the whole form is long, and a terminal is short.
    field = LineField(id=spec.widget_id, placeholder=spec.hint, classes=f"answer {spec.kind}", compact=True)
    field.tooltip = spec.hint or None
    return field


def value_of(control: Widget) -> object:
    """What the user has put in ``control``, as :func:`igftui.model.form.read_answer` takes it."""
    if isinstance(control, Select):
        return None if control.value is Select.NULL else control.value
    if isinstance(control, Checkbox):
        return control.value
    if isinstance(control, TextArea):
        return control.text
    if isinstance(control, Input):
        return control.value
    raise TypeError(f"not a form control: {control!r}")


def show_value(control: Widget, value: object) -> None:
    """Put ``value`` (as :func:`igftui.model.form.shown_answer` gives it) in ``control``."""
    if isinstance(control, Select):
        control.value = Select.NULL if value is None else value
    elif isinstance(control, Checkbox):
        control.value = bool(value)
    elif isinstance(control, TextArea):
        if control.text != value:
            control.load_text(str(value))
    elif isinstance(control, Input):
        control.value = str(value)


class FieldBox(Vertical):
    """A labelled field with, under it, the problem with the answer or the checks' findings on it.

    A problem with what was typed ("“26” is not a year") comes first: until it is
    fixed the proposal keeps the last good answer, and the checks speak of that one.
    """

    DEFAULT_CSS = """
    FieldBox {
        height: auto;
        margin-bottom: 1;
    }
    FieldBox .field-head {
        height: 1;
    }
    FieldBox .field-label {
        width: 1fr;
        text-style: bold;
    }
    FieldBox .field-count {
        width: auto;
        color: $text-muted;
    }
    FieldBox .field-count.over {
        color: $text-error;
        text-style: bold;
    }
    FieldBox Input, FieldBox Select, FieldBox TextArea {
        background: $boost;
    }
    FieldBox Input:focus, FieldBox TextArea:focus, FieldBox Select:focus > SelectCurrent {
        background: $surface-lighten-1;
    }
    FieldBox TextArea.long {
        height: 5;
    }
    FieldBox TextArea.lines {
        height: 4;
    }
    FieldBox TextArea.links {
        height: 4;
    }
    FieldBox .field-hint {
        color: $text-muted;
    }
    FieldBox .field-note {
        display: none;
        color: $text-warning;
    }
    FieldBox .field-note.problem {
        color: $text-error;
    }
    FieldBox .field-note.shown {
        display: block;
    }
    FieldBox .field-note.gentle {
        color: $text-muted;
    }
    """

    def __init__(self, spec: FormField, *, id: str | None = None) -> None:
        super().__init__(id=id or f"box-{spec.widget_id.removeprefix('input-')}")
        self.spec = spec
        self.control = control_for(spec)
        label = spec.label + (" · private" if spec.private else "")
        self._label = Static(label, classes="field-label", markup=False)
        self._count = Static("", classes="field-count", markup=False)
        self._note = Static("", classes="field-note", markup=False)
        self._problem: str | None = None
        self._findings: list[Finding] = []
        self._remark: str | None = None

    def compose(self) -> ComposeResult:
        spec = self.spec
        if spec.kind != "flag":
            with Horizontal(classes="field-head"):
                yield self._label
                yield self._count
        yield self.control
        if spec.kind == "flag" and spec.hint:
            yield Static(spec.hint, classes="field-hint", markup=False)
        yield self._note

    @property
    def problem(self) -> str | None:
        """What is wrong with the answer as typed, if anything."""
        return self._problem

    def show_problem(self, text: str | None) -> None:
        self._problem = text
        self._show_note()

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self._findings = list(findings)
        self._show_note()

    def show_remark(self, text: str | None) -> None:
        """A gentle note under the box ("Not one of the IGF 2023 themes…"): neither a problem
        with the answer nor a finding of the checks, and it stops nothing being saved."""
        self._remark = text
        self._show_note()

    @property
    def remark(self) -> str | None:
        return self._remark

    def show_label(self, text: str) -> None:
        """Name the box anew: a time box names the clock it is read on ("Starts (Berlin time)")."""
        self._label.update(Content(text))

    def show_count(self, text: str, *, over: bool = False) -> None:
        """A count next to the label ("42/60 characters"), marked when over the form's limit."""
        self._count.update(Content(text))
        self._count.set_class(over, "over")

    def _show_note(self) -> None:
        if self._problem:
            text = f"✖ {self._problem}"
        else:
            text = finding_lines(self._findings)
            if self._remark:
                text = "\n".join(bit for bit in (text, f"ℹ note: {self._remark}") if bit)
        self._note.update(Content(text))
        self._note.set_class(bool(text), "shown")
        self._note.set_class(bool(self._problem), "problem")
        self._note.set_class(bool(self._remark) and not self._problem and not self._findings, "gentle")
