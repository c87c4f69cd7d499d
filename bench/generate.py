"""A synthetic catalogue for benchmarks: many sessions, written through the real service."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from igftui.model import ForumSession, Participant
from igftui.model.vocabulary import Format, Region, SessionType, StakeholderGroup
from igftui.store import Catalogue

WORDS = ("data governance human rights access inclusion security trust youth gender internet "
         "fragmentation privacy encryption children platform accountability connectivity rural "
         "artificial intelligence cybersecurity openness standards climate sustainability").split()
NAMES = [f"{first} {last}" for first in ("Ana", "Lee", "Amara", "Olga", "Juan", "Priya", "Kofi", "Mei",
                                          "Sara", "Tomas", "Nadia", "Ivan")
         for last in ("Souza", "Min", "Okafor", "Petrova", "Garcia", "Shah", "Mensah", "Chen",
                      "Haddad", "Novak", "Rahman", "Kovac", "Silva", "Kim", "Diallo")]


def synthetic_session(rng: random.Random, number: int) -> ForumSession:
    words = rng.sample(WORDS, 5)
    return ForumSession(
        status="catalogued",
        year=rng.randint(2006, 2025),
        session_type=rng.choice(list(SessionType)),
        number=number,
        title=" ".join(words).capitalize(),
        format=rng.choice(list(Format)),
        duration_minutes=rng.choice((30, 60, 90)),
        description=" ".join(rng.choice(WORDS) for _ in range(60)),
        policy_questions=[" ".join(rng.sample(WORDS, 8)) + "?" for _ in range(2)],
        participants=[
            Participant(name=rng.choice(NAMES), organisation=rng.choice(WORDS).title() + " Institute",
                        roles=["speaker"], stakeholder_group=rng.choice(list(StakeholderGroup)),
                        region=rng.choice(list(Region)))
            for _ in range(rng.randint(3, 6))
        ],
    )


def generate(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with Catalogue(path) as catalogue:
        batch: list[ForumSession] = []
        for number in range(1, count + 1):
            batch.append(synthetic_session(rng, number))
            if len(batch) == 2000:
                catalogue.import_sessions(batch)
                batch.clear()
        if batch:
            catalogue.import_sessions(batch)


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
