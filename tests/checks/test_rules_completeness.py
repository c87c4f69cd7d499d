"""IGF-C…: the form's fields, three provisionally confirmed speakers, title and description limits."""

import pytest
from checks_helpers import good_workshop, only, person, run_rule

from igftui.checks import Severity
from igftui.checks.rules.completeness import BY_TYPE, required_fields
from igftui.model import ForumSession, SessionType

# ----- IGF-C001: every field the form asks for -----


def test_c001_quiet_for_a_complete_workshop():
    assert run_rule(good_workshop(), "IGF-C001") == []


def test_c001_names_each_empty_field_of_a_workshop():
    session = good_workshop(
        policy_questions=[],
        expected_outcomes=None,
        participants=[p for p in good_workshop().participants if "moderator" not in p.roles],
    )
    findings = run_rule(session, "IGF-C001")
    assert all(f.rule == "IGF-C001" and f.severity is Severity.ERROR for f in findings)
    by_field = {f.field: f.message for f in findings}
    assert "policy questions" in by_field["policy_questions"]
    assert "expected outcomes" in by_field["expected_outcomes"]
    assert "moderator" in by_field["participants"]
    assert all("workshop form" in message for message in by_field.values())


def test_c001_asks_for_the_session_type_and_checks_a_typeless_draft_as_a_workshop():
    findings = run_rule(ForumSession(), "IGF-C001")
    fields = [f.field for f in findings]
    assert fields[0] == "session_type"
    assert "policy_questions" in fields and "title" in fields
    assert "session type" in findings[0].message


@pytest.mark.parametrize(
    "session_type, asked, not_asked",
    [
        ("open_forum", "speakers", "policy_questions"),
        ("dynamic_coalition", "organisers", "expected_outcomes"),
        ("nri_session", "policy_questions", "speakers"),
        ("main_session", "moderator", "organisers"),
        ("best_practice_forum", "organisers", "speakers"),
        ("other", "title", "organisers"),
    ],
)
def test_c001_each_type_has_its_own_form(session_type, asked, not_asked):
    wanted = required_fields(SessionType(session_type))
    assert asked in wanted and not_asked not in wanted
    session = ForumSession(session_type=session_type, title="A title" if asked != "title" else None)
    labels = " ".join(f.message for f in run_rule(session, "IGF-C001"))
    assert SessionType(session_type).label in labels or session_type == "other"


def test_c001_every_type_is_in_the_table():
    assert set(BY_TYPE) == set(SessionType)


def test_c001_declined_speakers_do_not_fill_the_speakers_field():
    session = ForumSession(
        session_type="dynamic_coalition",
        title="t",
        description="d",
        participants=[person("Org", "organizer"), person("Li Wei", status="declined")],
    )
    finding = only(run_rule(session, "IGF-C001"))
    assert finding.field == "participants" and "speakers" in finding.message


def test_c001_params_require_and_ignore_fields():
    session = good_workshop(sdgs=[])
    assert run_rule(session, "IGF-C001") == []
    finding = only(run_rule(session, "IGF-C001", require=["sdgs"]))
    assert finding.field == "sdgs" and "Sustainable Development Goals" in finding.message
    session = good_workshop(diversity_statement=None)
    assert run_rule(session, "IGF-C001", ignore=["diversity_statement"]) == []


# ----- IGF-C002: at least three provisionally confirmed speakers -----


def test_c002_names_the_confirmed_the_invited_and_the_undecided():
    session = good_workshop(
        participants=[
            person("Ana Costa"),
            person("Li Wei", status="provisional"),
            person("Bob Okafor", status="invited"),
            person("Carla Diaz", status=None),
            person("Dan Ruiz", status="declined"),
        ]
    )
    finding = only(run_rule(session, "IGF-C002"))
    assert finding.rule == "IGF-C002" and finding.severity is Severity.ERROR
    assert "Only 2 speakers" in finding.message
    for name in ("Ana Costa", "Li Wei", "Bob Okafor", "Carla Diaz"):
        assert name in finding.message
    assert "Dan Ruiz" not in finding.message
    assert finding.hint


def test_c002_without_speakers():
    finding = only(run_rule(good_workshop(participants=[person("Org", "organizer")]), "IGF-C002"))
    assert "No speakers" in finding.message and "3" in finding.message


@pytest.mark.parametrize(
    "statuses",
    [
        ("confirmed", "confirmed", "confirmed"),
        ("provisional", "confirmed", "provisional", "invited"),
    ],
)
def test_c002_quiet_with_three_who_agreed(statuses):
    people = [person(f"Speaker {i}", status=s) for i, s in enumerate(statuses)]
    assert run_rule(good_workshop(participants=people), "IGF-C002") == []


def test_c002_applies_to_workshops_only_by_default():
    session = ForumSession(session_type="open_forum", participants=[person("Ana Costa")])
    assert run_rule(session, "IGF-C002") == []
    assert run_rule(session, "IGF-C002", session_types=[]) != []
    assert run_rule(good_workshop(), "IGF-C002", min_speakers=5) != []


# ----- IGF-C003 and IGF-C004: title and description limits -----


def test_c003_long_title():
    finding = only(run_rule(good_workshop(title="T" * 61), "IGF-C003"))
    assert finding.severity is Severity.WARNING and finding.field == "title"
    assert "61 characters" in finding.message and "60" in finding.message


@pytest.mark.parametrize("title", ["T" * 60, None])
def test_c003_quiet(title):
    assert run_rule(good_workshop(title=title), "IGF-C003") == []


def test_c003_limit_is_a_parameter():
    assert run_rule(good_workshop(title="T" * 61), "IGF-C003", max_chars=70) == []


def test_c004_long_description():
    finding = only(run_rule(good_workshop(description="word " * 251), "IGF-C004"))
    assert finding.severity is Severity.WARNING and finding.field == "description"
    assert "251 words" in finding.message and "250" in finding.message


@pytest.mark.parametrize("text", ["word " * 250, None, ""])
def test_c004_quiet(text):
    assert run_rule(good_workshop(description=text), "IGF-C004") == []


def test_c004_limit_is_a_parameter_and_other_types_are_left_alone():
    assert run_rule(good_workshop(description="word " * 300), "IGF-C004", max_words=300) == []
    assert run_rule(good_workshop(description="word " * 300, session_type="open_forum"), "IGF-C004") == []
