"""Notes that help, never requirements (``IGF-I…``): who is new, who is from where, who is missing.

They are info findings by default and say nothing when there is nothing useful to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from igftui.checks.core import Context, Finding, Severity, rule
from igftui.checks.facts import (
    DEVELOPING_REGIONS,
    REGIONS,
    active,
    join,
    mentions_youth,
    names,
    plural,
    speakers,
    unique,
)
from igftui.checks.rules.sources import IGF_2017
from igftui.model.people import is_to_be_confirmed
from igftui.model.session import ForumSession, Participant
from igftui.model.vocabulary import StakeholderGroup


def _people(session: ForumSession) -> list[Participant]:
    return unique(active(session.participants))


@rule("IGF-I001", title="First-time participants", severity=Severity.INFO, source=IGF_2017)
def first_timers(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Names the participants marked first-time; silent when there are none.

    The IGF welcomes newcomers and gives weight to first-time proposers, so it is
    worth saying in the proposal.
    """
    new = [p for p in _people(session) if p.first_time]
    if new:
        yield ctx.finding(
            f"First-time participants: {names(new)}.",
            "Say so in the proposal (for example in the diversity statement): the IGF gives weight to new voices.",
        )


@rule("IGF-I002", title="Participants from developing regions", severity=Severity.INFO, source=IGF_2017)
def developing_regions(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Names participants from the African, Asia-Pacific and GRULAC groups, or says there are none.

    The IGF welcomes proposers and speakers from developing countries.  The
    catalogue records regional groups, not countries' development status, so
    these three groups stand in for "developing countries": a proxy, and the note
    says so.  Organisations listed as organisers count here by their region, as
    people do: the IGF looks at who proposes a session as well as who speaks.
    Silent when no participant has a regional group recorded.
    """
    people = [p for p in _people(session) if p.region in REGIONS]
    if not people:
        return
    from_south = [p for p in people if p.region in DEVELOPING_REGIONS]
    proxy = "(African, Asia-Pacific and GRULAC groups, a rough proxy for developing countries)"
    if from_south:
        # People and organisations are listed by name; anonymised organisers (pages give
        # only their group and region) and places still to fill are counted, not listed.
        listed_people = [
            f"{p.display_name()} ({p.region.label})"
            for p in from_south
            if p.region is not None and (p.name or p.organisation)
        ]
        unnamed = [p for p in from_south if not (p.name or p.organisation)]
        places = sum(1 for p in unnamed if is_to_be_confirmed(p))
        if len(unnamed) > places:
            listed_people.append(plural(len(unnamed) - places, "unnamed organiser"))
        if places:
            listed_people.append(plural(places, "speaker's place", "speakers' places") + " to be confirmed")
        listed = join(listed_people)
        yield ctx.finding(
            f"Participants from developing regions {proxy}: {listed}.", "Mention them in the diversity statement."
        )
    else:
        yield ctx.finding(
            f"No participant is from the developing regions {proxy}.",
            "Consider inviting a speaker or co-organiser from a developing country.",
        )


@rule("IGF-I003", title="Youth voices", severity=Severity.INFO, source=IGF_2017)
def youth(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Youth: names participants from youth organisations, or notes that a session about youth has none.

    The catalogue does not record age.  A participant counts as a youth voice
    when their organisation mentions youth (a youth IGF, a youth coalition...);
    the session is about youth when its tags, title, description, policy
    questions, subtheme or diversity statement mention youth or young people.
    The theme is not asked: the IGF's themes are broad ("Human Rights, Gender and
    Youth"), and a session under one is not for that about youth.
    """
    young = [p for p in _people(session) if mentions_youth(p.organisation)]
    if young:
        # An organisation on its own is named once, not "Youth IGF (Youth IGF)".
        listed = join(
            [
                p.display_name() if p.display_name() == p.organisation else f"{p.display_name()} ({p.organisation})"
                for p in young
            ]
        )
        yield ctx.finding(
            f"Youth voices: {listed}.", "Say so in the diversity statement: age is one of the IGF's diversity criteria."
        )
        return
    texts = [
        session.title,
        session.description,
        session.subtheme,
        session.diversity_statement,
        *session.tags,
        *session.policy_questions,
    ]
    if any(mentions_youth(text) for text in texts if isinstance(text, str)):
        yield ctx.finding(
            "The session is about youth, but no participant comes from a youth organisation.",
            "Consider inviting a speaker from a youth IGF or youth coalition.",
        )


@rule(
    "IGF-I004", title="Regions and stakeholder groups missing among speakers", severity=Severity.INFO, source=IGF_2017
)
def missing_among_speakers(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Lists the UN regional groups and stakeholder groups no speaker comes from.

    Silent without speakers, and for a dimension no speaker has recorded (the
    D rules say so).  A suggestion of whom to invite, not a requirement.
    """
    people = speakers(session)
    regions = {p.region for p in people if p.region in REGIONS}
    if regions:
        missing = [r.label for r in REGIONS if r not in regions]
        if missing:
            yield ctx.finding(
                f"Regional groups no speaker comes from: {join(missing)}.",
                "A speaker from one of them would widen the discussion.",
            )
    groups = {p.stakeholder_group for p in people if p.stakeholder_group is not None}
    if groups:
        missing = [g.label for g in StakeholderGroup if g not in groups]
        if missing:
            yield ctx.finding(
                f"Stakeholder groups no speaker comes from: {join(missing)}.",
                "A speaker from one of them would add a perspective.",
            )
