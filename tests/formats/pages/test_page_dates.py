"""Times on IGF pages in other wrappers, and on the venue's clock (formats/pages/dates.py and the reader).

A time a page writes without its zone is the clock on the venue's wall: the zone of the
year's IGF meeting (igftui.model.meetings), kept in UTC.
"""

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from igftui.formats.markdown import to_markdown
from igftui.formats.pages import read_page
from igftui.formats.pages.dates import (
    DayHeading,
    Schedule,
    heading_tail,
    length_in_prose,
    parse_date_line,
    parse_day_heading,
    parse_time_heading,
    year_in_prose,
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
        # A zone the page adds for those joining from elsewhere.
        ("Tuesday, 26 November 2019 - 10:00 - 11:00 EST", utc(2019, 11, 26, 15, 0), utc(2019, 11, 26, 16, 0)),
        # Guadalajara's winter clock, by its abbreviation.
        ("Thursday 8 December 2016 - 15:00 CST", utc(2016, 12, 8, 21, 0), None),
    ],
)
def test_a_zone_and_its_offset(line, starts, ends):
    found = parse_date_line(line)
    assert (found.starts_at, found.ends_at) == (starts, ends)


# ----- schedule headings -----


@pytest.mark.parametrize(
    ("line", "start", "end", "offset"),
    [
        ("09:00 CET", time(9, 0), None, 60),
        ("09:00", time(9, 0), None, None),
        ("9.30 - 11.00", time(9, 30), time(11, 0), None),
        ("2:30pm - 4pm", time(14, 30), time(16, 0), None),
        ("10:30 - 11:30am", time(10, 30), time(11, 30), None),
        ("11:30 - 1pm", time(11, 30), time(13, 0), None),
        ("15h00 (local time)", time(15, 0), None, None),
        ("13:00 - 13:30 GMT+03", time(13, 0), time(13, 30), 180),
    ],
)
def test_hour_headings(line, start, end, offset):
    found = parse_time_heading(line)
    assert (found.start, found.end) == (start, end)
    zone = None if offset is None else timezone(timedelta(minutes=offset))
    assert found.zone == zone


@pytest.mark.parametrize("line", ["10", "2016", "Room 10:00", "At 10:00 we start.", "Speaker 1: Ann", "90 Min", ""])
def test_lines_that_are_no_hour_heading(line):
    assert parse_time_heading(line) is None


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Monday, December 18", DayHeading(12, 18, None, 0)),
        ("Tuesday 8 December 2016", DayHeading(12, 8, 2016, 1)),
        ("December 5", DayHeading(12, 5)),
        ("29th of February", DayHeading(2, 29)),
    ],
)
def test_day_headings(line, heading):
    assert parse_day_heading(line) == heading


def test_a_day_heading_with_its_hours():
    found = parse_day_heading("Monday, December 18 • 09:00 - 10:30")
    assert (found.month, found.day, found.hours.start, found.hours.end) == (12, 18, time(9, 0), time(10, 30))


@pytest.mark.parametrize(
    "line", ["December 2016", "Monday, December 18 we open the doors.", "31 February", "Monday", "Room 18 December"]
)
def test_lines_that_are_no_day_heading(line):
    assert parse_day_heading(line) is None


def test_a_day_without_its_year_takes_the_year_given_or_the_meeting_its_weekday_fits():
    monday = parse_day_heading("Monday, December 18")
    assert monday.on(2030) == date(2030, 12, 18)
    # Only the 2017 meeting (Geneva, 18 to 21 December) has a Monday 18 December near it.
    assert monday.on(None) == date(2017, 12, 18)
    # A weekday that fits no meeting, or no weekday: no year is guessed.
    assert parse_day_heading("Sunday, December 18").on(None) is None
    assert parse_day_heading("December 18").on(None) is None


def test_a_schedule_follows_its_headings():
    schedule = Schedule()
    assert not schedule.feed("Cables Under the Sea (WS214)")
    assert schedule.date_line(2017) is None  # no day yet
    assert schedule.feed("Monday, December 18") and schedule.feed("09:00 CET")
    assert schedule.date_line(None).starts_at == utc(2017, 12, 18, 8, 0)
    assert schedule.feed("15:00")
    local = schedule.date_line(None)
    assert local.on_wall_clock and local.wall_start == datetime(2017, 12, 18, 15, 0)
    # A new day clears the hour of the day before.
    assert schedule.feed("Tuesday, December 19")
    assert schedule.date_line(None).day == date(2017, 12, 19) and schedule.date_line(None).wall_start is None


def test_a_heading_tail_ends_an_entry_after_a_blank_line():
    entry = ["Cables (WS214)", "-Room XXIII", "", "Some words.", "", "Tuesday, December 19", "", "15:00", ""]
    assert heading_tail(entry) == 5
    # A date right under the title is the entry's own.
    own = ["Lightning Talk #2 Passwords", "Tuesday December 17, 2024 12:00 - 12:20 GMT+03", ""]
    assert heading_tail(own) == len(own)
    glued = ["Cables (WS214)", "Some words.", "15:00"]
    assert heading_tail(glued) == len(glued)


# ----- a length said only in prose -----


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("A 60-minute interactive session on buses.", 60),
        ("This ninety-minute workshop has three parts.", 90),
        ("This 90 minute workshop has three parts.", 90),
        ("In a one-hour roundtable, speakers answer.", 60),
        ("The session will last 75 minutes.", 75),
        ("Our 1.5-hour open forum.", 90),
        ("Each speaker has a 5-minute slot and there is a 10-minute break.", None),
        ("A 20-minute presentation, then a 90-minute round table discussion.", 90),
        ("The project ran for 90 minutes a week.", None),
        ("", None),
        (None, None),
    ],
)
def test_lengths_in_prose(text, minutes):
    assert length_in_prose(text) == minutes


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


def test_hour_headings_inside_a_session_page():
    session = _one("WS #5 Town Maps\nThursday, December 8\n10:00 - 11:30\n-Room 6\n\nPanel - 90 Min\n", year=2016)
    assert (session.starts_at, session.ends_at) == (utc(2016, 12, 8, 16, 0), utc(2016, 12, 8, 17, 30))
    assert session.room == "Room 6"


@pytest.mark.parametrize(
    "block",
    [
        # The day on one line, its hours on the next.
        "Session Time:\nThursday 8 December 2016\n15.00 - 16.30\nWorkshop Room 7",
        # Labelled, the hours before the day.
        "Time: 15:00 - 16:30\nDate: Thursday, December 8\nWorkshop Room 7",
        # A day heading with its hours on the same line.
        "Thursday, December 8 • 3:00pm - 4:30pm\n-Workshop Room 7",
    ],
)
def test_a_day_and_its_hours_on_lines_of_their_own(block):
    session = _one(f"IGF 2016 WS #88 Radio and Streams\n{block}\n\nPanel - 90 Min\n")
    assert (session.starts_at, session.ends_at) == (utc(2016, 12, 8, 21, 0), utc(2016, 12, 8, 22, 30))
    assert session.room == "Workshop Room 7"


def test_the_end_on_a_line_of_its_own():
    page = "IGF 2020 WS #2 Tea\nFriday, 13 November 2020 08:00 UTC\nFriday, 13 November 2020 09:30 UTC\nRoom 1\n"
    session = _one(page)
    assert (session.starts_at, session.ends_at, session.room) == (
        utc(2020, 11, 13, 8, 0),
        utc(2020, 11, 13, 9, 30),
        "Room 1",
    )
    assert session.duration_minutes == 90


def test_the_session_time_block_repeating_the_date_at_the_foot_of_the_page():
    block = "Monday, 12 November, 2018 - 09:20 to 10:20\nSalle XI\n"
    session = _one(f"IGF 2018 WS #1 Tea\n\n{block}\nPanel - 60 Min\n\nWe talk.\n\nSession Time:\n{block}")
    assert (session.starts_at, session.room, session.description) == (utc(2018, 11, 12, 8, 20), "Salle XI", "We talk.")


@pytest.mark.parametrize(
    ("line", "room"),
    [
        ("Wednesday, 27 November 2019 | 11:00 - 12:30 | Raum III", "Raum III"),
        ("Monday, 12 November, 2018 - 09:20 to 10:20 - Salle XI", "Salle XI"),
        ("Tuesday, 6 December 2016 - 10:00 - 11:30, Main Hall", "Main Hall"),
    ],
)
def test_a_room_at_the_end_of_the_date_line(line, room):
    assert _one(f"IGF 2019 WS #4 Tea\n{line}\n\nPanel - 90 Min\n").room == room


def test_an_agenda_hour_is_not_the_sessions():
    page = (
        "IGF 2019 WS #40 Open Maps\n\n"
        "Speaker 1: Ana Lima, Civil Society, Latin American and Caribbean Group (GRULAC)\n\n"
        "Panel - 90 Min\n\nAgenda of the panel, in order.\n\n10:00\nOpening words.\n"
    )
    assert _one(page).starts_at is None


@pytest.mark.parametrize("line", ["-Jane Doe", "-Ana Lima, Open Maps", "- Welcome and introductions"])
def test_a_dashed_line_is_a_room_only_when_it_names_one(line):
    session = _one(f"IGF 2019 WS #40 Open Maps\n{line}\n\nPanel - 90 Min\n")
    assert session.room is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Held on 14-15 March 2022 with support from a fund", 2022),
        ("The retreat met on 3rd–4th Sept. 2019 in a small town", 2019),
        ("It was first held in November, 2018.", 2018),
        ("Twelve officials met for two days to compare notes.", None),
        ("The 2021 report had 40 pages.", None),
    ],
)
def test_the_year_a_sentence_dates(text, year):
    assert year_in_prose(text) == year
