"""Proposals that overlap (``IGF-S…``): another session of the same year on the same topic.

Every year the programme committee asks the proposers of overlapping sessions to
merge them; a proposer who finds the overlap first can contact the others before
submitting.  How alike two proposals are is the catalogue's similarity
(``igftui.store.similar``: the words of the titles, policy questions,
descriptions and expected outcomes, the rare ones weighing most).
"""

from __future__ import annotations

from collections.abc import Iterator

from igftui.checks.core import Context, Finding, Param, Severity, rule
from igftui.checks.rules.sources import MERGING
from igftui.model.session import ForumSession

#: How many overlapping sessions one check names at most (the most alike first).
NAMED = 3

#: The threshold a rule set gets unless it sets its own (services.similar.OVERLAP_THRESHOLD is the same number).
DEFAULT_THRESHOLD = 0.2


@rule(
    "IGF-S001",
    title="No proposal of the same year on the same topic",
    severity=Severity.WARNING,
    source=MERGING,
    needs_catalogue=True,
    params={
        "threshold": Param(
            DEFAULT_THRESHOLD,
            "how alike another session of the year must be to be named, from 0 (any shared word) to 1 (the same text)",
            minimum=0.0,
            maximum=1.0,
        )
    },
)
def overlapping_proposals(session: ForumSession, ctx: Context) -> Iterator[Finding]:
    """Names the sessions of the same year at least ``threshold`` alike (at most three, the most alike first).

    Alike by what they say, not by their people: the words of the titles, policy
    questions, descriptions and expected outcomes, with the words every proposal
    uses ("internet", "governance", "session"…) left out and rare words weighing
    most.  A warning, not an error: two sessions on one topic may well be meant to
    be apart, and the committee decides.  Silent without a year.
    """
    if session.year is None or ctx.catalogue is None:
        return
    threshold = float(ctx.params["threshold"])
    alike = ctx.catalogue.similar_sessions(session, year=session.year, limit=NAMED)
    found = [like for like in alike if like.score >= threshold]
    for like in found:
        title = f"\u201c{like.title}\u201d" if like.title else f"session #{like.id}"
        # A draft of the year has no code yet: its title names it.
        label = like.code or title
        about = f"{like.code} is {title}; they" if like.code else "They"
        shared = f" {about} share: {', '.join(like.shared_terms)}." if like.shared_terms else ""
        yield ctx.finding(
            f"Overlaps with {label} of {like.year} ({like.score:.2f}): consider contacting its organisers or merging.",
            "The programme committee asks overlapping proposals to merge: say how yours differs,"
            f" or talk to its organisers before you submit.{shared}",
            field="description",
        )
