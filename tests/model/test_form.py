"""The proposal form: typed answers become values, and bad ones say what to type."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from igftui.model import ForumSession, OnlineParticipation
from igftui.model.form import (
    FIELDS,
    SECTIONS,
    AnswerError,
    current_value,
    place_of,
    read_answer,
    set_answer,
    shown_answer,
    time_problem,
)


def test_every_field_of_the_model_has_a_box_or_a_place():
    """The editor covers the whole session (bar what igftui keeps for itself)."""
    own = {"id", "code", "source", "participants", "agenda", "online_participation",
           "uid", "revision", "history", "version"}
    boxes = {name.split(".")[0] for name in FIELDS}
    assert set(ForumSession.model_fields) - own <= boxes
    online = {name.split(".")[1] for name in FIELDS if name.startswith("online_participation.")}
    assert online == set(OnlineParticipation.model_fields)
    assert {spec.section for spec in FIELDS.values()} <= {section for section, _ in SECTIONS}


@pytest.mark.parametrize(("name", "typed", "value"), [
    ("title", "  A title  ", "A title"),
    ("title", "   ", None),
    ("policy_questions", "First?\n\n  Second?  \n", ["First?", "Second?"]),
    ("tags", "privacy, ; security,", ["privacy", "security"]),
    ("year", " 2026 ", 2026),
    ("year", "", None),
    ("duration_minutes", "90", 90),
    ("sdgs", "16, 5 5;9", [5, 9, 16]),
    ("sdgs", "", []),
    ("starts_at", "2026-06-23 09:30", datetime(2026, 6, 23, 9, 30, tzinfo=timezone.utc)),
    ("starts_at", "2026-06-23T11:30+02:00", datetime(2026, 6, 23, 9, 30, tzinfo=timezone.utc)),
])
def test_answers_become_values(name, typed, value):
    assert read_answer(FIELDS[name], typed) == value


@pytest.mark.parametrize(("name", "typed", "words"), [
    ("year", "26", "four digits"),
    ("year", "1850", "four digits"),
    ("duration_minutes", "ninety", "not a whole number"),
    ("duration_minutes", "-5", "below zero"),
    ("sdgs", "5, 18", "“18” is not a goal"),
    ("starts_at", "next tuesday", "2026-06-23 09:30"),
])
def test_bad_answers_say_what_to_type(name, typed, words):
    with pytest.raises(AnswerError, match=words):
        read_answer(FIELDS[name], typed)


def test_the_model_refuses_what_is_out_of_range_in_plain_words():
    session = ForumSession()
    with pytest.raises(AnswerError, match="too large"):
        set_answer(session, FIELDS["duration_minutes"], 10**7)
    assert session.duration_minutes is None


def test_set_answer_reaches_inside_online_participation_and_reports_change():
    session = ForumSession()
    spec = FIELDS["online_participation.platform"]
    assert set_answer(session, spec, "Zoom") is True
    assert session.online_participation.platform == "Zoom"
    assert set_answer(session, spec, "Zoom") is False
    assert current_value(session, spec) == "Zoom"


def test_a_new_type_or_number_lets_the_code_be_worked_out_again():
    session = ForumSession(session_type="workshop", number=12, code="WS #12")
    set_answer(session, FIELDS["number"], 153)
    assert session.display_code() == "WS #153"


def test_times_that_cannot_both_be_right_are_named():
    session = ForumSession(starts_at="2026-06-23T10:00:00Z", ends_at="2026-06-23T09:00:00Z")
    assert time_problem(session) == "The session ends before it starts."
    session.ends_at = datetime(2026, 6, 23, 11, tzinfo=timezone.utc)
    assert time_problem(session) is None


def test_findings_about_people_agenda_and_online_have_a_place():
    assert place_of("participants") == ("people", "people-table")
    assert place_of("agenda") == ("format", "agenda-table")
    assert place_of("title") == ("basics", "input-title")
    assert place_of(None) is None and place_of("nonsense") is None


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1), max_size=5))
def test_lines_read_back_what_they_show(items):
    spec = FIELDS["policy_questions"]
    cleaned = read_answer(spec, "\n".join(items))
    assert read_answer(spec, shown_answer(spec, cleaned)) == cleaned
