"""A tick box whose mark says whether it is on: not colour alone."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Textual's checkbox, with its "X" drawn only when it is on.

    Textual's own always draws the "X" and tells on from off by colour alone, which
    NO_COLOR and some eyes cannot see (STYLE.md, point 7); whether private data
    leaves in an export, or a segment is broadcast, must not hang on a colour.
    """

    @property
    # Textual's ToggleButton reads this name, declared there as a plain class attribute.
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "
