"""A session's times on the venue's clock: which zone, how a typed time is read, how one is shown.

The session JSON keeps ``starts_at``/``ends_at`` in UTC (the contract).  People
who organise a session think in the time of the room it is in, so the editor
reads and shows times in the venue's zone, and the session view and the
Markdown export name that zone beside each time.  The zone is the session's own
``time_zone`` when it has one (another forum, a national IGF), else the zone of
its year's IGF meeting (:mod:`igftui.model.meetings`), else UTC.

Daylight saving is zoneinfo's: the same wall clock is CET in November and CEST
in June.  Plain Python, shared by the editor, the CLI and the exports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from igftui.model.meetings import meeting_of

if TYPE_CHECKING:
    from igftui.model.session import ForumSession


class TimeError(ValueError):
    """A typed time that cannot be read; the message says what to type."""


@dataclass(frozen=True)
class VenueClock:
    """The clock a session's times are read and shown on.

    ``place`` names it for people ("Berlin", "Europe/Berlin" for a zone the
    session set itself, "UTC"); ``zone`` is the tzinfo that does the arithmetic.
    """

    place: str
    zone: tzinfo

    @property
    def is_utc(self) -> bool:
        return self.place == "UTC"

    def local(self, moment: datetime) -> datetime:
        """``moment`` (any aware time) on this clock."""
        return moment.astimezone(self.zone)

    def zone_name(self, moment: datetime) -> str:
        """The zone's name at ``moment``: "CET", "CEST", "UTC+4" where the zone has no letters."""
        if self.is_utc:
            return "UTC"
        local = self.local(moment)
        name = local.tzname() or ""
        if not name or name[0] in "+-":
            return _offset_words(local.utcoffset() or timedelta(0))
        return name

    def label(self, moment: datetime) -> str:
        """What a time on this clock is named with: "Berlin, CET", or just "UTC"."""
        if self.is_utc:
            return "UTC"
        return f"{self.place}, {self.zone_name(moment)}"

    def heading(self) -> str:
        """The clock named without a moment, for a box's label: "Berlin time", "UTC"."""
        return "UTC" if self.is_utc else f"{self.place} time"


UTC_CLOCK = VenueClock("UTC", timezone.utc)


@lru_cache(maxsize=64)
def zone_named(name: str) -> tzinfo | None:
    """The IANA zone called ``name`` ("Europe/Berlin", any case), or None if there is none."""
    name = name.strip()
    if name.upper() in ("UTC", "GMT", "Z"):
        return timezone.utc
    # Only names the database lists: ZoneInfo would open any path under it ("Europe" is a
    # folder, and raises IsADirectoryError), and a half-typed name must be a plain "no".
    known = _known_zones().get(name.casefold())
    return ZoneInfo(known) if known is not None else None


@lru_cache(maxsize=1)
def _known_zones() -> dict[str, str]:
    from zoneinfo import available_timezones

    # "Factory" and "posixrules" are the database's own machinery, not places.
    return {
        zone.casefold(): zone for zone in available_timezones() if zone not in ("Factory", "posixrules", "localtime")
    }


def canonical_zone_name(name: str) -> str | None:
    """``name`` as the IANA database spells it ("europe/berlin" -> "Europe/Berlin"), or None."""
    zone = zone_named(name)
    if zone is None:
        return None
    return "UTC" if zone is timezone.utc else str(zone)


def venue_clock(year: int | None, time_zone: str | None = None) -> VenueClock:
    """The clock of a session of ``year``: its own ``time_zone``, its IGF meeting's, or UTC."""
    if time_zone:
        zone = zone_named(time_zone)
        if zone is not None:
            if zone is timezone.utc:
                return UTC_CLOCK
            return VenueClock(_place_of_zone(str(zone), year), zone)
    meeting = meeting_of(year)
    if meeting is not None and meeting.time_zone and meeting.time_zone != "UTC":
        zone = zone_named(meeting.time_zone)
        if zone is not None:
            return VenueClock(meeting.place, zone)
    return UTC_CLOCK


def clock_of(session: ForumSession) -> VenueClock:
    """The clock ``session``'s times are read and shown on (see :func:`venue_clock`)."""
    return venue_clock(session.year, getattr(session, "time_zone", None))


def _place_of_zone(name: str, year: int | None) -> str:
    # A session that names its year's own zone is still in that city.
    meeting = meeting_of(year)
    if meeting is not None and meeting.time_zone == name:
        return meeting.place
    return name


def _offset_words(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


# ----- reading and showing a time -----

_CLOCK_ONLY = re.compile(r"(\d{1,2})[:.h](\d{2})")
_TRAILING_LABEL = re.compile(r"\s*\(([^()]*)\)\s*$")
_EXAMPLE = "e.g. 2026-06-23 09:30, or 09:30 to keep the date"


def read_local(text: str, clock: VenueClock, *, keep_date_of: datetime | None = None) -> datetime:
    """The moment (UTC) ``text`` names on ``clock``; :class:`TimeError` saying what to type.

    ``text`` is ``2019-11-26 09:30`` on the venue's clock; a time with an offset
    or ``Z`` is taken as it says.  ``09:30`` alone keeps the date of
    ``keep_date_of`` (on the venue's clock).  A label as :func:`shown_local_with_zone`
    writes it ("(Berlin, CET)") may follow; "(UTC)" makes the time UTC.
    """
    text = text.strip()
    label = _TRAILING_LABEL.search(text)
    if label:
        clock = _clock_of_label(label.group(1), clock)
        text = text[: label.start()].strip()
    bare = _CLOCK_ONLY.fullmatch(text)
    if bare:
        if keep_date_of is None:
            raise TimeError(f"Give the date too: {_EXAMPLE}.")
        local_day = clock.local(keep_date_of).date()
        return _from_wall(datetime.combine(local_day, _wall_time(*bare.groups())), clock)
    try:
        moment = datetime.fromisoformat(re.sub(r"(?<=\d)[T ]+(?=\d)", " ", text).replace("Z", "+00:00"))
    except ValueError:
        raise TimeError(f"“{text}” is not a date and time: {_EXAMPLE}.") from None
    if moment.tzinfo is not None:
        return moment.astimezone(timezone.utc)
    if len(text) <= 10:  # a day with no time: "2019-11-26"
        raise TimeError(f"Give the time of day too: {_EXAMPLE}.")
    return _from_wall(moment, clock)


def _wall_time(hours: str, minutes: str) -> time:
    h, m = int(hours), int(minutes)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise TimeError(f"{hours}:{minutes} is not a time of day: hours 0 to 23, minutes 0 to 59.")
    return time(h, m)


def _clock_of_label(text: str, clock: VenueClock) -> VenueClock:
    words = text.strip()
    if words.upper() in ("UTC", "GMT", "Z"):
        return UTC_CLOCK
    if clock.is_utc or words.split(",")[0].strip().casefold() != clock.place.casefold():
        raise TimeError(f"Times here are on {clock.heading()}: write the time without “({words})”.")
    return clock


def _from_wall(wall: datetime, clock: VenueClock) -> datetime:
    """The UTC moment a venue's wall clock shows ``wall``; a time skipped by a clock change is refused."""
    local = wall.replace(tzinfo=clock.zone, fold=0)
    moment = local.astimezone(timezone.utc)
    if moment.astimezone(clock.zone).replace(tzinfo=None) != wall:
        raise TimeError(
            f"{wall:%Y-%m-%d %H:%M} does not exist on {clock.heading()}: the clocks "
            "jump forward an hour that night. Give a time outside the jump."
        )
    # Of two moments with the same wall time (when clocks go back), fold=0 is the first.
    return moment


def shown_local(moment: datetime, clock: VenueClock) -> str:
    """``moment`` as the editor's box shows it: ``2019-11-26 09:30`` on the venue's clock."""
    return f"{clock.local(moment):%Y-%m-%d %H:%M}"


def shown_local_with_zone(moment: datetime, clock: VenueClock) -> str:
    """``2019-11-26 09:30 (Berlin, CET)``: a time with its zone named."""
    return f"{shown_local(moment, clock)} ({clock.label(moment)})"


def span_words(
    starts: datetime | None, ends: datetime | None, clock: VenueClock, day: Callable[[datetime], str]
) -> str | None:
    """A session's time on its venue's clock, then in UTC when that differs.

    ``day`` writes a date and what follows it before the hour (a view and an export
    write days differently: ``"Tue 26 Nov 2019, "``, ``"2019-11-26 "``), e.g.
    ``"Tue 26 Nov 2019, 09:30–10:30 (Berlin, CET; 08:30–09:30 UTC)"``.
    """
    if starts is None and ends is None:
        return None
    local = _span(starts, ends, clock, day)
    if clock.is_utc:
        return f"{local} UTC"
    utc = _span(starts, ends, UTC_CLOCK, day, same_day_as=(starts, ends, clock))
    label = clock.label(starts or ends)  # type: ignore[arg-type]
    return f"{local} ({label}; {utc} UTC)"


def _span(
    starts: datetime | None,
    ends: datetime | None,
    clock: VenueClock,
    day: Callable[[datetime], str],
    same_day_as: tuple | None = None,
) -> str:
    if starts is None:
        assert ends is not None
        end = clock.local(ends)
        return f"until {day(end)}{end:%H:%M}"
    start = clock.local(starts)
    text = f"{day(start)}{start:%H:%M}"
    if same_day_as is not None:
        # The UTC part repeats the day only when it is not the venue's day.
        venue_day = same_day_as[2].local(same_day_as[0]).date()
        text = f"{start:%H:%M}" if start.date() == venue_day else text
    if ends is not None:
        end = clock.local(ends)
        text += f"–{end:%H:%M}" if end.date() == start.date() else f" – {day(end)}{end:%H:%M}"
    return text


def minutes_between(starts: datetime, ends: datetime) -> int:
    """Whole minutes from ``starts`` to ``ends`` (negative when the end comes first)."""
    return int((ends - starts).total_seconds() // 60)
