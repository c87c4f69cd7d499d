"""How many sessions a person is in, year by year, marked where that is over the rule set's limit.

Shared by the people list and a person's own list of sessions.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from igftui.store.listing import PersonSummary

#: Marks a year (and a person) over the rule set's limit of sessions a year (rule IGF-P001's
#: ``max_sessions``, read by ``services.people``); a symbol, so it reads without colour too.
OVER_MARK = "⚑"


def legend(limit: int) -> str:
    """The line that explains the mark, for a rule set whose limit is ``limit`` sessions a year."""
    # Counted over every role (the list does not split roles): the legend says so, since
    # the IGF's limit is on speaking, and a person's own list shows their roles.
    return f"{OVER_MARK} more than {limit} sessions in a year, in any role (IGF limit: {limit} as a speaker)"


def over_limit(person: PersonSummary, limit: int | None) -> list[int]:
    """The years in which ``person`` is in more than ``limit`` sessions (none when there is no limit)."""
    if limit is None:
        return []
    return sorted((year for year, count in person.per_year.items() if count > limit), reverse=True)


def year_counts(per_year: dict[int, int], years: Iterable[int], limit: int | None) -> Text:
    """``"2022:1 2019:4⚑"``: the sessions of each of ``years`` that has any, newest first."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    for year in sorted(years, reverse=True):
        count = per_year.get(year)
        if not count:
            continue
        if text:
            text.append(" ")
        if limit is not None and count > limit:
            text.append(f"{year}:{count}{OVER_MARK}", style="bold")
        else:
            text.append(f"{year}:{count}")
    return text
