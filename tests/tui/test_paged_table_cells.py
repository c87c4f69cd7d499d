"""A row's cells are drawn as DataTable drew them: the same characters in the same styles.

PagedTable builds each cell's segments itself (the first screen's paint depends on
it); what it builds is compared with what Rich's Padding inside Textual's Styled
renders for the same cell, which is how DataTable draws one.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.renderables.styled import Styled

from igftui.tui.widgets.paged_table import cell_segments

CONSOLE = Console(width=120, color_system="truecolor", legacy_windows=False)
ROW = Style(color="white", bgcolor="rgb(30,30,30)") + Style.from_meta({"row": 3, "column": 1})
CURSOR = Style(color="black", bgcolor="yellow")

words = st.text(
    # Wide (CJK), combining and right-to-left letters, tabs and new lines: what titles hold.
    alphabet=st.sampled_from(list("ab c-Zé\u0301語字\u0627\t\n⚑…·")),
    max_size=30,
)


@st.composite
def cells(draw) -> Text:
    text = Text(
        draw(words),
        style=draw(st.sampled_from(["", "bold", "dim"])),
        justify=draw(st.sampled_from([None, "left", "right", "center", "default", "full"])),
        overflow=draw(st.sampled_from([None, "ellipsis", "crop", "fold"])),
        no_wrap=True,
        end="",
    )
    if text.plain:
        start = draw(st.integers(0, len(text.plain) - 1))
        end = draw(st.integers(start + 1, len(text.plain)))
        if draw(st.booleans()):
            text.stylize("bold reverse", start, end)
    return text


def as_datatable_draws(cell: Text, width: int, padding: int, style: Style, after: Style) -> list[Segment]:
    options = CONSOLE.options.update_dimensions(width + 2 * padding, 1).update(no_wrap=True)
    lines = CONSOLE.render_lines(Styled(Padding(cell, (0, padding)), pre_style=style, post_style=after), options)
    return lines[0]


def drawn(segments: list[Segment]) -> list[tuple[str, Style | None]]:
    """Each character with its style: the same picture, however it is split into segments."""
    return [(char, segment.style) for segment in segments for char in segment.text]


@given(cell=cells(), width=st.integers(1, 24), padding=st.integers(0, 2), on_cursor=st.booleans())
@example(cell=Text("28 ⚑", justify="right", style="bold", end=""), width=8, padding=1, on_cursor=False)
@example(
    cell=Text("a title much longer than its column", overflow="ellipsis", end=""), width=10, padding=1, on_cursor=True
)
@example(cell=Text("first line\nsecond", end=""), width=20, padding=1, on_cursor=False)
def test_a_cell_is_drawn_as_datatable_drew_it(cell: Text, width: int, padding: int, on_cursor: bool) -> None:
    after = Style.from_color(CURSOR.color, CURSOR.bgcolor) if on_cursor else Style()
    style = ROW + (CURSOR if on_cursor else Style())
    ours = cell_segments(cell, width, padding, style, after, CONSOLE)
    assert drawn(ours) == drawn(as_datatable_draws(cell, width, padding, style, after))
    assert Segment.get_line_length(ours) == width + 2 * padding


def test_a_cell_is_never_changed_by_drawing_it() -> None:
    cell = Text("a title much longer than its column\tand a tab", justify="right", end="")
    before = (cell.plain, list(cell.spans), cell.style)
    cell_segments(cell, 8, 1, ROW, Style(), CONSOLE)
    assert (cell.plain, list(cell.spans), cell.style) == before
