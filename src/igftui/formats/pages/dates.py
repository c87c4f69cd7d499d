"""Date and time lines of IGF pages, as UTC times.

The IGF site writes "Friday, 13th November, 2020 (08:00 UTC) - Friday, 13th November,
2020 (09:30 UTC)"; the 2024 schedule writes "Monday December 16, 2024 13:00 - 13:30
GMT+03"; older pages give only the day, "7 December 2016 - A Dynamic Coalition on Other
in Guadalajara, Mexico".  A time without a zone is taken as UTC, which is what the IGF
site shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from igftui.formats.pages.text import line_cache

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
_DAY_FIRST = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3])[:.h]([0-5]\d)(?:\s*([ap])\.?m\.?)?(?![\d:])", re.IGNORECASE)
_ZONE = re.compile(
    r"\b(UTC|GMT|CEST|CET|EAT|JST|AST|EEST|EET|BST|WAT)\b"
    # The offset's sign is glued to its hours ("GMT+03", "UTC +1"): "UTC - 16:30" is a span.
    r"(?:\s?([+\-−])(\d{1,2})(?::?(\d{2}))?(?!\d))?",
    re.IGNORECASE,
)
#: Zones seen around IGF meetings, by their usual abbreviations.
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
}
_LEADING_LABEL = re.compile(r"^(?:date(?:\s+and\s+time)?|time|when|session time|schedule)\s*:\s*", re.IGNORECASE)
_LEADING_WEEKDAY = re.compile(rf"^{_WEEKDAY},?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class DateLine:
    """What a date line says: the day, and start and end in UTC when it gives times."""

    day: date
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    #: Text after the date that is not a time, e.g. "A Dynamic Coalition on Other in Guadalajara, Mexico".
    rest: str | None = None

    @property
    def minutes(self) -> int | None:
        if self.starts_at is None or self.ends_at is None:
            return None
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


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
    start = _at(first_day, times[0], zone)
    end = None
    if len(times) > 1:
        second_day = first_day
        for position, _end, day in dates[1:]:
            if position < times[1].start():
                second_day = day
        end = _at(second_day, times[1], zone)
        if end < start and second_day == first_day:
            end += timedelta(days=1)  # a session that ends after midnight
    return DateLine(day=first_day, starts_at=start, ends_at=end)


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


def _zone(text: str) -> timezone:
    match = _ZONE.search(text)
    if not match:
        return UTC
    minutes = _NAMED_ZONES[match.group(1).lower()]
    if match.group(3):
        sign = -1 if match.group(2) in ("-", "−") else 1
        minutes += sign * (int(match.group(3)) * 60 + int(match.group(4) or 0))
    if abs(minutes) >= 24 * 60:
        return UTC
    return timezone(timedelta(minutes=minutes))


def _at(day: date, match: re.Match[str], zone: timezone) -> datetime:
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(3) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).astimezone(UTC)


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
