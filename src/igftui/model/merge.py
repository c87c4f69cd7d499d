"""Three-way merge of two copies of a session against the copy they both started from.

A co-organiser edits the file they were sent while the organiser goes on editing
the draft; a page is imported again after the user added an agenda to it; two
copies of igftui save one draft.  Each is the same question: given the *base*
both sides started from, *mine* and *theirs*, what is the session now?

Field by field (nested objects such as the online plan field by field too):
a field only one side changed takes that side's value; a field both sides
changed to the same value is that value; a field both changed differently is a
conflict, and the merged document keeps *mine* until the user decides.  Nothing
here touches a database: the documents are the session JSON of
``ForumSession.to_document()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from igftui.model.wording import normalise, person_key

#: Keys that say which session a document is, not what it says: never merged.
_IDENTITY_KEYS = frozenset({"schema", "id", "uid", "revision", "history", "version"})

#: Objects merged key by key rather than as one value.
_NESTED = frozenset({"online_participation"})

#: Private answers of a participant; a copy without them gave no answer.
_PRIVATE_PARTICIPANT_KEYS = ("gender", "email")

#: A participant's flags written only when true: a copy without one says false, not nothing.
_FLAGS_WRITTEN_WHEN_SET = frozenset({"lead", "to_be_confirmed"})


@dataclass(frozen=True)
class FieldConflict:
    """A field both sides changed, differently.  ``field`` is dotted for nested ones."""

    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    document: dict[str, Any]
    #: Fields whose value was taken from theirs (only they changed them).
    taken: tuple[str, ...] = ()
    #: Fields both sides changed: the document holds mine for each of them.
    conflicts: tuple[FieldConflict, ...] = field(default_factory=tuple)

    @property
    def clean(self) -> bool:
        return not self.conflicts


_MISSING: Any = object()


def merge_documents(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]) -> MergeResult:
    """Merge ``theirs`` into ``mine`` against ``base``; with no base every difference conflicts.

    A key absent from ``theirs`` is a field they did not give (an export without
    private fields, an older file), so mine stands.
    """
    document: dict[str, Any] = {}
    taken: list[str] = []
    conflicts: list[FieldConflict] = []
    _merge_into(document, base, mine, theirs, "", taken, conflicts)
    return MergeResult(document, tuple(taken), tuple(conflicts))


def _merge_into(
    out: dict[str, Any],
    base: dict[str, Any] | None,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    prefix: str,
    taken: list[str],
    conflicts: list[FieldConflict],
) -> None:
    keys = list(mine) + [key for key in theirs if key not in mine]
    for key in keys:
        name = prefix + key
        m = mine.get(key, _MISSING)
        t = theirs.get(key, _MISSING)
        b = base.get(key, _MISSING) if base is not None else _MISSING
        if (not prefix and key in _IDENTITY_KEYS) or t is _MISSING:
            if m is not _MISSING:
                out[key] = m
            continue
        if m is _MISSING:
            m = None
        if key in _NESTED and not prefix and isinstance(m, dict) and isinstance(t, dict):
            nested: dict[str, Any] = {}
            nested_base = b if isinstance(b, dict) else (None if base is None else {})
            _merge_into(nested, nested_base, m, t, name + ".", taken, conflicts)
            out[key] = nested
            continue
        if m == t or (base is not None and _same(t, b)):
            out[key] = m
        elif base is not None and _same(m, b):
            out[key] = t
            taken.append(name)
        else:
            out[key] = m
            conflicts.append(FieldConflict(name, None if b is _MISSING else b, m, t))


def _same(value: Any, base: Any) -> bool:
    # A field the base did not have at all is the same as one left empty.
    if base is _MISSING:
        return value in (None, [], {}, "")
    return value == base


Choice = Literal["mine", "theirs"]


def resolve(result: MergeResult, choices: dict[str, Choice | tuple[Literal["value"], Any]]) -> dict[str, Any]:
    """The merged document with each conflict settled: keep mine, take theirs, or a value typed.

    A conflict with no choice keeps mine, as the merge already did.
    """
    document = _copy(result.document)
    for conflict in result.conflicts:
        choice = choices.get(conflict.field, "mine")
        if choice == "mine":
            continue
        value = conflict.theirs if choice == "theirs" else choice[1]
        _set(document, conflict.field, value)
    return document


def fill_not_given(theirs: dict[str, Any], mine: dict[str, Any]) -> dict[str, Any]:
    """``theirs`` with what it did not give taken from ``mine``.

    An export made without private fields has no gender or e-mail for anyone
    and no private notes; importing it must not erase them.  Nor does a key the
    copy leaves out of a person's entry erase what the user knows of that person.  A participant of
    theirs is matched to one of mine by name (case and accents aside), or, for
    an organisation listed without a person's name, by organisation.
    """
    filled = _copy(theirs)
    if filled.get("private_notes") is None and mine.get("private_notes") is not None:
        filled["private_notes"] = mine["private_notes"]
    people = filled.get("participants")
    if isinstance(people, list):
        known = {_person_key(p): p for p in mine.get("participants") or [] if isinstance(p, dict)}
        for person in people:
            if not isinstance(person, dict):
                continue
            match = known.get(_person_key(person))
            if match is None:
                continue
            for key, value in match.items():
                # What the copy left out about a person, it did not say.
                if key not in person and key not in _FLAGS_WRITTEN_WHEN_SET:
                    person[key] = value
            for key in _PRIVATE_PARTICIPANT_KEYS:
                if person.get(key) is None and match.get(key) is not None:
                    person[key] = match[key]
    return filled


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """The fields whose value differs between two documents, in the order of ``after``."""
    if before is None:
        return [
            key for key, value in after.items() if key not in _IDENTITY_KEYS and value not in (None, [], {}, "", False)
        ]
    keys = list(after) + [key for key in before if key not in after]
    return [
        key
        for key in keys
        if key not in _IDENTITY_KEYS and _differ(before.get(key, _MISSING), after.get(key, _MISSING))
    ]


def _differ(before: Any, after: Any) -> bool:
    # A key one document has not at all (an optional key an older igftui did not
    # write) and the other leaves empty is no change.
    if before is _MISSING or after is _MISSING:
        given = after if before is _MISSING else before
        return given is not _MISSING and given not in (None, [], {}, "")
    return before != after


def _person_key(person: dict[str, Any]) -> tuple[str, str]:
    # The person key every other part of igftui uses; an entry without a name, by its organisation.
    name = person.get("name")
    key = person_key(name) if isinstance(name, str) else None
    if key is not None:
        return ("name", key)
    organisation = person.get("organisation")
    return ("organisation", normalise(organisation) if isinstance(organisation, str) else "")


def _set(document: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    target = document
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
