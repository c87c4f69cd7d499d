"""The user's own keys: the ``[keymap]`` of ``config.toml`` checked against igftui's bindings.

The config file says which binding (by its id, ``"catalogue.new"``) gets which
keys, in a form checked there (:func:`igftui.config.read_keymap`).  Here the rest
is checked, before Textual's :meth:`App.set_keymap` is given the keymap: that the
id is one of igftui's, that each key is one Textual knows, and that no key ends up
doing two things in one place.  Each entry that fails gets one message and keeps
its usual keys; the others apply.

Textual itself notices a clash only once a screen's keys are looked up, again at
every key press, and keeps whichever binding it met last; checking every class
with bindings once, at start, gives one message instead and a known outcome.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache

from textual._keyboard_protocol import FUNCTIONAL_KEYS, MODIFIER_FUNCTIONAL_KEYS
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _character_to_key, key_to_character
from textual.screen import ModalScreen

#: Names of keys that are not characters ("f5", "pageup", "escape"...), as Textual names them.
_NAMED_KEYS = (
    {key.value.rpartition("+")[2] for key in Keys if not key.value.startswith("<")}
    | (set(FUNCTIONAL_KEYS.values()) - set(MODIFIER_FUNCTIONAL_KEYS))
    | set(KEY_NAME_REPLACEMENTS.values())
) - {""}

_EXAMPLES = '"n", "N", "ctrl+n", "f5", "question_mark", "pagedown"'


@dataclass
class CheckedKeymap:
    """The keymap to apply, and one message for each entry left out of it."""

    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def textual_key(key: str) -> str:
    """``key`` (already in :func:`igftui.config.normalize_key`'s form) as Textual names it.

    Raises :class:`ValueError` saying why, for a key Textual does not know or
    that no terminal sends.
    """
    *modifiers, name = key.split("+")
    if len(name) == 1:
        if not name.isprintable():
            raise ValueError(f"{key!r} is not a key Textual knows (keys are written like {_EXAMPLES})")
        if modifiers and name.isalpha() and name.isupper():
            raise ValueError(
                f"{key!r} never arrives: with {modifiers[0]} a letter is written small "
                f"({'+'.join([*modifiers, name.lower()])!r})"
            )
        # Textual names a character key by the character's name: "ctrl+/" is "ctrl+slash".
        name = _character_to_key(name)
    elif name not in _NAMED_KEYS and key_to_character(name) is None:
        close = difflib.get_close_matches(name, sorted(_NAMED_KEYS), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ValueError(f"{name!r} is not a key Textual knows ({hint}keys are written like {_EXAMPLES})")
    elif "shift" in modifiers and key_to_character(name) is not None:
        raise ValueError(f"{key!r} never arrives: a terminal sends the shifted character itself")
    return "+".join([*modifiers, name])


@cache
def binding_classes() -> tuple[type[DOMNode], ...]:
    """Every screen and widget class of igftui's app that declares keys.

    Imports every module of ``igftui.tui`` (screens are otherwise imported only
    when first opened), so that a keymap naming a key of a screen not yet shown
    is checked too.  Only done when the user has a keymap.
    """
    import igftui.tui

    for module in pkgutil.walk_packages(igftui.tui.__path__, "igftui.tui."):
        importlib.import_module(module.name)

    def subclasses(cls: type[DOMNode]) -> Iterator[type[DOMNode]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    found = {
        cls
        for cls in subclasses(DOMNode)
        if cls.__module__.startswith("igftui.")
        and not issubclass(cls, App)
        and any("BINDINGS" in vars(base) for base in cls.__mro__ if base.__module__.startswith("igftui."))
    }
    return tuple(sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__)))


def _bindings_of(cls: type[DOMNode]) -> list[Binding]:
    return [binding for bindings in cls._merge_bindings().key_to_bindings.values() for binding in bindings]


def binding_ids(app: App) -> dict[str, Binding]:
    """Every binding id of igftui, each with one of its bindings (for its description)."""
    found: dict[str, Binding] = {}
    everywhere = [binding for bindings in app._bindings.key_to_bindings.values() for binding in bindings]
    for binding in everywhere + [binding for cls in binding_classes() for binding in _bindings_of(cls)]:
        if binding.id is not None:
            found.setdefault(binding.id, binding)
    return found


def check_keymap(keymap: Mapping[str, str], app: App) -> CheckedKeymap:
    """``keymap`` (binding id -> keys, as read from the config) checked against ``app``'s bindings.

    An unknown id, a key Textual does not know, and a key given to two bindings
    that work in the same place (a screen or widget, with the keys that work
    everywhere) each give one message; those entries are left out, so their
    bindings keep their usual keys.
    """
    checked = CheckedKeymap()
    known = binding_ids(app)
    wanted: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            checked.problems.append(
                f"keymap: {binding_id!r} is not the id of any key ({hint}help lists each key's id: press i there)"
            )
            continue
        try:
            wanted[binding_id] = ",".join(dict.fromkeys(textual_key(key) for key in keys.split(",")))
        except ValueError as exc:
            checked.problems.append(f"keymap: {binding_id!r} = {keys!r}: {exc}; it keeps its usual keys")
    everywhere = [binding for bindings in app._bindings.key_to_bindings.values() for binding in bindings]
    scopes = [("every screen", everywhere)]
    for cls in binding_classes():
        # A dialog hides the keys that work everywhere, except those that go before all others.
        shared = [binding for binding in everywhere if binding.priority or not issubclass(cls, ModalScreen)]
        scopes.append((getattr(cls, "HELP_TITLE", "") or cls.__name__, _bindings_of(cls) + shared))
    told: set[tuple[frozenset[str], str]] = set()
    while True:
        clashes = [(place, key, members) for place, scope in scopes for key, members in _clashes(scope, wanted)]
        if not clashes:
            break
        for place, key, members in clashes:
            moved = [binding.id for binding in members if binding.id in wanted]
            named = frozenset(binding.id or binding.description for binding in members)
            if (named, key) not in told:
                told.add((named, key))
                checked.problems.append(_clash_message(place, key, members, moved))
            for binding_id in moved:
                wanted.pop(binding_id, None)
    checked.keymap = wanted
    return checked


def apply_user_keymap(app: App, keymap: Mapping[str, str], problems: tuple[str, ...] = ()) -> CheckedKeymap:
    """Give ``app`` the user's keys, and say once what was wrong with the rest (``problems``: the config's).

    Called as the app starts: a wrong entry is a notification, never a reason not to start.
    """
    checked = check_keymap(keymap, app) if keymap else CheckedKeymap()
    checked.problems[:0] = problems
    if checked.keymap:
        app.set_keymap(checked.keymap)
    for problem in checked.problems:
        app.notify(problem, title="Keys not changed", severity="warning", timeout=20, markup=False)
    return checked


def in_declared_order(node: DOMNode, bindings: BindingsMap) -> None:
    """Put the keys of ``bindings`` (``node``'s, once the keymap applied) back in the order declared.

    Textual moves a key the keymap gives to the end of its node's keys, and the
    footer lists keys in that order: "New draft" went after "Quit".  A key given
    by the keymap takes the place of the binding it was given to.
    """
    place: dict[object, int] = {}
    for number, (key, declared) in enumerate(node._bindings.key_to_bindings.items()):
        place.setdefault(key, number)
        for binding in declared:
            if binding.id is not None:
                place.setdefault(binding.id, number)

    def declared_place(item: tuple[str, list[Binding]]) -> int:
        key, key_bindings = item
        found = [place[binding.id] for binding in key_bindings if binding.id in place]
        return min(found) if found else place.get(key, len(place))

    bindings.key_to_bindings = dict(sorted(bindings.key_to_bindings.items(), key=declared_place))


def _clashes(scope: list[Binding], keymap: Mapping[str, str]) -> Iterator[tuple[str, list[Binding]]]:
    """The keys that, with ``keymap``, would do two things in ``scope`` (and did not before)."""
    before: dict[str, set[object]] = {}
    after: dict[str, dict[object, Binding]] = {}
    for binding in scope:
        # Bindings with one id are one thing (a subclass's and its base's); Textual's own have none.
        which: object = binding.id or id(binding)
        before.setdefault(binding.key, set()).add(which)
        remapped = binding.id is not None and binding.id in keymap
        keys = keymap[binding.id].split(",") if remapped else [binding.key]  # type: ignore[index]
        for key in keys:
            after.setdefault(key, {})[which] = binding
    for key, members in after.items():
        if len(members) < 2 or not any(binding.id in keymap for binding in members.values()):
            continue
        if set(members) <= before.get(key, set()):
            continue  # they shared the key already, by design (help's ? closes help)
        if len({binding.action for binding in members.values()}) == 1:
            continue  # the same thing twice
        yield key, list(members.values())


def _clash_message(place: str, key: str, members: list[Binding], moved: list[str]) -> str:
    names = [
        repr(binding.id) if binding.id else f"Textual's {binding.description or binding.action!r}"
        for binding in members
    ]
    together = ", ".join(names[:-1]) + " and " + names[-1]
    kept = " and ".join(repr(binding_id) for binding_id in moved)
    return (
        f"keymap: {together} would {'both' if len(names) == 2 else 'all'} be {key!r} in {place}; {kept} "
        f"{'keeps its' if len(moved) == 1 else 'keep their'} usual keys"
    )
