"""Which rule set judges a session: one policy, used by `igftui check` and the app alike."""

from __future__ import annotations

import json

import pytest

from igftui.checks import DEFAULT_RULE_SET, rule_set_names
from igftui.cli import main
from igftui.model import ForumSession
from igftui.services.rule_sets import rule_set_for, rule_set_of_year


def test_a_year_has_its_own_rule_set_else_the_newest_before_it():
    names = rule_set_names()
    assert rule_set_of_year(2018, names) == "igf-2018"
    assert rule_set_of_year(2025, names) == "igf-2025"
    assert rule_set_of_year(2031, names) == "igf-2025"
    assert rule_set_of_year(2016, names) is None, "no rule set before igf-2017"
    assert rule_set_of_year(2020, ["igf-2017", "igf-2019", "national"]) == "igf-2019"


def test_a_past_year_without_its_own_rule_set_takes_the_one_before_it():
    session = ForumSession(status="catalogued", year=2020, title="A session")
    assert rule_set_for(session, names=["igf-2017", "igf-2019", "igf-2023"]) == "igf-2019"


@pytest.mark.parametrize(
    ("status", "year", "configured", "expected"),
    [
        ("catalogued", 2018, None, "igf-2018"),
        # The committee of 2018 judged it: the user's own rule set is for their proposals.
        ("catalogued", 2018, "national.toml", "igf-2018"),
        ("catalogued", 2024, "national.toml", "igf-2024"),
        # The newest year's sessions and later: the forum the user's setting is for.
        ("catalogued", 2025, "national.toml", "national.toml"),
        ("catalogued", 2027, None, DEFAULT_RULE_SET),
        ("catalogued", 2010, None, DEFAULT_RULE_SET),
        ("catalogued", 2010, "national.toml", "national.toml"),
        ("catalogued", None, None, DEFAULT_RULE_SET),
        ("draft", 2018, None, DEFAULT_RULE_SET),
        ("draft", 2026, "national.toml", "national.toml"),
        ("submitted", 2019, None, DEFAULT_RULE_SET),
    ],
)
def test_the_policy(status, year, configured, expected):
    session = ForumSession(status=status, year=year, session_type="workshop", title="A session")
    assert rule_set_for(session, configured=configured) == expected


def test_a_rule_set_named_for_the_check_wins():
    past = ForumSession(status="catalogued", year=2018, title="A session")
    assert rule_set_for(past, chosen="igf-2023", configured="national.toml") == "igf-2023"
    assert rule_set_for(None, configured="national.toml") == "national.toml"
    assert rule_set_for(None) == DEFAULT_RULE_SET


def test_check_judges_a_past_session_by_its_year_as_the_app_does(catalogue, capsys):
    # The drift fixed: `igftui check` used the newest rules for every session while the
    # session screen used the rules of the session's year.
    past = catalogue.add(
        ForumSession(status="catalogued", year=2018, session_type="workshop", number=7, title="A workshop of 2018")
    )
    draft = catalogue.add(ForumSession(status="draft", year=2018, session_type="workshop", title="Mine"))
    db = str(catalogue.path)
    main(["--db", db, "check", str(past.id), "--json"])
    assert json.loads(capsys.readouterr().out)["rules"] == "igf-2018"
    main(["--db", db, "check", str(past.id)])
    out = capsys.readouterr().out
    assert "checked with igf-2018" in out and "--rules igf-2018" not in out
    main(["--db", db, "check", str(draft.id)])
    out = capsys.readouterr().out
    assert "checked with igf-2025" in out and f"igftui check {draft.id} --rules igf-2018" in out
    main(["--db", db, "check", str(past.id), "--rules", "igf-2023", "--json"])
    assert json.loads(capsys.readouterr().out)["rules"] == "igf-2023"
