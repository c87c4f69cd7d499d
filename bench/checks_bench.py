"""How long the checks take on one large session, with and without a catalogue.

The editor re-runs the checks on every keystroke, so one run must stay well under
a frame.  This prints the median milliseconds per run of ``run_checks`` on a
session with 30 participants and 20 agenda items:

- without a catalogue (the cross-session rules are skipped);
- with a catalogue of a few thousand sessions, built in a temporary folder
  through the real catalogue service (the people in the session also appear
  in many catalogued sessions, so the cross-session rules have work to do);
- with that catalogue behind ``CachedCatalogue`` (what an editor re-running on
  every keystroke would pass), once its answers are remembered;
- and, with the catalogue, the slowest rules one by one.

    python bench/checks_bench.py [--sessions 3000] [--runs 50]

Nothing is asserted: machines differ.  ``make bench`` (bench/run.py) covers the rest.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from generate import NAMES, synthetic_session  # noqa: E402

from igftui.checks import CachedCatalogue, RuleSet, load_rule_set, run_checks  # noqa: E402
from igftui.model import AgendaItem, ForumSession, OnlineParticipation, Participant  # noqa: E402
from igftui.model.vocabulary import Gender, Region, Role, StakeholderGroup  # noqa: E402
from igftui.store import Catalogue  # noqa: E402


def large_session(rng: random.Random, year: int) -> ForumSession:
    """A big draft: 30 participants in every role, 20 agenda items, a hybrid plan."""
    roles = (
        [[Role.SPEAKER]] * 22
        + [[Role.ORGANIZER]] * 4
        + [[Role.MODERATOR], [Role.ONLINE_MODERATOR], [Role.RAPPORTEUR], [Role.ORGANIZER, Role.SPEAKER]]
    )
    people = [
        Participant(
            name=name,
            organisation=f"Organisation {i}",
            roles=role,
            stakeholder_group=rng.choice(list(StakeholderGroup)),
            region=rng.choice(list(Region)),
            status=rng.choice(["invited", "provisional", "confirmed"]),
            attendance=rng.choice(["onsite", "online"]),
            gender=rng.choice(list(Gender)),
            first_time=rng.random() < 0.2,
        )
        for i, (name, role) in enumerate(zip(rng.sample(NAMES, 30), roles, strict=False))
    ]
    agenda = [
        AgendaItem(title=f"Segment {i}", minutes=rng.choice((3, 5, 8)), interactive=i % 2 == 0, public=i != 7)
        for i in range(20)
    ]
    return ForumSession(
        year=year,
        session_type="workshop",
        format="round_table",
        duration_minutes=90,
        title="A large draft with many people and a long agenda for the benchmark",
        description=" ".join(rng.choice(("data", "rights", "youth", "access")) for _ in range(300)),
        policy_questions=["What should change?"],
        expected_outcomes="Messages.",
        participants=people,
        agenda=agenda,
        online_participation=OnlineParticipation(platform="Zoom", interpretation=["French"], notes="Streamed."),
    )


def median_ms(action, runs: int) -> float:
    action()  # warm caches (rule set files, SQLite pages) out of the measurement
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=3000, help="catalogue size (default 3000)")
    parser.add_argument("--runs", type=int, default=50, help="runs per measurement (default 50)")
    args = parser.parse_args()

    rng = random.Random(2025)
    rule_set = load_rule_set(None)
    session = large_session(rng, 2025)
    print(
        f"run_checks on one session: {len(session.participants)} participants, "
        f"{len(session.agenda)} agenda items, rule set {rule_set.name} ({len(rule_set.rules)} rules)"
    )
    print(f"  without a catalogue          {median_ms(lambda: run_checks(session, rule_set), args.runs):8.2f} ms")
    print(f"  load_rule_set('igf-2025')    {median_ms(lambda: load_rule_set('igf-2025'), args.runs):8.2f} ms")

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with Catalogue(Path(folder) / "bench.db") as catalogue:
            batch = [synthetic_session(rng, number) for number in range(1, args.sessions + 1)]
            for session_ in batch[: args.sessions // 4]:
                session_.year = 2025  # a busy year: the people of the draft speak a lot in it
            catalogue.import_sessions(batch)
            print(f"  (catalogue of {args.sessions} sessions built in {time.perf_counter() - start:.1f} s)")
            with_catalogue = median_ms(lambda: run_checks(session, rule_set, catalogue), args.runs)
            print(f"  with the catalogue           {with_catalogue:8.2f} ms")
            cached = CachedCatalogue(catalogue, seconds=60)
            print(
                f"  with CachedCatalogue (warm)  "
                f"{median_ms(lambda: run_checks(session, rule_set, cached), args.runs):8.2f} ms"
            )

            timings = []
            for active in rule_set.rules:
                single = RuleSet(active.id, (active,))
                timings.append(
                    (median_ms(lambda single=single: run_checks(session, single, catalogue), args.runs), active)
                )
            print("  slowest rules, with the catalogue:")
            for ms, active in sorted(timings, key=lambda t: t[0], reverse=True)[:5]:
                print(f"    {active.id}  {ms:8.3f} ms  {active.title}")


if __name__ == "__main__":
    main()
