"""Format and agenda: time adds up, interaction gets its share, each format's own needs (``IGF-A…``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from igftui.checks.core import Context, Finding, Param, Severity, rule
from igftui.checks.facts import FORMATS, has_format, names, plural, speakers, with_role
from igftui.checks.rules.sources import FORMATS_2016, IGF_2017, IGFTUI
from igftui.model.session import ForumSession, item_is_interactive
from igftui.model.vocabulary import Role
from igftui.model.wording import percent

INTERACTIVE_FORMATS = ["round_table", "break_out_groups", "debate", "birds_of_a_feather"]


def _minutes(count: int) -> str:
    return plural(count, "minute")


@rule("IGF-A001", title="The agenda fits in the session", severity=Severity.ERROR, source=IGFTUI)
def agenda_too_long(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """The agenda's minutes add up to no more than the session's duration.

    Silent when there is no agenda or no duration.  An agenda shorter than the
    session is IGF-A002's business.
    """
    total, duration = session.agenda_minutes(), session.duration_minutes
    if not session.agenda or not duration or total <= duration:
        return
    longest = max(session.agenda, key=lambda item: item.minutes)
    yield ctx.finding(
        f"The agenda adds up to {_minutes(total)}, but the session lasts {_minutes(duration)}: "
        f"{_minutes(total - duration)} too many.",
        f"Shorten segments (the longest is “{longest.title or 'untitled'}”, {_minutes(longest.minutes)}) "
        "or change the duration.",
        field="agenda",
    )


@rule(
    "IGF-A002",
    title="The agenda uses the whole session",
    severity=Severity.WARNING,
    source=IGFTUI,
    params={"tolerance_minutes": Param(0, "unplanned minutes to allow before saying so", minimum=0)},
)
def agenda_too_short(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """The agenda's minutes add up to the session's duration, give or take ``tolerance_minutes``.

    Unplanned time is usually time nobody prepared for; say what it is for
    (questions from the room, a closing round), even if it is open discussion.
    """
    total, duration = session.agenda_minutes(), session.duration_minutes
    if not session.agenda or not duration or total >= duration:
        return
    if duration - total <= ctx.params["tolerance_minutes"]:
        return
    yield ctx.finding(
        f"The agenda adds up to {_minutes(total)}, but the session lasts {_minutes(duration)}: "
        f"{_minutes(duration - total)} are not planned.",
        "Add a segment for the remaining time (for example questions from the room), or lengthen the ones you have.",
        field="agenda",
    )


@rule(
    "IGF-A003",
    title="Interactive formats give most of the time to interaction",
    severity=Severity.WARNING,
    source=IGF_2017,
    params={
        "min_share": Param(0.5, "least share of agenda time marked interactive (0 to 1)", minimum=0, maximum=1),
        "formats": Param(list(INTERACTIVE_FORMATS), "formats meant to be interactive", FORMATS),
    },
)
def interactive_share(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Reports the share of agenda time marked interactive; flags it below ``min_share``.

    The IGF's evaluation asks whether a proposal's content mirrors its format; a
    round table, break-out groups, a debate or a birds-of-a-feather session that
    spends most of its time on presentations does not.  An agenda item counts as
    interaction only when it is marked interactive.  For other formats, and when
    the share is high enough, the share is reported as a note (info).  The 50%
    threshold is igftui's choice, not an IGF number.
    """
    share = session.interactive_share()
    if share is None:
        return
    total = session.agenda_minutes()
    minutes = session.interactive_minutes()
    summary = f"{minutes} of the agenda's {total} minutes ({percent(minutes, total)}) are marked interactive"
    threshold = ctx.params["min_share"]
    if session.format is not None and has_format(session, ctx.params["formats"]) and share < threshold:
        talk = [item for item in session.agenda if not item_is_interactive(item) and item.minutes]
        listed = ", ".join(f"“{item.title or 'untitled'}” ({item.minutes})" for item in talk[:5])
        yield ctx.finding(
            f"Only {summary}; a {session.format.label.lower()} should give at least "
            f"{threshold:.0%} of its time to interaction.",
            f"Turn part of the one-way segments ({listed}) into discussion, or mark the "
            "segments that are interactive as such.",
            field="agenda",
        )
    else:
        yield ctx.finding(f"{summary[0].upper()}{summary[1:]}.", "", field="agenda", severity=Severity.INFO)


@rule(
    "IGF-A004",
    title="A panel has at most five speakers",
    severity=Severity.WARNING,
    source=FORMATS_2016,
    params={
        "max_speakers": Param(5, "most speakers on a panel", minimum=1),
        "formats": Param(["panel"], "formats the limit applies to", FORMATS),
    },
)
def panel_size(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Panels preferably have no more than ``max_speakers`` speakers (declined ones not counted).

    The IGF's format outlines prefer small panels so that the room has time to
    speak; it is a preference, hence a warning.
    """
    if session.format is None or not has_format(session, ctx.params["formats"]):
        return
    people = speakers(session)
    limit = ctx.params["max_speakers"]
    if len(people) > limit:
        yield ctx.finding(
            f"The {session.format.label.lower()} has {len(people)} speakers ({names(people)}); "
            f"at most {limit} is preferred.",
            "Move some speakers to another role (for example discussant in the room), or choose a round table format.",
        )


@rule(
    "IGF-A005",
    title="A flash session lasts 30 minutes",
    severity=Severity.ERROR,
    source=FORMATS_2016,
    params={"minutes": Param(30, "the length of a flash session", minimum=1)},
)
def flash_length(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Flash sessions are short presentations with a fixed length (30 minutes at the IGF).

    Silent when the duration is not set (IGF-C001 asks for it).
    """
    wanted = ctx.params["minutes"]
    if session.format is None or session.format.value != "flash_session":
        return
    if session.duration_minutes and session.duration_minutes != wanted:
        yield ctx.finding(
            f"This flash session lasts {_minutes(session.duration_minutes)}; flash sessions last {_minutes(wanted)}.",
            f"Set the duration to {wanted} minutes, or choose another format for a longer session.",
            field="duration_minutes",
        )


@rule(
    "IGF-A006",
    title="Break-out groups have facilitators and a plan",
    severity=Severity.WARNING,
    source=FORMATS_2016,
    params={"min_facilitators": Param(2, "people who can lead a group (moderators and speakers)", minimum=1)},
)
def breakout_facilitation(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """A break-out session needs people to lead the groups, and a word on how groups form.

    igftui's reading of the IGF outline (moderators set the stage, experts are
    assigned to groups): at least ``min_facilitators`` people hold the moderator
    or speaker role (declined ones not counted), and the discussion facilitation
    (or the format description) says how participants are split into groups.
    The IGF does not give a number; 2 is igftui's choice (one per group for the
    smallest split).
    """
    if session.format is None or session.format.value != "break_out_groups":
        return
    leaders = with_role(session, Role.MODERATOR, Role.SPEAKER)
    wanted = ctx.params["min_facilitators"]
    if len(leaders) < wanted:
        who = f"only {names(leaders)}" if leaders else "nobody"
        yield ctx.finding(
            f"Break-out groups need someone to lead each group; {who} "
            f"{'is' if len(leaders) <= 1 else 'are'} listed as moderator or speaker "
            f"(at least {wanted} wanted).",
            "Name a facilitator for each group (as moderator or speaker), or fewer, larger groups.",
        )
    if not session.discussion_facilitation and not session.format_description:
        yield ctx.finding(
            "The proposal does not say how participants will be split into groups or who facilitates each one.",
            "Describe the groups in the discussion facilitation: how many, on what, led by whom, "
            "and how they report back.",
            field="discussion_facilitation",
        )


@rule("IGF-A007", title="Start, end and duration agree", severity=Severity.WARNING, source=IGFTUI)
def times_agree(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """The session ends after it starts, and its start and end are as far apart as its duration.

    Times are named on the venue's clock (the zone of the year's IGF meeting, or
    the session's own), as organisers think of them.  A session that ends before
    it starts is an error whatever the rule set says; a duration that disagrees
    with the times is a warning, since either may be the one to fix.  Silent
    when a time is missing (and, for the duration, when there is none).
    """
    from igftui.model.local_time import clock_of, minutes_between

    starts, ends = session.starts_at, session.ends_at
    if starts is None or ends is None:
        return
    clock = clock_of(session)
    start, end = clock.local(starts), clock.local(ends)
    same_day = start.date() == end.date()
    start_words = f"{start:%H:%M}" if same_day else f"{start:%Y-%m-%d %H:%M}"
    end_words = f"{end:%H:%M}" if same_day else f"{end:%Y-%m-%d %H:%M}"
    zone = f" ({clock.label(starts)})"
    if ends <= starts:
        yield ctx.finding(
            f"The session ends at {end_words} but starts at {start_words}{zone}: the end must come after the start.",
            "Check the date of the end, and whether the two times were swapped.",
            field="ends_at",
            severity=Severity.ERROR,
        )
        return
    duration = session.duration_minutes
    length = minutes_between(starts, ends)
    if not duration or length == duration:
        return
    should_end = clock.local(starts + timedelta(minutes=duration))
    yield ctx.finding(
        f"Starts {start_words} and ends {end_words}{zone}: {_minutes(length)}, but the duration says {duration}.",
        f"Set the end to {should_end:%H:%M}, or the duration to {length} minutes.",
        field="duration_minutes",
    )
