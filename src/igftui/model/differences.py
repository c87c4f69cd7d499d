"""What differs between two texts of a session, field by field, in the words of the form.

The history screen shows a kept revision against the current text; the command
line may one day print the same.  Plain Python over the session documents of
``ForumSession.to_document()``, so it is tested without a terminal.

Each difference is a list of lines, each line marked so that it reads without
colour: ``-`` only in the older text, ``+`` only in the newer one, ``~`` a line
in both with some words changed (its pieces say which), and `` `` a line left
as it was, shown around a change so it can be found.  Private answers (the
organiser's notes, a speaker's gender and e-mail) are shown, and said to be
private: the user is looking at their own catalogue.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from igftui.model.form import FIELDS, label_of
from igftui.model.vocabulary import (
    AgendaKind,
    Attendance,
    Gender,
    ParticipantStatus,
    Region,
    Role,
    SessionStatus,
    StakeholderGroup,
    Term,
    parse,
)

#: Keys that say which session a document is, not what it says.
_IDENTITY_KEYS = frozenset({"schema", "id", "uid", "revision", "version"})

#: The order of the editor's form; anything else (code, source) after it.
_ORDER = (
    "session_type",
    "title",
    "short_title",
    "status",
    "year",
    "number",
    "theme",
    "subtheme",
    "tags",
    "private_notes",
    "policy_questions",
    "relevance_to_theme",
    "relevance_to_internet_governance",
    "description",
    "expected_outcomes",
    "discussion_facilitation",
    "diversity_statement",
    "sdgs",
    "links",
    "format",
    "format_description",
    "layout",
    "languages",
    "duration_minutes",
    "starts_at",
    "ends_at",
    "room",
    "venue",
    "agenda",
    "participants",
    "online_participation",
    "code",
    "source",
)

#: Lines this much alike (0..1, by their words) are one line with some words changed.
_ALIKE = 0.5

#: Unchanged lines shown either side of a change.
_CONTEXT = 1

_WORDS = re.compile(r"\w+|\s+|[^\w\s]")


def field_label(name: str) -> str:
    """What the editor calls the field ``name`` of a session document (``"sdgs"`` ->
    ``"Sustainable Development Goals"``): see :func:`igftui.model.form.label_of`."""
    return label_of(name)


def is_private(name: str) -> bool:
    """Whether the field holds the user's private answers alone (never exported unless asked)."""
    spec = FIELDS.get(name)
    return bool(spec and spec.private)


def changed_labels(names: Iterable[str]) -> list[str]:
    """The labels of changed fields, in the order of the form."""
    wanted = [name for name in names if name not in _IDENTITY_KEYS]
    return [field_label(name) for name in sorted(wanted, key=_rank)]


@dataclass(frozen=True)
class DiffLine:
    """One line of a difference.

    ``mark`` is ``"-"`` (only in the older text), ``"+"`` (only in the newer),
    ``"~"`` (in both, some words changed), ``" "`` (unchanged, shown for context)
    or ``"…"`` (unchanged lines left out).  ``pieces`` are (text, change) with
    change ``None``, ``"removed"`` or ``"added"``; only a ``~`` line mixes them.
    """

    mark: str
    pieces: tuple[tuple[str, str | None], ...]

    @property
    def text(self) -> str:
        """The line as plain text; in a ``~`` line, changed words marked ``[-old-]`` and ``{+new+}``."""
        if self.mark != "~":
            return "".join(text for text, _change in self.pieces)
        out = []
        for text, change in self.pieces:
            if change == "removed":
                out.append(f"[-{text}-]")
            elif change == "added":
                out.append(f"{{+{text}+}}")
            else:
                out.append(text)
        return "".join(out)


_SKIPPED = DiffLine("…", (("…", None),))


@dataclass(frozen=True)
class FieldDifference:
    """How one field differs: its name, the form's label for it, and the lines to show."""

    field: str
    label: str
    private: bool
    lines: tuple[DiffLine, ...]


def differences(older: dict[str, Any], newer: dict[str, Any]) -> list[FieldDifference]:
    """The fields whose value differs between two documents, in the order of the form.

    A field both texts leave empty, or fill alike, is not listed.
    """
    names = [key for key in {**older, **newer} if key not in _IDENTITY_KEYS]
    found = []
    for name in sorted(names, key=_rank):
        before, after = older.get(name), newer.get(name)
        if (_empty(before) and _empty(after)) or before == after:
            continue
        lines = diff_lines(lines_of(name, before), lines_of(name, after))
        if lines:
            found.append(FieldDifference(name, field_label(name), is_private(name), tuple(lines)))
    return found


def diff_lines(older: Sequence[str], newer: Sequence[str]) -> list[DiffLine]:
    """The lines of ``older`` and ``newer`` compared: what went, what came, what changed in a line."""
    if list(older) == list(newer):
        # (difflib makes up one "equal" group for two empty lists.)
        return []
    matcher = difflib.SequenceMatcher(None, list(older), list(newer), autojunk=False)
    out: list[DiffLine] = []
    shown_to = 0
    for opcodes in matcher.get_grouped_opcodes(_CONTEXT):
        if opcodes[0][1] > shown_to:
            # Unchanged lines left out before this part: say so, so the gap is no surprise.
            out.append(_SKIPPED)
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                out += [DiffLine(" ", ((line, None),)) for line in older[i1:i2]]
            elif tag == "delete":
                out += [DiffLine("-", ((line, "removed"),)) for line in older[i1:i2]]
            elif tag == "insert":
                out += [DiffLine("+", ((line, "added"),)) for line in newer[j1:j2]]
            else:
                out += _replaced(older[i1:i2], newer[j1:j2])
        shown_to = opcodes[-1][2]
    if shown_to < len(older):
        out.append(_SKIPPED)
    return out


def _replaced(older: Sequence[str], newer: Sequence[str]) -> list[DiffLine]:
    """A run of lines replaced by another: a line much like one of the new ones is that
    line changed (``~``, paired in order); the others went (``-``) or came (``+``)."""
    out: list[DiffLine] = []
    next_new = 0
    for before in older:
        match = next((j for j in range(next_new, len(newer)) if _alike(before, newer[j])), None)
        if match is None:
            out.append(DiffLine("-", ((before, "removed"),)))
            continue
        out += [DiffLine("+", ((line, "added"),)) for line in newer[next_new:match]]
        out.append(DiffLine("~", word_changes(before, newer[match])))
        next_new = match + 1
    out += [DiffLine("+", ((line, "added"),)) for line in newer[next_new:]]
    return out


def word_changes(before: str, after: str) -> tuple[tuple[str, str | None], ...]:
    """``before`` turned into ``after`` word by word: (text, None | "removed" | "added") pieces."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[tuple[str, str | None]] = []

    def add(text: str, change: str | None) -> None:
        if not text:
            return
        if pieces and pieces[-1][1] == change:
            pieces[-1] = (pieces[-1][0] + text, change)
        else:
            pieces.append((text, change))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("".join(old[i1:i2]), None)
        else:
            add("".join(old[i1:i2]), "removed")
            add("".join(new[j1:j2]), "added")
    return tuple(pieces)


def _alike(before: str, after: str) -> bool:
    old, new = before.split(), after.split()
    if not old or not new:
        return False
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() >= _ALIKE


# ----- a field's value as lines of text -----


def lines_of(name: str, value: Any) -> list[str]:
    """The value of field ``name`` as the lines a difference compares, in the user's words."""
    if _empty(value):
        return []
    if name == "participants":
        return [_person_line(person) for person in value if isinstance(person, dict)]
    if name == "agenda":
        return [_agenda_line(item) for item in value if isinstance(item, dict)]
    if name == "online_participation" and isinstance(value, dict):
        return _online_lines(value)
    if name == "source" and isinstance(value, dict):
        return [_source_line(value)]
    if name == "status":
        return [_term_label(SessionStatus, value)]
    spec = FIELDS.get(name)
    kind = spec.kind if spec is not None else "text"
    if kind == "choice" and spec is not None:
        return [next((term.label for term in spec.choices if term.value == value), str(value))]
    if kind == "flag":
        return ["yes" if value else "no"]
    if kind == "time":
        return [_time(value)]
    if kind == "links" and isinstance(value, list):
        return [_link_line(link) for link in value if isinstance(link, dict)]
    if kind == "lines" and isinstance(value, list):
        return [str(item) for item in value]
    if kind in ("commas", "goals") and isinstance(value, list):
        return [", ".join(str(item) for item in value)]
    if kind == "long":
        return str(value).splitlines() or [""]
    return [str(value)]


def _person_line(person: dict[str, Any]) -> str:
    bits = [
        person.get("name") or "(name not given)",
        person.get("organisation"),
        _term_label(StakeholderGroup, person.get("stakeholder_group")),
        _term_label(Region, person.get("region")),
        person.get("country"),
        ", ".join(_term_label(Role, role) for role in person.get("roles") or []),
        _term_label(ParticipantStatus, person.get("status")),
        _term_label(Attendance, person.get("attendance")),
        "first time" if person.get("first_time") else None,
        "lead organiser (contact)" if person.get("lead") else None,
        "to be confirmed" if person.get("to_be_confirmed") else None,
    ]
    if person.get("gender"):
        bits.append(f"gender {_term_label(Gender, person['gender'])} (private)")
    if person.get("email"):
        bits.append(f"e-mail {person['email']} (private)")
    return " · ".join(str(bit) for bit in bits if bit)


def _link_line(link: dict[str, Any]) -> str:
    # As the editor's box shows it: "Label: https://..." or the address alone.
    return f"{link['label']}: {link.get('url')}" if link.get("label") else str(link.get("url"))


def _agenda_line(item: dict[str, Any]) -> str:
    bits = [
        item.get("title") or "(untitled segment)",
        f"{item.get('minutes') or 0} min",
        _term_label(AgendaKind, item.get("kind")),
        "interactive" if item.get("interactive") else None,
        "not broadcast" if item.get("public") is False else None,
    ]
    return " · ".join(str(bit) for bit in bits if bit)


def _online_lines(online: dict[str, Any]) -> list[str]:
    lines = []
    for key, value in online.items():
        spec = FIELDS.get(f"online_participation.{key}")
        label = spec.label if spec is not None else key.replace("_", " ").capitalize()
        if spec is not None and spec.kind == "flag":
            lines.append(f"{label}: {'yes' if value else 'no'}")
        elif _empty(value):
            continue
        elif isinstance(value, list):
            lines.append(f"{label}: {'; '.join(str(item) for item in value)}")
        else:
            first, *rest = str(value).splitlines() or [""]
            lines.append(f"{label}: {first}")
            lines += rest
    return lines


def _source_line(source: dict[str, Any]) -> str:
    line = " ".join(str(bit) for bit in (source.get("kind"), source.get("path")) if bit)
    if source.get("imported_at"):
        line += f", imported {source['imported_at']}"
    return line or "(not given)"


def _term_label(kind: type[Term], value: Any) -> str:
    if not value:
        return ""
    member = parse(kind, str(value))
    return member.label if member is not None else str(value)


def _time(value: Any) -> str:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _empty(value: Any) -> bool:
    return value in (None, "", [], {})


def _rank(name: str) -> tuple[int, str]:
    return (_ORDER.index(name) if name in _ORDER else len(_ORDER), name)
