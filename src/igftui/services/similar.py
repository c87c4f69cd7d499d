"""Sessions like one another: what was proposed before on a topic, and the proposals a committee may merge.

The command line (``similar``, ``overlaps``), the editor's list of similar
sessions, the session view's "Sessions like this" and rule IGF-S001 all ask
through here, so that they agree on the scores and on the threshold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from igftui.checks.rules.overlaps import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue
    from igftui.store.listing import SimilarPair, SimilarSession

#: How alike two proposals of one year must be for a committee to look at merging them:
#: rule IGF-S001's ``threshold`` unless a rule set changes it.  Calibrated on the labelled
#: set of tests/similarity (pairs a committee would merge, pairs that only share words).
OVERLAP_THRESHOLD = DEFAULT_THRESHOLD

#: The rule that warns of an overlap, and its parameter.
OVERLAP_RULE = ("IGF-S001", "threshold")

#: How many similar sessions a list shows unless asked for more.
SHOWN = 10


def similar_sessions(
    catalogue: Catalogue, session: ForumSession, *, year: int | None = None, limit: int = SHOWN
) -> list[SimilarSession]:
    """The ``limit`` sessions most like ``session`` (saved or still being typed), best first."""
    return catalogue.similar_sessions(session, year=year, limit=limit)


def overlaps(
    catalogue: Catalogue,
    year: int,
    *,
    threshold: float = OVERLAP_THRESHOLD,
    progress: Callable[[int, int], None] | None = None,
) -> list[SimilarPair]:
    """Every pair of ``year``'s sessions at least ``threshold`` alike, most alike first.

    ``progress(done, total)`` is called as each session of the year is read, then compared
    (``total`` is twice the year's sessions).
    """
    return catalogue.overlaps(year, threshold=threshold, progress=progress)


def overlap_threshold(configured: str | None) -> float:
    """The threshold of rule IGF-S001 in the rule set the user's proposals are judged by (the
    ``rules`` setting; the default one when that cannot be loaded), else
    :data:`OVERLAP_THRESHOLD` when that rule set leaves the rule out."""
    from igftui.services.rule_sets import configured_rule_set

    rule_id, param = OVERLAP_RULE
    active = configured_rule_set(configured).get(rule_id)
    return float(active.params[param]) if active is not None else OVERLAP_THRESHOLD
