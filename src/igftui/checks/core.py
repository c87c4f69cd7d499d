"""The pieces every rule is made of: severities, findings, parameters and the registry.

A rule is a small function that looks at one :class:`~igftui.model.ForumSession`
and yields :class:`Finding` objects.  It is registered with :func:`rule`, which
records its stable id, default severity, default parameters, title and source.
Rule sets (see :mod:`igftui.checks.loader`) pick rules by id and may change
their severity and parameters; the rule itself never knows which rule set runs it.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the model is plain pydantic, but keep start-up light for the CLI
    from igftui.model.session import ForumSession
    from igftui.store.listing import SessionSummary, SimilarSession


class Severity(str, Enum):
    """How much a finding matters: an error fails ``igftui check`` (exit 1)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def symbol(self) -> str:
        """A mark that carries the severity without colour (STYLE.md, point 7)."""
        return _SYMBOLS[self]

    @property
    def rank(self) -> int:
        """Sort key: errors first, then warnings, then notes."""
        return _RANKS[self]

    def __str__(self) -> str:
        return self.value


_SYMBOLS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}
_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One thing a rule noticed about a session, in words an organiser can act on."""

    rule: str
    severity: Severity
    message: str
    hint: str = ""
    #: The session field the finding is about ("participants", "agenda", "title", ...),
    #: so an editor can show it next to that field; ``None`` when it is about the whole.
    field: str | None = None

    def to_json(self) -> dict[str, str]:
        """The ``check --json`` shape of a finding: exactly rule, severity, message, hint."""
        return {"rule": self.rule, "severity": self.severity.value, "message": self.message, "hint": self.hint}


class CatalogueView(Protocol):
    """What cross-session rules need from the catalogue (``igftui.store.Catalogue`` has it)."""

    def sessions_of_person(self, name: str, *, year: int | None = None, role: Any = None) -> list[SessionSummary]: ...

    def sessions_of_people(
        self, names: Iterable[str], *, year: int | None = None, role: Any = None
    ) -> dict[str, list[SessionSummary]]: ...

    def similar_sessions(self, session: Any, *, year: int | None = None, limit: int = 10) -> list[SimilarSession]: ...


class CachedCatalogue:
    """A catalogue whose person look-ups are remembered for a few seconds.

    For an editor that re-runs the checks on every keystroke: the cross-session
    rules ask the catalogue about each speaker, about a millisecond a question,
    and between two keystrokes the answers rarely change.  A change elsewhere in
    the catalogue shows once ``seconds`` have passed; :meth:`forget` drops
    everything at once (after a save, say).
    """

    def __init__(self, catalogue: CatalogueView, seconds: float = 2.0) -> None:
        self.catalogue = catalogue
        self.seconds = seconds
        self._answers: dict[tuple[Any, ...], tuple[float, list[Any]]] = {}

    def sessions_of_person(self, name: str, *, year: int | None = None, role: Any = None) -> list[Any]:
        key = (name, year, role)
        now = time.monotonic()
        known = self._answers.get(key)
        if known is not None and now - known[0] < self.seconds:
            return known[1]
        answer = self.catalogue.sessions_of_person(name, year=year, role=role)
        if len(self._answers) > 4096:  # a long editing day: start again rather than grow
            self._answers.clear()
        self._answers[key] = (now, answer)
        return answer

    def sessions_of_people(
        self, names: Iterable[str], *, year: int | None = None, role: Any = None
    ) -> dict[str, list[Any]]:
        now = time.monotonic()
        answers: dict[str, list[Any]] = {}
        missing: list[str] = []
        for name in names:
            known = self._answers.get((name, year, role))
            if known is not None and now - known[0] < self.seconds:
                answers[name] = known[1]
            else:
                missing.append(name)
        if missing:
            if len(self._answers) > 4096:
                self._answers.clear()
            for name, answer in self.catalogue.sessions_of_people(missing, year=year, role=role).items():
                self._answers[(name, year, role)] = (now, answer)
                answers[name] = answer
        return answers

    def similar_sessions(self, session: Any, *, year: int | None = None, limit: int = 10) -> list[Any]:
        """The catalogue's answer, asked again only when what the session says has changed
        (or ``seconds`` have passed): the checks run on every pause, most of them after a
        change to a speaker or the agenda, which leaves the texts as they were."""
        key = (
            "similar",
            session.id,
            year,
            limit,
            session.title,
            tuple(session.policy_questions),
            session.description,
            session.expected_outcomes,
        )
        now = time.monotonic()
        known = self._answers.get(key)
        if known is not None and now - known[0] < self.seconds:
            return known[1]
        answer = self.catalogue.similar_sessions(session, year=year, limit=limit)
        if len(self._answers) > 4096:
            self._answers.clear()
        self._answers[key] = (now, answer)
        return answer

    def forget(self) -> None:
        self._answers.clear()


@dataclass(frozen=True)
class Param:
    """A rule parameter: its default, what it means, and what values it accepts.

    The type is the default's type: ``int``, ``float`` (an int is accepted too),
    ``bool``, ``str`` or a list of strings.  ``choices`` limits a string, or each
    string of a list, to known values (e.g. the contract's format values).
    """

    default: Any
    doc: str
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def kind(self) -> str:
        value = self.default
        if isinstance(value, bool):
            return "boolean"
        if isinstance(value, int):
            return "integer"
        if isinstance(value, float):
            return "number"
        if isinstance(value, str):
            return "text"
        return "list of text"

    def check(self, value: Any) -> Any:
        """Return ``value`` in the parameter's type, or raise ``ValueError`` saying why not."""
        kind = self.kind
        if kind == "boolean":
            if not isinstance(value, bool):
                raise ValueError(f"must be true or false, not {_show(value)}")
        elif kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"must be a whole number, not {_show(value)}")
        elif kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"must be a number, not {_show(value)}")
            value = float(value)
        elif kind == "text":
            if not isinstance(value, str):
                raise ValueError(f"must be text, not {_show(value)}")
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"must be a list of text, not {_show(value)}")
            value = list(value)
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"must be at least {_number(self.minimum)}, not {_show(value)}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"must be at most {_number(self.maximum)}, not {_show(value)}")
        if self.choices is not None:
            for item in value if isinstance(value, list) else [value]:
                if item not in self.choices:
                    raise ValueError(f"{item!r} is not one of: {', '.join(self.choices)}")
        return value


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass
class Context:
    """What a rule gets besides the session: its effective settings and the catalogue."""

    rule_id: str
    severity: Severity
    params: dict[str, Any]
    catalogue: CatalogueView | None = None

    def finding(
        self, message: str, hint: str = "", field: str | None = "participants", severity: Severity | None = None
    ) -> Finding:
        """A finding of this rule; its severity is the rule set's unless a note says INFO."""
        return Finding(self.rule_id, severity or self.severity, message, hint, field)


Check = Callable[["ForumSession", Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: what it checks, where it comes from, and how it is tuned."""

    id: str
    title: str
    severity: Severity
    source: str
    check: Check
    params: dict[str, Param] = field(default_factory=dict)
    needs_catalogue: bool = False

    @property
    def doc(self) -> str:
        """The rule's documentation: the docstring of its function."""
        return inspect.cleandoc(self.check.__doc__ or "")

    def default_params(self) -> dict[str, Any]:
        return {name: _copy(p.default) for name, p in self.params.items()}


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


#: Every known rule by id, in the order the modules register them.
REGISTRY: dict[str, Rule] = {}


def rule(
    rule_id: str,
    *,
    title: str,
    severity: Severity,
    source: str,
    params: dict[str, Param] | None = None,
    needs_catalogue: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated function as the rule ``rule_id``."""

    def register(function: Check) -> Check:
        if rule_id in REGISTRY:
            raise RuntimeError(f"rule {rule_id} is registered twice")
        REGISTRY[rule_id] = Rule(rule_id, title, severity, source, function, dict(params or {}), needs_catalogue)
        return function

    return register


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; the rules' own order otherwise (stable)."""
    return sorted(findings, key=lambda f: f.severity.rank)
