"""Contract values as the IGF writes them, for display."""

from __future__ import annotations

from igftui.model.vocabulary import Format, SessionStatus, SessionType, T, label, parse


def label_of(kind: type[T], value: str | None) -> str:
    """The IGF label of a stored value (``"round_table"`` -> ``"Round Table"``).

    A value the vocabulary does not know is shown as it is rather than hidden.
    """
    if not value:
        return ""
    return label(parse(kind, value)) or value


def type_label(value: str | None) -> str:
    return label_of(SessionType, value)


def format_label(value: str | None) -> str:
    return label_of(Format, value)


def status_label(value: str | None) -> str:
    return label_of(SessionStatus, value)


def plural(count: int, noun: str) -> str:
    """``"1 session"``, ``"1,000 sessions"``."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
