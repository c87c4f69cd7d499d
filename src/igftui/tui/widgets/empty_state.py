"""What the catalogue shows before it holds any session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.widgets import Static

ABOUT = (
    "igftui keeps a catalogue of Internet Governance Forum sessions on your own machine, "
    "and helps you draft, check and export a session proposal the way the IGF form asks for it."
)


class EmptyState(Middle):
    """A short word on what igftui is, and the keys that fill an empty catalogue."""

    DEFAULT_CSS = """
    EmptyState {
        height: 1fr;
    }
    EmptyState #empty-panel {
        width: 66;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $primary;
        background: $surface;
    }
    EmptyState #empty-title {
        text-style: bold;
        color: $text-primary;
    }
    EmptyState #empty-about {
        margin: 1 0;
    }
    EmptyState #empty-hint {
        color: $text-accent;
    }
    """

    def compose(self) -> ComposeResult:
        with Center():
            with Vertical(id="empty-panel"):
                yield Static("The catalogue is empty", id="empty-title")
                yield Static(ABOUT, id="empty-about")
                yield Static(
                    "Press [b]s[/b] to load the sample catalogue, "
                    "or [b]i[/b] to import IGF session pages you have saved",
                    id="empty-hint",
                )
