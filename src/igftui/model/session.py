"""The session a user catalogues or drafts, as the session JSON contract describes it.

These are plain pydantic models, detached from the database: the catalogue
service hands them out and takes them back, so they cross worker threads and
process boundaries freely.  ``ForumSession`` is not called ``Session`` because
SQLModel already has a class of that name (a database session).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from igftui.model.links import LinkError, checked_url
from igftui.model.text_safety import clean_text
from igftui.model.vocabulary import (
    AgendaKind,
    Attendance,
    Format,
    Gender,
    Layout,
    ParticipantStatus,
    Region,
    Role,
    SessionStatus,
    SessionType,
    StakeholderGroup,
    Term,
    parse,
    parse_strict,
    session_code,
)

SCHEMA = "igftui.session/1"

_UID = re.compile(r"[0-9A-Za-z-]{8,64}")

#: SQLite's largest integer: an id or a number beyond it could never be stored.
_STORABLE = 2**63 - 1

#: Fields a user may keep from everyone else: never exported unless asked for.
PRIVATE_PARTICIPANT_FIELDS = ("gender", "email")


class ContractError(ValueError):
    """A session JSON document that does not follow the contract; the message says where."""


def _term(kind: type[Term], field: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValueError(f"{field}: expected text, got {value!r}")
        return parse_strict(kind, value, field)

    return check


def _text(value: Any) -> Any:
    """Blank text is no text: keeps ``null`` meaning "not filled in" everywhere.

    Escape sequences and control characters never get in (see :mod:`.text_safety`).
    """
    if isinstance(value, str):
        value = clean_text(value).strip()
        return value or None
    return value


def _text_list(value: Any) -> Any:
    """A list's texts cleaned as :func:`_text` cleans one, blanks dropped; other items left to fail."""
    if not isinstance(value, list):
        return value
    texts = [_text(v) for v in value if isinstance(v, str)]
    return [v for v in texts if v] + [v for v in value if not isinstance(v, str)]


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="ignore")


class Participant(_Model):
    """One person in a session, with every role they hold in it."""

    name: str | None = None
    organisation: str | None = None
    stakeholder_group: StakeholderGroup | None = None
    region: Region | None = None
    country: str | None = None
    roles: list[Role] = Field(default_factory=list)
    status: ParticipantStatus | None = None
    attendance: Attendance | None = None
    first_time: bool = False
    gender: Gender | None = None
    email: str | None = None
    #: The lead organiser, the contact person the IGF form asks for (at most one a session;
    #: the editor keeps it so).  An optional key of the JSON: absent means false.
    lead: bool = False
    #: A place kept for a speaker (or moderator...) whose name is not known yet: "a speaker
    #: from the private sector, Africa, to be confirmed".  Only an entry without a name is
    #: one; an optional key of the JSON, absent meaning false.
    to_be_confirmed: bool = False

    _name = field_validator("name", "organisation", "country", "email", mode="before")(_text)
    _group = field_validator("stakeholder_group", mode="before")(_term(StakeholderGroup, "stakeholder_group"))
    _region = field_validator("region", mode="before")(_term(Region, "region"))
    _status = field_validator("status", mode="before")(_term(ParticipantStatus, "participant status"))
    _attendance = field_validator("attendance", mode="before")(_term(Attendance, "attendance"))
    _gender = field_validator("gender", mode="before")(_term(Gender, "gender"))

    @field_validator("lead", "to_be_confirmed", mode="before")
    @classmethod
    def _flag(cls, value: Any) -> Any:
        # A missing value is null in the contract: a null lead is no lead.
        return False if value is None else value

    @field_validator("roles", mode="before")
    @classmethod
    def _roles(cls, value: Any) -> Any:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValueError(f"roles: expected a list, got {value!r}")
        roles: list[Role] = []
        for item in value:
            role = parse_strict(Role, item, "roles") if isinstance(item, str) else None
            if role is None:
                raise ValueError(f"roles: {item!r} is not a role")
            if role not in roles:
                roles.append(role)
        return roles

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def display_name(self) -> str:
        """The name, or a short label for an organisation or a place to be confirmed."""
        from igftui.model.people import entry_label

        return entry_label(self)

    def to_json(self, include_private: bool = False) -> dict[str, Any]:
        data = {
            "name": self.name,
            "organisation": self.organisation,
            "stakeholder_group": _value(self.stakeholder_group),
            "region": _value(self.region),
            "country": self.country,
            "roles": [r.value for r in self.roles],
            "status": _value(self.status),
            "attendance": _value(self.attendance),
            "first_time": self.first_time,
            # Null when not asked for; importing such a file takes a null private answer
            # as "not given", never as "erase" (see model.merge.fill_not_given).
            "gender": _value(self.gender) if include_private else None,
            "email": self.email if include_private else None,
        }
        # Only when set: files without them (and older igftui) read the same.
        if self.lead:
            data["lead"] = True
        if self.to_be_confirmed and not self.name:
            data["to_be_confirmed"] = True
        return data


class AgendaItem(_Model):
    """A timed segment of the session's agenda."""

    title: str = ""
    minutes: int = Field(default=0, ge=0, le=24 * 60)
    kind: str | None = None
    interactive: bool = False
    public: bool = True

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> Any:
        return clean_text(value or "").strip() if isinstance(value, str) or value is None else value

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        # The contract keeps the kind free text; known spellings fold to one value.
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValueError(f"agenda kind: expected text, got {value!r}")
        member = parse(AgendaKind, value)
        # Blank after trimming is no kind, as everywhere else in the model.
        return member.value if member else _text(value)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "minutes": self.minutes,
            "kind": self.kind,
            "interactive": self.interactive,
            "public": self.public,
        }


class OnlineParticipation(_Model):
    """How people who are not in the room take part, and what leaves the room."""

    platform: str | None = None
    remote_hubs: list[str] = Field(default_factory=list)
    speaking_queue: str | None = None
    captioning: bool = False
    interpretation: list[str] = Field(default_factory=list)
    broadcast: bool = True
    notes: str | None = None

    _texts = field_validator("platform", "speaking_queue", "notes", mode="before")(_text)

    @field_validator("remote_hubs", "interpretation", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [clean_text(v) if isinstance(v, str) else v for v in value]
        return [] if value is None else value

    def is_empty(self) -> bool:
        return self == OnlineParticipation()

    def to_json(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "remote_hubs": list(self.remote_hubs),
            "speaking_queue": self.speaking_queue,
            "captioning": self.captioning,
            "interpretation": list(self.interpretation),
            "broadcast": self.broadcast,
            "notes": self.notes,
        }


class Source(_Model):
    """Where a catalogued session came from."""

    kind: str | None = None
    path: str | None = None
    imported_at: str | None = None

    _texts = field_validator("kind", "path", "imported_at", mode="before")(_text)

    def to_json(self, *, full_path: bool = False) -> dict[str, Any]:
        # An export names the file a session came from, never where it lies on the
        # user's disk (a folder name can say who the user is); the catalogue keeps it all.
        path = self.path if full_path or not self.path else _file_name(self.path)
        return {"kind": self.kind, "path": path, "imported_at": self.imported_at}


class Link(_Model):
    """A link to a background document, last year's report, a project page: a web or e-mail address.

    Only ``https``, ``http`` and ``mailto`` addresses are kept (see :mod:`.links`):
    a ``javascript:`` link in an export could run code when a reader clicks it.
    """

    label: str | None = None
    url: str

    _label = field_validator("label", mode="before")(_text)

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return checked_url(clean_text(value))
        except LinkError as exc:
            raise ValueError(str(exc)) from None

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "url": self.url}


class ForumSession(_Model):
    """A session of the IGF (or a forum like it): catalogued from a page, or a user's draft."""

    #: SQLite's ids are 64-bit; a larger one in a file is refused, not an overflow.
    id: int | None = Field(default=None, ge=1, le=_STORABLE)
    status: SessionStatus = SessionStatus.DRAFT
    year: int | None = Field(default=None, ge=1990, le=2200)
    session_type: SessionType | None = None
    code: str | None = None
    number: int | None = Field(default=None, ge=0, le=_STORABLE)
    title: str | None = None
    short_title: str | None = None
    theme: str | None = None
    subtheme: str | None = None
    tags: list[str] = Field(default_factory=list)
    format: Format | None = None
    format_description: str | None = None
    layout: Layout | None = None
    duration_minutes: int | None = Field(default=None, ge=0, le=24 * 60 * 7)
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    #: The venue's IANA time zone ("Europe/Berlin") when it is not the one of the year's IGF
    #: meeting (another forum, a national IGF): times are still kept in UTC, but read and
    #: shown on this clock.  An optional key of the JSON, written only when set.
    time_zone: str | None = None
    room: str | None = None
    venue: str | None = None
    policy_questions: list[str] = Field(default_factory=list)
    relevance_to_theme: str | None = None
    relevance_to_internet_governance: str | None = None
    description: str | None = None
    expected_outcomes: str | None = None
    discussion_facilitation: str | None = None
    diversity_statement: str | None = None
    sdgs: list[int] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    online_participation: OnlineParticipation = Field(default_factory=OnlineParticipation)
    source: Source | None = None
    #: The language(s) the session is held in ("English", "Spanish"): a list, since many
    #: sessions are held in two.  An optional key of the JSON, written only when given.
    languages: list[str] = Field(default_factory=list)
    #: Background documents, last year's report: an optional key, written only when given.
    links: list[Link] = Field(default_factory=list)
    #: The organiser's own notes; private, like a speaker's gender and e-mail.
    private_notes: str | None = None
    #: A stable identity across catalogues: a draft sent to a co-organiser and back
    #: is known again by it.  Given by the catalogue when the session is first stored.
    uid: str | None = None
    #: The revision this copy was exported at: the base of a three-way merge when a
    #: co-organiser's edited copy comes back.  Only exports carry it.
    revision: int | None = Field(default=None, ge=1, le=_STORABLE)
    #: Which history ``revision`` counts in: each catalogue numbers its own revisions, so
    #: revision 5 of a copy made in a co-organiser's catalogue is not this catalogue's
    #: revision 5.  Opaque; only exports carry it (see ``store.revisions.history_mark``).
    history: str | None = None
    #: How many times the catalogue has stored this session; a save made from an older
    #: version is a conflict, never a silent overwrite.  Never read from a file.
    version: int | None = None

    _texts = field_validator(
        "code",
        "title",
        "short_title",
        "theme",
        "subtheme",
        "format_description",
        "room",
        "venue",
        "relevance_to_theme",
        "relevance_to_internet_governance",
        "description",
        "expected_outcomes",
        "discussion_facilitation",
        "diversity_statement",
        "private_notes",
        mode="before",
    )(_text)
    _type = field_validator("session_type", mode="before")(_term(SessionType, "session_type"))
    _format = field_validator("format", mode="before")(_term(Format, "format"))
    _layout = field_validator("layout", mode="before")(_term(Layout, "layout"))

    @field_validator("uid", mode="before")
    @classmethod
    def _uid(cls, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str) or not _UID.fullmatch(value):
            raise ValueError("uid: expected 8 to 64 letters, digits or dashes, as igftui writes it")
        return value.lower()

    @field_validator("history", mode="before")
    @classmethod
    def _history(cls, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str) or not _UID.fullmatch(value):
            raise ValueError("history: expected 8 to 64 letters, digits or dashes, as igftui writes it")
        return value.lower()

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> Any:
        # A session without a status is the user's own draft.
        return _term(SessionStatus, "status")(value) or SessionStatus.DRAFT

    @field_validator("tags", "policy_questions", mode="before")
    @classmethod
    def _string_list(cls, value: Any) -> Any:
        return [] if value is None else _text_list(value)

    @field_validator("sdgs", mode="before")
    @classmethod
    def _sdgs(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, list):
            for goal in value:
                if isinstance(goal, bool) or not isinstance(goal, int) or not 1 <= goal <= 17:
                    raise ValueError(f"sdgs: {goal!r} is not a goal number from 1 to 17")
            return sorted(set(value))
        return value

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, value: Any) -> Any:
        # "English, english" is one language: the first spelling stays.
        value = [] if value is None else _text_list(value)
        if not isinstance(value, list):
            return value
        seen: set[str] = set()
        kept = []
        for language in value:
            key = language.casefold() if isinstance(language, str) else language
            if key not in seen:
                seen.add(key)
                kept.append(language)
        return kept

    @field_validator("links", mode="before")
    @classmethod
    def _links(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("starts_at", "ends_at", mode="after")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        # Times are kept in UTC, as the contract says; a naive time is taken to be UTC.
        # The schedule is to the minute, so seconds are the finest that is kept: what is
        # kept is exactly what the JSON says.
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc).replace(microsecond=0)
        if not 1990 <= value.year <= 2200:
            raise ValueError(f"{value.year} is not a plausible year for a session (1990 to 2200)")
        return value

    @field_validator("time_zone", mode="before")
    @classmethod
    def _time_zone(cls, value: Any) -> Any:
        from igftui.model.local_time import canonical_zone_name

        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            raise ValueError(f"time_zone: expected text, got {value!r}")
        name = canonical_zone_name(value)
        if name is None:
            raise ValueError(
                f"time_zone: {value.strip()[:40]!r} is not a time zone: "
                "give its IANA name, e.g. Europe/Berlin or America/Sao_Paulo"
            )
        return name

    @field_validator("online_participation", mode="before")
    @classmethod
    def _online(cls, value: Any) -> Any:
        return OnlineParticipation() if value is None else value

    # ----- derived facts, used by exports, checks and the UI -----

    def display_code(self) -> str | None:
        """The session's code as given, or the one the IGF would give it."""
        return self.code or session_code(self.session_type, self.number)

    def people_with(self, role: Role) -> list[Participant]:
        return [p for p in self.participants if role in p.roles]

    @property
    def speakers(self) -> list[Participant]:
        return self.people_with(Role.SPEAKER)

    @property
    def organisers(self) -> list[Participant]:
        return self.people_with(Role.ORGANIZER)

    def agenda_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)

    def interactive_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda if item_is_interactive(item))

    def interactive_share(self) -> float | None:
        """The share of agenda time given to interaction, 0..1, or None without an agenda."""
        total = self.agenda_minutes()
        return self.interactive_minutes() / total if total else None

    # ----- the JSON contract -----

    def to_json(self, include_private: bool = False) -> dict[str, Any]:
        """The session as ``igftui.session/1`` JSON, keys in the contract's order.

        Private fields (gender, e-mail, private notes) are null, and ``private_notes``
        absent, unless ``include_private`` is set.
        """
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "status": self.status.value,
            "year": self.year,
            "session_type": _value(self.session_type),
            # A session stored with only its number still carries the code the IGF gives it.
            "code": self.display_code(),
            "number": self.number,
            "title": self.title,
            "short_title": self.short_title,
            "theme": self.theme,
            "subtheme": self.subtheme,
            "tags": list(self.tags),
            "format": _value(self.format),
            "format_description": self.format_description,
            "layout": _value(self.layout),
            "duration_minutes": self.duration_minutes,
            "starts_at": _iso(self.starts_at),
            "ends_at": _iso(self.ends_at),
            "room": self.room,
            "venue": self.venue,
            "policy_questions": list(self.policy_questions),
            "relevance_to_theme": self.relevance_to_theme,
            "relevance_to_internet_governance": self.relevance_to_internet_governance,
            "description": self.description,
            "expected_outcomes": self.expected_outcomes,
            "discussion_facilitation": self.discussion_facilitation,
            "diversity_statement": self.diversity_statement,
            "sdgs": list(self.sdgs),
            "participants": [p.to_json(include_private) for p in self.participants],
            "agenda": [a.to_json() for a in self.agenda],
            "online_participation": self.online_participation.to_json(),
            "source": self.source.to_json() if self.source else None,
        }
        # Optional keys, added after the contract's: written only when given, so the JSON
        # of every session without them stays exactly as it was.
        if self.languages:
            data["languages"] = list(self.languages)
        if self.links:
            data["links"] = [link.to_json() for link in self.links]
        if include_private:
            data["private_notes"] = self.private_notes
        if self.time_zone is not None:
            data["time_zone"] = self.time_zone
        if self.uid is not None:
            data["uid"] = self.uid
        if self.revision is not None:
            data["revision"] = self.revision
        if self.history is not None:
            data["history"] = self.history
        return data

    def to_document(self) -> dict[str, Any]:
        """The session as the catalogue stores it: everything, private fields and the whole
        source path included; identity and version live in the catalogue's own columns."""
        data = self.to_json(include_private=True)
        # Always there in the catalogue's copy, even empty: a copy that emptied them says
        # so, and a merge does not take "not given" for "keep the other's".
        data.setdefault("languages", [])
        data.setdefault("links", [])
        data.pop("uid", None)
        data.pop("revision", None)
        data.pop("history", None)
        if self.source is not None:
            data["source"] = self.source.to_json(full_path=True)
        return data

    @classmethod
    def from_json(cls, data: Any) -> ForumSession:
        """Read one session of the contract; raise :class:`ContractError` saying what is wrong."""
        if not isinstance(data, dict):
            raise ContractError("a session must be a JSON object")
        schema = data.get("schema")
        if schema is not None and schema != SCHEMA:
            raise ContractError(f"unknown schema {schema!r} (this igftui reads {SCHEMA})")
        try:
            # The version counts saves in one catalogue; a file's copy means nothing here.
            return cls.model_validate({k: v for k, v in data.items() if k not in ("schema", "version")})
        except ValidationError as exc:
            raise ContractError(_first_error(exc)) from None


def item_is_interactive(item: AgendaItem) -> bool:
    """An agenda item counts as interaction only when the organiser marked it so.

    The kind suggests a default when an item is created (see ``INTERACTIVE_KINDS``),
    but the flag the user set is what the form and the checks report.
    """
    return item.interactive


def _value(term: Term | None) -> str | None:
    return term.value if term is not None else None


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def describe_validation_error(exc: ValidationError) -> str:
    """One line a user can act on for a value the model refuses (``"year: 1800 is too small…"``)."""
    return _first_error(exc)


def _first_error(exc: ValidationError) -> str:
    """One line a user can act on, from pydantic's list of errors."""
    error = exc.errors()[0]
    # A JSON path as editors show it: participants[0].first_time
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.get("loc", ())).lstrip(".")
    message = _plain(error) or str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    field = where.rsplit(".", 1)[-1]
    # Our own validators already name the field; do not say it twice.
    if field and message.startswith(field + ":"):
        message = message[len(field) + 1 :].strip()
    return f"{where}: {message}" if where else message


#: pydantic's error types, said the way a person editing a JSON file would want to read them.
_PLAIN_ERRORS = {
    "less_than_equal": "{input} is too large (at most {le})",
    "greater_than_equal": "{input} is too small (at least {ge})",
    "int_parsing": "{input} is not a whole number",
    "int_type": "{input} is not a whole number",
    "int_from_float": "{input} is not a whole number",
    "bool_parsing": "{input} is not true or false",
    "bool_type": "{input} is not true or false",
    "list_type": "{input} should be a list ([...])",
    "string_type": "{input} should be text",
    "dict_type": "{input} should be an object ({{...}})",
    "model_type": "{input} should be an object ({{...}})",
    "datetime_parsing": "{input} is not a date and time (ISO 8601, e.g. 2025-06-23T09:00:00Z)",
    "datetime_from_date_parsing": "{input} is not a date and time (ISO 8601, e.g. 2025-06-23T09:00:00Z)",
    "datetime_type": "{input} is not a date and time (ISO 8601, e.g. 2025-06-23T09:00:00Z)",
}


def _plain(error: Any) -> str | None:
    template = _PLAIN_ERRORS.get(error.get("type", ""))
    if template is None:
        return None
    shown = json.dumps(error.get("input"), ensure_ascii=False, default=str)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    try:
        return template.format(input=shown, **(error.get("ctx") or {}))
    except (KeyError, IndexError, ValueError):
        return None
