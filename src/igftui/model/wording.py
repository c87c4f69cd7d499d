"""The words the command line, the app and the Markdown export share, each written once.

A phrase that two front ends print (a count with its noun, the name of a session,
the agenda's total, the count of findings, a role) lives here, so that the CLI, the
screens and the export cannot drift apart again.  The module imports nothing of
igftui (``vocabulary`` builds its folding on it) and never Textual.

Times with their zone ("Tue 26 Nov 2019, 09:30–11:00 (Berlin, CET; 08:30–10:00 UTC)")
have their home beside the venue clocks, in :func:`igftui.model.local_time.span_words`,
which the session view and the export both call; their durations are :func:`minutes`.

Rules decided here, and why:

* **Plurals** add "s" unless a plural is given ("person", "people"); counts of a
  thousand or more are grouped ("1,000 sessions"), as a person reads them.
* **Folding** (:func:`fold`) takes case and accents off, so "Lucía" matches "lucia";
  :func:`normalise` also turns each run of punctuation and spaces into one space.
  Every comparison of text the user typed with text stored goes through these two.
* **A person's key** (:func:`person_key`) is the name normalised: case, accents,
  punctuation and stray spaces do not make two people ("Ana  Costa", "ana costa",
  "Ána Costa" are one).  **Name order counts**: "Costa, Ana" is not "Ana Costa" and
  "Li Wei" is not "Wei Li".  Many names are written surname first without a comma,
  so swapping words would merge people who are two; IGF pages write names in the
  order the person gives, and a wrong merge (one person's sessions, or an erasure,
  reaching another) costs more than a missed one, which the user can fix by editing
  the name.  The catalogue stores these keys (``participant.person_key``): the rule
  is the one the catalogue has always used, so existing catalogues match unchanged.
* **The interactive share** is a whole percent rounded *down*
  (:func:`percent`): the IGF asks for agenda time in whole minutes and judges
  "at least" a share, so a share shown as "50%" must never be one the check
  (IGF-A003, ``min_share``) finds below 50%.  Rounding to nearest showed 49.5% as
  "50%" beside a warning that asked for 50%.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# ----- counts -----


def plural(count: int, one: str, many: str | None = None) -> str:
    """``"1 session"``, ``"3 sessions"``, ``"1,000 sessions"``; ``many`` for an irregular plural."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def is_are(count: int) -> str:
    """The verb that goes with ``count`` things: "1 speaker is", "2 speakers are"."""
    return "is" if count == 1 else "are"


def minutes(count: int, *, short: bool = False) -> str:
    """``"90 minutes"``, ``"1 minute"``; ``"90 min"`` with ``short``, where a column is narrow."""
    return f"{count:,} min" if short else plural(count, "minute")


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a whole percent rounded down: 99 of 200 is ``"49%"``.

    Down, never up: see the module's note on the interactive share.  Computed in
    integers, so 29 of 100 is 29% and not the 28% a float would give.
    """
    if whole <= 0:
        raise ValueError("a share of nothing has no percent")
    return f"{part * 100 // whole}%"


def agenda_total(total: int, duration: int | None, interactive: int) -> str:
    """The agenda's minutes against the session's, with the interactive share.

    ``"80 of 90 minutes; interactive 30 minutes (37%)"``; without a duration,
    ``"80 minutes; ..."``; without agenda time, no share.
    """
    line = f"{total:,} of {minutes(duration)}" if duration else minutes(total)
    if total > 0:
        line += f"; interactive {minutes(interactive)} ({percent(interactive, total)})"
    return line


#: Severities (the values of ``igftui.checks.Severity``) as a count line names them.
_SEVERITY_NOUNS = (("error", "error"), ("warning", "warning"), ("info", "note"))


def finding_counts(severities: Iterable[str]) -> str:
    """``"2 errors, 1 warning, 0 notes"``: the findings counted by severity, errors first.

    ``severities`` are the findings' severity values (``"error"``, ``"warning"``,
    ``"info"``); each count is written, zero too, so the line always reads the same.
    """
    counted = {value: 0 for value, _ in _SEVERITY_NOUNS}
    for severity in severities:
        value = getattr(severity, "value", severity)
        counted[value] = counted.get(value, 0) + 1
    return ", ".join(plural(counted[value], noun) for value, noun in _SEVERITY_NOUNS)


# ----- sessions -----

UNTITLED = "(untitled)"


def session_code(year: int | None, code: str | None) -> str:
    """``"IGF 2018 WS #153"``: what a heading puts before the title; empty without either."""
    return " ".join(bit for bit in (f"IGF {year}" if year else None, code) if bit)


def session_heading(year: int | None, code: str | None, title: str | None) -> str:
    """``"IGF 2018 WS #153 — Title"``; the title alone when there is no year nor code."""
    lead = session_code(year, code)
    title = title or UNTITLED
    return f"{lead} — {title}" if lead else title


def session_line(year: int | None, code: str | None, title: str | None) -> str:
    """``"2018  WS #153  Title"``: a session as a list names it (columns two spaces apart)."""
    return "  ".join(bit for bit in (str(year or ""), code or "", title or UNTITLED) if bit)


def session_name(code: str | None, title: str | None, untitled: str = UNTITLED) -> str:
    """``"WS #153 Title"``: a session named in a sentence or a screen's title."""
    return " ".join(bit for bit in (code, title) if bit) or untitled


# ----- roles -----

#: Roles as a sentence says them, by the contract's value (the vocabulary's labels are
#: the IGF pages' Title Case: "Online Moderator").
ROLE_WORDS = {
    "organizer": "Organiser",
    "speaker": "Speaker",
    "moderator": "Moderator",
    "online_moderator": "Online moderator",
    "rapporteur": "Rapporteur",
}

#: Beside "Online moderator", the moderator in the room is the onsite one.
_ROLE_HEADINGS = {
    "organizer": ("Organiser", "Organisers"),
    "speaker": ("Speaker", "Speakers"),
    "moderator": ("Onsite moderator", "Onsite moderators"),
    "online_moderator": ("Online moderator", "Online moderators"),
    "rapporteur": ("Rapporteur", "Rapporteurs"),
}


def role_word(role: str) -> str:
    """``"Online moderator"``: a role (a ``Role`` or its value) as a sentence says it."""
    return ROLE_WORDS[getattr(role, "value", role)]


def role_heading(role: str, many: bool = False) -> str:
    """The heading over the people with ``role``: "Onsite moderator", "Speakers" when ``many``."""
    one, several = _ROLE_HEADINGS[getattr(role, "value", role)]
    return several if many else one


# ----- folding -----

_PUNCT = re.compile(r"[^\w&]+")


def fold(text: str) -> str:
    """Case and accents off ("Lucía" -> "lucia", "Straße" -> "strasse"); nothing else changes."""
    if not text.isascii():  # ASCII has no accents to take off; the page importer calls this per line
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def normalise(text: str) -> str:
    """Text folded for comparison: accents off, case off, punctuation and spaces to single spaces."""
    return _PUNCT.sub(" ", fold(text)).strip()


def person_key(name: str | None) -> str | None:
    """The key that tells people apart: the name normalised; None without a name.

    See the module's note: case, accents, punctuation and spaces do not count, the
    order of the names does.
    """
    if not name:
        return None
    return normalise(name) or None
