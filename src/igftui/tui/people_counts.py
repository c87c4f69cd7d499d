"""How many sessions a person is in, year by year, marked where that is over the IGF's limit.

Shared by the people list and a person's own list of sessions.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from igftui.store.listing import PersonSummary

#: The IGF 2018 rule: nobody should speak in more than this many sessions of one year.
MAX_SESSIONS_A_YEAR = 3
#: Marks a year (and a person) over that limit; a symbol, so it reads without colour too.
OVER_MARK = "⚑"
# Counted over every role (the list does not split roles): the legend says so, since
# the IGF's limit is on speaking, and a person's own list shows their roles.
LEGEND = (f"{OVER_MARK} more than {MAX_SESSIONS_A_YEAR} sessions in a year, in any role "
          f"(IGF limit: {MAX_SESSIONS_A_YEAR} as a speaker)")


def over_limit(person: PersonSummary) -> list[int]:
    """The years in which ``person`` is in more sessions than the IGF 2018 rule allows."""
    return sorted((year for year, count in person.per_year.items() if count > MAX_SESSIONS_A_YEAR),
                  reverse=True)


def year_counts(per_year: dict[int, int], years: Iterable[int]) -> Text:
    """``"2022:1 2019:4⚑"``: the sessions of each of ``years`` that has any, newest first."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    for year in sorted(years, reverse=True):
        count = per_year.get(year)
        if not count:
            continue
        if text:
            text.append(" ")
        if count > MAX_SESSIONS_A_YEAR:
            text.append(f"{year}:{count}{OVER_MARK}", style="bold")
        else:
            text.append(f"{year}:{count}")
    return text
