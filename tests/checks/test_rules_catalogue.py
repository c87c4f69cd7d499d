"""IGF-P…: rules that look across a real catalogue file (no mocks)."""

import pytest
from checks_helpers import good_workshop, only, person, run_rule

from igftui.checks import Severity, run_checks
from igftui.model import ForumSession
from igftui.store import Catalogue


@pytest.fixture
def catalogue(tmp_path):
    with Catalogue(tmp_path / "c.db") as opened:
        yield opened


def other_session(number, year=2018, *, speakers=("Ana Costa",), status="catalogued", kind="workshop"):
    return ForumSession(
        status=status,
        year=year,
        session_type=kind,
        number=number,
        title=f"Session number {number}",
        participants=[person(name) for name in speakers],
    )


def test_p001_names_the_other_sessions_of_a_busy_speaker(catalogue):
    catalogue.import_sessions([other_session(n) for n in (11, 12, 13)])
    draft = catalogue.add(good_workshop(year=2018, participants=[person("ana costa"), person("Li Wei")]))
    finding = only(run_rule(draft, "IGF-P001", catalogue))
    assert finding.rule == "IGF-P001" and finding.severity is Severity.WARNING
    assert finding.message.startswith("ana costa speaks in 4 sessions of IGF 2018")
    for number in (11, 12, 13):
        assert f"WS #{number}" in finding.message and f"Session number {number}" in finding.message
    assert "the limit is 3" in finding.message
    assert "Li Wei" not in finding.message


def test_p001_counts_an_unsaved_draft_too(catalogue):
    catalogue.import_sessions([other_session(n) for n in (11, 12, 13)])
    draft = good_workshop(year=2018, participants=[person("Ana Costa")])
    assert draft.id is None
    assert only(run_rule(draft, "IGF-P001", catalogue)).message.startswith("Ana Costa speaks in 4")


def test_p001_quiet_at_the_limit_and_across_years(catalogue):
    catalogue.import_sessions(
        [
            other_session(11),
            other_session(12),
            other_session(13, year=2019),
            other_session(14, status="rejected"),
            other_session(15, status="withdrawn"),
        ]
    )
    draft = catalogue.add(good_workshop(year=2018, participants=[person("Ana Costa")]))
    assert run_rule(draft, "IGF-P001", catalogue) == []
    # The checked session itself is never counted twice.
    again = catalogue.get(draft.id)
    assert run_rule(again, "IGF-P001", catalogue) == []


def test_p001_parameters(catalogue):
    catalogue.import_sessions([other_session(11), other_session(12, kind="open_forum")])
    draft = good_workshop(year=2018, participants=[person("Ana Costa")])
    assert run_rule(draft, "IGF-P001", catalogue) == []
    assert run_rule(draft, "IGF-P001", catalogue, max_sessions=2) != []
    assert run_rule(draft, "IGF-P001", catalogue, max_sessions=2, session_types=["workshop"]) == []


def test_p001_needs_a_year_and_a_catalogue(catalogue):
    catalogue.import_sessions([other_session(n) for n in (11, 12, 13)])
    assert run_rule(good_workshop(year=None, participants=[person("Ana Costa")]), "IGF-P001", catalogue) == []
    draft = good_workshop(year=2018, participants=[person("Ana Costa")])
    assert not any(f.rule == "IGF-P001" for f in run_checks(draft, "igf-2018", None))
    assert any(f.rule == "IGF-P001" for f in run_checks(draft, "igf-2018", catalogue))
    assert not any(f.rule == "IGF-P001" for f in run_checks(draft, "igf-2017", catalogue))


def test_p002_first_timer_who_was_there_before(catalogue):
    catalogue.import_sessions([other_session(7, year=2016, speakers=("Kofi Mensah",))])
    draft = good_workshop(
        year=2018, participants=[person("Kofi Mensah", first_time=True), person("Li Wei", first_time=True)]
    )
    finding = only(run_rule(draft, "IGF-P002", catalogue))
    assert finding.severity is Severity.INFO
    assert "Kofi Mensah" in finding.message and "IGF 2016 WS #7" in finding.message
    assert "Li Wei" not in finding.message


def test_p002_quiet_for_later_sessions_and_people_not_marked_first_time(catalogue):
    catalogue.import_sessions([other_session(7, year=2020, speakers=("Kofi Mensah", "Li Wei"))])
    draft = good_workshop(year=2018, participants=[person("Kofi Mensah", first_time=True), person("Li Wei")])
    assert run_rule(draft, "IGF-P002", catalogue) == []


def test_cached_catalogue_remembers_answers_for_a_while(catalogue):
    from igftui.checks import CachedCatalogue

    catalogue.import_sessions([other_session(n) for n in (11, 12, 13)])
    draft = good_workshop(year=2018, participants=[person("Ana Costa")])
    cached = CachedCatalogue(catalogue, seconds=60)
    assert run_rule(draft, "IGF-P001", cached) != []
    catalogue.import_sessions([other_session(13, status="withdrawn")])
    assert run_rule(draft, "IGF-P001", cached) != []  # still the remembered answer
    cached.forget()
    assert run_rule(draft, "IGF-P001", cached) == []  # asked again
    fresh = CachedCatalogue(catalogue, seconds=0)
    catalogue.import_sessions([other_session(13)])
    assert run_rule(draft, "IGF-P001", fresh) != []
