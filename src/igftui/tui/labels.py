"""Contract values as the IGF writes them, for display."""

from __future__ import annotations

import re

from igftui.model.vocabulary import Format, SessionStatus, SessionType, T, Term, label, parse
from igftui.model.wording import plural

# The screens take the plural from here; its home is with the words the CLI and the export share.
__all__ = ["format_label", "label_of", "plural", "short_form", "status_label", "type_label"]


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


_ACRONYM = re.compile(r"[a-z]{2,4}")


def short_form(term: Term) -> str:
    """The shortest name the vocabulary has for ``term``, for a narrow column.

    The code a label ends with ("WEOG" of "Western European and Others Group
    (WEOG)"), else an acronym among its aliases ("APAC", "IGO", "CSO"), else
    its value in words when shorter than the label ("Provisional" for
    "Provisionally confirmed"), else the label less a trailing " Group".
    """
    text = term.label
    if text.endswith(")") and "(" in text:
        return text[text.rindex("(") + 1 : -1]
    acronym = next((alias for alias in term.aliases if _ACRONYM.fullmatch(alias)), None)
    if acronym is not None:
        return acronym.upper()
    words = term.value.replace("_", " ").capitalize()
    if len(words) < len(text):
        return words
    return text.removesuffix(" Group")
