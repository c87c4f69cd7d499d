"""What the catalogue's lists are made of: filters and one-line summaries.

Plain dataclasses with no database behind them, so that the UI can build a
filter and show a summary before the storage layer (SQLAlchemy) is even loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from igftui.model.vocabulary import Role

# Case and accents do not matter ("Lucia" finds "Lucía"), as in the search index.
from igftui.model.wording import fold

_WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(query: str | None) -> list[str]:
    """The words of a query, as the search matches them (each the start of a word)."""
    return _WORD.findall(query or "")


def matched_spans(text: str, query: str | None) -> list[tuple[int, int]]:
    """Where the words of ``query`` begin words of ``text``: (start, end) of each whole word.

    Used to highlight what a search matched; a word is matched as the search
    matches it, by its beginning, whatever its case or accents.
    """
    terms = [fold(term) for term in search_terms(query)]
    if not terms:
        return []
    spans = []
    for word in _WORD.finditer(text):
        folded = fold(word.group())
        if any(folded.startswith(term) for term in terms):
            spans.append(word.span())
    return spans


#: Columns the catalogue list can be sorted by, in the user's words.
SORT_COLUMNS = ("code", "year", "type", "title", "format", "status")

#: The order of a search's best matches first (the title's words count most).
RELEVANCE = "relevance"

#: Every order a list of sessions can be given: the columns, and relevance.
SORT_ORDERS = (*SORT_COLUMNS, RELEVANCE)


@dataclass(frozen=True)
class SessionFilter:
    """What a list of sessions is narrowed to.  Empty fields do not narrow."""

    query: str | None = None
    year: int | None = None
    session_type: str | None = None
    status: str | None = None
    format: str | None = None
    #: Sessions with at least one speaker of this stakeholder group.
    stakeholder_group: str | None = None
    #: Sessions with at least one speaker from this regional group.
    region: str | None = None
    #: Sessions this person (by name, folded) takes part in.
    person: str | None = None


@dataclass(frozen=True)
class SessionSummary:
    """One line of the catalogue: enough to list, sort and pick a session."""

    id: int
    code: str | None
    year: int | None
    session_type: str | None
    title: str | None
    format: str | None
    status: str


@dataclass(frozen=True)
class PersonSummary:
    """Someone who appears in the catalogue, with their sessions counted per year."""

    key: str
    name: str
    sessions: int
    per_year: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonWithSessions:
    """A person as :meth:`Catalogue.person` finds them: their summary and their roles in each session."""

    summary: PersonSummary
    #: Session id -> the person's roles in it, in the order of ``Role``.
    roles: dict[int, tuple[Role, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SimilarSession:
    """A session like another one: its line, how alike they are (0 to 1), and the words they share."""

    summary: SessionSummary
    score: float
    #: The shared words that count most in the score, as the session compared writes them.
    shared_terms: tuple[str, ...] = ()

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def code(self) -> str | None:
        return self.summary.code

    @property
    def year(self) -> int | None:
        return self.summary.year

    @property
    def title(self) -> str | None:
        return self.summary.title


@dataclass(frozen=True)
class SimilarPair:
    """Two sessions of one year alike enough to be worth merging: ``first`` has the lower id."""

    first: SessionSummary
    second: SessionSummary
    score: float
    shared_terms: tuple[str, ...] = ()

    @property
    def a(self) -> int:
        return self.first.id

    @property
    def b(self) -> int:
        return self.second.id
