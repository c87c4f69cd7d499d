"""No rule raises on any session the model accepts, however empty or odd; findings are well-formed."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_helpers import person
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igftui.checks import ActiveRule, RuleSet, Severity, load_rule_set, run_checks
from igftui.checks.core import REGISTRY
from igftui.model import (
    AgendaItem,
    Attendance,
    Format,
    ForumSession,
    Gender,
    OnlineParticipation,
    Participant,
    ParticipantStatus,
    Region,
    Role,
    SessionStatus,
    SessionType,
    StakeholderGroup,
)
from igftui.store import Catalogue

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "igftui" / "checks" / "examples" / "national-igf.toml"

#: Every rule at its defaults, so one run exercises them all.
EVERY_RULE = RuleSet("every-rule", tuple(
    ActiveRule(r.id, r.severity, r.default_params(), r) for r in REGISTRY.values()))

texts = st.one_of(st.none(), st.just(""), st.just("   "), st.text(max_size=40))
long_texts = st.one_of(texts, st.text(min_size=60, max_size=400),
                       st.lists(st.sampled_from(["word", "youth", "stream", "not"]), max_size=300)
                       .map(" ".join))
names = st.one_of(texts, st.sampled_from(["Ana Costa", "ana costa", "Li Wei", "Kofi Mensah", "Youth IGF"]))


def maybe(kind):
    return st.one_of(st.none(), st.sampled_from(list(kind)))


participants = st.builds(
    Participant, name=names, organisation=st.one_of(texts, st.just("Youth Coalition")),
    stakeholder_group=maybe(StakeholderGroup), region=maybe(Region), country=texts,
    roles=st.lists(st.sampled_from(list(Role)), max_size=5), status=maybe(ParticipantStatus),
    attendance=maybe(Attendance), first_time=st.booleans(), gender=maybe(Gender),
    email=st.none())

agenda_items = st.builds(
    AgendaItem, title=st.one_of(st.none(), st.text(max_size=30)), minutes=st.integers(0, 24 * 60),
    kind=st.one_of(st.none(), st.sampled_from(["discussion", "talk", "q&a", "something else"])),
    interactive=st.booleans(), public=st.booleans())

online = st.builds(
    OnlineParticipation, platform=texts, remote_hubs=st.lists(st.text(max_size=12), max_size=3),
    speaking_queue=texts, captioning=st.booleans(),
    interpretation=st.lists(st.text(min_size=1, max_size=12), max_size=3), broadcast=st.booleans(),
    notes=long_texts)

sessions = st.builds(
    ForumSession,
    id=st.one_of(st.none(), st.integers(1, 10**6)), status=st.sampled_from(list(SessionStatus)),
    year=st.one_of(st.none(), st.integers(1990, 2200)), session_type=maybe(SessionType),
    code=texts, number=st.one_of(st.none(), st.integers(0, 10**6)), title=long_texts,
    short_title=texts, theme=texts, subtheme=texts, tags=st.lists(st.text(max_size=15), max_size=4),
    format=maybe(Format), format_description=texts,
    duration_minutes=st.one_of(st.none(), st.integers(0, 24 * 60 * 7)),
    policy_questions=st.lists(st.text(max_size=40), max_size=4), relevance_to_theme=texts,
    relevance_to_internet_governance=texts, description=long_texts, expected_outcomes=texts,
    discussion_facilitation=texts, diversity_statement=texts,
    sdgs=st.lists(st.integers(1, 17), max_size=5),
    participants=st.lists(participants, max_size=12), agenda=st.lists(agenda_items, max_size=8),
    online_participation=online)

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
        catalogue.import_sessions([
            ForumSession(status="catalogued", year=year, session_type="workshop", number=number,
                         title=f"Past session {number}",
                         participants=[person("Ana Costa"), person("Kofi Mensah")])
            for number, year in enumerate([2017, 2018, 2018, 2018, 2018, 2025, 2025, 2025], start=1)
        ])
        yield catalogue


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(session=sessions)
def test_no_rule_raises_with_a_catalogue(busy_catalogue, session):
    assert_well_formed(run_checks(session, EVERY_RULE, busy_catalogue, raise_errors=True), EVERY_RULE)


@pytest.mark.parametrize("session", [
    ForumSession(),
    ForumSession(participants=[Participant()], agenda=[AgendaItem()]),
    ForumSession(session_type="workshop", format="break_out_groups", duration_minutes=0,
                 participants=[Participant(roles=["speaker", "moderator"], status="declined")],
                 agenda=[AgendaItem(minutes=0, public=False)]),
    ForumSession(format="panel", participants=[Participant(name=None, roles=["speaker"],
                                                           stakeholder_group="academia",
                                                           region="intergovernmental_organization")] * 7),
])
def test_odd_sessions_give_readable_messages(session):
    for finding in run_checks(session, EVERY_RULE, None, raise_errors=True):
        assert "None" not in finding.message and "None" not in finding.hint, finding
        assert "<" not in finding.message, finding  # no object reprs
