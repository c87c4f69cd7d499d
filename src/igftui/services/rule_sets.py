"""Which rule set judges a session: one policy for ``igftui check`` and the app's checks.

The policy, in order:

1. A rule set the user names for this check judges it: ``--rules`` on the command
   line, or the one picked with ``r`` (session) or ``ctrl+r`` (editor) in the app.
2. A catalogued session (the IGF's own, as published) of a past year, one before
   the newest rule set's (2025 for ``igf-2025``), is judged as the programme
   committee of its year judged it: by the built-in rule set of its year
   (``igf-2018`` for 2018), or for a year igftui has no rule set of, by the newest
   one before it.  A session of a year before the first rule set (``igf-2017``)
   had no such rules: it goes on to 3.
3. Anything else is judged by the ``rules`` setting, else by the default, the
   newest rule set: the user's own drafts and proposals (written for the coming
   forum, whatever year they were copied from), the sessions of the newest year
   and later (the forum the user's setting is for), and a session without a year.

Before this module the app followed 2 and the command line always followed 3, so
``igftui check`` of a past session and the app's session screen disagreed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from igftui.checks import RuleSet
    from igftui.model.session import ForumSession

_YEARLY = re.compile(r"igf-(\d{4})")


def rule_set_of_year(year: int, names: Sequence[str]) -> str | None:
    """The built-in rule set of ``year``, else the newest one before it; None before the first."""
    years = sorted(int(match.group(1)) for name in names if (match := _YEARLY.fullmatch(name)))
    before = [known for known in years if known <= year]
    return f"igf-{before[-1]}" if before else None


def rule_set_for(
    session: ForumSession | None,
    *,
    chosen: str | None = None,
    configured: str | None = None,
    names: Sequence[str] | None = None,
) -> str:
    """The name (or path) of the rule set that judges ``session`` (see the module's policy).

    ``chosen`` is the rule set the user named for this check, ``configured`` the
    ``rules`` setting; ``names`` the built-in rule sets (read when not given).
    A session not read yet (None) is taken for one of the user's own.
    """
    from igftui.checks import DEFAULT_RULE_SET, rule_set_names
    from igftui.model.vocabulary import SessionStatus

    if chosen:
        return chosen
    if session is not None and session.status is SessionStatus.CATALOGUED and session.year:
        names = rule_set_names() if names is None else names
        of_its_year = rule_set_of_year(session.year, names)
        if of_its_year is not None and session.year < _newest_year(names):
            return of_its_year
    return configured or DEFAULT_RULE_SET


def _newest_year(names: Sequence[str]) -> int:
    """The year of the newest built-in rule set (0 when there is none)."""
    return max((int(match.group(1)) for name in names if (match := _YEARLY.fullmatch(name))), default=0)


def configured_rule_set(configured: str | None) -> RuleSet:
    """The rule set the user's own proposals are judged by (the ``rules`` setting), loaded.

    A setting naming a rule set that cannot be loaded falls back to the default one:
    the editor and the checks say what is wrong with it; what only reads a parameter
    of it (the people lists' yearly limit, the threshold of ``overlaps``) still works.
    """
    from igftui.checks import DEFAULT_RULE_SET, RuleSetError, load_rule_set

    try:
        return load_rule_set(configured or DEFAULT_RULE_SET)
    except RuleSetError:
        return load_rule_set(DEFAULT_RULE_SET)
