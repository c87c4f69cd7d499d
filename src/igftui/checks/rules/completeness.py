"""Is the proposal complete, as the IGF form for its session type asks? (``IGF-C…``)"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from igftui.checks.core import Context, Finding, Param, Severity, rule
from igftui.checks.facts import (
    SESSION_TYPES,
    join,
    names,
    of_type,
    persons,
    plural,
    speakers,
    text_words,
    with_role,
)
from igftui.checks.rules.sources import FORM_LIMITS, FORMS, IGF_2017
from igftui.model.session import ForumSession
from igftui.model.vocabulary import ParticipantStatus, Role, SessionType
from igftui.model.wording import is_are


@dataclass(frozen=True)
class Field:
    """Something a form asks for: how to name it, where it lives, and when it counts as filled."""

    label: str
    session_field: str
    filled: Callable[[ForumSession], bool]


def _text(name: str) -> Callable[[ForumSession], bool]:
    return lambda s: bool(getattr(s, name))


def _people(*roles: Role) -> Callable[[ForumSession], bool]:
    return lambda s: bool(with_role(s, *roles))


FIELDS: dict[str, Field] = {
    "session_type": Field("session type", "session_type", lambda s: s.session_type is not None),
    "title": Field("title", "title", _text("title")),
    "format": Field("format", "format", lambda s: s.format is not None),
    "duration_minutes": Field("duration", "duration_minutes", lambda s: bool(s.duration_minutes)),
    "theme": Field("theme", "theme", _text("theme")),
    "policy_questions": Field("policy questions", "policy_questions", _text("policy_questions")),
    "relevance_to_theme": Field("relevance to the theme", "relevance_to_theme", _text("relevance_to_theme")),
    "relevance_to_internet_governance": Field(
        "relevance to Internet governance",
        "relevance_to_internet_governance",
        _text("relevance_to_internet_governance"),
    ),
    "description": Field("description", "description", _text("description")),
    "expected_outcomes": Field("expected outcomes", "expected_outcomes", _text("expected_outcomes")),
    "discussion_facilitation": Field(
        "discussion facilitation (how people will take part)",
        "discussion_facilitation",
        _text("discussion_facilitation"),
    ),
    "diversity_statement": Field("diversity statement", "diversity_statement", _text("diversity_statement")),
    "sdgs": Field("Sustainable Development Goals", "sdgs", _text("sdgs")),
    "agenda": Field("agenda", "agenda", lambda s: bool(s.agenda)),
    "online_participation": Field(
        "online participation plan", "online_participation", lambda s: not s.online_participation.is_empty()
    ),
    "organisers": Field("organisers", "participants", _people(Role.ORGANIZER)),
    "speakers": Field("speakers", "participants", _people(Role.SPEAKER)),
    "moderator": Field("moderator", "participants", _people(Role.MODERATOR)),
    "online_moderator": Field("online moderator", "participants", _people(Role.ONLINE_MODERATOR)),
    "rapporteur": Field("rapporteur", "participants", _people(Role.RAPPORTEUR)),
}

#: Asked of every session, whatever its type.
COMMON = ("session_type", "title", "description")

#: What each type's form asks for besides COMMON.  This is igftui's reading of the IGF
#: forms over the years (fields differ a little from year to year); README.md explains it.
BY_TYPE: dict[SessionType, tuple[str, ...]] = {
    SessionType.WORKSHOP: (
        "format",
        "duration_minutes",
        "policy_questions",
        "expected_outcomes",
        "organisers",
        "speakers",
        "moderator",
        "discussion_facilitation",
        "diversity_statement",
        "online_participation",
    ),
    SessionType.OPEN_FORUM: ("duration_minutes", "organisers", "speakers"),
    SessionType.DYNAMIC_COALITION: ("organisers", "speakers"),
    SessionType.NRI_SESSION: (
        "format",
        "policy_questions",
        "expected_outcomes",
        "organisers",
        "discussion_facilitation",
        "online_participation",
    ),
    SessionType.MAIN_SESSION: ("policy_questions", "moderator", "speakers"),
    SessionType.BEST_PRACTICE_FORUM: ("organisers",),
    SessionType.DAY_0_EVENT: ("organisers",),
    SessionType.LIGHTNING_TALK: ("speakers",),
    SessionType.NETWORKING_SESSION: ("organisers",),
    SessionType.LAUNCH_AWARD: ("organisers",),
    SessionType.TOWN_HALL: ("organisers",),
    SessionType.PRE_EVENT: ("organisers",),
    SessionType.OTHER: (),
}

_FIELD_NAMES = tuple(FIELDS)


def required_fields(
    session_type: SessionType | None, require: Iterable[str] = (), ignore: Collection[str] = ()
) -> list[str]:
    """The fields a session of this type must fill, in form order, after the rule set's changes."""
    wanted = list(COMMON) + list(BY_TYPE.get(session_type or SessionType.WORKSHOP, ()))
    wanted += [name for name in require if name not in wanted]
    return [name for name in wanted if name not in ignore]


@rule(
    "IGF-C001",
    title="Every field the form asks for is filled",
    severity=Severity.ERROR,
    source=FORMS,
    params={
        "require": Param([], "fields to require of every session type as well", _FIELD_NAMES),
        "ignore": Param([], "fields not to require", _FIELD_NAMES),
    },
)
def required(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """One finding per empty field that the form for the session's type asks for.

    The IGF's screening removes proposals with empty fields.  Which fields each
    type's form has is igftui's reading (the forms change from year to year): see
    the table in README.md.  A session without a type is checked as a workshop,
    and gets a finding asking for the type.  People count by role: "speakers"
    means at least one participant with the speaker role who has not declined.
    """
    kind = session.session_type
    if kind is None or kind is SessionType.WORKSHOP:
        what = "The workshop form"
    elif kind is SessionType.OTHER:
        what = "The form"
    else:
        what = f"The {kind.label} form"
    for name in required_fields(kind, ctx.params.get("require", ()), ctx.params.get("ignore", ())):
        spec = FIELDS[name]
        if spec.filled(session):
            continue
        if name == "session_type":
            yield ctx.finding(
                "The session type is not set; igftui checks it as a workshop proposal.",
                "Choose the type (workshop, open forum, Dynamic Coalition, NRI session, ...): each has its own form.",
                field="session_type",
            )
        elif spec.session_field == "participants":
            yield ctx.finding(
                f"{what} asks for the {spec.label}; none is listed.",
                f"Add a participant with the {spec.label.rstrip('s')} role.",
                field="participants",
            )
        else:
            yield ctx.finding(
                f"{what} asks for the {spec.label}; it is empty.",
                f"Fill in the {spec.label}.",
                field=spec.session_field,
            )


_AGREED = (ParticipantStatus.PROVISIONAL, ParticipantStatus.CONFIRMED)


@rule(
    "IGF-C002",
    title="At least three provisionally confirmed speakers",
    severity=Severity.ERROR,
    source=IGF_2017,
    params={
        "min_speakers": Param(3, "speakers who have agreed (provisional or confirmed)", minimum=0),
        "session_types": Param(
            ["workshop"], "session types the rule applies to; empty means every type", SESSION_TYPES
        ),
    },
)
def provisionally_confirmed(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """A workshop needs ``min_speakers`` speakers who have agreed to take part.

    A speaker counts when their status is "provisional" (provisionally confirmed)
    or "confirmed"; invited speakers and speakers without a status do not, and
    declined speakers are left out altogether.  A speaker's place still to be
    confirmed (no name yet) does not count either: the message names it apart.
    """
    if not of_type(session, ctx.params.get("session_types", ())):
        return
    wanted = ctx.params["min_speakers"]
    everyone = speakers(session)
    people = persons(everyone)
    places = [p for p in everyone if p not in people]
    agreed = [p for p in people if p.status in _AGREED]
    if len(agreed) >= wanted:
        return
    if not everyone:
        yield ctx.finding(
            f"No speakers are listed; at least {wanted} provisionally confirmed speakers are needed.",
            "Add the speakers who have agreed to take part, with status provisional or confirmed.",
        )
        return
    invited = [p for p in people if p.status is ParticipantStatus.INVITED]
    unset = [p for p in people if p.status is None]
    if agreed:
        message = (
            f"Only {plural(len(agreed), 'speaker')} {is_are(len(agreed))} "
            f"provisionally confirmed ({names(agreed)}); at least {wanted} are needed."
        )
    else:
        message = f"No speaker is provisionally confirmed yet; at least {wanted} are needed."
    waiting = []
    if invited:
        waiting.append(f"{names(invited)} {is_are(len(invited))} only invited")
    if unset:
        waiting.append(f"{names(unset)} {'has' if len(unset) == 1 else 'have'} no status yet")
    if places:
        waiting.append(f"{names(places)} {is_are(len(places))} not named yet")
    if waiting:
        message += " " + join(waiting)[0].upper() + join(waiting)[1:] + "."
    yield ctx.finding(
        message,
        "Set a speaker's status to provisional once they have said they intend to take "
        "part, or add speakers who have agreed.",
    )


@rule(
    "IGF-C003",
    title="The title fits the form",
    severity=Severity.WARNING,
    source=FORM_LIMITS,
    params={
        "max_chars": Param(60, "longest title, in characters", minimum=1),
        "session_types": Param(
            ["workshop"], "session types the rule applies to; empty means every type", SESSION_TYPES
        ),
    },
)
def title_length(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """The title is at most ``max_chars`` characters (60 by default).

    60 is the limit of the IGF workshop form as published for 2015; later forms
    are not known for sure to keep it, so this is a warning, and a rule set can
    change the number.
    """
    limit = ctx.params["max_chars"]
    if not session.title or not of_type(session, ctx.params.get("session_types", ())):
        return
    length = len(session.title)
    if length > limit:
        yield ctx.finding(
            f"The title is {length} characters long; the form allows {limit}.",
            f"Shorten the title by {length - limit} characters; the short title field can "
            "keep a shorter form for the schedule.",
            field="title",
        )


@rule(
    "IGF-C004",
    title="The description keeps to the word limit",
    severity=Severity.WARNING,
    source=IGF_2017,
    params={
        "max_words": Param(250, "longest description, in words", minimum=1),
        "session_types": Param(
            ["workshop"], "session types the rule applies to; empty means every type", SESSION_TYPES
        ),
    },
)
def description_words(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """The description is at most ``max_words`` words (250 by default).

    250 words is the limit the IGF set for workshop descriptions in 2015 and 2017;
    whether later forms keep it is not known for sure, so this is a warning.
    Words are counted as runs of text between spaces.
    """
    limit = ctx.params["max_words"]
    if not of_type(session, ctx.params.get("session_types", ())):
        return
    count = text_words(session.description)
    if count > limit:
        yield ctx.finding(
            f"The description has {count} words; the form allows {limit}.",
            f"Cut {count - limit} words: keep the policy issue and what participants "
            "will do; move detail to the agenda or the expected outcomes.",
            field="description",
        )
