"""The keys of a long text read from top to bottom (a session, a revision's differences)."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def reading_bindings(
    prefix: str, *, top: str, bottom: str, top_action: str = "scroll_home", bottom_action: str = "scroll_end"
) -> list[BindingType]:
    """Line, screen and whole-text scrolling, with ids ``"<prefix>.down"``…; ``top`` and
    ``bottom`` say where home and end go, in the words of what is read."""
    return [
        Binding(
            "down,j", "scroll_down", "Scroll down", show=False, tooltip="Scroll one line down", id=f"{prefix}.down"
        ),
        Binding("up,k", "scroll_up", "Scroll up", show=False, tooltip="Scroll one line up", id=f"{prefix}.up"),
        Binding(
            "pagedown,space",
            "page_down",
            "Page down",
            show=False,
            tooltip="Scroll one screen down",
            id=f"{prefix}.page_down",
        ),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="Scroll one screen up", id=f"{prefix}.page_up"),
        Binding("home,g", top_action, "Top", show=False, tooltip=top, id=f"{prefix}.top"),
        Binding("end,G", bottom_action, "End", show=False, tooltip=bottom, id=f"{prefix}.bottom"),
    ]
