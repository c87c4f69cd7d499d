"""`igftui check` and `igftui rules`, run as a user runs them: a subprocess on a temporary catalogue."""

import json
from pathlib import Path

import pytest
from checks_helpers import good_workshop, person

from igftui.model import ForumSession

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "igftui" / "checks" / "examples" / "national-igf.toml"


def one_clear_line(result):
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err and lines[0].startswith("igftui: ")
    return lines[0]


@pytest.fixture
def imported(igftui, tmp_path):
    """Two sessions brought in with `igftui import`: a good workshop and an incomplete draft."""
    good = good_workshop(title="A good workshop")
    bad = ForumSession(
        year=2025,
        session_type="workshop",
        title="A thin draft",
        participants=[person("Ana Costa", gender="man"), person("Li Wei", gender="man")],
    )
    path = tmp_path / "sessions.json"
    path.write_text(
        json.dumps([good.to_json(include_private=True), bad.to_json(include_private=True)]), encoding="utf-8"
    )
    result = igftui("import", str(path), "--json")
    assert result.code == 0, result.err
    ids = {s["title"]: s["id"] for s in result.json()["imported"]}
    return ids["A good workshop"], ids["A thin draft"]


def test_check_prints_findings_with_hints_and_fails_on_errors(igftui, imported):
    good, bad = imported
    result = igftui("check", str(bad))
    assert result.code == 1, result.err
    assert "checked with igf-2025" in result.out
    assert "IGF-C002" in result.out and "Ana Costa" in result.out and "hint:" in result.out
    assert "error" in result.out and result.out.strip().splitlines()[-1].startswith("failed: ")
    passed = igftui("check", str(good))
    assert passed.code == 0, passed.out
    assert passed.out.strip().splitlines()[-1].startswith("passed: 0 errors, 0 warnings")


def test_check_json_is_the_contract(igftui, imported):
    good, bad = imported
    result = igftui("check", str(bad), "--json")
    assert result.code == 1
    report = result.json()
    assert set(report) == {"rules", "passed", "findings"}
    assert report["rules"] == "igf-2025" and report["passed"] is False
    assert report["findings"]
    for finding in report["findings"]:
        assert set(finding) == {"rule", "severity", "message", "hint"}
        assert finding["severity"] in {"error", "warning", "info"}
    severities = [f["severity"] for f in report["findings"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    gender = next(f for f in report["findings"] if f["rule"] == "IGF-D002")
    assert "of one gender" in gender["message"] and "Li Wei" not in gender["message"]

    result = igftui("check", str(good), "--json")
    assert result.code == 0 and result.json()["passed"] is True
    assert all(f["severity"] == "info" for f in result.json()["findings"])


def test_check_with_an_older_year(igftui, imported):
    _, bad = imported
    report = igftui("check", str(bad), "--rules", "igf-2017", "--json").json()
    assert report["rules"] == "igf-2017"
    rules = {f["rule"] for f in report["findings"]}
    assert "IGF-D002" not in rules and "IGF-O003" not in rules and "IGF-D001" in rules


def test_the_default_rule_set_comes_from_the_settings(igftui, imported, monkeypatch):
    _, bad = imported
    monkeypatch.setenv("IGFTUI_RULES", "igf-2018")
    assert igftui("check", str(bad), "--json").json()["rules"] == "igf-2018"


def test_check_with_a_rules_file(igftui, imported, tmp_path):
    good, _ = imported
    result = igftui("check", str(good), "--rules", str(EXAMPLE), "--json")
    assert result.code == 1, result.err
    report = result.json()
    assert report["rules"] == "national-igf" and report["passed"] is False
    (d004,) = [f for f in report["findings"] if f["rule"] == "IGF-D004"]
    assert d004["severity"] == "error" and "at least 5" in d004["message"]

    lenient = tmp_path / "lenient.toml"
    lenient.write_text(f'extends = "{EXAMPLE}"\n[rules.IGF-D004]\nseverity = "info"\n', encoding="utf-8")
    result = igftui("check", str(good), "--rules", str(lenient), "--json")
    assert result.code == 0 and result.json()["rules"] == "lenient"


def test_a_bad_rules_file_is_one_line_naming_the_line(igftui, imported, tmp_path):
    good, _ = imported
    bad = tmp_path / "national.toml"
    bad.write_text(
        'name = "national"\nextends = "igf-2025"\n\n[rules.IGF-X999]\nseverity = "error"\n', encoding="utf-8"
    )
    result = igftui("check", str(good), "--rules", str(bad))
    assert result.code == 2 and result.out == ""
    line = one_clear_line(result)
    assert "national.toml, line 4: unknown rule 'IGF-X999'" in line

    bad.write_text("[rules.IGF-D004\n", encoding="utf-8")
    result = igftui("check", str(good), "--rules", str(bad))
    assert result.code == 2 and "national.toml, line 1:" in one_clear_line(result)


def test_an_unknown_rule_set_name_is_bad_usage(igftui, imported):
    result = igftui("check", str(imported[0]), "--rules", "igf-1999")
    assert result.code == 2 and "unknown rule set 'igf-1999'" in one_clear_line(result)


def test_an_unknown_session(igftui, imported):
    result = igftui("check", "999")
    assert result.code == 1
    one_clear_line(result)
    assert igftui("check", "999", "--json").code == 1


def test_cross_session_rule_through_the_command_line(igftui, catalogue):
    for number in (1, 2, 3):
        catalogue.add(
            ForumSession(
                status="catalogued",
                year=2025,
                session_type="workshop",
                number=number,
                title=f"Other {number}",
                participants=[person("Kofi Mensah")],
            )
        )
    draft = catalogue.add(good_workshop())
    report = igftui("check", str(draft.id), "--json").json()
    (p001,) = [f for f in report["findings"] if f["rule"] == "IGF-P001"]
    assert "Kofi Mensah speaks in 4 sessions" in p001["message"] and "WS #3" in p001["message"]


def test_rules_lists_every_rule(igftui):
    result = igftui("rules")
    assert result.code == 0, result.err
    for rule_id in ("IGF-C001", "IGF-D002", "IGF-P001", "IGF-I004"):
        assert rule_id in result.out
    assert "from IGF 2023" in result.out
    assert "settings: min_groups = 2" in result.out


def test_rules_of_a_rule_set_show_its_severities_and_settings(igftui):
    result = igftui("rules", "--rules", str(EXAMPLE))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    at = next(i for i, line in enumerate(lines) if "IGF-D004" in line)
    assert lines[at].startswith("* IGF-D004  error")
    assert "min_groups = 5" in lines[at + 2] and '"academia"' in lines[at + 2]
    assert any(line.startswith("  IGF-P001") for line in lines)  # turned off by the example
    assert lines[-1] == "* = used by national-igf"


def test_rules_json(igftui):
    result = igftui("rules", "--json")
    assert result.code == 0
    infos = result.json()
    assert {i["id"] for i in infos} >= {"IGF-C001", "IGF-A001", "IGF-O004"}
    for info in infos:
        assert set(info) == {"id", "severity", "title", "source", "since", "params"}
    by_id = {i["id"]: i for i in infos}
    assert by_id["IGF-D002"]["since"] == 2023 and by_id["IGF-D004"]["params"]["min_groups"] == 2

    marked = igftui("rules", "--rules", "igf-2017", "--json").json()
    in_set = {i["id"]: i["in_rule_set"] for i in marked}
    assert in_set["IGF-D001"] is True and in_set["IGF-D002"] is False
    text = igftui("rules", "--rules", "igf-2017").out
    assert "* = used by igf-2017" in text


def test_a_past_session_is_pointed_to_the_rules_of_its_year(igftui, tmp_path):
    past = good_workshop(title="A workshop of 2018", year=2018)
    path = tmp_path / "past.json"
    path.write_text(json.dumps(past.to_json(include_private=True)), encoding="utf-8")
    session_id = igftui("import", str(path), "--json").json()["imported"][0]["id"]
    newest = igftui("check", str(session_id))
    assert "checked with igf-2025" in newest.out
    assert f"igftui check {session_id} --rules igf-2018" in newest.out
    of_its_year = igftui("check", str(session_id), "--rules", "igf-2018")
    assert "checked with igf-2018" in of_its_year.out
    assert "--rules igf-2018" not in of_its_year.out.splitlines()[-1]
