"""The form's limits as the rule set in use has them, for counts shown while typing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from igftui.checks.facts import of_type

if TYPE_CHECKING:
    from igftui.checks.loader import RuleSet
    from igftui.model.session import ForumSession

#: field -> (rule, parameter): the rules that hold a form limit.
LIMIT_RULES = {"title": ("IGF-C003", "max_chars"), "description": ("IGF-C004", "max_words")}


def form_limits(rule_set: RuleSet, session: ForumSession) -> dict[str, int]:
    """``{"title": 60, "description": 250}``: the limits the rule set holds this session to.

    A limit is left out when its rule is not in the rule set or does not apply to
    the session's type, so the editor never counts against a limit nobody checks.
    """
    limits: dict[str, int] = {}
    for active in rule_set.rules:
        for field, (rule_id, param) in LIMIT_RULES.items():
            if active.id == rule_id and of_type(session, active.params.get("session_types", ())):
                limits[field] = int(active.params[param])
    return limits
