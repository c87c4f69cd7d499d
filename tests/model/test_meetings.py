"""The IGF's meetings: their zones, the rules of a forum's year, and the year a new draft is for."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from igftui.model.meetings import FIRST_YEAR, MEETINGS, meeting_of, next_forum_year, year_problem


def test_every_meeting_since_2006_has_a_zone_the_database_knows():
    assert min(MEETINGS) == FIRST_YEAR == 2006
    assert set(MEETINGS) == set(range(2006, 2026)), "one meeting a year, none invented after 2025"
    for meeting in MEETINGS.values():
        assert meeting.time_zone is not None
        ZoneInfo(meeting.time_zone)  # raises if tzdata lacks it
        if meeting.first_day and meeting.last_day:
            assert meeting.first_day.year == meeting.last_day.year == meeting.year
            assert meeting.first_day <= meeting.last_day


@pytest.mark.parametrize(
    ("year", "city", "zone"),
    [
        (2006, "Athens", "Europe/Athens"),
        (2013, "Bali", "Asia/Makassar"),
        (2019, "Berlin", "Europe/Berlin"),
        (2025, "Lillestrøm", "Europe/Oslo"),
    ],
)
def test_known_meetings(year, city, zone):
    meeting = meeting_of(year)
    assert (meeting.city, meeting.time_zone) == (city, zone)


def test_a_year_with_no_known_meeting_has_none():
    assert meeting_of(2026) is None and meeting_of(None) is None and meeting_of(1999) is None


@pytest.mark.parametrize(
    ("year", "words"),
    [
        (1999, "The IGF began in 2006"),
        (2005, "The IGF began in 2006"),
        (2030, "too far ahead"),
    ],
)
def test_impossible_years_say_why(year, words):
    assert words in year_problem(year, date(2026, 12, 2))


@pytest.mark.parametrize("year", [2006, 2019, 2026, 2027, 2029])
def test_possible_years(year):
    assert year_problem(year, date(2026, 12, 2)) is None


@pytest.mark.parametrize(
    ("today", "year"),
    [
        # Known meetings: the day after the last day, the draft is for next year's forum.
        (date(2025, 6, 27), 2025),
        (date(2025, 6, 28), 2026),
        (date(2024, 12, 1), 2024),  # Riyadh was 15 to 19 December
        (date(2024, 12, 20), 2025),
        (date(2019, 1, 15), 2019),
        # No meeting known for the year: December is too late for this year's forum.
        (date(2026, 11, 30), 2026),
        (date(2026, 12, 1), 2027),
        (date(2027, 3, 1), 2027),
    ],
)
def test_a_new_draft_is_for_the_next_forum_to_come(today, year):
    assert next_forum_year(today) == year
