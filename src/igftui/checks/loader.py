"""Rule sets: which rules run, how severe each is, and with what parameters.

The IGF's own rule sets (``igf-2017`` ... ``igf-2025``) are TOML files shipped in
``checks/rulesets/``; a user's rule set is a TOML file in the same format::

    name = "national-igf"
    extends = "igf-2025"          # a rule set name, or a path relative to this file

    [rules.IGF-D004]              # naming a rule turns it on; keys tune it
    min_groups = 5
    severity = "error"

    [rules.IGF-A002]
    enabled = false               # and this turns it off

A mistake in a file is a :class:`RuleSetError` whose message names the file and,
where it can be found, the line.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from igftui.checks.core import REGISTRY, Rule, Severity

DEFAULT_RULE_SET = "igf-2025"

_TOP_KEYS = ("name", "extends", "description", "rules")
_RULE_KEYS = ("enabled", "severity")
_SEVERITIES = tuple(s.value for s in Severity)


class RuleSetError(ValueError):
    """A rule set that cannot be used; the message names the file and, if it can, the line."""


@dataclass(frozen=True)
class ActiveRule:
    """A rule as a rule set uses it: effective severity and parameters."""

    id: str
    severity: Severity
    params: dict[str, Any]
    rule: Rule = field(repr=False, compare=False)

    @property
    def title(self) -> str:
        return self.rule.title

    @property
    def source(self) -> str:
        return self.rule.source


@dataclass(frozen=True)
class RuleSet:
    """A named selection of rules.  ``rules`` holds the enabled ones, in registry order."""

    name: str
    rules: tuple[ActiveRule, ...]
    description: str | None = None
    extends: str | None = None
    #: Where it was read from: a file path, or "built in".
    origin: str = "built in"

    def get(self, rule_id: str) -> ActiveRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def __contains__(self, rule_id: object) -> bool:
        return any(r.id == rule_id for r in self.rules)

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.rules]


@dataclass(frozen=True)
class RuleInfo:
    """What ``igftui rules`` shows about a rule."""

    id: str
    severity: Severity
    title: str
    source: str
    since: int | None
    params: dict[str, Any] = field(default_factory=dict)
    doc: str = ""


# ----- built-in rule sets -----


def _builtin_folder():
    return resources.files("igftui.checks").joinpath("rulesets")


@functools.lru_cache(maxsize=1)
def _builtin_texts() -> dict[str, str]:
    texts = {}
    for entry in _builtin_folder().iterdir():
        if entry.name.endswith(".toml"):
            texts[entry.name[: -len(".toml")]] = entry.read_text(encoding="utf-8")
    return texts


def rule_set_names() -> list[str]:
    """The built-in rule sets, oldest year first."""
    return sorted(_builtin_texts())


def _year_of(name: str) -> int | None:
    match = re.fullmatch(r"igf-(\d{4})", name)
    return int(match.group(1)) if match else None


# ----- loading -----


@dataclass
class _Source:
    display: str  # how messages name it
    text: str
    folder: Path | None  # where relative `extends` paths start; None for built-ins
    key: str  # identity, to catch `extends` cycles


def load_rule_set(name_or_path: str | os.PathLike[str] | None = None) -> RuleSet:
    """Load a rule set by name (``"igf-2018"``), by path to a TOML file, or the default (None)."""
    if name_or_path is None or name_or_path == "":
        name_or_path = DEFAULT_RULE_SET
    source = _resolve(name_or_path, base=None)
    return _load(source, chain=())


def _looks_like_path(text: str) -> bool:
    return text.endswith(".toml") or "/" in text or os.sep in text or text.startswith("~")


def _resolve(ref: str | os.PathLike[str], *, base: Path | None) -> _Source:
    """Find a rule set by name or path; ``base`` is the folder of the file that names it."""
    if not isinstance(ref, os.PathLike):
        if ref in _builtin_texts():
            return _Source(f"{ref} (built in)", _builtin_texts()[ref], None, f"builtin:{ref}")
        if not _looks_like_path(ref) and not (base or Path.cwd()).joinpath(ref).is_file():
            known = ", ".join(rule_set_names())
            raise RuleSetError(f"unknown rule set '{ref}' (built in: {known}; or give the path of a .toml file)")
    path = Path(ref).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    display = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        reason = "no such rule set file"
        if path.stem in _builtin_texts():
            reason += f" (the built-in rule set is named {path.stem}, without .toml)"
        raise _unusable(display, reason) from None
    except IsADirectoryError:
        raise _unusable(display, "is a folder, not a rule set file") from None
    except UnicodeDecodeError:
        raise _unusable(display, "is not UTF-8 text") from None
    except OSError as exc:
        raise _unusable(display, f"cannot be read ({exc.strerror or exc})") from None
    return _Source(display, text, path.parent, f"file:{path.resolve()}")


def _unusable(display: str, reason: str) -> RuleSetError:
    error = RuleSetError(f"{display}: {reason}")
    error.reason = reason  # type: ignore[attr-defined]  # for `extends`, which names the file itself
    return error


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _load(source: _Source, chain: tuple[str, ...]) -> RuleSet:
    data = _parse(source)
    where = _Locator(source)
    for key in data:
        if key not in _TOP_KEYS:
            raise where.error(
                f"unknown key '{key}' (a rule set has name, extends, description and [rules.ID] tables)", key=key
            )
    name = data.get("name", None)
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise where.error("name must be text", key="name")
    description = data.get("description")
    if description is not None and not isinstance(description, str):
        raise where.error("description must be text", key="description")
    if name is None:
        name = Path(source.display.split(" ")[0]).stem

    # Start from the base, or from nothing.
    chosen: dict[str, tuple[Severity, dict[str, Any]]] = {}
    extends = data.get("extends")
    if extends is not None:
        if not isinstance(extends, str) or not extends.strip():
            raise where.error("extends must be a rule set name or a path, as text", key="extends")
        try:
            base_source = _resolve(extends, base=source.folder)
        except RuleSetError as exc:
            reason = getattr(exc, "reason", None) or str(exc)
            raise where.error(f"extends '{extends}': {reason}", key="extends") from None
        if base_source.key in chain or base_source.key == source.key:
            raise where.error(f"extends '{extends}' goes round in a circle", key="extends")
        base = _load(base_source, (*chain, source.key))
        chosen = {r.id: (r.severity, dict(r.params)) for r in base.rules}

    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise where.error("rules must be tables: [rules.IGF-D001] ...", key="rules")
    for rule_id, settings in rules.items():
        definition = REGISTRY.get(rule_id)
        if definition is None:
            guess = difflib.get_close_matches(rule_id, list(REGISTRY), n=1)
            also = f" (did you mean {guess[0]}?)" if guess else " (see 'igftui rules')"
            raise where.error(f"unknown rule '{rule_id}'{also}", rule_id=rule_id)
        if not isinstance(settings, dict):
            raise where.error(f"{rule_id} must be a table ([rules.{rule_id}]) of settings", rule_id=rule_id)
        severity, params = chosen.get(rule_id, (definition.severity, definition.default_params()))
        enabled = True
        for key, value in settings.items():
            if key == "enabled":
                if not isinstance(value, bool):
                    raise where.error(f"{rule_id}: enabled must be true or false", rule_id=rule_id, key=key)
                enabled = value
            elif key == "severity":
                if not isinstance(value, str) or value.lower() not in _SEVERITIES:
                    raise where.error(
                        f"{rule_id}: severity must be error, warning or info, not {_shown(value)}",
                        rule_id=rule_id,
                        key=key,
                    )
                severity = Severity(value.lower())
            elif key in definition.params:
                try:
                    params[key] = definition.params[key].check(value)
                except ValueError as exc:
                    raise where.error(f"{rule_id}: {key} {exc}", rule_id=rule_id, key=key) from None
            else:
                known = ", ".join([*definition.params, *_RULE_KEYS])
                raise where.error(f"{rule_id} has no setting '{key}' (it has: {known})", rule_id=rule_id, key=key)
        if enabled:
            chosen[rule_id] = (severity, params)
        else:
            chosen.pop(rule_id, None)

    active = tuple(
        ActiveRule(rule_id, *chosen[rule_id], REGISTRY[rule_id]) for rule_id in REGISTRY if rule_id in chosen
    )
    origin = "built in" if source.folder is None else source.display
    return RuleSet(name.strip(), active, description, extends, origin)


def _shown(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _parse(source: _Source) -> dict[str, Any]:
    try:
        return tomllib.loads(source.text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if match:
            text = message[: match.start()]
            raise RuleSetError(
                f"{source.display}, line {match.group(1)}: {_lower_first(text)} (column {match.group(2)})"
            ) from None
        match = re.search(r"\s*\(at end of document\)$", message)
        if match:
            lines = source.text.count("\n") + 1
            raise RuleSetError(
                f"{source.display}, line {lines}: {_lower_first(message[: match.start()])} (at the end of the file)"
            ) from None
        raise RuleSetError(f"{source.display}: {_lower_first(message)}") from None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Locator:
    """Finds the line a setting is on, so an error can name it (tomllib does not keep lines)."""

    def __init__(self, source: _Source) -> None:
        self.source = source
        self.lines = source.text.splitlines()

    def error(self, message: str, *, rule_id: str | None = None, key: str | None = None) -> RuleSetError:
        line = self.find(rule_id, key)
        where = f"{self.source.display}, line {line}" if line else self.source.display
        return RuleSetError(f"{where}: {message}")

    def find(self, rule_id: str | None, key: str | None) -> int | None:
        if rule_id is None:
            return self._key_line(key, 0, self._first_table()) if key else None
        table = self._table_line(rule_id)
        if table is not None:
            if key is None:
                return table + 1
            end = self._next_table(table + 1)
            found = self._key_line(key, table + 1, end)
            return found if found is not None else table + 1
        # An inline table or a dotted key: the first line naming the rule (and the key).
        for number, line in enumerate(self.lines):
            if rule_id in line and (key is None or key in line):
                return number + 1
        for number, line in enumerate(self.lines):
            if rule_id in line:
                return number + 1
        return None

    def _table_line(self, rule_id: str) -> int | None:
        name = re.escape(rule_id)
        pattern = re.compile(rf"^\s*\[\s*rules\s*\.\s*(?:{name}|\"{name}\"|'{name}')\s*\]")
        for number, line in enumerate(self.lines):
            if pattern.match(line):
                return number
        return None

    def _first_table(self) -> int:
        return self._next_table(0)

    def _next_table(self, start: int) -> int:
        for number in range(start, len(self.lines)):
            if self.lines[number].lstrip().startswith("["):
                return number
        return len(self.lines)

    def _key_line(self, key: str, start: int, end: int) -> int | None:
        name = re.escape(key)
        pattern = re.compile(rf"^\s*(?:{name}|\"{name}\"|'{name}')\s*[=.]")
        for number in range(start, end):
            if pattern.match(self.lines[number]):
                return number + 1
        if key == "rules":
            for number, line in enumerate(self.lines):
                if re.match(r"^\s*\[+\s*rules\b", line):
                    return number + 1
        return None


# ----- describing the rules -----


@functools.lru_cache(maxsize=1)
def _since() -> dict[str, int]:
    first: dict[str, int] = {}
    for name in rule_set_names():
        year = _year_of(name)
        if year is None:
            continue
        for rule_id in load_rule_set(name).ids:
            if rule_id not in first or year < first[rule_id]:
                first[rule_id] = year
    return first


def describe_rules() -> list[RuleInfo]:
    """Every known rule, in id order of the registry, with its defaults and first IGF year."""
    since = _since()
    return [
        RuleInfo(r.id, r.severity, r.title, r.source, since.get(r.id), r.default_params(), r.doc)
        for r in REGISTRY.values()
    ]
