"""How alike two sessions are, from what they say: TF-IDF vectors of their words and the cosine between them.

What a session is about is in its title, policy questions, description and
expected outcomes.  Their words are folded (case and accents off, as the search
index folds them), the words every proposal uses are left out (English function
words, and the field's own: "internet", "governance", "session", "stakeholders"…),
and each word is reduced to its stem (Snowball's English stemmer: "protecting"
and "protection" are one term), so two proposals on one topic in other forms of
the same words meet.

A term weighs by how rare it is in the whole catalogue (its inverse document
frequency): two proposals sharing "spectrum" and "satellite" are closer than two
sharing "data" and "rights".  The document frequencies come from the catalogue's
search index, counted per word; a stem's is the sum of its words' (at most every
session).  Nothing here reads the catalogue: the caller passes the counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from igftui.model.wording import fold

if TYPE_CHECKING:
    from igftui.model.session import ForumSession

#: A word of three letters or more, split where the search index splits it (an underscore
#: too): its counts are the index's.
_WORD = re.compile(r"[^\W_]{3,}")

#: Words that say nothing about what a proposal is about: English function words, a
#: few of French and Spanish (proposals quote names and places in them), and the
#: words of the field that nearly every IGF proposal uses.
_STOP_TEXT = """
a about above across after again against all almost also although always am among an and another any anyone are
around as at be became because become been before being below between both but by can cannot could did do does
doing done down during each either else enough especially even ever every few for from further get gets given had
has have having he her here hers herself him himself his how however i if in including into is it its itself just
least less let like made make makes making many may me might more most much must my myself need needs neither no
nor not now of off often on once one only onto or other others otherwise our ours ourselves out over own per
perhaps rather same several shall she should since so some such than that the their theirs them themselves then
there therefore these they this those though through thus to together too toward towards under until up upon us
use used uses using very via was we well were what whatever when where whether which while who whom whose why will
with within without would yet you your yours yourself yourselves
el la los las de del y en por para con una uno un que se al lo le les des et du au aux pour sur dans avec par est
une sont ou o e
internet governance session sessions igf forum forums workshop workshops panel panellists panelists discussion
discuss discussions discussed participants participant speakers speaker stakeholder stakeholders multistakeholder
multi organizer organizers organiser organisers moderator moderators onsite online hybrid audience questions
question topic topics issue issues challenge challenges opportunity opportunities way ways new key role roles
important various ensure explore explores exploring address addresses addressing aim aims share sharing
perspectives perspective
year years annual meeting meetings member members agree agrees agreed work works worked working first second
third last next two three four five ten hundred part parts people dynamic coalition coalitions
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

#: How much a word of each part of a proposal counts: the title says most in fewest words.
TITLE_WEIGHT = 2.0

#: How many shared words a match names ("the words they share").
SHARED_SHOWN = 5


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # Loaded on first use: a launch that never compares sessions never pays for it.
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("english")


#: Every word stemmed so far: a catalogue's vocabulary is some tens of thousands of words,
#: and Snowball takes 25 microseconds a word.
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """The stem of a folded word ("protections" -> "protect")."""
    found = _STEMS.get(word)
    if found is None:
        found = _STEMS[word] = str(_stemmer().stemWord(word))
    return found


def words(text: str | None) -> list[str]:
    """The words of ``text`` that can tell proposals apart: folded, without stop words,
    numbers, or words of one or two letters."""
    if not text:
        return []
    return [word for word in _WORD.findall(fold(text)) if word not in STOP_WORDS and not word.isdigit()]


@dataclass
class Profile:
    """What a text is made of: each stem's weighted count, and the words that stand for it."""

    counts: dict[str, float] = field(default_factory=dict)
    #: A stem -> the first word seen for it, to name a shared term as people write it.
    shown: dict[str, str] = field(default_factory=dict)
    #: A stem -> every word seen for it (their document frequencies add up to the stem's).
    forms: dict[str, set[str]] = field(default_factory=dict)

    def add(self, text: str | None, weight: float = 1.0) -> None:
        counts, shown, forms, stems = self.counts, self.shown, self.forms, _STEMS
        # Each word once (Counter counts in C, in the order first seen): a description
        # says its topic's words many times.
        for word, times in Counter(words(text)).items():
            term = stems.get(word) or stem(word)
            counts[term] = counts.get(term, 0.0) + weight * times
            if term in shown:
                forms[term].add(word)
            else:
                shown[term] = word
                forms[term] = {word}

    @property
    def all_words(self) -> set[str]:
        return {word for forms in self.forms.values() for word in forms}

    def __bool__(self) -> bool:
        return bool(self.counts)


def profile(
    title: str | None,
    policy_questions: Iterable[str] = (),
    description: str | None = None,
    expected_outcomes: str | None = None,
) -> Profile:
    """The profile of a proposal from its title, policy questions, description and expected outcomes."""
    made = Profile()
    made.add(title, TITLE_WEIGHT)
    for question in policy_questions:
        made.add(question)
    made.add(description)
    made.add(expected_outcomes)
    return made


#: The answers two sessions are compared by (the editor looks again when one of them changes).
COMPARED_FIELDS = ("title", "policy_questions", "description", "expected_outcomes")


def profile_of(session: ForumSession) -> Profile:
    return profile(session.title, session.policy_questions, session.description, session.expected_outcomes)


def stem_frequencies(profile: Profile, word_counts: Mapping[str, int], total: int) -> dict[str, int]:
    """Each stem's document frequency: the sum of its words' (a session with two forms of
    one word is counted twice, so it is capped at ``total``)."""
    return {term: min(total, sum(word_counts.get(word, 0) for word in forms)) for term, forms in profile.forms.items()}


def idf(documents: int, total: int) -> float:
    """How rare a term is: ln((N + 1) / (df + 1)); a term of every session weighs nothing."""
    return math.log((total + 1) / (documents + 1))


@dataclass
class Vector:
    """A profile weighed by TF-IDF and scaled to length one."""

    weights: dict[str, float]
    shown: dict[str, str]

    def __bool__(self) -> bool:
        return bool(self.weights)


def vector(profile: Profile, frequencies: Mapping[str, int], total: int) -> Vector:
    """The TF-IDF vector of ``profile`` (sublinear counts: a word said ten times is not ten
    times the topic; every count is at least one, the weight of a part)."""
    log = math.log
    top = log(total + 1)
    weights = {}
    for term, count in profile.counts.items():
        # idf() written out: this runs for every term of every candidate.
        weight = (1.0 + log(count)) * (top - log(frequencies.get(term, 0) + 1))
        if weight > 0:
            weights[term] = weight
    length = math.sqrt(sum(weight * weight for weight in weights.values()))
    if length:
        weights = {term: weight / length for term, weight in weights.items()}
    return Vector(weights, profile.shown)


def cosine(a: Vector, b: Vector) -> float:
    """How alike two vectors are, 0 (nothing shared) to 1 (the same words in the same proportions)."""
    first, second = a.weights, b.weights
    # The shared terms found by a set intersection (in C): two sessions share few of their
    # words.  fsum: the same score whichever of the two is asked about first.
    return min(1.0, math.fsum(first[term] * second[term] for term in first.keys() & second.keys()))


#: How many shared terms make a likeness whole: two short texts sharing one or two words
#: ("closing the gap") are alike by chance more often than by topic.
EVIDENCE = 4


def likeness(a: Vector, b: Vector) -> float:
    """The score of two sessions: their cosine, scaled down when they share fewer than
    :data:`EVIDENCE` terms (a quarter for one shared term, half for two)."""
    first, second = a.weights, b.weights
    shared = first.keys() & second.keys()
    if not shared:
        return 0.0
    dot = min(1.0, math.fsum(first[term] * second[term] for term in shared))
    return dot * min(1.0, len(shared) / EVIDENCE)


def shared_terms(a: Vector, b: Vector, limit: int = SHARED_SHOWN) -> tuple[str, ...]:
    """The words two vectors share that weigh most in their likeness, as the first one writes them."""
    both = [(a.weights[term] * b.weights[term], term) for term in a.weights.keys() & b.weights.keys()]
    both.sort(key=lambda pair: (-pair[0], pair[1]))
    return tuple(a.shown.get(term, term) for _, term in both[:limit])


def distinctive_words(
    profile: Profile, frequencies: Mapping[str, int], total: int, limit: int, *, held_by_more_than: int = 0
) -> list[str]:
    """The words of ``profile``'s ``limit`` heaviest stems that more than ``held_by_more_than``
    sessions hold, to look candidates up by in the search index (a word no other session
    holds finds nothing)."""
    held = [term for term in profile.counts if frequencies.get(term, 0) > held_by_more_than]
    held.sort(key=lambda term: (-(1.0 + math.log(profile.counts[term])) * idf(frequencies.get(term, 0), total), term))
    found: list[str] = []
    for term in held[:limit]:
        found.extend(sorted(profile.forms[term]))
    return found
