"""Title lines (formats/pages/titles.py) and date lines (formats/pages/dates.py)."""

from datetime import UTC, datetime

import pytest

from igftui.formats.pages.dates import parse_date_line, venue_of
from igftui.formats.pages.titles import parse_title_line


@pytest.mark.parametrize(
    ("line", "year", "kind", "number", "title"),
    [
        ("IGF 2018 WS #153", 2018, "workshop", 153, None),
        ("IGF 2017 WS #67 Rules for Speech", 2017, "workshop", 67, "Rules for Speech"),
        ("Rules for Speech (WS186)", None, "workshop", 186, "Rules for Speech"),
        ("IGF 2021 Open Forum #56 Voter Trust", 2021, "open_forum", 56, "Voter Trust"),
        ("IGF 2023 Day 0 Event #95 Leaders", 2023, "day_0_event", 95, "Leaders"),
        ("IGF 2018 DC on Kiosks", 2018, "dynamic_coalition", None, "DC on Kiosks"),
        ("IGF 2021 NRIs Collaborative Session: Local Voices", 2021, "nri_session", None, "Local Voices"),
        ("IGF 2018 LIGHTNING SESSION #12 Solar", 2018, "lightning_talk", 12, "Solar"),
        ("IGF 2018 OF #14 Taxes", 2018, "open_forum", 14, "Taxes"),
        ("IGF 2019 Pre-Event #1 Youth", 2019, "pre_event", 1, "Youth"),
        ("WS #51 Satellites", None, "workshop", 51, "Satellites"),
        ("Launch / Award Event #34 Maps", None, "launch_award", 34, "Maps"),
        ("Lightning Talk #2 Passwords", None, "lightning_talk", 2, "Passwords"),
        ("Day 0 Event #178 Languages", None, "day_0_event", 178, "Languages"),
        ("Main Session | Policy Network on Internet Fragmentation: One Net", None, "main_session", None, "One Net"),
        ("IGF 2024 Newcomers Session", 2024, None, None, "Newcomers Session"),
        (
            "Dynamic Coalition on Internet Rights",
            None,
            "dynamic_coalition",
            None,
            "Dynamic Coalition on Internet Rights",
        ),
    ],
)
def test_title_lines(line, year, kind, number, title):
    found = parse_title_line(line)
    assert found is not None
    assert (found.year, found.session_type and found.session_type.value, found.number, found.title) == (
        year,
        kind,
        number,
        title,
    )


@pytest.mark.parametrize("line", ["Speaker 1: Ann Lee", "Related Sessions", "The workshop of 2018 was good.", ""])
def test_lines_that_are_not_titles(line):
    found = parse_title_line(line)
    assert found is None or not found.strong


def test_a_page_date_line_in_utc():
    found = parse_date_line("Friday, 13th November, 2020 (08:00 UTC) - Friday, 13th November, 2020 (09:30 UTC)")
    assert found.starts_at == datetime(2020, 11, 13, 8, 0, tzinfo=UTC)
    assert found.ends_at == datetime(2020, 11, 13, 9, 30, tzinfo=UTC)
    assert found.minutes == 90


def test_a_schedule_line_with_an_offset():
    found = parse_date_line("Monday December 16, 2024 13:00 - 13:30 GMT+03")
    assert found.starts_at == datetime(2024, 12, 16, 10, 0, tzinfo=UTC)
    assert found.minutes == 30


def test_a_day_without_times_and_a_place():
    found = parse_date_line("7 December 2016 - A Dynamic Coalition on Other in Guadalajara, Mexico")
    assert found.day.year == 2016 and found.starts_at is None
    assert venue_of(found.rest) == "Guadalajara, Mexico"


def test_a_session_past_midnight():
    found = parse_date_line("Tuesday, 7th December, 2021 (23:30 UTC) - Tuesday, 7th December, 2021 (00:30 UTC)")
    assert found.minutes == 60


@pytest.mark.parametrize("line", ["Room 1", "In December 2016 we met.", "31 February 2020", "Speaker 1: Ann"])
def test_lines_that_are_not_dates(line):
    assert parse_date_line(line) is None
