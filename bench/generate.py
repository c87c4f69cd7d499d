"""Realistic synthetic catalogues for the benchmarks, imported through the session JSON.

The text follows Zipf's law over a 6,000-word vocabulary (a few words are in almost
every session, most are rare, as in real IGF pages); descriptions run to about 250
words; 20,000 people come back across sessions (a few very often, most once or
twice); every session type and every year from 2006 to 2026 is there, the last
year's sessions partly drafts of the user's.

A catalogue is built as a real user would fill one: JSON files written by
``igftui.formats.jsonio`` and imported by ``igftui.services.importing.import_paths``
(what ``igftui import --json`` runs), one transaction per file.  Built catalogues
are kept in ``bench/.cache``, named by size and :data:`GENERATOR_VERSION` (raise it
whenever what is generated changes, so no stale catalogue is measured).

Two sessions carry a word no other has, so the bench can find them in the app:
:data:`OPEN_WORD` (a catalogued session: opened in the detail view) and
:data:`DRAFT_WORD` (a draft: opened in the editor).

    python bench/generate.py OUT.db [COUNT]
"""

from __future__ import annotations

import itertools
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from igftui.formats.jsonio import sessions_to_json  # noqa: E402
from igftui.model import AgendaItem, ForumSession, Participant  # noqa: E402
from igftui.model.vocabulary import Format, Region, Role, SessionType, StakeholderGroup  # noqa: E402
from igftui.services.importing import import_paths  # noqa: E402
from igftui.store import Catalogue  # noqa: E402

#: Raise whenever the generated sessions change: cached catalogues are named by it.
GENERATOR_VERSION = 1
VOCABULARY_SIZE = 6_000
PEOPLE = 20_000
YEARS = range(2006, 2027)
#: Sessions per JSON file (one import transaction each).
FILE_SIZE = 5_000
OPEN_WORD = "benchopen"
DRAFT_WORD = "benchdraft"


def _words(text: str) -> list[str]:
    return text.split()


# The most frequent words of real session pages, in rough order; the rest of the
# vocabulary is made of syllables, so every word is a plausible, searchable token.
_COMMON = _words(
    "the of and to in for internet governance a on is digital data with that be as are this by "
    "policy rights human access how can from session will stakeholders online security development "
    "countries global cooperation an inclusion platforms or at about it their women youth public "
    "technology private sector civil society infrastructure connectivity trust ai artificial "
    "intelligence cybersecurity privacy protection framework regional national local community "
    "sustainable open standards content children gender rural capacity building innovation economy "
    "freedom expression multistakeholder accountability transparency regulation network networks"
)
_SYLLABLES = _words(
    "ba be bi bo bu da de di do du fa fe fi ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu "
    "pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo an en in on "
    "ar er ir or al el il ol"
)
_FIRST = _words(
    "Amara Kofi Nomvula Tendai Chidi Aisha Fatou Moussa Ayodele Zanele Olga Irakli Marta Tomas Ivan "
    "Nadia Petra Jan Ana Juan Lucia Mateo Camila Diego Sofia Valentina Priya Arjun Mei Wei Hana Kenji "
    "Siti Rahul Anh Minh Sara Lena Jonas Emma Lukas Claire Pierre Hugo Elena Marco Omar Layla Yusuf "
    "Noura Karim Leila Daniel Grace Samuel Ruth Joseph Mary Ahmed Fatima Ali Zainab Ibrahim Mariam"
)


def _made_words(count: int, rng: random.Random) -> list[str]:
    seen = set(_COMMON) | {OPEN_WORD, DRAFT_WORD}
    words = list(_COMMON)
    while len(words) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass(frozen=True)
class Vocabulary:
    """The words and people of one generated catalogue, with how often each is drawn."""

    words: list[str]
    word_weights: list[float]
    people: list[str]
    people_weights: list[float]
    organisations: list[str]

    def text(self, rng: random.Random, count: int) -> str:
        return " ".join(rng.choices(self.words, cum_weights=self.word_weights, k=count))

    def person(self, rng: random.Random) -> str:
        return rng.choices(self.people, cum_weights=self.people_weights, k=1)[0]


def vocabulary(seed: int = 14) -> Vocabulary:
    """The same vocabulary and people every time (a cached catalogue stays valid)."""
    rng = random.Random(seed)
    words = _made_words(VOCABULARY_SIZE, rng)
    surnames = _made_words(VOCABULARY_SIZE + 2_000, random.Random(seed + 1))[len(_COMMON) + 1_000 :]
    people: list[str] = []
    seen: set[str] = set()
    while len(people) < PEOPLE:
        name = f"{rng.choice(_FIRST)} {rng.choice(surnames).capitalize()}"
        if name not in seen:
            seen.add(name)
            people.append(name)
    organisations = [
        f"{word.capitalize()} {kind}"
        for word, kind in zip(
            words[200:1_700], itertools.cycle(("Institute", "Foundation", "Ministry", "Network", "University", "Inc."))
        )
    ]
    return Vocabulary(
        words=words,
        word_weights=list(itertools.accumulate(1 / rank**1.07 for rank in range(1, len(words) + 1))),
        people=people,
        people_weights=list(itertools.accumulate(1 / rank**0.8 for rank in range(1, len(people) + 1))),
        organisations=organisations,
    )


def synthetic_session(rng: random.Random, number: int, words: Vocabulary | None = None) -> ForumSession:
    """One realistic session: ~250-word description, 3 to 9 people, an agenda."""
    words = words or _default_vocabulary()
    session_types = list(SessionType)
    year = YEARS[number % len(YEARS)]
    draft = year == YEARS[-1] and rng.random() < 0.3
    people: dict[str, Participant] = {}
    for index in range(rng.randint(3, 9)):
        name = words.person(rng)
        role = Role.ORGANIZER if index == 0 else rng.choice((Role.SPEAKER, Role.SPEAKER, Role.SPEAKER, Role.MODERATOR))
        person = people.setdefault(
            name,
            Participant(
                name=name,
                organisation=rng.choice(words.organisations),
                stakeholder_group=rng.choice(list(StakeholderGroup)),
                region=rng.choice(list(Region)),
                roles=[],
            ),
        )
        if role not in person.roles:
            person.roles.append(role)
    return ForumSession(
        status="draft" if draft else "catalogued",
        year=year,
        session_type=session_types[number % len(session_types)],
        number=number,
        title=words.text(rng, rng.randint(4, 10)).capitalize(),
        format=rng.choice(list(Format)),
        duration_minutes=rng.choice((30, 60, 90)),
        description=words.text(rng, rng.randint(200, 300)),
        expected_outcomes=words.text(rng, rng.randint(20, 60)),
        policy_questions=[words.text(rng, rng.randint(10, 20)) + "?" for _ in range(rng.randint(1, 3))],
        tags=[words.words[rng.randint(0, 300)] for _ in range(rng.randint(0, 3))],
        participants=list(people.values()),
        agenda=[AgendaItem(title=words.text(rng, 3).capitalize(), minutes=rng.choice((5, 10, 15))) for _ in range(3)],
    )


_VOCABULARY: Vocabulary | None = None


def _default_vocabulary() -> Vocabulary:
    global _VOCABULARY
    if _VOCABULARY is None:
        _VOCABULARY = vocabulary()
    return _VOCABULARY


#: A few of the people, for scripts that want names (bench/checks_bench.py).
NAMES = _default_vocabulary().people[:500]


def sessions(count: int, seed: int = 7) -> Iterator[ForumSession]:
    """``count`` sessions; the first two carry :data:`OPEN_WORD` and :data:`DRAFT_WORD`."""
    rng = random.Random(seed)
    words = _default_vocabulary()
    for number in range(1, count + 1):
        session = synthetic_session(rng, number, words)
        if number == 1:
            session.status, session.title = "catalogued", f"{session.title} {OPEN_WORD}"
        elif number == 2:
            session.status, session.year, session.title = "draft", YEARS[-1], f"{session.title} {DRAFT_WORD}"
        yield session


def write_json_files(folder: Path, count: int, per_file: int = FILE_SIZE) -> list[Path]:
    """The catalogue as igftui JSON files of ``per_file`` sessions each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    generated = sessions(count)
    for part in itertools.count(1):
        batch = list(itertools.islice(generated, per_file))
        if not batch:
            return paths
        path = folder / f"sessions-{part:03}.json"
        path.write_text(sessions_to_json(batch), encoding="utf-8")
        paths.append(path)
    return paths


def import_json(catalogue_path: Path, files: list[Path]) -> float:
    """Import ``files`` as ``igftui import --json`` does; returns the seconds it took."""
    start = time.perf_counter()
    with Catalogue(catalogue_path) as catalogue:
        report = import_paths(catalogue, files, keep_sessions=False)
    seconds = time.perf_counter() - start
    if report.skipped:
        raise RuntimeError(f"the generated JSON did not import: {report.skipped[0]}")
    return seconds


def cached_catalogue(count: int, cache: Path) -> tuple[Path, dict[str, float]]:
    """The catalogue of ``count`` sessions (built once into ``cache``) and how its import went."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"catalogue-{count}-v{GENERATOR_VERSION}.db"
    about = path.with_suffix(".json")
    if path.exists() and about.exists():
        return path, json.loads(about.read_text(encoding="utf-8"))
    print(f"generating a catalogue of {count:,} sessions in {path} (once; kept for later runs) ...", flush=True)
    with tempfile.TemporaryDirectory(dir=cache) as folder:
        files = write_json_files(Path(folder) / "json", count)
        partial = Path(folder) / "catalogue.db"
        seconds = import_json(partial, files)
        json_bytes = sum(file.stat().st_size for file in files)
        # Everything into the one file before it is moved: a write-ahead log left beside it would be lost.
        connection = sqlite3.connect(partial)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        shutil.move(str(partial), path)
    built = {
        "sessions": count,
        "import_seconds": seconds,
        "sessions_per_second": count / seconds,
        "json_bytes": json_bytes,
    }
    about.write_text(json.dumps(built, indent=2), encoding="utf-8")
    return path, built


if __name__ == "__main__":
    target = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000
    with tempfile.TemporaryDirectory() as tmp:
        took = import_json(target, write_json_files(Path(tmp), size))
    print(f"{size:,} sessions imported in {took:.1f} s ({size / took:,.0f} sessions/s)")
