"""Calibrate the overlap threshold of similar sessions on the labelled set (issue 16).

Builds a catalogue in a temporary folder holding the labelled set of
``tests/similarity`` and the bundled samples, scores every labelled pair with
``igftui.services.similar.overlaps``, and prints precision, recall and F1 for each
threshold from 0.10 to 0.60, the threshold with the best F1, and the pairs the
service's threshold gets wrong, with their scores and shared words, to tune the
method by.  It also says how often the other proposal of a pair to merge is among
the first sessions ``similar_sessions`` lists (what a proposer sees while drafting).

A word weighs by how rare it is in the whole catalogue, so the scores move as the
catalogue grows: ``--background`` imports more files or folders first (IGF pages,
igftui JSON), e.g. the invented pages of ``tests/formats/pages``, or real ones.

    PYTHONPATH=src python bench/similar_calibration.py [--limit 5] [--at T] [--background PATH ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "similarity"))

import calibration  # found through the path above

from igftui.services.importing import import_paths
from igftui.services.similar import OVERLAP_THRESHOLD, similar_sessions
from igftui.store import Catalogue

#: The thresholds tried: 0.10 to 0.60 in steps of 0.025.
THRESHOLDS = [round(0.10 + 0.025 * step, 3) for step in range(21)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=5, help="how many similar sessions a proposer is shown (default 5)"
    )
    parser.add_argument(
        "--background",
        nargs="+",
        type=Path,
        default=[],
        metavar="PATH",
        help="files or folders imported too, as a larger catalogue's background",
    )
    parser.add_argument(
        "--at", type=float, help="list the pairs wrong at this threshold (default: the service's OVERLAP_THRESHOLD)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="igftui-calibration-") as folder:
        with Catalogue(Path(folder) / "catalogue.db") as catalogue:
            calibration.fill(catalogue, Path(folder))
            if args.background:
                report = import_paths(catalogue, _background_files(args.background), keep_sessions=False)
                print(f"background: {report.totals()}")
            print(f"catalogue: {catalogue.count()} sessions")
            scored = calibration.scored_labelled(catalogue)
            found = _found_while_drafting(catalogue, scored, args.limit)
    pairs = [(each.pair.merge, each.score) for each in scored]
    merges = sum(1 for merge, _ in pairs if merge)
    print(f"labelled set: {len(pairs)} pairs, {merges} to merge, {len(pairs) - merges} apart")
    print()
    print("threshold  precision  recall   F1     called")
    for threshold in THRESHOLDS:
        precision, recall = calibration.precision_recall(pairs, threshold)
        called = sum(1 for _, score in pairs if score >= threshold)
        mark = "  <- service's threshold" if abs(threshold - OVERLAP_THRESHOLD) < 1e-9 else ""
        f1 = calibration.f1(precision, recall)
        print(f"{threshold:9.3f}  {precision:9.3f}  {recall:6.3f}  {f1:5.3f}  {called:6d}{mark}")
    best, best_f1 = calibration.best_threshold(pairs, THRESHOLDS)
    print()
    print(f"best F1: {best_f1:.3f} at threshold {best:.3f}")
    precision, recall = calibration.precision_recall(pairs, OVERLAP_THRESHOLD)
    print(
        f"at the service's threshold {OVERLAP_THRESHOLD:.3f}: precision {precision:.3f}, recall {recall:.3f}, "
        f"F1 {calibration.f1(precision, recall):.3f}"
    )
    _summary("merge", [each.score for each in scored if each.pair.merge])
    _summary("apart", [each.score for each in scored if not each.pair.merge])
    whole, begun = found
    print(
        f"pairs to merge, from each side, whose other proposal is among the first {args.limit} similar sessions: "
        f"{whole}/{2 * merges} from the whole text, {begun}/{2 * merges} from the title and policy questions alone"
    )
    at = OVERLAP_THRESHOLD if args.at is None else args.at
    wrong_apart = sorted(
        (each for each in scored if not each.pair.merge and each.score >= at), key=lambda each: -each.score
    )
    wrong_merge = sorted((each for each in scored if each.pair.merge and each.score < at), key=lambda each: each.score)
    _listing(f"false positives (apart, scored >= {at:.3f})", wrong_apart)
    _listing(f"false negatives (to merge, scored < {at:.3f})", wrong_merge)
    return 0


def _background_files(paths: list[Path]) -> list[Path]:
    """The files of ``paths``, less what a page fixture keeps beside its page (its expected
    facts, a folder's README): they are no sessions."""
    files = [file for path in paths for file in (sorted(path.rglob("*")) if path.is_dir() else [path])]
    return [
        file
        for file in files
        if file.is_file() and not file.name.endswith(".expected.json") and file.name != "README.md"
    ]


def _found_while_drafting(catalogue: Catalogue, scored: list[calibration.ScoredPair], limit: int) -> tuple[int, int]:
    """Of the pairs to merge, looked at from each side: how often the other proposal is among
    the ``limit`` sessions most like one (any year), from its whole text, and from its title
    and policy questions alone (a proposer who has not written the description yet)."""
    ids = calibration.codes_to_ids(catalogue)
    whole = begun = 0
    for each in scored:
        if not each.pair.merge:
            continue
        for mine, other in ((each.pair.a, each.pair.b), (each.pair.b, each.pair.a)):
            draft = catalogue.get(ids[mine])
            # The draft keeps its id: the session it was saved as is never among its own matches.
            started = draft.model_copy(update={"description": None, "expected_outcomes": None})
            whole += ids[other] in {similar.id for similar in similar_sessions(catalogue, draft, limit=limit)}
            begun += ids[other] in {similar.id for similar in similar_sessions(catalogue, started, limit=limit)}
    return whole, begun


def _summary(label: str, scores: list[float]) -> None:
    scores = sorted(scores)
    if not scores:
        return
    middle = scores[len(scores) // 2]
    print(f"scores of pairs {label}: lowest {scores[0]:.3f}, median {middle:.3f}, highest {scores[-1]:.3f}")


def _listing(heading: str, scored: list[calibration.ScoredPair]) -> None:
    print()
    print(f"{heading}: {len(scored)}")
    for each in scored:
        pair = each.pair
        print(f"  {pair.a}-{pair.b}  {each.score:.3f}  shared: {', '.join(each.shared_terms) or '-'}")
        print(f"      {pair.a}: {each.titles[0]}")
        print(f"      {pair.b}: {each.titles[1]}")
        print(f"      why: {pair.why}")


if __name__ == "__main__":
    sys.exit(main())
