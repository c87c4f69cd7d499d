"""The findings of the checks for one session: what a rule set says, rule by rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from igftui.model.wording import finding_counts

if TYPE_CHECKING:
    from igftui.checks import Finding


def count_line(findings: Sequence[Finding], rule_set: str) -> str:
    """``"2 errors, 1 warning, 3 notes"``, or that the session meets ``rule_set``."""
    if not findings:
        return f"No findings: the session meets {rule_set}"
    return finding_counts(finding.severity.value for finding in findings)


def finding_lines(findings: Sequence[Finding]) -> str:
    """Findings as lines to put next to a field: "▲ warning: The title is 72 characters long…"."""
    return "\n".join(f"{f.severity.symbol} {f.severity.value}: {f.message}" for f in findings)


class FindingRow(Horizontal):
    """One finding: its severity as a symbol and a word (never colour alone), the rule, the text."""

    DEFAULT_CSS = """
    FindingRow {
        height: auto;
    }
    FindingRow .severity {
        width: 11;
        text-style: bold;
    }
    FindingRow.error .severity {
        color: $text-error;
    }
    FindingRow.warning .severity {
        color: $text-warning;
    }
    FindingRow.info .severity {
        color: $text-primary;
    }
    FindingRow .rule {
        width: 10;
        color: $text-muted;
    }
    FindingRow .text {
        width: 1fr;
        height: auto;
    }
    FindingRow .hint {
        color: $text-muted;
    }
    """

    def __init__(self, finding: Finding) -> None:
        super().__init__(classes=f"finding {finding.severity.value}")
        self.finding = finding

    def compose(self) -> ComposeResult:
        finding = self.finding
        yield Static(f"{finding.severity.symbol} {finding.severity.value}", classes="severity", markup=False)
        yield Static(finding.rule, classes="rule", markup=False)
        with Vertical(classes="text"):
            yield Static(finding.message, classes="message", markup=False)
            if finding.hint:
                yield Static(finding.hint, classes="hint", markup=False)


class ChecksPanel(Vertical):
    """The section "Checks (igf-2018)": a count line, then each finding, errors first.

    The screen runs the checks in a worker and calls :meth:`running`, then
    :meth:`show_findings` or :meth:`show_problem`; :attr:`rule_set` names the
    rule set whose findings are shown (None while none has finished).
    """

    DEFAULT_CSS = """
    ChecksPanel {
        height: auto;
    }
    ChecksPanel #checks-title {
        text-style: bold;
        color: $text-accent;
        margin-top: 1;
    }
    ChecksPanel #checks-count {
        text-style: bold;
    }
    ChecksPanel #checks-count.waiting, ChecksPanel #checks-count.problem {
        text-style: none;
        color: $text-muted;
    }
    ChecksPanel #checks-list {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The rule set whose findings are on screen.
        self.rule_set: str | None = None
        #: The findings on screen, errors first.
        self.findings: list[Finding] = []
        # Made here, so the screen can fill them in before they are mounted.
        self._heading = Static("Checks", id="checks-title", markup=False)
        self._counts = Static("Running the checks…", id="checks-count", classes="waiting", markup=False)
        self._rows = Vertical(id="checks-list")

    def compose(self) -> ComposeResult:
        yield self._heading
        yield self._counts
        with self._rows:
            yield from (FindingRow(finding) for finding in self.findings)

    def _title(self, rule_set: str | None) -> None:
        self._heading.update(Content(f"Checks ({rule_set})" if rule_set else "Checks"))

    def _count(self, text: str, kind: str) -> None:
        self._counts.update(Content(text))
        self._counts.set_classes(kind)

    def _show_rows(self) -> None:
        # Before the list is mounted, compose() puts the rows in.
        if not self._rows.is_attached:
            return
        with self.app.batch_update():
            self._rows.remove_children()
            self._rows.mount_all(FindingRow(finding) for finding in self.findings)

    def running(self, rule_set: str | None) -> None:
        """The checks have started with ``rule_set`` (None: the screen is still choosing it)."""
        self.rule_set = None
        self.findings = []
        self._title(rule_set)
        what = f"Running the checks of {rule_set}…" if rule_set else "Running the checks…"
        self._count(what, "waiting")
        self._show_rows()

    def show_findings(self, rule_set: str, findings: Sequence[Finding]) -> None:
        """Show what ``rule_set`` found, in the order given (run_checks sorts errors first)."""
        self.rule_set = rule_set
        self.findings = list(findings)
        self._title(rule_set)
        self._count(count_line(findings, rule_set), "done")
        self._show_rows()

    def show_problem(self, rule_set: str | None, text: str) -> None:
        """The checks could not run (a rule set that does not load): say so instead."""
        self.rule_set = None
        self.findings = []
        self._title(rule_set)
        self._count(text, "problem")
        self._show_rows()
