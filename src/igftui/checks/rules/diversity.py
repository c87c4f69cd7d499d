"""Diversity among speakers: gender, regional group, stakeholder group (``IGF-D…``).

A speaker who declined does not count, nor does a speaker's place still to be
confirmed (an entry without a name, marked so): its group
and region are a plan, not a person yet.  Flash sessions and lightning talks are
presentations, which the IGF exempted from the diversity criteria in 2017; the
``skip_formats`` parameter says which formats a rule leaves alone.

When a speaker's gender, region or group is not recorded, igftui cannot know
whether the session falls short: the rule then says so as a note (info) and
names who is missing the detail, instead of raising an error it cannot back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from igftui.checks.core import Context, Finding, Param, Severity, rule
from igftui.checks.facts import (
    FORMATS,
    REGIONS,
    SESSION_TYPES,
    STAKEHOLDER_GROUPS,
    all_of,
    describe_groups,
    grouped,
    has_format,
    join,
    names,
    of_type,
    persons,
    plural,
    speakers,
)
from igftui.checks.rules.sources import IGF_2017, IGF_2023
from igftui.model.session import ForumSession, Participant
from igftui.model.vocabulary import Gender, StakeholderGroup, Term
from igftui.model.wording import is_are

PRESENTATION_FORMATS = ["flash_session", "lightning_talk"]

_SKIP = Param(list(PRESENTATION_FORMATS), "formats the rule leaves alone (presentations)", FORMATS)
_TYPES = Param([], "session types the rule applies to; empty means every type", SESSION_TYPES)
_MIN_SPEAKERS = Param(2, "fewer active speakers than this and the rule says nothing", minimum=1)

#: Genders a rule can compare.  A self-described gender is the speaker's own word, which
#: the catalogue does not keep, so two self-described speakers cannot be called "the same".
_COMPARABLE = {Gender.WOMAN: "women", Gender.MAN: "men", Gender.NON_BINARY: "non-binary"}


def _applies(session: ForumSession, ctx: Context) -> list[Participant] | None:
    """The speakers to judge, or None when the rule does not apply to this session."""
    if has_format(session, ctx.params.get("skip_formats", ())):
        return None
    if not of_type(session, ctx.params.get("session_types", ())):
        return None
    # A place still to be confirmed has nobody in it yet: only people are judged.
    people = persons(speakers(session))
    if len(people) < ctx.params.get("min_speakers", 2):
        return None
    return people


def _gender(session: ForumSession, ctx: Context, question: str, goal: str) -> Iterator[Finding]:
    people = _applies(session, ctx)
    if people is None:
        return
    known = [p for p in people if p.gender in _COMPARABLE]
    unknown = [p for p in people if p.gender not in _COMPARABLE]
    genders = grouped(known, "gender")
    if len(genders) >= 2:
        return
    record = "Record each speaker's gender in the speaker table (it stays private and is never exported unless you ask)"
    if not genders:
        yield ctx.finding(
            f"Gender is not recorded (or not comparable) for any of the {len(people)} speakers "
            f"({names(people)}), so igftui cannot tell whether {question}.",
            record + ".",
            severity=Severity.INFO,
        )
        return
    # A finding never says which gender a named speaker has: findings are shown on
    # screen and printed by `igftui check`, and gender is private.
    ((_gender_of_all, same),) = genders.items()
    if unknown:
        yield ctx.finding(
            f"The gender of {names(unknown)} is not recorded"
            + (f" and the other {len(same)} speakers are all of one gender" if len(same) > 1 else "")
            + f", so igftui cannot tell whether {question}.",
            record + ", or invite a speaker of another gender.",
            severity=Severity.INFO,
        )
        return
    yield ctx.finding(
        f"{all_of(len(same), 'speaker')} are of one gender; {goal}.",
        "Invite a speaker of another gender, or replace one of the speakers.",
    )


@rule(
    "IGF-D001",
    title="Speakers are not all of one gender",
    severity=Severity.WARNING,
    source=IGF_2017,
    params={"min_speakers": _MIN_SPEAKERS, "skip_formats": _SKIP, "session_types": _TYPES},
)
def gender_diversity(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Gender diversity among the speakers (an evaluation criterion since 2017).

    Fires when every speaker whose gender is recorded as woman, man or non-binary
    shares the same one.  A gender that is not recorded, undisclosed or
    self-described cannot be compared: when that leaves the question open the rule
    gives a note (info), never an error.  Gender is private data: it is used here
    on the user's own machine, never exported unless asked for, and no finding
    says which gender a named speaker has.
    """
    yield from _gender(
        session, ctx, "the speakers are of more than one gender", "the IGF looks for gender diversity among speakers"
    )


@rule(
    "IGF-D002",
    title="At least one speaker of a different gender from the rest",
    severity=Severity.ERROR,
    source=IGF_2023,
    params={
        "min_speakers": _MIN_SPEAKERS,
        "skip_formats": Param([], _SKIP.doc, FORMATS),
        "session_types": Param(["workshop"], _TYPES.doc, SESSION_TYPES),
    },
)
def different_gender(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """The 2023 minimum criterion: one speaker of a different gender from the others.

    The same test as IGF-D001, but a screening requirement for workshops, hence an
    error.  Rule sets from igf-2023 use it in place of IGF-D001.  With fewer than two
    speakers the rule is silent: IGF-C002 already asks for more speakers.  Unknown
    genders give a note (info), as in IGF-D001.
    """
    yield from _gender(
        session,
        ctx,
        "at least one speaker is of a different gender from the rest",
        "at least one speaker must be of a different gender from the rest",
    )


def _spread(
    session: ForumSession,
    ctx: Context,
    *,
    attribute: str,
    universe: Sequence[Term],
    what: str,
    minimum: int,
    required: Sequence[Term] = (),
) -> Iterator[Finding]:
    """Shared by the regional and stakeholder group rules: too few groups, or required ones missing."""
    people = _applies(session, ctx)
    if people is None:
        return
    known = [p for p in people if getattr(p, attribute) in universe]
    unknown = [p for p in people if getattr(p, attribute) not in universe]
    groups = grouped(known, attribute)
    missing_required = [term for term in required if term not in groups]
    if len(groups) >= minimum and not missing_required:
        return
    absent = [term.label for term in universe if term not in groups]
    hint = (
        f"Invite speakers from: {join(absent, 'or')}."
        if not missing_required
        else f"Invite a speaker from each of: {join([t.label for t in missing_required])}."
    )
    could_still_pass = bool(unknown) and len(groups) + len(unknown) >= minimum and len(unknown) >= len(missing_required)
    if not groups:
        yield ctx.finding(
            f"No speaker has a {what} recorded ({names(people)}), so igftui cannot check the spread of {what}s.",
            f"Record each speaker's {what} in the speaker table.",
            severity=Severity.INFO,
        )
        return
    if len(groups) == 1 and minimum <= 2 and not missing_required:
        ((term, same),) = groups.items()
        message = (
            f"{all_of(len(same), 'speaker')} with a recorded {what} "
            f"{is_are(len(same))} from one {what}, {term.label}: {names(same)}."
        )
        if not unknown:
            message = f"{all_of(len(same), 'speaker')} are from one {what}, {term.label}: {names(same)}."
    else:
        message = (
            f"Speakers come from {plural(len(groups), what)} ({describe_groups(groups)}); "
            f"this rule set asks for at least {minimum}."
        )
        if len(groups) >= minimum:
            message = f"Speakers come from {plural(len(groups), what)} ({describe_groups(groups)})."
        if missing_required:
            message = message[:-1] + (
                f"; no speaker is from {join([t.label for t in missing_required])}, which this rule set requires."
            )
    if unknown:
        message += f" The {what} of {names(unknown)} is not recorded."
        hint = f"Record the {what} of {names(unknown)}. " + hint
    yield ctx.finding(message, hint, severity=Severity.INFO if could_still_pass else None)


@rule(
    "IGF-D003",
    title="Speakers come from more than one regional group",
    severity=Severity.WARNING,
    source=IGF_2017,
    params={
        "min_regions": Param(
            2, "how many UN regional groups the speakers should span", minimum=1, maximum=len(REGIONS)
        ),
        "min_speakers": _MIN_SPEAKERS,
        "skip_formats": _SKIP,
        "session_types": _TYPES,
    },
)
def regional_diversity(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Geographic diversity: the speakers span at least ``min_regions`` UN regional groups.

    Geography is read through the five UN regional groups the IGF pages use.
    "Intergovernmental Organization", which IGF pages put in the region slot for
    IGO staff, is not a region and counts as not recorded.
    """
    yield from _spread(
        session, ctx, attribute="region", universe=REGIONS, what="regional group", minimum=ctx.params["min_regions"]
    )


@rule(
    "IGF-D004",
    title="Speakers come from more than one stakeholder group",
    severity=Severity.WARNING,
    source=IGF_2017,
    params={
        "min_groups": Param(
            2, "how many stakeholder groups the speakers should span", minimum=1, maximum=len(StakeholderGroup)
        ),
        "required_groups": Param([], "stakeholder groups that must each have a speaker", STAKEHOLDER_GROUPS),
        "min_speakers": _MIN_SPEAKERS,
        "skip_formats": _SKIP,
        "session_types": _TYPES,
    },
)
def stakeholder_diversity(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Stakeholder diversity: at least ``min_groups`` groups, and every ``required_groups`` one.

    The six stakeholder groups of the contract count (civil society, government,
    intergovernmental organisation, private sector, technical community, academia).
    A national or regional IGF that wants one speaker from each of its groups lists
    them in ``required_groups`` (see ``examples/national-igf.toml``).
    """
    # A look-up by value; mypy takes Term.__new__, which builds the members, for the constructor.
    required = [StakeholderGroup(value) for value in ctx.params.get("required_groups", ())]  # type: ignore[call-arg]
    yield from _spread(
        session,
        ctx,
        attribute="stakeholder_group",
        universe=list(StakeholderGroup),
        what="stakeholder group",
        minimum=ctx.params["min_groups"],
        required=required,
    )
