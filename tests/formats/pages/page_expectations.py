"""Compare what the page reader yields with a fixture's ``.expected.json`` (a subset of the session JSON).

Only the keys an expected object holds are compared.  ``participants`` is compared by
name: the same names (unnamed organisers counted), and for each expected person the
keys it gives (``roles`` as a set).  Two keys are not session fields:
``{"not_a_session": true}`` (reading must fail with a FormatError) and
``{"missing_includes": [...]}`` (these names must be among the missing fields).
A listing page's expected file holds a list, one object per session, in page order.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from igftui.formats.errors import FormatError
from igftui.formats.pages import read_page
from igftui.model.vocabulary import normalise


def read_fixture(path: Path):
    text = path.read_text(encoding="utf-8")
    return read_page(text, source_path=str(path))


def check_fixture(path: Path, expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    if isinstance(expected, dict) and expected.get("not_a_session"):
        with pytest.raises(FormatError):
            read_fixture(path)
        return
    readings = read_fixture(path)
    wanted = expected if isinstance(expected, list) else [expected]
    assert len(readings) == len(wanted), [r.session.title for r in readings]
    for position, (reading, facts) in enumerate(zip(readings, wanted, strict=True)):
        check_reading(reading, facts, f"{path.name}[{position}]")


def check_reading(reading, facts: dict, where: str) -> None:
    actual = reading.session.to_json()
    for key, value in facts.items():
        if key == "not_a_session":
            raise AssertionError(f"{where}: read as a session, expected not to be one")
        if key == "missing_includes":
            absent = set(value) - set(reading.missing)
            assert not absent, f"{where}: expected missing {sorted(absent)}, missing is {reading.missing}"
        elif key == "participants":
            check_participants(actual["participants"], value, where)
        elif key == "online_participation" and isinstance(value, dict):
            for inner, inner_value in value.items():
                assert actual[key][inner] == inner_value, f"{where}: online_participation.{inner}"
        else:
            assert actual.get(key) == value, f"{where}: {key}: {actual.get(key)!r} != {value!r}"


def _key(name):
    return None if name is None else normalise(name)


def check_participants(actual: list[dict], expected: list[dict], where: str) -> None:
    names = sorted(_key(p["name"]) or "" for p in actual)
    wanted = sorted(_key(p.get("name")) or "" for p in expected)
    assert names == wanted, f"{where}: participants {names} != {wanted}"
    unnamed = [p for p in actual if p["name"] is None]
    for person in expected:
        if person.get("name") is None:
            match = unnamed.pop(0)
        else:
            match = next(p for p in actual if _key(p["name"]) == _key(person["name"]))
        for key, value in person.items():
            if key == "roles":
                assert set(match["roles"]) == set(value), f"{where}: {person.get('name')}: roles {match['roles']}"
            elif key != "name":
                assert match.get(key) == value, f"{where}: {person.get('name')}: {key}: {match.get(key)!r} != {value!r}"
