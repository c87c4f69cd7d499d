"""Sessions to check, built with the model, and a way to run one rule on its own.

A module of its own (not conftest.py) so that tests can import it by name.
"""

from __future__ import annotations

from igftui.checks import ActiveRule, RuleSet, run_checks
from igftui.checks.core import REGISTRY
from igftui.model import AgendaItem, ForumSession, OnlineParticipation, Participant


def person(name: str, *roles: str, **fields) -> Participant:
    """A participant; speaker by default, confirmed and onsite unless told otherwise."""
    fields.setdefault("status", "confirmed")
    fields.setdefault("attendance", "onsite")
    return Participant(name=name, roles=list(roles or ("speaker",)), **fields)


def good_workshop(**changes) -> ForumSession:
    """A workshop proposal that meets every requirement of igf-2025 (notes aside)."""
    data = dict(
        status="draft",
        year=2025,
        session_type="workshop",
        title="Keeping human rights defenders online",
        description="How rapid responders help organisations under digital attack, and what "
        "platforms and governments can do.",
        policy_questions=["Who should answer when a civil society group is attacked online?"],
        expected_outcomes="A shared map of emergency support and three commitments.",
        discussion_facilitation="Short case, then open discussion with the room and online.",
        diversity_statement="Speakers from four regions and four stakeholder groups.",
        format="round_table",
        duration_minutes=60,
        participants=[
            person("Amara Okafor", "organizer", stakeholder_group="civil_society", region="african", gender="woman"),
            person("Lucia Mendes", "moderator", stakeholder_group="civil_society", region="grulac", gender="woman"),
            person(
                "Tomas Novak",
                "online_moderator",
                attendance="online",
                stakeholder_group="technical_community",
                region="eastern_european",
                gender="man",
            ),
            person("Ana Costa", stakeholder_group="government", region="weog", gender="woman"),
            person("Kofi Mensah", stakeholder_group="private_sector", region="african", gender="man"),
            person(
                "Mei Chen",
                stakeholder_group="academia",
                region="asia_pacific",
                gender="non_binary",
                status="provisional",
                attendance="online",
            ),
        ],
        agenda=[
            AgendaItem(title="Opening and case", minutes=10, kind="opening"),
            AgendaItem(title="Open discussion", minutes=40, kind="discussion", interactive=True),
            AgendaItem(title="Closing", minutes=10, kind="closing"),
        ],
        online_participation=OnlineParticipation(
            platform="Zoom", captioning=True, speaking_queue="one queue for room and online"
        ),
    )
    data.update(changes)
    return ForumSession(**data)


def run_rule(session: ForumSession, rule_id: str, catalogue=None, **params):
    """Run one rule with its default severity and the given parameter changes."""
    definition = REGISTRY[rule_id]
    settings = definition.default_params()
    settings.update(params)
    rule_set = RuleSet("test", (ActiveRule(rule_id, definition.severity, settings, definition),))
    return run_checks(session, rule_set, catalogue, raise_errors=True)


def only(findings, rule_id: str | None = None):
    """The one finding of a list (of one rule); fails if there are none or several."""
    chosen = [f for f in findings if rule_id is None or f.rule == rule_id]
    assert len(chosen) == 1, chosen
    return chosen[0]
