"""Scoring the labelled set of similar sessions with the method the app uses (issue 16).

``labelled_set.json`` beside this module holds invented 2026 proposals and pairs of
them, each labelled as a programme committee would: ``merge`` (the same topic in
other words, a resubmission under a new title, one problem proposed by two
stakeholder groups) or not (proposals that only share the field's vocabulary:
"AI", "data", "connectivity", "human rights").  The test of the set and the
calibration script (``bench/similar_calibration.py``) both read the set here and
score it through ``igftui.services.similar``, so they measure the same thing.

Nothing here builds a catalogue: :func:`fill` stores the set and the samples in one
the caller opened, and :func:`scored_pairs` asks that catalogue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from igftui.services.importing import import_paths
from igftui.services.samples import load_samples
from igftui.services.similar import overlaps
from igftui.store.listing import SessionFilter

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue

LABELLED_SET = Path(__file__).with_name("labelled_set.json")

#: The year every proposal of the set is for: ``overlaps`` compares one year's proposals.
YEAR = 2026


@dataclass(frozen=True)
class LabelledPair:
    """Two proposals of the set (by code), whether a committee would merge them, and why."""

    a: str
    b: str
    merge: bool
    why: str


@dataclass(frozen=True)
class ScoredPair:
    """A labelled pair with what the method makes of it."""

    pair: LabelledPair
    score: float
    shared_terms: tuple[str, ...]
    titles: tuple[str, str]


@cache
def labelled_set() -> dict[str, Any]:
    """The set as written: ``{"sessions": [SESSION, ...], "pairs": [{"a", "b", "merge", "why"}, ...]}``."""
    return json.loads(LABELLED_SET.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def labelled_pairs() -> list[LabelledPair]:
    return [LabelledPair(pair["a"], pair["b"], pair["merge"], pair["why"]) for pair in labelled_set()["pairs"]]


def fill(catalogue: Catalogue, folder: Path, proposals: list[dict[str, Any]] | None = None) -> None:
    """Store the set's proposals (through the importer, as a user's JSON file) and the bundled samples.

    The samples are the background a new user's catalogue has: the weight of a word
    comes from the whole catalogue, not from the set alone.  ``folder`` receives the
    file the proposals are imported from; ``proposals`` stand in for the set's own
    (the same codes, other words).
    """
    sessions = folder / "labelled_sessions.json"
    chosen = labelled_set()["sessions"] if proposals is None else proposals
    sessions.write_text(json.dumps(chosen, ensure_ascii=False), encoding="utf-8")
    report = import_paths(catalogue, [sessions], keep_sessions=False)
    if report.skipped:
        raise ValueError(f"the labelled set did not import: {report.skipped[0].reason}")
    load_samples(catalogue)


def codes_to_ids(catalogue: Catalogue) -> dict[str, int]:
    """The catalogue's id of each proposal of the set, by its code."""
    found = catalogue.list(SessionFilter(year=YEAR), limit=None)
    return {summary.code: summary.id for summary in found if summary.code is not None}


def scored_labelled(catalogue: Catalogue) -> list[ScoredPair]:
    """Every labelled pair with its score and shared terms (0.0 and none where the method finds nothing alike)."""
    ids = codes_to_ids(catalogue)
    titles = {summary.id: summary.title or "" for summary in catalogue.list(SessionFilter(year=YEAR), limit=None)}
    # Threshold 0: every pair of the year sharing anything, so that a pair's score is
    # read whatever threshold is being tried.
    found = {frozenset((pair.a, pair.b)): pair for pair in overlaps(catalogue, YEAR, threshold=0.0)}
    scored = []
    for pair in labelled_pairs():
        a, b = ids[pair.a], ids[pair.b]
        match = found.get(frozenset((a, b)))
        score, shared = (match.score, match.shared_terms) if match is not None else (0.0, ())
        scored.append(ScoredPair(pair, score, shared, (titles[a], titles[b])))
    return scored


def scored_pairs(catalogue: Catalogue) -> list[tuple[bool, float]]:
    """For each labelled pair: whether a committee would merge it, and the method's score."""
    return [(scored.pair.merge, scored.score) for scored in scored_labelled(catalogue)]


def precision_recall(scored: Iterable[tuple[bool, float]], threshold: float) -> tuple[float, float]:
    """Precision and recall of "merge" when a pair scoring ``threshold`` or more is called one.

    Precision is 1.0 when no pair reaches the threshold (nothing was called a merge
    wrongly); recall is then 0.0 for a set with any merge in it.
    """
    pairs = list(scored)
    called = [merge for merge, score in pairs if score >= threshold]
    merges = sum(1 for merge, _ in pairs if merge)
    right = sum(called)
    precision = right / len(called) if called else 1.0
    recall = right / merges if merges else 1.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def best_threshold(scored: Sequence[tuple[bool, float]], thresholds: Iterable[float]) -> tuple[float, float]:
    """The threshold of ``thresholds`` with the best F1 (the lowest of equals), and that F1."""
    best = max(thresholds, key=lambda threshold: (f1(*precision_recall(scored, threshold)), -threshold))
    return best, f1(*precision_recall(scored, best))
