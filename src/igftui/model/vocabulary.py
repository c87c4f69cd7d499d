"""The IGF's words, in one place.

Every enumeration of the session JSON contract lives here with the label the IGF
writes ("Western European and Others Group (WEOG)", "Civil Society") and the
spelling variants seen on real pages.  The importer, the command line, the
exports and the UI all turn text into values through :func:`parse`, so a new
variant is taught to igftui once, here.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import Self, TypeVar

# The fold has its home with the other shared words; parse() and the modules that
# import it from here use that one.
from igftui.model.wording import normalise


class Term(str, Enum):
    """A value of the contract with its IGF label and the aliases that map to it.

    Members are declared as ``name = ("value", "Label", ("alias", ...))``.
    """

    label: str
    aliases: tuple[str, ...]

    def __new__(cls, value: str, label: str, aliases: tuple[str, ...] = ()) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.aliases = aliases
        return member

    def __str__(self) -> str:  # so f-strings and str() give the contract value
        return self.value


class SessionType(Term):
    WORKSHOP = ("workshop", "Workshop", ("ws", "workshops"))
    OPEN_FORUM = ("open_forum", "Open Forum", ("of", "open forums"))
    DYNAMIC_COALITION = (
        "dynamic_coalition",
        "Dynamic Coalition",
        ("dc", "dynamic coalitions", "dynamic coalition session", "dc session"),
    )
    NRI_SESSION = (
        "nri_session",
        "NRIs Collaborative Session",
        ("nri", "nris", "nri session", "nris collaborative session", "nri collaborative session"),
    )
    MAIN_SESSION = ("main_session", "Main Session", ("ms", "main sessions", "main"))
    BEST_PRACTICE_FORUM = ("best_practice_forum", "Best Practice Forum", ("bpf",))
    DAY_0_EVENT = ("day_0_event", "Day 0 Event", ("day 0", "day zero event", "day 0 events"))
    LIGHTNING_TALK = (
        "lightning_talk",
        "Lightning Talk",
        ("lt", "lightning session", "lightning talks"),
    )
    NETWORKING_SESSION = ("networking_session", "Networking Session", ("ns", "networking"))
    LAUNCH_AWARD = (
        "launch_award",
        "Launch / Award Event",
        ("launch award event", "launch award", "launch", "award event"),
    )
    TOWN_HALL = ("town_hall", "Town Hall", ("th", "town hall meeting"))
    PRE_EVENT = ("pre_event", "Pre-Event", ("pre event", "preevent"))
    OTHER = ("other", "Other", ())


class Format(Term):
    ROUND_TABLE = ("round_table", "Round Table", ("roundtable", "round-table", "roundtable discussion"))
    PANEL = ("panel", "Panel", ("panel discussion",))
    BREAK_OUT_GROUPS = (
        "break_out_groups",
        "Break-out Group Discussions",
        (
            "breakout groups",
            "break out groups",
            "break-out groups",
            "breakout group discussions",
            "break out group discussions",
            "break-out group discussion",
            "breakout",
        ),
    )
    DEBATE = ("debate", "Debate", ())
    BIRDS_OF_A_FEATHER = ("birds_of_a_feather", "Birds of a Feather", ("bof",))
    FLASH_SESSION = ("flash_session", "Flash Session", ("flash",))
    LIGHTNING_TALK = ("lightning_talk", "Lightning Talk", ("lightning session",))
    TUTORIAL = ("tutorial", "Tutorial", ())
    OTHER = ("other", "Other", ())


class Layout(Term):
    AUDITORIUM = ("auditorium", "Auditorium", ("theatre", "theater"))
    U_SHAPE = ("u_shape", "U-shape", ("u shape", "ushape", "u-shaped"))
    CIRCLE = ("circle", "Circle", ())
    CLASSROOM = ("classroom", "Classroom", ())
    BOARDROOM = ("boardroom", "Boardroom", ("board room",))
    OTHER = ("other", "Other", ())


class StakeholderGroup(Term):
    CIVIL_SOCIETY = (
        "civil_society",
        "Civil Society",
        ("cso", "civil society organization", "civil society organisation", "ngo", "civil-society"),
    )
    GOVERNMENT = ("government", "Government", ("governments", "public sector"))
    INTERGOVERNMENTAL_ORGANIZATION = (
        "intergovernmental_organization",
        "Intergovernmental Organization",
        (
            "inter-governmental organization",
            "intergovernmental organisation",
            "inter-governmental organisation",
            "igo",
            "intergovernmental",
        ),
    )
    PRIVATE_SECTOR = ("private_sector", "Private Sector", ("business", "industry"))
    TECHNICAL_COMMUNITY = (
        "technical_community",
        "Technical Community",
        ("technical", "technical and academic community"),
    )
    ACADEMIA = ("academia", "Academia", ("academic", "academic community", "research"))


class Region(Term):
    AFRICAN = ("african", "African Group", ("africa", "african group", "african states", "african region"))
    ASIA_PACIFIC = (
        "asia_pacific",
        "Asia-Pacific Group",
        (
            "apac",
            "asia pacific",
            "asia-pacific",
            "asia pacific group",
            "asia-pacific (apac)",
            "asia pacific (apac)",
            "asia-pacific states",
            "asia pacific states",
        ),
    )
    EASTERN_EUROPEAN = (
        "eastern_european",
        "Eastern European Group",
        ("eastern european states", "eastern europe", "eastern european", "eeg"),
    )
    GRULAC = (
        "grulac",
        "Latin American and Caribbean Group (GRULAC)",
        (
            "lac",
            "latin american and caribbean group",
            "latin america and caribbean",
            "latin america",
            "latin american and caribbean states",
            "latin america and the caribbean",
            "latin american and caribbean",
            "latin american and the caribbean group",
        ),
    )
    WEOG = (
        "weog",
        "Western European and Others Group (WEOG)",
        # "NA" and "EU" are how free-text pages abbreviate North America and Europe;
        # both sit in WEOG in the UN's grouping.
        (
            "western european and others group",
            "western europe and others",
            "na",
            "eu",
            "north america",
            "europe",
            "western europe",
            "western european and others",
            "western european and other states",
            "western european and others states",
        ),
    )
    INTERGOVERNMENTAL_ORGANIZATION = (
        "intergovernmental_organization",
        "Intergovernmental Organization",
        ("inter-governmental organization", "intergovernmental organisation", "igo"),
    )


class Role(Term):
    ORGANIZER = (
        "organizer",
        "Organizer",
        (
            "organiser",
            "organizers",
            "proposer",
            "co-proposer",
            "co-organizer",
            "coordinator",
            "co-organizers",
            "organizing organization",
        ),
    )
    SPEAKER = ("speaker", "Speaker", ("speakers", "panelist", "panellist", "presenter"))
    MODERATOR = ("moderator", "Moderator", ("onsite moderator", "on-site moderator", "chair"))
    ONLINE_MODERATOR = (
        "online_moderator",
        "Online Moderator",
        ("remote moderator", "online moderators"),
    )
    RAPPORTEUR = ("rapporteur", "Rapporteur", ("reporter", "note taker"))


class SessionStatus(Term):
    CATALOGUED = ("catalogued", "Catalogued", ("cataloged", "past"))
    DRAFT = ("draft", "Draft", ())
    SUBMITTED = ("submitted", "Submitted", ())
    ACCEPTED = ("accepted", "Accepted", ("approved",))
    REJECTED = ("rejected", "Rejected", ("declined", "not accepted"))
    WITHDRAWN = ("withdrawn", "Withdrawn", ())


class ParticipantStatus(Term):
    INVITED = ("invited", "Invited", ())
    PROVISIONAL = ("provisional", "Provisionally confirmed", ("provisionally confirmed", "tentative"))
    CONFIRMED = ("confirmed", "Confirmed", ())
    DECLINED = ("declined", "Declined", ())


class Attendance(Term):
    ONSITE = ("onsite", "Onsite", ("on-site", "in person", "in-person"))
    ONLINE = ("online", "Online", ("remote", "virtual"))


class Gender(Term):
    WOMAN = ("woman", "Woman", ("female", "f", "w"))
    MAN = ("man", "Man", ("male", "m"))
    NON_BINARY = ("non_binary", "Non-binary", ("nonbinary", "non-binary", "nb"))
    SELF_DESCRIBED = ("self_described", "Self-described", ("self described", "other"))
    UNDISCLOSED = ("undisclosed", "Prefer not to say", ("prefer not to say", "not disclosed"))


class AgendaKind(Term):
    """Kinds of agenda segment.  Not fixed by the contract, which keeps it a string."""

    OPENING = ("opening", "Opening", ("introduction", "welcome"))
    PRESENTATION = ("presentation", "Presentation", ("case presentation", "talk", "remarks"))
    DISCUSSION = ("discussion", "Discussion", ("open discussion", "debate"))
    BREAKOUT = ("breakout", "Break-out groups", ("break-out", "break out", "rotation"))
    QUESTIONS = ("questions", "Questions and answers", ("q&a", "qa", "q and a"))
    CLOSING = ("closing", "Closing", ("wrap-up", "wrap up", "conclusion", "summary"))
    OTHER = ("other", "Other", ())


#: Segment kinds that count as interaction when an agenda item does not say.
INTERACTIVE_KINDS = frozenset({AgendaKind.DISCUSSION, AgendaKind.BREAKOUT, AgendaKind.QUESTIONS})

#: Short prefixes of session codes as the IGF numbers them ("WS #153", "OF #56").
CODE_PREFIXES: dict[SessionType, str] = {
    SessionType.WORKSHOP: "WS",
    SessionType.OPEN_FORUM: "OF",
    SessionType.DYNAMIC_COALITION: "DC",
    SessionType.NRI_SESSION: "NRI",
    SessionType.MAIN_SESSION: "Main Session",
    SessionType.BEST_PRACTICE_FORUM: "BPF",
    SessionType.DAY_0_EVENT: "Day 0 Event",
    SessionType.LIGHTNING_TALK: "Lightning Talk",
    SessionType.NETWORKING_SESSION: "Networking Session",
    SessionType.LAUNCH_AWARD: "Launch / Award Event",
    SessionType.TOWN_HALL: "Town Hall",
    SessionType.PRE_EVENT: "Pre-Event",
}

#: The seventeen Sustainable Development Goals, as the IGF pages name them.
SDG_NAMES: dict[int, str] = {
    1: "No Poverty",
    2: "Zero Hunger",
    3: "Good Health and Well-Being",
    4: "Quality Education",
    5: "Gender Equality",
    6: "Clean Water and Sanitation",
    7: "Affordable and Clean Energy",
    8: "Decent Work and Economic Growth",
    9: "Industry, Innovation and Infrastructure",
    10: "Reduced Inequalities",
    11: "Sustainable Cities and Communities",
    12: "Responsible Production and Consumption",
    13: "Climate Action",
    14: "Life Below Water",
    15: "Life on Land",
    16: "Peace, Justice and Strong Institutions",
    17: "Partnerships for the Goals",
}

T = TypeVar("T", bound=Term)

_INDEX: dict[type, dict[str, Term]] = {}


def _index(kind: type[T]) -> dict[str, T]:
    table = _INDEX.get(kind)
    if table is None:
        table = {}
        for member in kind:
            for spelling in (member.value, member.label, member.name, *member.aliases):
                table.setdefault(normalise(spelling), member)
        _INDEX[kind] = table
    return table  # type: ignore[return-value]


def parse(kind: type[T], text: str | None) -> T | None:
    """Map a value, a label or a known spelling variant to a member of ``kind``.

    Returns ``None`` for empty or unknown text: the caller decides whether that
    is an error (the JSON importer) or a field left unfilled (the page importer).
    """
    if text is None:
        return None
    if isinstance(text, kind):
        return text
    if type(text) is str:
        return _parse_text(kind, text)  # type: ignore[return-value]
    key = normalise(str(text))
    if not key:
        return None
    return _index(kind).get(key)


@lru_cache(maxsize=4096)
def _parse_text(kind: type[Term], text: str) -> Term | None:
    # The same few spellings come again and again (every participant of an import has a
    # stakeholder group, a region and roles): each is normalised and looked up once.
    # Bounded, as unknown spellings in a bad file could be many.
    key = normalise(text)
    if not key:
        return None
    return _index(kind).get(key)


def parse_strict(kind: type[T], text: str, field: str) -> T:
    """Like :func:`parse`, but raise ``ValueError`` naming the field and the allowed values."""
    member = parse(kind, text)
    if member is None:
        allowed = ", ".join(m.value for m in kind)
        raise ValueError(f"{field}: {text!r} is not one of {allowed}")
    return member


def label(member: Term | None, empty: str = "") -> str:
    """The IGF's label for a value, or ``empty`` when there is none."""
    return member.label if member is not None else empty


def session_code(session_type: SessionType | None, number: int | None) -> str | None:
    """The code the IGF gives a numbered session: ``WS #153``, ``OF #56``."""
    if session_type is None or number is None:
        return None
    prefix = CODE_PREFIXES.get(session_type, session_type.label)
    return f"{prefix} #{number}"
