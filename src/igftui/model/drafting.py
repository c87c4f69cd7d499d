"""Starting and summing up a proposal: a blank draft, a draft from a template, the people mix.

Plain Python over the session model, shared by the editor and the tests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from igftui.model.session import ForumSession, OnlineParticipation, Participant
from igftui.model.vocabulary import Role, SessionStatus, Term
from igftui.model.wording import plural, role_word


def new_draft(year: int | None) -> ForumSession:
    """A blank proposal for the forum of ``year``: nothing filled in but its status and year."""
    return ForumSession(status=SessionStatus.DRAFT, year=year)


def draft_from_template(template: ForumSession, *, year: int | None, with_people: bool = False) -> ForumSession:
    """A new draft that reuses ``template``'s structure: type, theme, format, agenda, online plan.

    What a proposal says (title, questions, description, outcomes) is the
    organiser's to write again, so it is not copied; neither is anything that
    belongs to the template's own slot in the programme (code, number, time,
    room).  People come only when asked for, and then without their status:
    having agreed to speak in one session is not agreeing to speak in the next.
    """
    online = template.online_participation
    people: list[Participant] = []
    if with_people:
        people = [person.model_copy(update={"status": None}) for person in template.participants]
    return ForumSession(
        status=SessionStatus.DRAFT,
        year=year,
        session_type=template.session_type,
        theme=template.theme,
        subtheme=template.subtheme,
        tags=list(template.tags),
        format=template.format,
        format_description=template.format_description,
        layout=template.layout,
        duration_minutes=template.duration_minutes,
        agenda=[item.model_copy() for item in template.agenda],
        participants=people,
        # The way people join from afar carries over; the notes about one session do not.
        online_participation=OnlineParticipation(
            platform=online.platform,
            speaking_queue=online.speaking_queue,
            captioning=online.captioning,
            interpretation=list(online.interpretation),
            broadcast=online.broadcast,
            remote_hubs=list(online.remote_hubs),
        ),
    )


#: Roles in the order the IGF form asks for them (their words: igftui.model.wording).
ROLE_ORDER = (Role.ORGANIZER, Role.SPEAKER, Role.MODERATOR, Role.ONLINE_MODERATOR, Role.RAPPORTEUR)


@dataclass(frozen=True)
class PeopleMix:
    """Who is in a proposal, counted: roles of everyone, and the speakers' groups, regions, genders."""

    roles: dict[Role, int]
    groups: list[tuple[str, int]]
    regions: list[tuple[str, int]]
    genders: list[tuple[str, int]]
    speakers: int
    #: Speakers' places still to be confirmed: not in the counts by group, region and gender,
    #: as the checks leave them out (see model.people).
    places: int = 0

    def lines(self) -> list[str]:
        """The summary as a few short lines, e.g. ``"Speakers by region: WEOG 3, African 1"``."""
        roles = ", ".join(plural(self.roles.get(role, 0), role_word(role).lower()) for role in ROLE_ORDER)
        lines = [roles[0].upper() + roles[1:]]
        if self.places:
            lines.append(f"{plural(self.places, 'place')} to be confirmed, not counted below")
        if self.speakers:
            for what, counts in (("group", self.groups), ("region", self.regions), ("gender", self.genders)):
                lines.append(f"Speakers by {what}: " + ", ".join(f"{name} {n}" for name, n in counts))
        return lines


def people_mix(session: ForumSession) -> PeopleMix:
    """Count the proposal's people by role, and its speakers by group, region and gender.

    Speakers who have declined are left out, as the checks leave them out.  The
    gender counts are for the organiser's eyes: they name nobody.
    """
    from igftui.model.people import is_to_be_confirmed
    from igftui.model.vocabulary import ParticipantStatus

    roles = Counter(role for person in session.participants for role in person.roles)
    speakers = [p for p in session.speakers if p.status is not ParticipantStatus.DECLINED]
    places = sum(1 for p in speakers if is_to_be_confirmed(p))
    speakers = [p for p in speakers if not is_to_be_confirmed(p)]
    return PeopleMix(
        roles=dict(roles),
        groups=_counted(p.stakeholder_group for p in speakers),
        regions=_counted(p.region for p in speakers),
        genders=_counted(p.gender for p in speakers),
        speakers=len(speakers),
        places=places,
    )


def short_label(term: Term) -> str:
    """A label short enough for a summary line: "WEOG" for the Western European and Others Group."""
    label = term.label
    if label.endswith(")") and "(" in label:
        return label[label.rindex("(") + 1 : -1]
    return label.removesuffix(" Group")


def _counted(terms: Iterable[Term | None]) -> list[tuple[str, int]]:
    """Most common first, with those not recorded last as "not given"."""
    given = list(terms)
    counts = Counter(term for term in given if term is not None)
    missing = len(given) - counts.total()
    shown = [(short_label(term), n) for term, n in sorted(counts.items(), key=lambda item: (-item[1], item[0].label))]
    if missing:
        shown.append(("not given", missing))
    return shown
