"""Date and time lines of IGF pages, as UTC times.

The IGF site writes "Friday, 13th November, 2020 (08:00 UTC) - Friday, 13th November,
2020 (09:30 UTC)"; the 2024 schedule writes "Monday December 16, 2024 13:00 - 13:30
GMT+03"; older pages give only the day, "7 December 2016 - A Dynamic Coalition on Other
in Guadalajara, Mexico", or run the day, the hour, the length and the format together,
"Thursday 8 December 2016 - 15.00, 90 minutes, Interview Format".  Schedule listings
put the day and the hour in headings above the sessions ("Monday, December 18", then
"09:00 CET"): :class:`Schedule` follows them.

A time without a zone is the clock on the venue's wall, not UTC: a line only knows its
wall time (:attr:`DateLine.wall_start`), and the reader sets it on the zone of the
year's IGF meeting (:meth:`DateLine.on_clock`) once it knows the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from igftui.formats.pages.text import line_cache
from igftui.model.meetings import MEETINGS

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
#: Weekdays by their first three letters, as ``date.weekday()`` numbers them.
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_DAY_FIRST = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3])[:.h]([0-5]\d)(?:\s*([ap])\.?m\.?)?(?![\d:])", re.IGNORECASE)
_ZONE = re.compile(
    r"\b(UTC|GMT|CEST|CET|EAT|JST|AST|EEST|EET|BST|WAT|CST|BRST|BRT|WITA|TRT|EST|EDT|PST|PDT|MSK|SAST|WIB|KST)\b"
    # The offset's sign is glued to its hours ("GMT+03", "UTC +1"): "UTC - 16:30" is a span.
    r"(?:\s?([+\-−])(\d{1,2})(?::?(\d{2}))?(?!\d))?",
    re.IGNORECASE,
)
#: Zones seen around IGF meetings, by their usual abbreviations (CST is Mexico's, as in
#: Guadalajara in 2016; BRT Brazil's; WITA Bali's; AST Arabia's).
_NAMED_ZONES = {
    "utc": 0,
    "gmt": 0,
    "cet": 60,
    "cest": 120,
    "eat": 180,
    "jst": 540,
    "ast": 180,
    "eet": 120,
    "eest": 180,
    "bst": 60,
    "wat": 60,
    "cst": -360,
    "brt": -180,
    "brst": -120,
    "wita": 480,
    "trt": 180,
    # Where participants join from, as pages sometimes add: "10:00 EST".
    "est": -300,
    "edt": -240,
    "pst": -480,
    "pdt": -420,
    "msk": 180,
    "sast": 120,
    "wib": 420,
    "kst": 540,
}
_LEADING_LABEL = re.compile(r"^(?:date(?:\s+and\s+time)?|time|hours?|when|session time|schedule)\s*:\s*", re.IGNORECASE)
_LEADING_WEEKDAY = re.compile(rf"^({_WEEKDAY}),?\s*", re.IGNORECASE)
#: A length said beside the time: "90 minutes", "90 Min", "60'", "1.5 hours".
_LENGTH = re.compile(r"(?:(\d{1,3})\s*(?:min(?:ute)?s?\.?|’|')|(\d(?:[.,]\d+)?)\s*(?:h|hrs?|hours?))", re.IGNORECASE)
#: Words after a time that only say which clock it is on: no detail of the session.
_CLOCK_WORDS = {"local time", "local", "venue time", "hrs", "h", "onsite time"}


@dataclass(frozen=True)
class DateLine:
    """What a date line says: the day, and start and end in UTC when it gives times.

    A line that names no zone gives its times on the venue's wall clock: they are in
    ``wall_start``/``wall_end`` (naive), and ``starts_at``/``ends_at`` stay None until
    :meth:`on_clock` reads them on the venue's zone.
    """

    day: date
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    #: Text after the date that is not a time, e.g. "A Dynamic Coalition on Other in Guadalajara, Mexico".
    rest: str | None = None
    wall_start: datetime | None = None
    wall_end: datetime | None = None
    #: A length said on the line itself: "15.00, 90 minutes".
    length: int | None = None
    #: What follows the times besides a length and the zone: ("Interview Format",), ("Room 3",).
    details: tuple[str, ...] = ()

    @property
    def minutes(self) -> int | None:
        start, end = (self.starts_at, self.ends_at) if self.starts_at is not None else (self.wall_start, self.wall_end)
        if start is None or end is None:
            return self.length
        return int((end - start).total_seconds() // 60)

    @property
    def on_wall_clock(self) -> bool:
        """The line gives times but names no zone: they are the venue's local times."""
        return self.wall_start is not None

    @property
    def has_hours(self) -> bool:
        return self.starts_at is not None or self.wall_start is not None

    def at_hours(self, hours: TimeHeading) -> DateLine:
        """The day with the hours a line of their own gives ("Thursday 8 December 2016", then "15.00 - 16.30")."""
        timed = Schedule(DayHeading(self.day.month, self.day.day, self.day.year), hours).date_line(None)
        return replace(timed, rest=self.rest) if timed is not None else self

    def ending_at(self, other: DateLine) -> DateLine:
        """This start with ``other``'s start as its end, when this line gave no end and both read the same clock."""
        if self.minutes is not None or other.on_wall_clock != self.on_wall_clock:
            return self
        if self.wall_start is not None and other.wall_start is not None and self.wall_start < other.wall_start:
            return replace(self, wall_end=other.wall_start)
        if self.starts_at is not None and other.starts_at is not None and self.starts_at < other.starts_at:
            return replace(self, ends_at=other.starts_at)
        return self

    def on_clock(self, zone: tzinfo) -> DateLine:
        """The line with its wall-clock times read on ``zone`` (the venue's) and kept in UTC."""
        if self.wall_start is None:
            return self
        start = _in_utc(self.wall_start, zone)
        end = _in_utc(self.wall_end, zone) if self.wall_end is not None else None
        if end is None and self.length:
            end = start + timedelta(minutes=self.length)
        return replace(self, starts_at=start, ends_at=end, wall_start=None, wall_end=None)


def _in_utc(wall: datetime, zone: tzinfo) -> datetime:
    # Of two moments with the same wall time (the night clocks go back), the first.
    return wall.replace(tzinfo=zone, fold=0).astimezone(UTC)


@line_cache
def parse_date_line(line: str) -> DateLine | None:
    """Read a line that starts with a date; ``None`` for any other line."""
    if not line or len(line) > 200:
        return None
    text = _LEADING_LABEL.sub("", line.strip())
    body = _LEADING_WEEKDAY.sub("", text)
    dates = _dates(text)
    if not dates or dates[0][0] > len(text) - len(body) + 1:
        return None  # a date somewhere inside a sentence is not a date line
    first_day = dates[0][2]
    after_first = dates[0][1]
    times = [m for m in _TIME.finditer(text) if m.start() >= after_first and not _inside(m.start(), dates)]
    zone = _zone(text)
    if not times:
        rest = _rest(text[after_first:])
        if rest and len(dates) == 1 and not _looks_like_date_rest(rest):
            return DateLine(day=first_day, rest=rest)
        return DateLine(day=first_day)
    start = _at(first_day, times[0])
    end = None
    if len(times) > 1:
        second_day = first_day
        for position, _end, day in dates[1:]:
            if position < times[1].start():
                second_day = day
        end = _at(second_day, times[1])
        if end < start and second_day == first_day:
            end += timedelta(days=1)  # a session that ends after midnight
    length, details = _after_times(text[times[-1].end() :] if len(times) <= 2 else "")
    return _dated(first_day, start, end, zone, length, details)


def _dated(
    day: date, start: datetime, end: datetime | None, zone: tzinfo | None, length: int | None, details: tuple[str, ...]
) -> DateLine:
    if zone is None:
        return DateLine(day=day, wall_start=start, wall_end=end, length=length, details=details)
    starts_at = start.replace(tzinfo=zone).astimezone(UTC)
    ends_at = end.replace(tzinfo=zone).astimezone(UTC) if end is not None else None
    if ends_at is None and length:
        ends_at = starts_at + timedelta(minutes=length)
    return DateLine(day=day, starts_at=starts_at, ends_at=ends_at, length=length, details=details)


def _after_times(text: str) -> tuple[int | None, tuple[str, ...]]:
    """The length and the other details a line runs on with after its times: ", 90 minutes, Interview Format"."""
    text = _ZONE.sub(" ", text)
    length = None
    details = []
    for raw in re.split(r"\s+[-–—|]\s+|[,;()]|\s+[-–—]$|^[-–—]\s+", text):
        piece = raw.strip(" .-–—|:")
        if not piece or piece.casefold() in _CLOCK_WORDS:
            continue
        said = _LENGTH.fullmatch(piece)
        if said and length is None:
            length = int(said.group(1)) if said.group(1) else round(float(said.group(2).replace(",", ".")) * 60)
            continue
        details.append(piece)
    if length is not None and not 0 < length <= 24 * 60:
        length = None
    return length, tuple(details)


def _dates(text: str) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for pattern, order in ((_DAY_FIRST, "dmy"), (_MONTH_FIRST, "mdy"), (_ISO, "ymd")):
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["m"]
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                day = date(int(parts["y"]), month_number, int(parts["d"]))
            except ValueError:
                continue
            if not 1990 <= day.year <= 2200:
                continue
            if any(not (match.end() <= s or match.start() >= e) for s, e, _ in found):
                continue
            found.append((match.start(), match.end(), day))
    return sorted(found)


def _inside(position: int, dates: list[tuple[int, int, date]]) -> bool:
    return any(start <= position < end for start, end, _ in dates)


def _zone(text: str) -> timezone | None:
    """The zone a line names, or None: then its times are the venue's."""
    match = _ZONE.search(text)
    if not match:
        return None
    minutes = _NAMED_ZONES[match.group(1).lower()]
    if match.group(3):
        sign = -1 if match.group(2) in ("-", "−") else 1
        minutes += sign * (int(match.group(3)) * 60 + int(match.group(4) or 0))
    if abs(minutes) >= 24 * 60:
        return UTC
    return timezone(timedelta(minutes=minutes))


def _at(day: date, match: re.Match[str]) -> datetime:
    """The wall-clock moment a time on ``day`` names (naive: its zone is decided by the caller)."""
    return datetime.combine(day, _clock(match.group(1), match.group(2), match.group(3)))


def _clock(hours: str, minutes: str | None, meridiem: str | None) -> time:
    hour, minute = int(hours), int(minutes or 0)
    half = (meridiem or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return time(hour, minute)


def _rest(text: str) -> str | None:
    rest = text.strip().lstrip("-–—|,:").strip()
    return rest or None


def _looks_like_date_rest(rest: str) -> bool:
    return bool(_ZONE.fullmatch(rest.strip("() ")))


_VENUE = re.compile(r"\b(?:in|at)\s+([A-Z][^.;]*?)\s*\.?$")


def venue_of(rest: str | None) -> str | None:
    """The place in "A Dynamic Coalition on Other in Guadalajara, Mexico": "Guadalajara, Mexico"."""
    if not rest:
        return None
    match = _VENUE.search(rest)
    return match.group(1).strip() if match else None


#: A month and its year in running text, perhaps after the day or days: "14-15 March 2022".
_MONTH_YEAR = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+)?(?:{_MONTH})\.?,?\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def year_in_prose(text: str) -> int | None:
    """The year of the first date a sentence gives ("Held on 14-15 March 2022" is 2022), or None."""
    match = _MONTH_YEAR.search(text)
    return int(match.group(1)) if match else None


# ----- schedule headings: the day, then the hour, above the sessions -----

_HOUR = r"([01]?\d|2[0-3])(?:[:.h]([0-5]\d))?\s*(?:([ap])\.?m\.?)?"
_HOURS = re.compile(rf"(?:at\s+)?{_HOUR}(?:\s*(?:-|–|—|to|until)\s*{_HOUR})?", re.IGNORECASE)
_DAY_HEADING = re.compile(
    rf"^(?:({_WEEKDAY}),?\s+)?"
    rf"(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?)(?![\d:])"
    r"(?:,?\s+(\d{4}))?(?:\s*[-–—•|,@]?\s*(.*))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeHeading:
    """An hour standing alone on its line ("09:00 CET", "10:00 - 11:30"), on the wall clock unless a zone is named."""

    start: time
    end: time | None = None
    zone: tzinfo | None = None


@dataclass(frozen=True)
class DayHeading:
    """A day standing alone on its line, perhaps without its year ("Monday, December 18")."""

    month: int
    day: int
    year: int | None = None
    weekday: int | None = None
    #: The hours when the heading gives them too: "Monday, December 18 • 09:00 - 10:30".
    hours: TimeHeading | None = None

    def on(self, year: int | None) -> date | None:
        """The date, in the heading's own year, else ``year``, else the IGF meeting year its weekday fits."""
        year = self.year or year or self._meeting_year()
        if year is None:
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def _meeting_year(self) -> int | None:
        # "Monday, December 18" fits one IGF meeting only (2017, Geneva): days around a
        # meeting (Day 0 the day before, or so) whose weekday is the heading's.
        if self.weekday is None:
            return None
        fits = []
        for meeting in MEETINGS.values():
            if meeting.first_day is None or meeting.last_day is None:
                continue
            try:
                day = date(meeting.year, self.month, self.day)
            except ValueError:
                continue
            near = meeting.first_day - timedelta(days=3) <= day <= meeting.last_day + timedelta(days=1)
            if near and day.weekday() == self.weekday:
                fits.append(meeting.year)
        return fits[0] if len(fits) == 1 else None


@line_cache
def parse_time_heading(line: str) -> TimeHeading | None:
    """A line that is only an hour or a span of hours, perhaps with its zone: "09:00 CET", "2:30pm - 4pm"."""
    if not line or len(line) > 40:
        return None
    line = _LEADING_LABEL.sub("", line.strip())
    zone = _zone(line)
    text = _ZONE.sub(" ", line).strip(" ()[]•|-–—")
    text = re.sub(r"\(?\s*(?:local time|local)\s*\)?$", "", text, flags=re.IGNORECASE).strip(" ()")
    match = _HOURS.fullmatch(text)
    if match is None:
        return None
    groups = match.groups()
    spans = [groups[0:3], groups[3:6]]
    # "10" alone is a number, not an hour: an hour has its minutes or its am/pm.
    if any(h is not None and m is None and half is None for h, m, half in spans):
        return None
    start = _clock(*spans[0])
    end = _clock(*spans[1]) if spans[1][0] is not None else None
    if end is not None and spans[0][2] is None and spans[1][2] is not None:
        # "10:30 - 11:30am", "2 - 3:30pm": the first hour shares the second's half of the day,
        # unless that puts it after the end ("11:30 - 1pm").
        shared = _clock(spans[0][0], spans[0][1], spans[1][2])
        start = shared if shared <= end else start
    return TimeHeading(start=start, end=end, zone=zone)


@line_cache
def parse_day_heading(line: str) -> DayHeading | None:
    """A line that is only a day, perhaps with hours: "Monday, December 18", "Tuesday 8 December 2016"."""
    if not line or len(line) > 80:
        return None
    match = _DAY_HEADING.match(_LEADING_LABEL.sub("", line.strip()))
    if match is None:
        return None
    weekday, month_first, day_after, day_first, month_after, year, rest = match.groups()
    month = _MONTHS[(month_first or month_after).lower()]
    day = int(day_after or day_first)
    hours = None
    if rest and rest.strip():
        hours = parse_time_heading(rest.strip())
        if hours is None:
            return None  # more than a day: a sentence or a date line
    try:
        date(int(year) if year else 2000, month, day)  # 2000 was a leap year: 29 February is a day
    except ValueError:
        return None
    return DayHeading(
        month=month,
        day=day,
        year=int(year) if year else None,
        weekday=_WEEKDAYS[weekday[:3].lower()] if weekday else None,
        hours=hours,
    )


class Schedule:
    """The day and the hour that schedule headings set for the sessions listed under them.

    A day heading sets the day and clears the hour; an hour heading sets the hour for
    every session below it until the next one.  A session's own lines may give its hour
    before its day ("Time: 15:00 - 16:30", then "Date: Thursday, December 8"): fed with
    ``own``, a day keeps the hour the session gave.
    """

    def __init__(self, day: DayHeading | None = None, hours: TimeHeading | None = None) -> None:
        self.day = day
        self.hours = hours
        self.own_hours = False

    def copy(self) -> Schedule:
        return Schedule(self.day, self.hours)

    def feed(self, line: str, *, own: bool = False) -> bool:
        """Take ``line`` if it is a day or hour heading; say whether it was one."""
        day = parse_day_heading(line)
        if day is not None:
            kept = self.hours if own and self.own_hours else None
            self.day, self.hours = day, day.hours or kept
            return True
        hours = parse_time_heading(line)
        if hours is not None:
            self.hours, self.own_hours = hours, own
            return True
        return False

    def date_line(self, year: int | None) -> DateLine | None:
        """The date the headings give a session of ``year`` (None when they give no day)."""
        if self.day is None:
            return None
        day = self.day.on(year)
        if day is None:
            return None
        if self.hours is None:
            return DateLine(day=day)
        start = datetime.combine(day, self.hours.start)
        end = datetime.combine(day, self.hours.end) if self.hours.end is not None else None
        if end is not None and end < start:
            end += timedelta(days=1)
        return _dated(day, start, end, self.hours.zone, None, ())


def is_heading(line: str) -> bool:
    """A schedule heading: a day or an hour alone on its line."""
    return parse_day_heading(line) is not None or parse_time_heading(line) is not None


def heading_tail(lines: list[str]) -> int:
    """Where the headings at the end of a listing entry begin (they head the next entry); ``len(lines)`` if none.

    The tail stands apart, after a blank line: a date right under the entry's title
    ("Tuesday December 17, 2024 12:00 - 12:20 GMT+03") is the entry's own.
    """
    first = next((index for index, line in enumerate(lines) if line), len(lines))
    cut = len(lines)
    for index in range(len(lines) - 1, first + 1, -1):
        line = lines[index]
        if not line:
            continue
        if not is_heading(line):
            break
        cut = index
    while cut < len(lines) and lines[cut - 1]:
        cut = next((index for index in range(cut + 1, len(lines)) if not lines[index - 1]), len(lines))
    return cut


# ----- a length said only in prose -----

_SESSION_NOUN = r"(?:session|workshop|round[- ]?table|panel|debate|dialogue|forum|event|meeting|exchange|town hall)s?"
_NUMBER_WORDS = {
    "thirty": 30,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
    "one": 60,
    "two": 120,
    "three": 180,
    "an": 60,
    "one-and-a-half": 90,
}
_PROSE_LENGTH = re.compile(
    r"\b(\d{2,3}|thirty|forty-five|sixty|ninety)[- ](?:minute|min)(?:[- ]long)?\s+(?:[\w-]+\s+){0,3}?"
    + _SESSION_NOUN
    + r"\b"
    r"|\b(\d(?:\.5)?|one|two|three|one-and-a-half)[- ]hours?(?:[- ]long)?\s+(?:[\w-]+\s+){0,3}?" + _SESSION_NOUN + r"\b"
    r"|\b" + _SESSION_NOUN + r"\s+(?:will\s+)?(?:lasts?|runs?|takes?)\s+(?:for\s+)?(?:about\s+)?(\d{2,3})\s+minutes\b",
    re.IGNORECASE,
)


def length_in_prose(text: str | None) -> int | None:
    """The session's length when only its prose says it: "A 60-minute interactive session" is 60.

    A length must qualify the session itself ("90-minute workshop", "the session will
    last 60 minutes"): "5-minute interventions" or "a 10-minute break" are parts of it.
    Of several, the longest is the whole.
    """
    if not text:
        return None
    found = []
    for match in _PROSE_LENGTH.finditer(text):
        minutes_said, hours_said, lasts = match.groups()
        if hours_said is not None:
            word = hours_said.lower()
            minutes = _NUMBER_WORDS[word] if word in _NUMBER_WORDS else round(float(word) * 60)
        else:
            word = (minutes_said or lasts).lower()
            minutes = _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)
        if 15 <= minutes <= 240:
            found.append(minutes)
    return max(found) if found else None
