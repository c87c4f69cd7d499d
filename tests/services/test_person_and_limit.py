"""A person with their sessions in one query, and the per-year limit read from the rule set."""

from __future__ import annotations

import pytest

from igftui.checks import load_rule_set
from igftui.model import ForumSession
from igftui.model.session import Participant
from igftui.model.vocabulary import Role
from igftui.services.people import (
    limit_for_people,
    person_with_sessions,
    sessions_a_year_limit,
)


def session(year, *people, status="catalogued", number=1):
    return ForumSession(
        status=status,
        year=year,
        session_type="workshop",
        number=number,
        title=f"S {number}",
        participants=[Participant(name=name, roles=list(roles)) for name, roles in people],
    )


@pytest.fixture
def stored(catalogue):
    a = catalogue.add(session(2024, ("Ana Costa", ["speaker"]), number=1))
    b = catalogue.add(session(2024, ("ana  COSTA", ["moderator", "speaker"]), number=2))
    c = catalogue.add(session(2023, ("Ána Costa", ["rapporteur"]), ("Ana Costa", ["speaker"]), number=3))
    # A name that contains hers is someone else.
    other = catalogue.add(session(2024, ("Ana Costa-Lima", ["speaker"]), number=4))
    return a, b, c, other


def test_a_person_with_their_sessions_and_roles(catalogue, stored):
    a, b, c, other = stored
    found = person_with_sessions(catalogue, "ANA COSTA")
    assert found is not None
    assert found.summary.sessions == 3
    assert found.summary.per_year == {2024: 2, 2023: 1}
    # Roles in the order of the vocabulary, once each, from every entry of theirs in a session.
    assert found.roles == {
        a.id: (Role.SPEAKER,),
        b.id: (Role.SPEAKER, Role.MODERATOR),
        c.id: (Role.SPEAKER, Role.RAPPORTEUR),
    }
    assert other.id not in found.roles


def test_the_person_is_the_one_the_people_list_shows(catalogue, stored):
    found = person_with_sessions(catalogue, "Ana Costa")
    listed = [p for p in catalogue.people("Ana Costa", limit=100) if p.key == found.summary.key]
    assert listed == [found.summary]


def test_nobody_of_that_name(catalogue, stored):
    assert person_with_sessions(catalogue, "Kofi Mensah") is None
    assert person_with_sessions(catalogue, "  ") is None


def test_the_limit_is_the_rule_sets_parameter(tmp_path):
    assert sessions_a_year_limit(load_rule_set("igf-2025")) == 3
    assert sessions_a_year_limit(load_rule_set("igf-2017")) is None, "IGF-P001 came in 2018"
    path = tmp_path / "national.toml"
    path.write_text('name = "national"\nextends = "igf-2025"\n[rules.IGF-P001]\nmax_sessions = 5\n', encoding="utf-8")
    assert sessions_a_year_limit(load_rule_set(str(path))) == 5
    assert limit_for_people(str(path)) == 5
    assert limit_for_people(None) == 3
    off = tmp_path / "off.toml"
    off.write_text('name = "off"\nextends = "igf-2025"\n[rules.IGF-P001]\nenabled = false\n', encoding="utf-8")
    assert limit_for_people(str(off)) is None


def test_a_rule_set_that_cannot_be_read_leaves_the_default_limit(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("name = \n", encoding="utf-8")
    assert limit_for_people(str(broken)) == 3
    assert limit_for_people(str(tmp_path / "missing.toml")) == 3
