"""The API the command line and the editor use: findings, severities, ordering, the guard."""

import dataclasses

import pytest
from checks_helpers import good_workshop, person

from igftui.checks import (
    DEFAULT_RULE_SET,
    ActiveRule,
    Finding,
    Rule,
    RuleSet,
    Severity,
    describe_rules,
    load_rule_set,
    run_checks,
)
from igftui.checks.core import REGISTRY
from igftui.model import ForumSession


def test_severity_values_symbols_and_order():
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert Severity("warning") is Severity.WARNING
    symbols = {s.symbol for s in Severity}
    assert len(symbols) == 3 and all(symbols)
    assert sorted(Severity, key=lambda s: s.rank) == [Severity.ERROR, Severity.WARNING, Severity.INFO]


def test_finding_is_frozen_and_its_json_has_exactly_four_keys():
    finding = Finding("IGF-C001", Severity.ERROR, "The title is empty.", "Fill it in.", "title")
    assert finding.to_json() == {
        "rule": "IGF-C001",
        "severity": "error",
        "message": "The title is empty.",
        "hint": "Fill it in.",
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.message = "changed"  # type: ignore[misc]


def test_the_good_workshop_passes_the_default_rule_set_with_notes_only():
    findings = run_checks(good_workshop(), load_rule_set(None))
    assert [f for f in findings if f.severity is not Severity.INFO] == []


def test_findings_are_sorted_errors_then_warnings_then_notes_stably():
    session = ForumSession(
        title="x" * 80,
        session_type="workshop",
        format="panel",
        participants=[person(f"Speaker {i}", gender="man") for i in range(7)],
    )
    findings = run_checks(session, "igf-2017")
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks)
    assert {f.severity for f in findings} == set(Severity)
    # Stable: within a severity, the rule set's order (C before D before A ...) is kept.
    warnings = [f.rule for f in findings if f.severity is Severity.WARNING]
    order = load_rule_set("igf-2017").ids
    assert warnings == sorted(warnings, key=order.index)


def test_run_checks_accepts_a_name_or_nothing():
    session = good_workshop(title=None)
    by_name = run_checks(session, DEFAULT_RULE_SET)
    assert by_name == run_checks(session) == run_checks(session, load_rule_set(DEFAULT_RULE_SET))
    assert any(f.rule == "IGF-C001" and f.field == "title" for f in by_name)


def _broken(session, ctx):
    raise ZeroDivisionError("boom")
    yield  # pragma: no cover


BROKEN = Rule("IGF-X900", "Always breaks", Severity.INFO, "a test", _broken)


def test_a_rule_that_raises_becomes_an_error_finding_naming_it():
    rule_set = RuleSet("broken", (ActiveRule("IGF-X900", Severity.INFO, {}, BROKEN),))
    (finding,) = run_checks(ForumSession(), rule_set)
    assert finding.rule == "IGF-X900" and finding.severity is Severity.ERROR
    assert "IGF-X900" in finding.message and "ZeroDivisionError" in finding.message
    with pytest.raises(ZeroDivisionError):
        run_checks(ForumSession(), rule_set, raise_errors=True)


def test_rules_that_need_the_catalogue_are_skipped_without_one():
    needing = {r.id for r in REGISTRY.values() if r.needs_catalogue}
    assert needing == {"IGF-P001", "IGF-P002", "IGF-S001"}
    session = good_workshop(participants=[person("Ana Costa", first_time=True)])
    assert not any(f.rule in needing for f in run_checks(session, None, None))


def test_every_rule_is_described_documented_and_tuned_with_plain_values():
    infos = describe_rules()
    assert [i.id for i in infos] == list(REGISTRY)
    for info in infos:
        assert info.title and info.source and info.doc, info.id
        assert isinstance(info.severity, Severity)
        assert info.since is None or 2017 <= info.since <= 2025
        for value in info.params.values():
            assert isinstance(value, (bool, int, float, str, list))


def test_rule_ids_follow_the_families():
    for rule_id in REGISTRY:
        assert rule_id[:5] in {"IGF-D", "IGF-C", "IGF-A", "IGF-O", "IGF-P", "IGF-S", "IGF-I"}, rule_id
        assert rule_id[5:].isdigit() and len(rule_id) == 8


def test_checks_do_not_change_the_session():
    session = good_workshop()
    before = session.model_dump()
    run_checks(session, "igf-2025")
    assert session.model_dump() == before
