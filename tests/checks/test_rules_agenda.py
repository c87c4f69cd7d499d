"""IGF-A…: agenda against duration, interaction, panels, flash sessions, break-out groups."""

import pytest
from checks_helpers import good_workshop, only, person, run_rule

from igftui.checks import Severity
from igftui.model import AgendaItem


def agenda(*minutes, interactive=()):
    return [
        AgendaItem(title=f"Segment {i + 1}", minutes=m, interactive=i in interactive) for i, m in enumerate(minutes)
    ]


# ----- IGF-A001 and IGF-A002: the agenda adds up to the duration -----


def test_a001_agenda_longer_than_the_session_names_both_numbers():
    finding = only(run_rule(good_workshop(agenda=agenda(30, 45)), "IGF-A001"))
    assert finding.severity is Severity.ERROR and finding.field == "agenda"
    assert "75 minutes" in finding.message and "60 minutes" in finding.message
    assert "Segment 2" in finding.hint


def test_a002_agenda_shorter_than_the_session_names_both_numbers():
    finding = only(run_rule(good_workshop(agenda=agenda(20, 30)), "IGF-A002"))
    assert finding.severity is Severity.WARNING and finding.field == "agenda"
    assert "50 minutes" in finding.message and "60 minutes" in finding.message
    assert "10 minutes are not planned" in finding.message


@pytest.mark.parametrize("rule_id", ["IGF-A001", "IGF-A002"])
@pytest.mark.parametrize(
    "changes",
    [
        {"agenda": agenda(20, 40)},
        {"agenda": []},
        {"duration_minutes": None},
    ],
)
def test_agenda_rules_quiet_when_it_adds_up_or_cannot_be_compared(rule_id, changes):
    assert run_rule(good_workshop(**changes), rule_id) == []


def test_a002_tolerance():
    assert run_rule(good_workshop(agenda=agenda(25, 30)), "IGF-A002", tolerance_minutes=5) == []


# ----- IGF-A003: interaction -----


def test_a003_flags_an_interactive_format_that_mostly_talks():
    session = good_workshop(agenda=agenda(20, 20, 10, interactive={2}))
    finding = only(run_rule(session, "IGF-A003"))
    assert finding.severity is Severity.WARNING and finding.field == "agenda"
    assert "10 of the agenda's 50 minutes (20%)" in finding.message
    assert "round table" in finding.message and "50%" in finding.message
    assert "Segment 1" in finding.hint


@pytest.mark.parametrize(
    "changes",
    [
        {"format": "panel", "agenda": agenda(50, 10, interactive={1})},
        {"agenda": agenda(20, 40, interactive={1})},
    ],
)
def test_a003_reports_the_share_as_a_note_otherwise(changes):
    finding = only(run_rule(good_workshop(**changes), "IGF-A003"))
    assert finding.severity is Severity.INFO and "marked interactive" in finding.message


@pytest.mark.parametrize("items", [[], agenda(0, 0)])
def test_a003_quiet_without_agenda_time(items):
    assert run_rule(good_workshop(agenda=items), "IGF-A003") == []


def test_a003_threshold_is_a_parameter():
    session = good_workshop(agenda=agenda(30, 30, interactive={1}))
    assert only(run_rule(session, "IGF-A003")).severity is Severity.INFO
    assert only(run_rule(session, "IGF-A003", min_share=0.75)).severity is Severity.WARNING


# ----- IGF-A004: panels -----


def test_a004_panel_with_six_speakers():
    people = [person(f"Speaker {i}") for i in range(6)]
    finding = only(run_rule(good_workshop(format="panel", participants=people), "IGF-A004"))
    assert finding.severity is Severity.WARNING
    assert "6 speakers" in finding.message and "Speaker 5" in finding.message and "5" in finding.message


@pytest.mark.parametrize("fmt, count", [("panel", 5), ("round_table", 8)])
def test_a004_quiet(fmt, count):
    people = [person(f"Speaker {i}") for i in range(count)] + [person("Gone", status="declined")]
    assert run_rule(good_workshop(format=fmt, participants=people), "IGF-A004") == []


# ----- IGF-A005: flash sessions -----


def test_a005_flash_session_of_an_hour():
    finding = only(run_rule(good_workshop(format="flash_session", duration_minutes=60), "IGF-A005"))
    assert finding.severity is Severity.ERROR and finding.field == "duration_minutes"
    assert "60 minutes" in finding.message and "30 minutes" in finding.message


@pytest.mark.parametrize(
    "changes",
    [
        {"format": "flash_session", "duration_minutes": 30},
        {"format": "flash_session", "duration_minutes": None},
        {"format": "round_table", "duration_minutes": 90},
    ],
)
def test_a005_quiet(changes):
    assert run_rule(good_workshop(**changes), "IGF-A005") == []


# ----- IGF-A006: break-out groups -----


def test_a006_breakout_without_facilitators_or_plan():
    session = good_workshop(
        format="break_out_groups",
        discussion_facilitation=None,
        participants=[person("Lucia Mendes", "moderator"), person("Org", "organizer")],
    )
    findings = run_rule(session, "IGF-A006")
    assert [f.severity for f in findings] == [Severity.WARNING, Severity.WARNING]
    assert "only Lucia Mendes" in findings[0].message and "at least 2" in findings[0].message
    assert findings[1].field == "discussion_facilitation"


def test_a006_nobody_to_lead():
    session = good_workshop(format="break_out_groups", participants=[person("Org", "organizer")])
    assert "nobody" in only(run_rule(session, "IGF-A006")).message


@pytest.mark.parametrize(
    "changes",
    [
        {"format": "break_out_groups"},
        {"format": "break_out_groups", "discussion_facilitation": None, "format_description": "Four tables."},
        {"format": "round_table", "discussion_facilitation": None, "participants": []},
    ],
)
def test_a006_quiet(changes):
    assert run_rule(good_workshop(**changes), "IGF-A006") == []


# ----- IGF-A007: start, end and duration agree -----


@pytest.mark.parametrize(
    ("starts", "ends"),
    [
        ("2019-11-26T08:30:00Z", "2019-11-26T09:30:00Z"),
        ("2019-11-26T08:30:00Z", None),
        (None, "2019-11-26T09:30:00Z"),
    ],
)
def test_a007_quiet_when_times_and_duration_agree_or_a_time_is_missing(starts, ends):
    assert run_rule(good_workshop(year=2019, starts_at=starts, ends_at=ends), "IGF-A007") == []


def test_a007_quiet_without_a_duration():
    session = good_workshop(
        year=2019, duration_minutes=None, starts_at="2019-11-26T08:30:00Z", ends_at="2019-11-26T10:30:00Z"
    )
    assert run_rule(session, "IGF-A007") == []


def test_a007_times_that_contradict_the_duration_are_named_on_the_venues_clock():
    session = good_workshop(
        year=2019, duration_minutes=90, starts_at="2019-11-26T08:30:00Z", ends_at="2019-11-26T09:30:00Z"
    )
    finding = only(run_rule(session, "IGF-A007"))
    assert finding.severity is Severity.WARNING and finding.field == "duration_minutes"
    assert finding.message == ("Starts 09:30 and ends 10:30 (Berlin, CET): 60 minutes, but the duration says 90.")
    assert "11:00" in finding.hint and "60 minutes" in finding.hint


def test_a007_an_end_before_the_start_is_an_error():
    session = good_workshop(year=2026, starts_at="2026-06-23T10:00:00Z", ends_at="2026-06-23T09:00:00Z")
    finding = only(run_rule(session, "IGF-A007"))
    assert finding.severity is Severity.ERROR and finding.field == "ends_at"
    assert "ends at 09:00 but starts at 10:00 (UTC)" in finding.message


def test_a007_is_in_every_years_rule_set():
    from igftui.checks import load_rule_set

    assert "IGF-A007" in load_rule_set("igf-2017") and "IGF-A007" in load_rule_set("igf-2025")
