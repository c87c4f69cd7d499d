"""Online participation: moderators, what leaves the room, captions (``IGF-O…``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from igftui.checks.core import Context, Finding, Param, Severity, rule
from igftui.checks.facts import (
    REGIONS,
    SESSION_TYPES,
    active,
    grouped,
    is_hybrid,
    is_online,
    join,
    names,
    of_type,
    persons,
    plural,
    speakers,
    with_role,
)
from igftui.checks.rules.sources import FORMATS_2016, IGF_2023, IGFTUI
from igftui.model.session import ForumSession, Participant
from igftui.model.vocabulary import Attendance, Role
from igftui.model.wording import is_are

_TYPES_DOC = "session types the rule applies to; empty means every type"


def _why_hybrid(session: ForumSession) -> str:
    online = [p for p in active(session.participants) if is_online(p)]
    reasons = []
    if online:
        reasons.append(f"{names(online)} {'joins' if len(online) == 1 else 'join'} online")
    plan = session.online_participation
    if plan.platform:
        reasons.append(f"the platform is {plan.platform}")
    if plan.remote_hubs:
        reasons.append(f"{plural(len(plan.remote_hubs), 'remote hub')} take part")
    return join(reasons)


@rule("IGF-O001", title="A hybrid session has an online moderator", severity=Severity.WARNING, source=FORMATS_2016)
def hybrid_needs_online_moderator(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Someone takes part online, so someone must moderate online.

    A session is hybrid when a participant attends online, or an online platform
    or remote hub is set.  The online moderator follows the chat and the speaking
    queue and brings remote voices into the room.  From igf-2023 on, IGF-O002
    (an online moderator for every workshop) takes its place.
    """
    if not is_hybrid(session) or with_role(session, Role.ONLINE_MODERATOR):
        return
    yield ctx.finding(
        f"The session is hybrid ({_why_hybrid(session)}) but nobody is the online moderator.",
        "Give someone the online moderator role; it should not be the onsite moderator, who "
        "has the room to look after.",
    )


@rule(
    "IGF-O002",
    title="An online moderator is named",
    severity=Severity.ERROR,
    source=IGF_2023,
    params={"session_types": Param(["workshop"], _TYPES_DOC, SESSION_TYPES)},
)
def online_moderator(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Since 2023 every IGF session is hybrid, and a workshop names an online moderator."""
    if not of_type(session, ctx.params["session_types"]) or with_role(session, Role.ONLINE_MODERATOR):
        return
    yield ctx.finding(
        "No online moderator is named; every workshop needs one.",
        "Give someone the online moderator role (they may join online).",
    )


@rule(
    "IGF-O003",
    title="An onsite moderator and at least two onsite speakers",
    severity=Severity.ERROR,
    source=IGF_2023,
    params={
        "min_onsite_speakers": Param(2, "speakers who will be in the room", minimum=0),
        "session_types": Param(["workshop"], _TYPES_DOC, SESSION_TYPES),
    },
)
def onsite_people(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """The 2023 minimum: a moderator and ``min_onsite_speakers`` speakers present onsite.

    Only people whose attendance is "onsite" count (a speaker's place still to
    be confirmed is nobody yet).  People whose attendance is not set are named,
    so the organiser can set it: they may well be onsite.
    """
    if not of_type(session, ctx.params["session_types"]):
        return
    wanted = ctx.params["min_onsite_speakers"]
    # A place still to be confirmed is nobody in the room yet.
    people = persons(speakers(session))
    onsite = [p for p in people if p.attendance is Attendance.ONSITE]
    if len(onsite) < wanted:
        unset = [p for p in people if p.attendance is None]
        if onsite:
            message = (
                f"Only {plural(len(onsite), 'speaker')} ({names(onsite)}) "
                f"{is_are(len(onsite))} marked onsite; at least {wanted} are needed."
            )
        else:
            message = f"No speaker is marked onsite; at least {wanted} are needed."
        if unset:
            message += f" Attendance is not set for {names(unset)}."
        yield ctx.finding(
            message, "Set each speaker's attendance; invite speakers who can travel to the venue if too few can."
        )
    moderators = with_role(session, Role.MODERATOR)
    if not any(p.attendance is Attendance.ONSITE for p in moderators):
        if not moderators:
            message = "No moderator is named; the moderator must be onsite."
        else:
            message = (
                f"No moderator is marked onsite ({join([_attendance(p) for p in moderators])}); "
                "the moderator must be in the room."
            )
        yield ctx.finding(message, "Name a moderator who will be at the venue and set their attendance to onsite.")


def _attendance(person: Participant) -> str:
    if person.attendance is None:
        return f"{person.display_name()}: attendance not set"
    return f"{person.display_name()}: {person.attendance.label.lower()}"


# Words that say a part is kept off the stream, near words for the stream itself.
_KEPT_OFF = re.compile(
    r"\b(?:not|no|never|without|paus\w*|stop\w*|off|cut|mute\w*|closed|private|"
    r"confidential|chatham)\b|n['’]t\b",
    re.IGNORECASE,
)
_STREAM = re.compile(r"\b(stream\w*|broadcast\w*|record\w*|webcast\w*|live|online|public|transcri\w*)\b", re.IGNORECASE)


def notes_keep_private_parts_off(notes: str | None) -> bool:
    """Whether the online notes say something is kept off the broadcast.

    Read loosely, sentence by sentence: a sentence that mentions the stream (or
    recording, broadcast...) and a negation or "private" / "paused" / "off" counts.
    """
    if not notes:
        return False
    for sentence in re.split(r"(?<=[.;!?])\s+|\n", notes):
        if _KEPT_OFF.search(sentence) and _STREAM.search(sentence):
            return True
    return False


@rule("IGF-O004", title="Private segments are not broadcast", severity=Severity.WARNING, source=IGFTUI)
def private_segments(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """An agenda segment marked private must not go out on the stream.

    Fires when the session is broadcast, some agenda item is not public, and the
    online-participation notes do not say that a part is kept off the stream
    (igftui looks for a sentence that mentions the stream or recording together with
    "not", "paused", "off", "private" and the like).  People at risk speak in
    such segments: say plainly that they are not streamed, recorded or transcribed.
    """
    plan = session.online_participation
    private = [item for item in session.agenda if not item.public]
    if not private or not plan.broadcast or notes_keep_private_parts_off(plan.notes):
        return
    listed = join([f"“{item.title or 'untitled'}” ({item.minutes} min)" for item in private])
    yield ctx.finding(
        f"The session is broadcast, but {listed} {is_are(len(private))} marked "
        "private and the online plan does not say the stream stops for "
        f"{'it' if len(private) == 1 else 'them'}.",
        "Say in the online participation notes that the private part is not streamed, recorded "
        "or transcribed, or turn the broadcast off.",
        field="online_participation",
    )


@rule(
    "IGF-O005",
    title="Captioning and interpretation for a spread-out audience",
    severity=Severity.INFO,
    source=IGFTUI,
    params={"min_regions": Param(3, "regional groups among participants that make captions worth it", minimum=1)},
)
def captions(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Suggests captioning (and interpretation) when the audience is spread out.

    When interpretation is planned but captioning is not, or when participants
    come from ``min_regions`` or more UN regional groups and neither captioning
    nor interpretation is planned.  A suggestion, never a requirement.
    """
    plan = session.online_participation
    regions = grouped([p for p in active(session.participants) if p.region in REGIONS], "region")
    spread = len(regions) >= ctx.params["min_regions"]
    where = ", ".join(term.label for term in regions)
    if plan.captioning:
        return
    if plan.interpretation:
        yield ctx.finding(
            f"Interpretation is planned ({', '.join(plan.interpretation)}) but captioning is not.",
            "Ask for live captions too: they help people following in a second language and "
            "participants who are deaf or hard of hearing.",
            field="online_participation",
        )
    elif spread:
        yield ctx.finding(
            f"Participants come from {plural(len(regions), 'regional group')} ({where}); neither "
            "captioning nor interpretation is planned.",
            "Consider live captions (and interpretation into a language many participants share).",
            field="online_participation",
        )
