"""People across the catalogue: a person with their sessions, and how many sessions a year is too many.

The limit is rule IGF-P001's ``max_sessions`` as a rule set has it, not a copy of
the IGF's 3: a national IGF's rule set that raises it, or turns the rule off, is
what the people screens mark people against.  The rule set is the one the user's
own proposals are judged by (see ``services.rule_sets``): the lists help plan the
coming forum.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from igftui.checks import RuleSet
    from igftui.store.catalogue import Catalogue
    from igftui.store.listing import PersonWithSessions

#: The rule that limits how many sessions of one year a person speaks in, and its parameter.
SESSIONS_A_YEAR_RULE = ("IGF-P001", "max_sessions")


def sessions_a_year_limit(rule_set: RuleSet) -> int | None:
    """Most sessions of one year a speaker may be in under ``rule_set``; None when it has no such rule."""
    rule_id, param = SESSIONS_A_YEAR_RULE
    active = rule_set.get(rule_id)
    return int(active.params[param]) if active is not None else None


def limit_for_people(configured: str | None) -> int | None:
    """The per-year limit of the rule set the user's proposals are judged by (the ``rules``
    setting; the default one when that cannot be loaded)."""
    from igftui.services.rule_sets import configured_rule_set

    return sessions_a_year_limit(configured_rule_set(configured))


def person_with_sessions(catalogue: Catalogue, name: str) -> PersonWithSessions | None:
    """The person called ``name`` (as the catalogue folds names), their sessions counted and their roles.

    One query on the catalogue's person index; None when nobody of that name is in it.
    """
    return catalogue.person(name)
