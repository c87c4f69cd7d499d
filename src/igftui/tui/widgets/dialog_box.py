"""The frame every igftui dialog sits in: a titled, rounded box on the surface colour."""

from __future__ import annotations

from textual.containers import Vertical


class DialogBox(Vertical):
    """A dialog's box, with its title on the top border and a hint (the keys) on the bottom one.

    Each dialog sets only its own size (``#its-id { width: ...; height: ... }``).
    """

    DEFAULT_CSS = """
    DialogBox {
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, title: str, hint: str, *, id: str) -> None:
        super().__init__(id=id)
        self.border_title = title
        self.border_subtitle = hint
