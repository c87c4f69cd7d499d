"""What differs between a kept revision and the current text, field by field, readable without colour.

Each line carries its mark in a column of its own (``-`` only in the
revision, ``+`` only in the current text, ``~`` some words changed), so a
wrapped paragraph stays clear of the marks.  Inside a ``~`` line the words
are marked ``[-removed-]`` and ``{+added+}`` as well as struck through or
underlined: the marks survive NO_COLOR, a monochrome terminal and a copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from igftui.model.differences import DiffLine, FieldDifference
from igftui.tui.widgets.reading_keys import reading_bindings

#: How each mark's line looks (a theme variable and a text style: never the colour alone).
_LINE_STYLES = {"-": "$text-error", "+": "$text-success", " ": "$text-muted", "…": "$text-muted"}
_REMOVED = "$text-error strike"
_ADDED = "$text-success underline"


def legend(older: str, newer: str) -> str:
    """What the marks mean, naming the two texts compared."""
    return f"-  only in {older}   +  only in {newer}   ~  words changed: [-removed-] {{+added+}}"


def line_content(line: DiffLine) -> Content:
    """The text of one line, styled; the words of a ``~`` line marked as well as styled."""
    if line.mark != "~":
        return Content.assemble((line.text, _LINE_STYLES.get(line.mark, "")))
    parts: list[str | tuple[str, str]] = []
    for text, change in line.pieces:
        if change == "removed":
            parts += [("[-", "dim"), (text, _REMOVED), ("-]", "dim")]
        elif change == "added":
            parts += [("{+", "dim"), (text, _ADDED), ("+}", "dim")]
        else:
            parts.append(text)
    return Content.assemble(*parts)


class DifferencesView(VerticalScroll, can_focus=True):
    """The differences of one revision, or a sentence saying why there are none."""

    HELP_TITLE: ClassVar[str] = "Differences"

    BINDINGS: ClassVar[list[BindingType]] = reading_bindings(
        "differences", top="Back to the first difference", bottom="Down to the last difference"
    )

    DEFAULT_CSS = """
    DifferencesView {
        height: 1fr;
        padding: 0 1;
        border-top: solid $panel;
    }
    DifferencesView:focus {
        border-top: solid $primary;
    }
    DifferencesView .about {
        text-style: bold;
    }
    DifferencesView .legend, DifferencesView .note {
        color: $text-muted;
    }
    DifferencesView .field {
        text-style: bold;
        color: $text-accent;
        margin-top: 1;
    }
    DifferencesView .diff-line {
        height: auto;
    }
    DifferencesView .mark {
        width: 2;
        text-style: bold;
    }
    DifferencesView .text {
        width: 1fr;
    }
    """

    def show(self, about: str, differences: Sequence[FieldDifference], *, older: str, newer: str) -> None:
        """Show the ``differences`` of ``older`` (a revision) against ``newer`` (the current text)."""
        parts: list[Widget] = [Static(about, classes="about", markup=False)]
        if differences:
            parts.append(Static(legend(older, newer), classes="legend", markup=False))
            parts += list(self._fields(differences))
        else:
            parts.append(
                Static(f"Nothing differs: {older} holds the same text as {newer}.", classes="note", markup=False)
            )
        self._replace(parts)

    def say(self, text: str) -> None:
        """Show a sentence instead of differences (reading, or why they cannot be shown)."""
        self._replace([Static(text, classes="note", markup=False)])

    def _replace(self, parts: list[Widget]) -> None:
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(parts)
            self.scroll_home(animate=False)

    @staticmethod
    def _fields(differences: Iterable[FieldDifference]) -> Iterable[Widget]:
        for difference in differences:
            label = difference.label + ("  (private: never exported unless you ask)" if difference.private else "")
            yield Static(label, classes="field", markup=False)
            for line in difference.lines:
                yield Horizontal(
                    Static(Content.assemble((line.mark, _LINE_STYLES.get(line.mark, ""))), classes="mark"),
                    Static(line_content(line), classes="text"),
                    classes="diff-line",
                )
