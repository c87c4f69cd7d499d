"""The IGF's annual meetings: where and when each was held, and the time zone of its venue.

Organisers think of a session's time as the clock on the venue's wall, while the
session JSON keeps UTC (the contract).  This table says which clock that is for
each year's forum, so the editor, the session view and the Markdown export can
show local time with its zone named.  It is also the one home of the rules about
a forum's year: the first IGF was in 2006, and a new draft is for the next
forum to come.

Dates are given only where they are known reliably; a year with no known
meeting (or a forum that is not the IGF) keeps UTC unless the session names its
own zone (``ForumSession.time_zone``).  Plain Python: no Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The first Internet Governance Forum (Athens, 30 October to 2 November 2006).
FIRST_YEAR = 2006

#: How many years past next year a proposal may be for: beyond that it is a typing slip.
YEARS_AHEAD = 2


@dataclass(frozen=True)
class Meeting:
    """One annual IGF meeting.

    ``time_zone`` is an IANA name (``Europe/Berlin``), or None when nobody knows
    yet where the meeting will be.  ``place`` is the short name a time is
    labelled with ("Berlin"); ``first_day``/``last_day`` are the main meeting's
    days (Day 0 events may start a day earlier), None when not known.
    """

    year: int
    city: str
    country: str
    time_zone: str | None
    first_day: date | None = None
    last_day: date | None = None
    #: Why this zone, when it is not simply the venue's (the online forum of 2020).
    note: str = ""

    @property
    def place(self) -> str:
        """What a time is labelled with: the host city ("Berlin"), or "online"."""
        return self.city


def _meeting(
    year: int,
    city: str,
    country: str,
    zone: str | None,
    first: tuple[int, int] | None = None,
    last: tuple[int, int] | None = None,
    note: str = "",
) -> Meeting:
    return Meeting(
        year, city, country, zone, date(year, *first) if first else None, date(year, *last) if last else None, note
    )


#: Every annual meeting igftui knows, by year.  The dates are the main meeting's, as the
#: IGF announced them; where a date could not be checked it is left out rather than guessed.
MEETINGS: dict[int, Meeting] = {
    m.year: m
    for m in (
        _meeting(2006, "Athens", "Greece", "Europe/Athens", (10, 30), (11, 2)),
        _meeting(2007, "Rio de Janeiro", "Brazil", "America/Sao_Paulo", (11, 12), (11, 15)),
        # First planned for New Delhi, then moved to Hyderabad (and to these dates).
        _meeting(2008, "Hyderabad", "India", "Asia/Kolkata", (12, 3), (12, 6)),
        _meeting(2009, "Sharm El Sheikh", "Egypt", "Africa/Cairo", (11, 15), (11, 18)),
        _meeting(2010, "Vilnius", "Lithuania", "Europe/Vilnius", (9, 14), (9, 17)),
        _meeting(2011, "Nairobi", "Kenya", "Africa/Nairobi", (9, 27), (9, 30)),
        _meeting(2012, "Baku", "Azerbaijan", "Asia/Baku", (11, 6), (11, 9)),
        # Nusa Dua, Bali: central Indonesian time (WITA), which Asia/Makassar keeps.
        _meeting(2013, "Bali", "Indonesia", "Asia/Makassar", (10, 22), (10, 25)),
        _meeting(2014, "Istanbul", "Turkey", "Europe/Istanbul", (9, 2), (9, 5)),
        # João Pessoa keeps the clock of Brazil's north-east, which America/Fortaleza holds.
        _meeting(2015, "João Pessoa", "Brazil", "America/Fortaleza", (11, 10), (11, 13)),
        _meeting(2016, "Guadalajara", "Mexico", "America/Mexico_City", (12, 6), (12, 9)),
        _meeting(2017, "Geneva", "Switzerland", "Europe/Zurich", (12, 18), (12, 21)),
        _meeting(2018, "Paris", "France", "Europe/Paris", (11, 12), (11, 14)),
        _meeting(2019, "Berlin", "Germany", "Europe/Berlin", (11, 25), (11, 29)),
        # The 2020 forum was held online only; its schedule was published in UTC, so UTC is
        # the clock its sessions were planned against (the secretariat sits in Geneva, but
        # participants joined from every zone).
        _meeting(
            2020,
            "online",
            "online",
            "UTC",
            (11, 2),
            (11, 17),
            note="held online; the IGF published its schedule in UTC",
        ),
        _meeting(2021, "Katowice", "Poland", "Europe/Warsaw", (12, 6), (12, 10)),
        _meeting(2022, "Addis Ababa", "Ethiopia", "Africa/Addis_Ababa", (11, 28), (12, 2)),
        _meeting(2023, "Kyoto", "Japan", "Asia/Tokyo", (10, 8), (10, 12)),
        _meeting(2024, "Riyadh", "Saudi Arabia", "Asia/Riyadh", (12, 15), (12, 19)),
        _meeting(2025, "Lillestrøm", "Norway", "Europe/Oslo", (6, 23), (6, 27)),
        # 2026: igftui's sources do not say where or when; no zone rather than a guess.
    )
}


def meeting_of(year: int | None) -> Meeting | None:
    """The IGF meeting of ``year``, if igftui knows one."""
    return MEETINGS.get(year) if year is not None else None


def latest_year(today: date) -> int:
    """The furthest year a proposal may be for: next year and a couple more."""
    return today.year + 1 + YEARS_AHEAD


def year_problem(year: int, today: date) -> str | None:
    """Why ``year`` cannot be a forum's year, said plainly; None when it can."""
    if year < FIRST_YEAR:
        return f"The IGF began in {FIRST_YEAR}: {year} is before the first forum."
    if year > latest_year(today):
        return f"{year} is too far ahead: a proposal is for one of the next forums (up to {latest_year(today)})."
    return None


def next_forum_year(today: date) -> int:
    """The year of the next forum to come, which a new draft is for.

    When this year's meeting is known and has ended, the next forum is next
    year's.  When its dates are not known, December is taken as too late in the
    year for this year's forum (the IGF has met as late as the 18th to 21st).
    """
    meeting = meeting_of(today.year)
    if meeting is not None and meeting.last_day is not None:
        return today.year if today <= meeting.last_day else today.year + 1
    return today.year + 1 if today.month == 12 else today.year
