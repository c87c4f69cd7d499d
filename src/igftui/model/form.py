"""The proposal form: which field of the session each box of the editor fills, and how.

Plain Python, so the way a typed answer becomes a value (a year, the SDGs, one
policy question a line) is tested without a terminal; the editor builds its
boxes from :data:`FIELDS` and calls :func:`read_answer` and :func:`set_answer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from pydantic import ValidationError

from igftui.model.links import LinkError, read_link_line
from igftui.model.local_time import (
    UTC_CLOCK,
    TimeError,
    VenueClock,
    canonical_zone_name,
    clock_of,
    read_local,
    shown_local,
)
from igftui.model.meetings import meeting_of, year_problem
from igftui.model.session import ForumSession, Link, describe_validation_error
from igftui.model.vocabulary import Format, Layout, SessionStatus, SessionType, Term

#: The editor's sections, in the order of the IGF form: (id, heading).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("basics", "Basics"),
    ("content", "Content"),
    ("format", "Format and agenda"),
    ("people", "People"),
    ("online", "Online participation"),
)

#: The statuses a user's own proposal moves through ("catalogued" is for imported sessions).
PROPOSAL_STATUSES = (
    SessionStatus.DRAFT,
    SessionStatus.SUBMITTED,
    SessionStatus.ACCEPTED,
    SessionStatus.REJECTED,
    SessionStatus.WITHDRAWN,
)


@dataclass(frozen=True)
class FormField:
    """One box of the form.

    ``kind`` says how the answer is typed: ``text`` (one line), ``long`` (paragraphs),
    ``lines`` (a list, one item a line), ``commas`` (a list on one line), ``number``
    (whole minutes or a number), ``year``, ``time`` (on the venue's clock, kept in UTC),
    ``zone`` (an IANA time zone), ``goals`` (SDG numbers), ``choice`` (one of ``choices``),
    ``flag`` (yes or no) or ``links`` (one link a line, ``Label: https://...`` or just the
    address).
    """

    name: str
    label: str
    kind: str
    section: str
    hint: str = ""
    choices: tuple[Term, ...] = ()
    private: bool = False

    @property
    def widget_id(self) -> str:
        """The id of the editor's box for this field (``input-online_participation-platform``)."""
        return "input-" + self.name.replace(".", "-")


def _field(
    name: str,
    label: str,
    kind: str,
    section: str,
    hint: str = "",
    *,
    choices: tuple[Term, ...] = (),
    private: bool = False,
) -> FormField:
    return FormField(name, label, kind, section, hint, choices, private)


FIELDS: dict[str, FormField] = {
    f.name: f
    for f in (
        _field("session_type", "Session type", "choice", "basics", choices=tuple(SessionType)),
        _field("title", "Title", "text", "basics"),
        _field("short_title", "Short title", "text", "basics", "For the schedule, when the title is long"),
        _field("status", "Status", "choice", "basics", "Where the proposal stands", choices=PROPOSAL_STATUSES),
        _field("year", "Year", "year", "basics", "The forum the proposal is for"),
        _field("number", "Number", "number", "basics", "Given by the IGF once the session is accepted"),
        _field("theme", "Theme", "text", "basics", "Any text; ctrl+t picks one of the year's IGF themes"),
        _field("subtheme", "Subtheme", "text", "basics", "Any text; ctrl+t picks one of the year's IGF themes"),
        _field("tags", "Tags", "commas", "basics", "Separated by commas"),
        _field(
            "private_notes",
            "Private notes",
            "long",
            "basics",
            "For you alone: never exported unless you ask",
            private=True,
        ),
        _field("policy_questions", "Policy questions", "lines", "content", "One question a line"),
        _field("relevance_to_theme", "Relevance to the theme", "long", "content"),
        _field("relevance_to_internet_governance", "Relevance to Internet governance", "long", "content"),
        _field("description", "Description", "long", "content"),
        _field("expected_outcomes", "Expected outcomes", "long", "content"),
        _field(
            "discussion_facilitation",
            "Discussion facilitation",
            "long",
            "content",
            "How the room and online participants will take part",
        ),
        _field(
            "diversity_statement",
            "Diversity",
            "long",
            "content",
            "How speakers and organisers reflect gender, regions, groups and views",
        ),
        _field("sdgs", "Sustainable Development Goals", "goals", "content", "Goal numbers from 1 to 17, e.g. 5, 16"),
        _field(
            "links",
            "Links",
            "links",
            "content",
            "Background documents, last year's report: one a line, “Label: https://…” or the address",
        ),
        _field("format", "Format", "choice", "format", choices=tuple(Format)),
        _field("format_description", "About the format", "long", "format"),
        _field("layout", "Room layout", "choice", "format", choices=tuple(Layout)),
        _field("languages", "Languages", "commas", "format", "Separated by commas, e.g. English, Spanish"),
        _field("duration_minutes", "Duration (minutes)", "number", "format"),
        # The label names the venue's clock ("Starts (Berlin time)"): see time_label.
        _field("starts_at", "Starts", "time", "format", "e.g. 2026-06-23 09:30"),
        _field("ends_at", "Ends", "time", "format", "e.g. 2026-06-23 11:00, or just 11:00"),
        _field(
            "time_zone",
            "Venue time zone",
            "zone",
            "format",
            "Empty: the zone of the year's IGF. Another forum: e.g. Europe/Berlin",
        ),
        _field("room", "Room", "text", "format"),
        _field("venue", "Venue", "text", "format"),
        _field(
            "online_participation.platform",
            "Platform",
            "text",
            "online",
            "Where online participants join, e.g. the IGF's Zoom",
        ),
        _field("online_participation.remote_hubs", "Remote hubs", "lines", "online", "One hub a line"),
        _field(
            "online_participation.speaking_queue",
            "Speaking queue",
            "long",
            "online",
            "One queue for onsite and online speakers: how the floor is given",
        ),
        _field("online_participation.captioning", "Live captioning", "flag", "online"),
        _field(
            "online_participation.interpretation",
            "Interpretation",
            "commas",
            "online",
            "Languages, separated by commas",
        ),
        _field(
            "online_participation.broadcast",
            "Broadcast the session",
            "flag",
            "online",
            "Agenda items marked private are never broadcast",
        ),
        _field("online_participation.notes", "Notes on online participation", "long", "online"),
    )
}

#: What the fields that have no box of their own are called on screen.
_OTHER_LABELS = {
    "participants": "People",
    "agenda": "Agenda",
    "online_participation": "Online participation",
    "code": "Code",
    "source": "Source",
    "id": "Id",
}


def label_of(field: str) -> str:
    """A field's name in the user's words ("Description", "Online participation: Platform")."""
    if field in FIELDS:
        spec = FIELDS[field]
        return f"Online participation: {spec.label}" if field.startswith("online_participation.") else spec.label
    if field in _OTHER_LABELS:
        return _OTHER_LABELS[field]
    return field.replace("_", " ").replace(".", ": ").capitalize()


#: Where the editor shows findings about things that are not a single box.
FINDING_PLACES = {
    "participants": ("people", "people-table"),
    "agenda": ("format", "agenda-table"),
    "online_participation": ("online", FIELDS["online_participation.platform"].widget_id),
}


def place_of(field: str | None) -> tuple[str, str] | None:
    """(section, widget id) of the box a finding about ``field`` belongs to, if any."""
    if field is None:
        return None
    if field in FINDING_PLACES:
        return FINDING_PLACES[field]
    spec = FIELDS.get(field)
    return (spec.section, spec.widget_id) if spec else None


class AnswerError(ValueError):
    """A typed answer that cannot be the field's value; the message says what to type."""


_WHOLE = re.compile(r"[+-]?\d+")
_SPLIT = re.compile(r"[,;]")


def read_answer(spec: FormField, raw: Any, session: ForumSession | None = None, *, today: date | None = None) -> Any:
    """The value of the answer ``raw`` as the editor's box holds it, or :class:`AnswerError`.

    ``session`` is the proposal the box belongs to: a time is read on its venue's
    clock, and a time with no date keeps the date it had.  ``today`` is when the
    answer is typed (a year may be at most a few years ahead); the clock's date
    when not given.
    """
    kind = spec.kind
    if kind in ("choice", "flag"):
        return raw
    text = raw if isinstance(raw, str) else ""
    stripped = text.strip()
    if kind in ("text", "long"):
        return stripped or None
    if kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()]
    if kind == "commas":
        return [item.strip() for item in _SPLIT.split(text) if item.strip()]
    if kind == "links":
        return read_links(text)
    if not stripped:
        return [] if kind == "goals" else None
    if kind == "number":
        if not _WHOLE.fullmatch(stripped):
            raise AnswerError(f"“{stripped}” is not a whole number.")
        value = int(stripped)
        if value < 0:
            raise AnswerError("This cannot be below zero.")
        return value
    if kind == "year":
        if not re.fullmatch(r"\d{4}", stripped):
            raise AnswerError("Give the year in four digits, e.g. 2026.")
        problem = year_problem(int(stripped), today or date.today())
        if problem:
            raise AnswerError(problem)
        return int(stripped)
    if kind == "zone":
        name = canonical_zone_name(stripped)
        if name is None:
            raise AnswerError(f"“{stripped}” is not a time zone: give its IANA name, e.g. Europe/Berlin.")
        return name
    if kind == "goals":
        goals = []
        for bit in re.split(r"[\s,;]+", stripped):
            if not bit:
                continue
            if not bit.isdigit() or not 1 <= int(bit) <= 17:
                raise AnswerError(f"“{bit}” is not a goal: the SDGs are numbered 1 to 17.")
            goals.append(int(bit))
        return sorted(set(goals))
    if kind == "time":
        if session is None:
            return read_time(stripped)
        return _read_session_time(spec, stripped, session)
    raise AssertionError(f"unknown kind of field: {kind}")


def read_links(text: str) -> list[Link]:
    """One link a line (``Label: https://...`` or the address alone); blank lines are skipped.

    A line whose address igftui will not keep (``javascript:``, an address without
    ``https://``) is an :class:`AnswerError` naming the line: nothing is dropped in silence.
    """
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    links = []
    for number, line in lines:
        try:
            label, url = read_link_line(line)
        except LinkError as problem:
            raise AnswerError(f"Line {number}: {problem}" if len(lines) > 1 else str(problem)) from None
        links.append(Link(label=label, url=url))
    return links


def read_time(text: str) -> datetime:
    """A time typed as ``2026-06-23 09:30`` (UTC unless it says otherwise)."""
    try:
        moment = datetime.fromisoformat(text.replace("T", " ").replace("Z", "+00:00"))
    except ValueError:
        raise AnswerError("Write the time as year-month-day hours:minutes, e.g. 2026-06-23 09:30.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _read_session_time(spec: FormField, text: str, session: ForumSession) -> datetime:
    before = current_value(session, spec)
    # "11:00" in the end box of a session that has a start keeps the start's day.
    keep = before or (session.starts_at if spec.name == "ends_at" else None)
    try:
        moment = read_local(text, clock_of(session), keep_date_of=keep)
    except TimeError as problem:
        raise AnswerError(str(problem)) from None
    # The box shows minutes: reading back what it shows must not drop a stored time's seconds.
    if before is not None and before.replace(second=0) == moment:
        return before
    return moment


def time_label(spec: FormField, session: ForumSession | None) -> str:
    """A time box's label with the clock it is read on: "Starts (Berlin time)", "Ends (UTC)"."""
    clock = clock_of(session) if session is not None else UTC_CLOCK
    return f"{spec.label} ({clock.heading()})"


def time_example(spec: FormField, session: ForumSession | None) -> str:
    """A time box's example, on a day of the proposal's own forum when igftui knows its dates
    ("e.g. 2018-11-12 09:30"): an example from another year reads as a value to copy."""
    meeting = meeting_of(session.year) if session is not None else None
    if meeting is None or meeting.first_day is None:
        return spec.hint
    day = meeting.first_day.isoformat()
    return f"e.g. {day} 09:30" if spec.name == "starts_at" else f"e.g. {day} 11:00, or just 11:00"


def time_note(spec: FormField, session: ForumSession | None) -> str:
    """Beside a time box: its zone at that date and the time in UTC ("CET · 08:30 UTC")."""
    if session is None:
        return ""
    value = current_value(session, spec)
    clock: VenueClock = clock_of(session)
    if value is None or clock.is_utc:
        return ""
    utc = value.astimezone(timezone.utc)
    return f"{clock.zone_name(value)} · {utc:%Y-%m-%d %H:%M} UTC"


def shown_answer(spec: FormField, value: Any, session: ForumSession | None = None) -> Any:
    """How the box shows ``value``: the reverse of :func:`read_answer` (times on ``session``'s clock)."""
    kind = spec.kind
    if kind in ("choice", "flag"):
        return value
    if value is None:
        return ""
    if kind == "lines":
        return "\n".join(value)
    if kind == "links":
        return "\n".join(f"{link.label}: {link.url}" if link.label else link.url for link in value)
    if kind in ("commas", "goals"):
        return ", ".join(str(item) for item in value)
    if kind == "time":
        if session is not None:
            return shown_local(value, clock_of(session))
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")
    return str(value)


def current_value(session: ForumSession, spec: FormField) -> Any:
    """The session's value for the field (``online_participation.platform`` reaches inside)."""
    target: Any = session
    for part in spec.name.split("."):
        target = getattr(target, part)
    return target


def set_answer(session: ForumSession, spec: FormField, value: Any) -> bool:
    """Put ``value`` in the session; True when it changed.  :class:`AnswerError` when it may not be."""
    if current_value(session, spec) == value:
        return False
    *path, last = spec.name.split(".")
    target: Any = session
    for part in path:
        target = getattr(target, part)
    try:
        setattr(target, last, value)
    except ValidationError as exc:
        message = describe_validation_error(exc)
        raise AnswerError(message.split(": ", 1)[-1][:1].upper() + message.split(": ", 1)[-1][1:]) from None
    if spec.name in ("session_type", "number"):
        # The code follows the type and number ("WS #153"): let it be worked out again.
        session.code = None
    return True


def time_problem(session: ForumSession) -> str | None:
    """Times that cannot both be right, said plainly (checked across the two boxes)."""
    if session.starts_at and session.ends_at and session.ends_at <= session.starts_at:
        return "The session ends before it starts."
    return None


def word_count(text: str | None) -> int:
    """Words as the IGF form counts them: runs of text between spaces."""
    return len(text.split()) if text else 0


#: Names for what the form has no single box for, and for fields the form never shows.
_OTHER_WORDS = {
    "participants": "people",
    "agenda": "agenda",
    "online_participation": "online participation",
    "code": "code",
    "source": "where it came from",
    "sdgs": "SDGs",
    "starts_at": "start time",
    "ends_at": "end time",
    "duration_minutes": "duration",
    "online_participation.platform": "online platform",
    "online_participation.broadcast": "broadcast",
}


def field_words(name: str) -> str:
    """A session field as a sentence names it: ``expected_outcomes`` is "expected outcomes".

    The history and the import summary list changed fields this way, so a user reads
    the words of the form, not the keys of the JSON file.
    """
    if name in _OTHER_WORDS:
        return _OTHER_WORDS[name]
    spec = FIELDS.get(name)
    if spec is None:
        return name.rsplit(".", 1)[-1].replace("_", " ")
    label = spec.label
    # "Relevance to Internet governance" keeps its capital I; only the first letter of a
    # label is a heading's capital.
    return label[:1].lower() + label[1:] if label[1:2].islower() else label
