"""People across the catalogue (``IGF-P…``): these rules need the catalogue and are
skipped when a check runs without one.

Names are matched as the catalogue matches them (case, accents and stray spaces
folded), so two different people with the same name look like one: the messages
name the sessions, so the organiser can tell.
"""

from __future__ import annotations

from collections.abc import Iterator

from igftui.checks.core import Context, Finding, Param, Severity, rule
from igftui.checks.facts import SESSION_TYPES, active, join, speakers, summary_label, unique
from igftui.checks.rules.sources import IGF_2018, IGFTUI
from igftui.model.session import ForumSession
from igftui.model.vocabulary import Role

#: Sessions that will not take place do not make anyone busy.
_NOT_HAPPENING = ("rejected", "withdrawn")
#: Sessions that show a person has been to an IGF before.
_TOOK_PLACE = ("catalogued", "accepted")


@rule(
    "IGF-P001",
    title="No speaker in more than three sessions of the same year",
    severity=Severity.WARNING,
    source=IGF_2018,
    needs_catalogue=True,
    params={
        "max_sessions": Param(3, "most sessions one person speaks in, in one year", minimum=1),
        "session_types": Param([], "which sessions count (by type); empty means every type", SESSION_TYPES),
    },
)
def busy_speakers(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """A speaker may be in at most ``max_sessions`` sessions of one IGF year, this one included.

    From 2018 the IGF limited how many sessions one person may speak in.  igftui
    counts every session of the same year in the catalogue where the person has
    the speaker role, except rejected and withdrawn ones; ``session_types`` can
    narrow the count (for example to workshops only, as the IGF's own count was).
    Silent when the session has no year.  This is a warning, not an error: the
    other sessions may not all be accepted.
    """
    if session.year is None or ctx.catalogue is None:
        return
    limit = ctx.params["max_sessions"]
    types = ctx.params.get("session_types") or ()
    named = [person.name for person in speakers(session) if person.name]
    # One look-up for every speaker: this runs on every keystroke in the editor.
    sessions_of = ctx.catalogue.sessions_of_people(named, year=session.year, role=Role.SPEAKER)
    for name in named:
        others = [
            other
            for other in sessions_of.get(name, [])
            if other.id != session.id
            and other.status not in _NOT_HAPPENING
            and (not types or other.session_type in types)
        ]
        if len(others) + 1 <= limit:
            continue
        listed = join([summary_label(o.code, o.id, o.title) for o in others])
        yield ctx.finding(
            f"{name} speaks in {len(others) + 1} sessions of IGF {session.year}: this one and "
            f"{listed}; the limit is {limit}.",
            f"Ask {name} which sessions to keep, or invite someone else for this one.",
        )


@rule(
    "IGF-P002",
    title="First-time participants are new to the IGF",
    severity=Severity.INFO,
    source=IGFTUI,
    needs_catalogue=True,
)
def first_time_in_catalogue(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Someone marked first-time who took part in an earlier IGF session in the catalogue.

    Earlier means a catalogued or accepted session of an earlier year (or of any
    year when this session has none).  It may be a namesake: the note names the
    session so the organiser can tell.
    """
    if ctx.catalogue is None:
        return
    newcomers = [p.name for p in unique(active(session.participants)) if p.first_time and p.name]
    sessions_of = ctx.catalogue.sessions_of_people(newcomers) if newcomers else {}
    for name in newcomers:
        earlier = [
            other
            for other in sessions_of.get(name, [])
            if other.id != session.id
            and other.year is not None
            and other.status in _TOOK_PLACE
            and (session.year is None or other.year < session.year)
        ]
        if earlier:
            listed = join([summary_label(o.code, o.id, o.title, o.year) for o in earlier[:3]])
            more = f" and {len(earlier) - 3} more" if len(earlier) > 3 else ""
            yield ctx.finding(
                f"{name} is marked first-time, but the catalogue has them in {listed}{more}.",
                "If it is the same person, clear 'first time'; the IGF gives weight to newcomers, "
                "so the mark should be right.",
            )
