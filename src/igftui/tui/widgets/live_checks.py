"""The editor's checks panel: what the rule set says of the proposal, as the user types."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from igftui.tui.widgets.findings import count_line

if TYPE_CHECKING:
    from igftui.checks import Finding


class FindingList(OptionList):
    """The findings, one option each; enter jumps to the field a finding is about."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "select", "Go to field", tooltip="Jump to the field this finding is about", id="findings.jump"
        ),
    ]
    HELP_TITLE: ClassVar[str] = "Checks"


class LiveChecks(Vertical):
    """A count line and the findings, errors first, each with its severity as a symbol and a word."""

    DEFAULT_CSS = """
    LiveChecks {
        height: 1fr;
        border-left: vkey $panel;
        padding: 0 1;
    }
    LiveChecks #live-checks-title {
        text-style: bold;
        color: $text-accent;
    }
    LiveChecks #live-checks-count {
        color: $text-muted;
    }
    LiveChecks FindingList, LiveChecks FindingList:focus {
        height: 1fr;
        /* A constant width: options measured without the scroll bar would lose their last line. */
        scrollbar-gutter: stable;
        border: none;
        padding: 0;
        background: transparent;
    }
    """

    @dataclass
    class JumpWanted(Message):
        """The user picked a finding: show the field it is about."""

        finding: Finding

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The findings on screen, errors first.
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield Static("Checks", id="live-checks-title", markup=False)
        yield Static("Running the checks…", id="live-checks-count", markup=False)
        yield FindingList(id="live-findings")

    def show_findings(self, rule_set: str, findings: Sequence[Finding]) -> None:
        """Show what ``rule_set`` says now, keeping the highlight on the same finding if it is still there."""
        options = self.query_one(FindingList)
        before = options.highlighted
        kept = self.findings[before] if before is not None and before < len(self.findings) else None
        self.findings = list(findings)
        self.query_one("#live-checks-title", Static).update(Content(f"Checks · {rule_set}"))
        self.query_one("#live-checks-count", Static).update(Content(count_line(findings, rule_set)))
        options.clear_options()
        options.add_options(_option(finding) for finding in self.findings)
        if kept in self.findings:
            options.highlighted = self.findings.index(kept)

    def show_problem(self, text: str) -> None:
        self.findings = []
        self.query_one("#live-checks-count", Static).update(Content(text))
        self.query_one(FindingList).clear_options()

    def step(self, by: int) -> Finding | None:
        """Highlight the next (``by`` = 1) or previous (-1) finding, round the end, and return it."""
        if not self.findings:
            return None
        options = self.query_one(FindingList)
        current = options.highlighted
        index = (-1 if by > 0 else 0) if current is None else current
        index = (index + by) % len(self.findings)
        options.highlighted = index
        return self.findings[index]

    @on(OptionList.OptionSelected, "#live-findings")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.JumpWanted(self.findings[event.option_index]))


def _option(finding: Finding) -> Option:
    prompt = Text()
    prompt.append(f"{finding.severity.symbol} {finding.severity.value}", style="bold")
    prompt.append(f" {finding.rule}\n", style="dim")
    prompt.append(finding.message)
    return Option(prompt)
