"""Times on IGF pages in other wrappers, and on the venue's clock (formats/pages/dates.py and the reader).

A time a page writes without its zone is the clock on the venue's wall: the zone of the
year's IGF meeting (igftui.model.meetings), kept in UTC.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from igftui.formats.markdown import to_markdown
from igftui.formats.pages import read_page
from igftui.formats.pages.dates import (
    parse_date_line,
)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# ----- date lines that run on -----


def test_a_run_on_line_gives_the_hour_the_length_and_the_format():
    found = parse_date_line("Thursday 8 December 2016 - 15.00, 90 minutes, Interview Format")
    assert found.day == date(2016, 12, 8)
    # No zone on the line: the hour is the venue's, and only the reader knows the venue.
    assert found.starts_at is None and found.on_wall_clock
    assert found.wall_start == datetime(2016, 12, 8, 15, 0)
    assert (found.length, found.details, found.minutes) == (90, ("Interview Format",), 90)
    on_venue = found.on_clock(ZoneInfo("America/Mexico_City"))
    assert (on_venue.starts_at, on_venue.ends_at) == (utc(2016, 12, 8, 21, 0), utc(2016, 12, 8, 22, 30))


@pytest.mark.parametrize(
    ("line", "length", "details"),
    [
        ("Tuesday, 6 December 2016 - 10:00 - 11:30, Room 4", None, ("Room 4",)),
        ("6 December 2016 09:00 (1.5 hours)", 90, ()),
        ("6 December 2016 09:00 - 10:00 (local time)", None, ()),
        ("6 December 2016 09:00 CST, 60'", 60, ()),
    ],
)
def test_what_a_date_line_says_after_its_hours(line, length, details):
    found = parse_date_line(line)
    assert (found.length, found.details) == (length, details)


def test_a_session_time_block_on_one_line():
    found = parse_date_line("Session Time: Monday, 12 November, 2018 - 09:20 to 10:20")
    assert (found.wall_start, found.wall_end) == (datetime(2018, 11, 12, 9, 20), datetime(2018, 11, 12, 10, 20))
    assert found.minutes == 60


def test_a_line_that_names_its_zone_is_read_on_it_whatever_the_venue():
    found = parse_date_line("Thursday 8 December 2016 - 15:00 UTC, 90 minutes")
    assert not found.on_wall_clock
    assert (found.starts_at, found.ends_at) == (utc(2016, 12, 8, 15, 0), utc(2016, 12, 8, 16, 30))
    assert found.on_clock(ZoneInfo("America/Mexico_City")) == found


@pytest.mark.parametrize(
    ("line", "starts", "ends"),
    [
        # "UTC - 16:30" is a span to half past four, not a zone sixteen and a half hours behind.
        ("Thursday 8 December 2016 - 15:00 UTC - 16:30 UTC", utc(2016, 12, 8, 15, 0), utc(2016, 12, 8, 16, 30)),
        # "UTC, 90 minutes" is no offset of ninety hours either: it is the length.
        ("Thursday 8 December 2016 - 15:00 UTC, 90 minutes", utc(2016, 12, 8, 15, 0), utc(2016, 12, 8, 16, 30)),
        ("Monday December 16, 2024 13:00 - 13:30 GMT+03", utc(2024, 12, 16, 10, 0), utc(2024, 12, 16, 10, 30)),
        ("Monday December 16, 2024 13:00 - 13:30 UTC +5:30", utc(2024, 12, 16, 7, 30), utc(2024, 12, 16, 8, 0)),
        # Guadalajara's winter clock, by its abbreviation.
        ("Thursday 8 December 2016 - 15:00 CST", utc(2016, 12, 8, 21, 0), None),
    ],
)
def test_a_zone_and_its_offset(line, starts, ends):
    found = parse_date_line(line)
    assert (found.starts_at, found.ends_at) == (starts, ends)


# ----- the reader: a time without a zone is on the venue's clock -----


def _one(text: str, **kwargs):
    [reading] = read_page(text, **kwargs)
    return reading.session


@pytest.mark.parametrize(
    ("year", "line", "starts"),
    [
        # Guadalajara in December: CST, six hours behind UTC.
        (2016, "Thursday 8 December 2016 - 15.00 - 16.30", utc(2016, 12, 8, 21, 0)),
        # Berlin in November is on CET, Lillestrøm in June on CEST: zoneinfo knows which.
        (2019, "Tuesday, 26 November 2019 - 09:30 to 11:00", utc(2019, 11, 26, 8, 30)),
        (2025, "Tuesday, 24 June 2025 - 09:30 to 11:00", utc(2025, 6, 24, 7, 30)),
        # Kyoto: a morning session is the evening before in UTC.
        (2023, "Monday, 9 October 2023 - 08:00 to 09:00", utc(2023, 10, 8, 23, 0)),
        # The 2020 forum was online and published its times in UTC.
        (2020, "Friday, 13 November 2020 - 08:00 to 09:30", utc(2020, 11, 13, 8, 0)),
        # A year whose meeting igftui does not know keeps the hour as UTC rather than guess.
        (2031, "Monday, 8 December 2031 - 10:00 to 11:00", utc(2031, 12, 8, 10, 0)),
    ],
)
def test_a_page_time_without_a_zone_is_the_venues(year, line, starts):
    session = _one(f"IGF {year} WS #12 Quiet Rooms\n\n{line}\nRoom 2\n\nRound Table - 90 Min\n")
    assert session.starts_at == starts
    assert session.ends_at - session.starts_at in (timedelta(minutes=90), timedelta(minutes=60))
    assert session.room == "Room 2"


def test_a_page_time_with_its_zone_is_kept_as_it_says():
    session = _one("IGF 2016 WS #12 Quiet Rooms\n\nThursday 8 December 2016 - 15:00 UTC - 16:30 UTC\n")
    assert session.starts_at == utc(2016, 12, 8, 15, 0)


def test_the_venue_follows_the_year_the_title_gives():
    # The day's year and the title's agree on real pages; the title decides the meeting.
    session = _one("IGF 2017 WS #3 Night Owls\n\nMonday, 18 December 2017 - 09:00 to 10:30\n")
    assert session.starts_at == utc(2017, 12, 18, 8, 0)


def test_an_imported_local_time_is_shown_with_its_zone_named():
    session = _one(
        "IGF 2016 WS #88 Radio and Streams\n\nThursday 8 December 2016 - 15.00, 90 minutes, Interview Format\n"
    )
    text = to_markdown(session)
    assert "2016-12-08 15:00–16:30 (Guadalajara, CST; 21:00–22:30 UTC)" in text


def test_a_session_time_label_is_no_footer_when_the_time_follows():
    page = (
        "IGF 2018 WS #9 Kiosks\n\nRound Table - 60 Min\n\nWe audit kiosks together with their users.\n\n"
        "Session Time\nTuesday, 13 November, 2018 - 15:00 to 16:00\nSalle II\n\n"
        "Session Report (* deadline 26 October) - click on the ? symbol for instructions\n"
    )
    session = _one(page)
    assert (session.starts_at, session.room) == (utc(2018, 11, 13, 14, 0), "Salle II")
    assert "Session" not in session.description and "Salle" not in session.description
    # Without a time under it, "Session Time" still ends the page (the 2018 DC pages).
    bare = _one(page.replace("Tuesday, 13 November, 2018 - 15:00 to 16:00\nSalle II\n", ""))
    assert bare.starts_at is None and bare.room is None
