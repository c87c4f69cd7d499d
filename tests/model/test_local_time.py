"""Times on the venue's clock: read as typed there, kept in UTC, shown with the zone named."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from igftui.model import ForumSession
from igftui.model.local_time import (
    TimeError,
    clock_of,
    read_local,
    shown_local,
    shown_local_with_zone,
    span_words,
    venue_clock,
)


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def test_the_years_meeting_gives_the_clock_and_daylight_saving_is_right():
    berlin = venue_clock(2019)
    assert berlin.place == "Berlin"
    assert read_local("2019-11-26 09:30", berlin) == utc(2019, 11, 26, 8, 30)  # CET, UTC+1
    assert shown_local_with_zone(utc(2019, 11, 26, 8, 30), berlin) == "2019-11-26 09:30 (Berlin, CET)"
    # The same zone in summer is an hour further from UTC.
    oslo = venue_clock(2025)
    assert read_local("2025-06-24 09:30", oslo) == utc(2025, 6, 24, 7, 30)
    assert shown_local_with_zone(utc(2025, 6, 24, 7, 30), oslo) == "2025-06-24 09:30 (Lillestrøm, CEST)"


def test_rio_2007_was_on_brazilian_summer_time():
    # Brazil's daylight saving began on 14 October 2007: Rio was at UTC-2 during the forum.
    rio = venue_clock(2007)
    assert read_local("2007-11-13 10:00", rio) == utc(2007, 11, 13, 12, 0)
    assert rio.zone_name(utc(2007, 11, 13, 12, 0)) == "UTC-2"


def test_zones_with_no_letters_are_named_by_their_offset():
    assert shown_local_with_zone(utc(2012, 11, 6, 5, 0), venue_clock(2012)) == "2012-11-06 09:00 (Baku, UTC+4)"
    assert venue_clock(2008).label(utc(2008, 12, 3, 4, 0)) == "Hyderabad, IST"


def test_clocks_going_back_and_forward():
    oslo = venue_clock(2025)
    # 02:30 on 30 March 2025 never happened in Norway: the clocks jumped from 02:00 to 03:00.
    with pytest.raises(TimeError, match="does not exist"):
        read_local("2025-03-30 02:30", oslo)
    assert read_local("2025-03-30 03:00", oslo) == utc(2025, 3, 30, 1, 0)
    # 02:30 on 26 October 2025 happened twice: the first (still summer time) is taken.
    assert read_local("2025-10-26 02:30", oslo) == utc(2025, 10, 26, 0, 30)
    assert read_local("2025-10-26 03:30", oslo) == utc(2025, 10, 26, 2, 30)


def test_a_year_with_no_meeting_keeps_utc_and_says_so():
    clock = venue_clock(2026)
    assert clock.is_utc and clock.heading() == "UTC"
    assert read_local("2026-06-23 09:30", clock) == utc(2026, 6, 23, 9, 30)
    assert shown_local_with_zone(utc(2026, 6, 23, 9, 30), clock) == "2026-06-23 09:30 (UTC)"
    assert venue_clock(None).is_utc


def test_2020_was_online_and_on_utc():
    assert venue_clock(2020).is_utc


def test_a_sessions_own_zone_wins_over_the_years_meeting():
    session = ForumSession(year=2019, time_zone="America/Bogota")
    clock = clock_of(session)
    assert clock.place == "America/Bogota"
    assert read_local("2019-11-26 09:30", clock) == utc(2019, 11, 26, 14, 30)
    assert clock_of(ForumSession(year=2019, time_zone="UTC")).is_utc
    assert clock_of(ForumSession(year=2019, time_zone="Europe/Berlin")).place == "Berlin"


def test_the_session_json_carries_the_zone_only_when_set():
    assert "time_zone" not in ForumSession(year=2019).to_json()
    session = ForumSession.from_json({"year": 2024, "time_zone": "africa/nairobi"})
    assert session.time_zone == "Africa/Nairobi"
    assert session.to_json()["time_zone"] == "Africa/Nairobi"
    assert ForumSession.from_json(session.to_json()) == session


def test_an_unknown_zone_is_refused_in_plain_words():
    from igftui.model.session import ContractError

    with pytest.raises(ContractError, match="not a time zone"):
        ForumSession.from_json({"time_zone": "Mars/Olympus_Mons"})


def test_a_time_alone_keeps_the_date_on_the_venues_clock():
    kyoto = venue_clock(2023)
    # 23:30 UTC on the 8th is already the 9th in Kyoto: "10:00" means 10:00 on the 9th there.
    assert read_local("10:00", kyoto, keep_date_of=utc(2023, 10, 8, 23, 30)) == utc(2023, 10, 9, 1, 0)
    with pytest.raises(TimeError, match="Give the date too"):
        read_local("10:00", kyoto)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("25:99", "not a time of day"),
        ("tomorrow", "“tomorrow” is not a date and time"),
        ("2019-11-26", "time of day too"),
        ("2019-11-26 09:30 (Paris)", "on Berlin time"),
    ],
)
def test_bad_times_say_what_to_type(typed, words):
    with pytest.raises(TimeError, match=words):
        read_local(typed, venue_clock(2019), keep_date_of=utc(2019, 11, 26, 8, 30))


def test_an_offset_or_a_utc_label_is_taken_as_it_says():
    berlin = venue_clock(2019)
    assert read_local("2019-11-26T09:30Z", berlin) == utc(2019, 11, 26, 9, 30)
    assert read_local("2019-11-26 09:30 (UTC)", berlin) == utc(2019, 11, 26, 9, 30)
    # What the view writes reads back as the same moment.
    shown = shown_local_with_zone(utc(2019, 11, 26, 8, 30), berlin)
    assert read_local(shown, berlin) == utc(2019, 11, 26, 8, 30)
    assert shown_local(utc(2019, 11, 26, 8, 30), berlin) == "2019-11-26 09:30"


def test_a_span_names_the_venues_clock_then_utc():
    day = lambda moment: f"{moment:%Y-%m-%d} "  # noqa: E731
    berlin = venue_clock(2019)
    assert (
        span_words(utc(2019, 11, 26, 8, 30), utc(2019, 11, 26, 10, 0), berlin, day)
        == "2019-11-26 09:30–11:00 (Berlin, CET; 08:30–10:00 UTC)"
    )
    # Kyoto's morning is the evening before in UTC: the UTC part names its own day.
    assert (
        span_words(utc(2023, 10, 8, 23, 30), utc(2023, 10, 9, 0, 30), venue_clock(2023), day)
        == "2023-10-09 08:30–09:30 (Kyoto, JST; 2023-10-08 23:30 – 2023-10-09 00:30 UTC)"
    )
    assert span_words(utc(2026, 6, 23, 9, 30), None, venue_clock(2026), day) == "2026-06-23 09:30 UTC"
    assert span_words(None, None, berlin, day) is None


@pytest.mark.parametrize(
    "name", ["Europe", "Asia/", "As", "Factory", "posixrules", "../etc/passwd", "Europe/Berlin/", ""]
)
def test_half_typed_or_odd_zone_names_are_a_plain_no(name):
    # "Europe" is a folder of the zone database: opening it must not escape as an OSError.
    from igftui.model.local_time import canonical_zone_name
    from igftui.model.session import ContractError

    assert canonical_zone_name(name) is None
    if name:
        with pytest.raises(ContractError, match="not a time zone"):
            ForumSession.from_json({"time_zone": name})
