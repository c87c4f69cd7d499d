"""What every igftui dialog shares: centred on screen, and f1 for its keys.

Textual stops looking for a key's binding at a modal screen, so the app's own
help key never reaches a dialog; each dialog gets it here instead of binding it
itself.  Form dialogs also share how a problem shows next to its field.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from igftui.tui.failures import ReportsFailures

ResultType = TypeVar("ResultType")


class IgfDialog(ReportsFailures, ModalScreen[ResultType]):
    """A dialog of igftui, centred over the screen it belongs to; its workers' failures are
    told as every screen's are (see :mod:`igftui.tui.failures`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # f1 only: "?" is typed into the dialogs' boxes.
        Binding("f1", "app.help", "Help", show=False, tooltip="Show every key of this dialog", id="dialog.help"),
    ]

    DEFAULT_CSS = """
    IgfDialog {
        align: center middle;
    }
    """

    @property
    def shows_private(self) -> bool:
        """Whether this dialog can show private fields (a speaker's gender or e-mail, private
        notes, what the checks say of them): a screenshot of it then warns.  Override where true."""
        return False


class FormDialog(IgfDialog[ResultType]):
    """A dialog of labelled fields; saving checks them and says next to each what is wrong.

    A subclass lists its checked fields in :attr:`CHECKED` (widget ids; each has a
    ``<id>-error`` line made with :meth:`error_line`), and gives :meth:`problems`
    and :meth:`result`.  :meth:`looked_at` says what a check reads, so that its
    message goes away once that changes (call :meth:`forget_errors` on changes).
    """

    #: The ids of the fields that are checked, in the order of the form.
    CHECKED: ClassVar[tuple[str, ...]] = ()

    DEFAULT_CSS = """
    FormDialog .field-error {
        color: $text-error;
        text-style: bold;
    }
    FormDialog .field-error.-empty {
        display: none;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        #: What each field with an error shown held when it was checked.
        self._checked: dict[str, object] = {}
        #: What the fields held once the dialog was shown: cancelling asks only after a change.
        self._answers_at_start: dict[str, object] | None = None

    def on_mount(self) -> None:
        # After the first refresh: a subclass may still set fields as it mounts.
        self.call_after_refresh(self._remember_answers)

    def _remember_answers(self) -> None:
        self._answers_at_start = self.answers()

    def answers(self) -> dict[str, object]:
        """What every field of the form holds now, by id: what tells a change from none."""
        # Imported here: every screen loads this module (its confirmations are dialogs),
        # and the catalogue's first screen has none of these fields.
        from textual.widgets import Checkbox, RadioButton, Select, SelectionList, TextArea

        found: dict[str, object] = {}
        for widget in self.query("Input, Select, Checkbox, RadioButton, SelectionList, TextArea"):
            if widget.id is None:
                continue
            if isinstance(widget, SelectionList):
                found[widget.id] = frozenset(widget.selected)
            elif isinstance(widget, TextArea):
                found[widget.id] = widget.text
            elif isinstance(widget, (Input, Select, Checkbox, RadioButton)):
                found[widget.id] = widget.value
        return found

    def changed(self) -> bool:
        """Whether anything in the form differs from what it held when the dialog opened."""
        return self._answers_at_start is not None and self.answers() != self._answers_at_start

    def discard_question(self) -> str | None:
        """The question cancelling asks once something was changed; None closes without asking."""
        return None

    @staticmethod
    def error_line(id: str) -> Static:
        """The (hidden while empty) line under a field where its problem shows."""
        return Static("", id=id, classes="field-error -empty", markup=False)

    def problems(self) -> dict[str, str]:
        """What stops the form being saved, keyed by the id of the field to fix."""
        raise NotImplementedError

    def result(self) -> ResultType:
        """What the dialog gives back once the form has no problems."""
        raise NotImplementedError

    def looked_at(self, field: str) -> object:
        """What the check of ``field`` reads: by default the text of that box."""
        return self.query_one(f"#{field}", Input).value

    def forget_errors(self, *fields: str) -> None:
        """Hide the problem of each of ``fields`` whose answer has changed since it was checked."""
        # Compared with what was checked, not cleared on any event: a change message still
        # on its way when the user saves must not wipe the error the save has just shown.
        for field in fields:
            if field in self._checked and self.looked_at(field) != self._checked[field]:
                del self._checked[field]
                self._set_error(field, "")

    def _set_error(self, field: str, text: str) -> None:
        error = self.query_one(f"#{field}-error", Static)
        error.update(text)
        error.set_class(not text, "-empty")

    def action_save(self) -> None:
        """Save, or say next to each field what is wrong and put the cursor in the first."""
        found = self.problems()
        for field in self.CHECKED:
            self._set_error(field, found.get(field, ""))
            if field in found:
                self._checked[field] = self.looked_at(field)
        if found:
            self.query_one(f"#{next(iter(found))}").focus()
            return
        self.dismiss(self.result())

    def action_cancel(self) -> None:
        """Close without saving; after a change, ask first (keep editing is the default answer)."""
        question = self.discard_question()
        if question is None or not self.changed():
            self.dismiss(None)
            return
        from igftui.tui.dialogs.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(question, yes="Discard", no="Keep editing", title="Discard your changes?"), answered
        )
