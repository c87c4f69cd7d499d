"""Checks: the IGF's rules for session proposals, year by year, and notes that help organisers.

    from igftui.checks import load_rule_set, run_checks
    findings = run_checks(session, load_rule_set("igf-2018"), catalogue)

Plain Python over the session model: no Textual, no database unless a catalogue
is passed (the cross-session rules use it; without it they are skipped).  Rules
are documented one by one in ``checks/README.md`` and by ``igftui rules``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from igftui.checks import rules as _rules  # registers every rule
from igftui.checks.core import (
    REGISTRY,
    CachedCatalogue,
    Context,
    Finding,
    Param,
    Rule,
    Severity,
    sorted_findings,
)
from igftui.checks.loader import (
    DEFAULT_RULE_SET,
    ActiveRule,
    RuleInfo,
    RuleSet,
    RuleSetError,
    describe_rules,
    load_rule_set,
    rule_set_names,
)

if TYPE_CHECKING:
    from igftui.checks.core import CatalogueView
    from igftui.model.session import ForumSession

__all__ = [
    "DEFAULT_RULE_SET",
    "ActiveRule",
    "CachedCatalogue",
    "Finding",
    "Param",
    "Rule",
    "RuleInfo",
    "RuleSet",
    "RuleSetError",
    "Severity",
    "describe_rules",
    "load_rule_set",
    "rule_set_names",
    "run_checks",
]


def run_checks(
    session: ForumSession,
    rule_set: RuleSet | str | os.PathLike[str] | None = None,
    catalogue: CatalogueView | None = None,
    *,
    raise_errors: bool = False,
) -> list[Finding]:
    """Run every rule of ``rule_set`` on ``session``: errors first, then warnings, then notes.

    ``rule_set`` is a loaded :class:`RuleSet`, a name or path (loaded here), or None for
    the default.  Rules that need the catalogue are skipped when ``catalogue`` is None;
    an editor re-running on every keystroke can pass ``CachedCatalogue(catalogue)``.

    A rule that raises is a bug in igftui; rather than lose every other finding, it
    becomes an error finding naming the rule (``raise_errors`` lets tests see the
    exception instead).
    """
    if not isinstance(rule_set, RuleSet):
        rule_set = load_rule_set(rule_set)
    findings: list[Finding] = []
    for active in rule_set.rules:
        definition = active.rule
        if definition.needs_catalogue and catalogue is None:
            continue
        context = Context(active.id, active.severity, active.params, catalogue)
        try:
            findings.extend(definition.check(session, context) or ())
        except Exception as exc:  # the last guard described above
            if raise_errors:
                raise
            findings.append(
                Finding(
                    active.id,
                    Severity.ERROR,
                    f"{active.id} could not run: {exc.__class__.__name__}: {exc}",
                    "This is a fault in igftui, not in the proposal; please report it with the session "
                    "exported as JSON (igftui export ID --format json).",
                    None,
                )
            )
    return sorted_findings(findings)


def rule(rule_id: str) -> Rule:
    """The registered rule ``rule_id`` (KeyError when there is none)."""
    return REGISTRY[rule_id]
