"""The proposal form: typed answers become values, and bad ones say what to type."""

from __future__ import annotations

from datetime import date, datetime, timezone

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
    time_example,
    time_label,
    time_note,
    time_problem,
)


def test_every_field_of_the_model_has_a_box_or_a_place():
    """The editor covers the whole session (bar what igftui keeps for itself)."""
    own = {
        "id",
        "code",
        "source",
        "participants",
        "agenda",
        "online_participation",
        "uid",
        "revision",
        "history",
        "version",
    }
    boxes = {name.split(".")[0] for name in FIELDS}
    assert set(ForumSession.model_fields) - own <= boxes
    online = {name.split(".")[1] for name in FIELDS if name.startswith("online_participation.")}
    assert online == set(OnlineParticipation.model_fields)
    assert {spec.section for spec in FIELDS.values()} <= {section for section, _ in SECTIONS}


@pytest.mark.parametrize(
    ("name", "typed", "value"),
    [
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
    ],
)
def test_answers_become_values(name, typed, value):
    assert read_answer(FIELDS[name], typed) == value


@pytest.mark.parametrize(
    ("name", "typed", "words"),
    [
        ("year", "26", "four digits"),
        ("year", "1850", "The IGF began in 2006"),
        ("year", "1999", "The IGF began in 2006"),
        ("duration_minutes", "ninety", "not a whole number"),
        ("duration_minutes", "-5", "below zero"),
        ("sdgs", "5, 18", "“18” is not a goal"),
        ("starts_at", "next tuesday", "2026-06-23 09:30"),
    ],
)
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


# ----- times on the venue's clock, the year a proposal may be for -----


def test_a_time_is_typed_on_the_venues_clock_and_kept_in_utc():
    session = ForumSession(year=2019)
    starts = FIELDS["starts_at"]
    value = read_answer(starts, "2019-11-26 09:30", session)
    assert value == datetime(2019, 11, 26, 8, 30, tzinfo=timezone.utc)
    set_answer(session, starts, value)
    assert session.to_json()["starts_at"] == "2019-11-26T08:30:00Z"
    assert shown_answer(starts, session.starts_at, session) == "2019-11-26 09:30"
    assert time_label(starts, session) == "Starts (Berlin time)"
    assert time_note(starts, session) == "CET · 2019-11-26 08:30 UTC"
    # Just the hour in the end box: the start's day, on the venue's clock.
    assert read_answer(FIELDS["ends_at"], "11:00", session) == datetime(2019, 11, 26, 10, tzinfo=timezone.utc)


def test_a_time_box_gives_its_example_on_a_day_of_the_proposals_own_forum():
    assert time_example(FIELDS["starts_at"], ForumSession(year=2019)) == "e.g. 2019-11-25 09:30"
    assert time_example(FIELDS["ends_at"], ForumSession(year=2019)) == "e.g. 2019-11-25 11:00, or just 11:00"
    # No forum known for the year: the form's own example.
    assert time_example(FIELDS["starts_at"], ForumSession(year=2026)) == FIELDS["starts_at"].hint


def test_a_time_with_no_meeting_that_year_is_utc_and_labelled_so():
    session = ForumSession(year=2026)
    assert read_answer(FIELDS["starts_at"], "2026-06-23 09:30", session) == datetime(
        2026, 6, 23, 9, 30, tzinfo=timezone.utc
    )
    assert time_label(FIELDS["starts_at"], session) == "Starts (UTC)"
    assert time_note(FIELDS["starts_at"], session) == ""


def test_the_venue_zone_box_takes_an_iana_name():
    spec = FIELDS["time_zone"]
    assert read_answer(spec, " europe/warsaw ") == "Europe/Warsaw"
    assert read_answer(spec, "") is None
    with pytest.raises(AnswerError, match="not a time zone"):
        read_answer(spec, "Berlin")
    session = ForumSession(year=2019, starts_at="2019-11-26T08:30:00Z")
    set_answer(session, spec, "Asia/Tokyo")
    # The stored moment stays; the box shows it on the new clock.
    assert session.starts_at == datetime(2019, 11, 26, 8, 30, tzinfo=timezone.utc)
    assert shown_answer(FIELDS["starts_at"], session.starts_at, session) == "2019-11-26 17:30"


def test_seconds_of_a_stored_time_survive_showing_and_reading_back():
    session = ForumSession(year=2019, starts_at="2019-11-26T08:30:15Z")
    spec = FIELDS["starts_at"]
    shown = shown_answer(spec, session.starts_at, session)
    assert read_answer(spec, shown, session) == session.starts_at


@pytest.mark.parametrize(("typed", "words"), [("25:99", "not a time of day"), ("tomorrow", "not a date")])
def test_bad_times_are_refused_not_dropped(typed, words):
    session = ForumSession(year=2019, starts_at="2019-11-26T08:30:00Z")
    with pytest.raises(AnswerError, match=words):
        read_answer(FIELDS["starts_at"], typed, session)


def test_the_year_is_judged_against_the_day_it_is_typed():
    spec = FIELDS["year"]
    assert read_answer(spec, "2029", today=date(2026, 12, 2)) == 2029
    with pytest.raises(AnswerError, match="too far ahead"):
        read_answer(spec, "2030", today=date(2026, 12, 2))
    assert read_answer(spec, "2030", today=date(2027, 1, 1)) == 2030
