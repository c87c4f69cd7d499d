"""No rule raises on any session the model accepts, however empty or odd; findings are well-formed."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_helpers import person
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igftui.checks import ActiveRule, RuleSet, Severity, load_rule_set, run_checks
from igftui.checks.core import REGISTRY
from igftui.model import AgendaItem, ForumSession, Participant
from igftui.store import Catalogue
from strategies import agenda_items, participants, sessions

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "igftui" / "checks" / "examples" / "national-igf.toml"

#: Every rule at its defaults, so one run exercises them all.
EVERY_RULE = RuleSet(
    "every-rule", tuple(ActiveRule(r.id, r.severity, r.default_params(), r) for r in REGISTRY.values())
)

# Up to a dozen people and eight agenda items: enough for the diversity and agenda rules to
# count, few enough to stay quick.
sessions = sessions(participants=st.lists(participants(), max_size=12), agenda=st.lists(agenda_items(), max_size=8))

SESSION_FIELDS = set(ForumSession.model_fields)


def assert_well_formed(findings, rule_set):
    ids = set(rule_set.ids)
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks)
    for finding in findings:
        assert finding.rule in ids
        assert isinstance(finding.severity, Severity)
        assert isinstance(finding.message, str) and finding.message.strip()
        assert isinstance(finding.hint, str)
        assert finding.field is None or finding.field in SESSION_FIELDS, finding
        assert set(finding.to_json()) == {"rule", "severity", "message", "hint"}


NATIONAL = load_rule_set(EXAMPLE)


@settings(max_examples=200, deadline=None)
@given(session=sessions)
def test_no_rule_raises_on_any_session(session):
    for rule_set in (EVERY_RULE, NATIONAL):
        assert_well_formed(run_checks(session, rule_set, None, raise_errors=True), rule_set)


@pytest.fixture(scope="module")
def busy_catalogue(tmp_path_factory):
    path = tmp_path_factory.mktemp("property") / "c.db"
    with Catalogue(path) as catalogue:
        catalogue.import_sessions(
            [
                ForumSession(
                    status="catalogued",
                    year=year,
                    session_type="workshop",
                    number=number,
                    title=f"Past session {number}",
                    participants=[person("Ana Costa"), person("Kofi Mensah")],
                )
                for number, year in enumerate([2017, 2018, 2018, 2018, 2018, 2025, 2025, 2025], start=1)
            ]
        )
        yield catalogue


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(session=sessions)
def test_no_rule_raises_with_a_catalogue(busy_catalogue, session):
    assert_well_formed(run_checks(session, EVERY_RULE, busy_catalogue, raise_errors=True), EVERY_RULE)


@pytest.mark.parametrize(
    "session",
    [
        ForumSession(),
        ForumSession(participants=[Participant()], agenda=[AgendaItem()]),
        ForumSession(
            session_type="workshop",
            format="break_out_groups",
            duration_minutes=0,
            participants=[Participant(roles=["speaker", "moderator"], status="declined")],
            agenda=[AgendaItem(minutes=0, public=False)],
        ),
        ForumSession(
            format="panel",
            participants=[
                Participant(
                    name=None, roles=["speaker"], stakeholder_group="academia", region="intergovernmental_organization"
                )
            ]
            * 7,
        ),
    ],
)
def test_odd_sessions_give_readable_messages(session):
    for finding in run_checks(session, EVERY_RULE, None, raise_errors=True):
        assert "None" not in finding.message and "None" not in finding.hint, finding
        assert "<" not in finding.message, finding  # no object reprs
