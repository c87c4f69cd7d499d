"""The IGF's rule sets year by year, the default, the docs; and custom TOML rule sets."""

import itertools
import re
from pathlib import Path

import pytest
from checks_helpers import good_workshop, person

from igftui.checks import (
    DEFAULT_RULE_SET,
    RuleSetError,
    Severity,
    describe_rules,
    load_rule_set,
    rule_set_names,
    run_checks,
)
from igftui.checks.core import REGISTRY

CHECKS = Path(__file__).resolve().parents[2] / "src" / "igftui" / "checks"
EXAMPLE = CHECKS / "examples" / "national-igf.toml"
YEARS = [f"igf-{year}" for year in range(2017, 2026)]


# ----- the IGF's rule sets -----


def test_one_rule_set_per_year_and_igf_2025_is_the_default():
    assert rule_set_names() == YEARS
    assert DEFAULT_RULE_SET == "igf-2025"
    assert load_rule_set(None).name == "igf-2025"
    assert load_rule_set(None).ids == load_rule_set("igf-2025").ids


def test_rules_from_2023_are_absent_from_2017():
    old, new = load_rule_set("igf-2017"), load_rule_set("igf-2023")
    for rule_id in ("IGF-D002", "IGF-O002", "IGF-O003"):
        assert rule_id not in old and rule_id in new
    assert "IGF-P001" not in old and "IGF-P001" in load_rule_set("igf-2018")


def test_each_year_inherits_the_previous_one():
    # 2023 replaces the 2017 gender and hybrid rules by its stricter minimum criteria.
    replaced = {"IGF-D001", "IGF-O001"}
    for before, after in itertools.pairwise(YEARS):
        missing = set(load_rule_set(before).ids) - set(load_rule_set(after).ids)
        assert missing == (replaced if after == "igf-2023" else set()), after


def test_since_is_the_first_year_that_has_the_rule():
    since = {info.id: info.since for info in describe_rules()}
    assert since["IGF-C002"] == 2017 and since["IGF-P001"] == 2018 and since["IGF-D002"] == 2023
    assert all(since.values()), "every rule belongs to some IGF year"


def test_the_year_changes_the_verdict():
    helpers = [p for p in good_workshop().participants if "speaker" not in p.roles]
    session = good_workshop(
        participants=[
            *helpers[:2],
            person("Ana Costa", gender="man", attendance="online"),
            person("Li Wei", gender="man", attendance="online"),
            person("Kofi Mensah", gender="man", attendance="online"),
        ]
    )
    old = run_checks(session, "igf-2017")
    new = run_checks(session, "igf-2025")
    assert not any(f.severity is Severity.ERROR for f in old)
    assert {"IGF-D002", "IGF-O002", "IGF-O003"} <= {f.rule for f in new if f.severity is Severity.ERROR}


def test_readme_documents_every_rule_and_rule_set():
    readme = (CHECKS / "README.md").read_text(encoding="utf-8")
    for rule in REGISTRY.values():
        heading = f"#### {rule.id} — {rule.title}\n\n*{rule.severity.value}* · "
        assert heading in readme, rule.id
        for name in rule.params:
            assert f"`{name}`" in readme.split(heading)[1].split("####")[0], (rule.id, name)
    for name in YEARS:
        assert name in readme


# ----- custom rule sets -----


def write(tmp_path, text, name="national.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_loads_and_requires_five_stakeholder_groups():
    rule_set = load_rule_set(EXAMPLE)
    assert rule_set.name == "national-igf"
    d004 = rule_set.get("IGF-D004")
    assert d004.severity is Severity.ERROR and d004.params["min_groups"] == 5
    assert "IGF-P001" not in rule_set
    # Everything else comes from igf-2025.
    assert set(rule_set.ids) == set(load_rule_set("igf-2025").ids) - {"IGF-P001"}

    session = good_workshop()  # government, private sector and academia speakers
    assert not any(f.rule == "IGF-D004" for f in run_checks(session, "igf-2025"))
    (finding,) = [f for f in run_checks(session, rule_set) if f.rule == "IGF-D004"]
    assert finding.severity is Severity.ERROR and "at least 5" in finding.message
    assert "Civil Society" in finding.message and "Technical Community" in finding.message


def test_load_by_path_as_text_and_relative_extends(tmp_path):
    write(tmp_path, 'name = "base"\nextends = "igf-2017"\n[rules.IGF-A002]\nenabled = false\n', "base.toml")
    (tmp_path / "sub").mkdir()
    path = write(tmp_path / "sub", 'extends = "../base.toml"\n[rules.IGF-D003]\nmin_regions = 3\n', "child.toml")
    rule_set = load_rule_set(str(path))
    assert rule_set.name == "child"  # no name: the file's name
    assert "IGF-A002" not in rule_set and "IGF-D002" not in rule_set
    assert rule_set.get("IGF-D003").params["min_regions"] == 3
    assert rule_set.get("IGF-D003").severity is Severity.WARNING


def test_a_rule_set_without_extends_has_only_its_own_rules(tmp_path):
    rule_set = load_rule_set(write(tmp_path, '[rules.IGF-C002]\nmin_speakers = 4\n[rules."IGF-A001"]\n'))
    assert rule_set.ids == ["IGF-C002", "IGF-A001"]
    assert rule_set.get("IGF-C002").params == {"min_speakers": 4, "session_types": ["workshop"]}


def test_severity_and_params_change_results(tmp_path):
    path = write(tmp_path, 'extends = "igf-2025"\n[rules.IGF-C003]\nmax_chars = 20\nseverity = "ERROR"\n')
    (finding,) = [f for f in run_checks(good_workshop(), path) if f.rule == "IGF-C003"]
    assert finding.severity is Severity.ERROR and "20" in finding.message


def test_float_params_take_whole_numbers(tmp_path):
    rule_set = load_rule_set(write(tmp_path, "[rules.IGF-A003]\nmin_share = 1\n"))
    assert rule_set.get("IGF-A003").params["min_share"] == 1.0


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('name = "x"\nextends = "igf-2025"\n[rules.IGF-D004\nmin_groups = 5\n', 3, "column"),
        (
            'name = "x"\n\n[rules.IGF-D004]\nmin_groups = 5\n\n[rules.IGF-X999]\nseverity = "error"\n',
            6,
            "unknown rule 'IGF-X999'",
        ),
        ("[rules.IGF-D04]\n", 1, "did you mean IGF-D004"),
        (
            '# a comment\n[rules.IGF-D004]\nseverity = "error"\nmin_groups = "five"\n',
            4,
            'min_groups must be a whole number, not "five"',
        ),
        ("[rules.IGF-D004]\nmin_groups = 9\n", 2, "at most 6"),
        ('[rules.IGF-D004]\nrequired_groups = ["goverment"]\n', 2, "'goverment' is not one of"),
        (
            '[rules.IGF-D004]\nmin_groups = 2\nseverity = "fatal"\n',
            3,
            'severity must be error, warning or info, not "fatal"',
        ),
        ('[rules.IGF-D004]\nenabled = "no"\n', 2, "enabled must be true or false"),
        ("[rules.IGF-D004]\nmin_group = 2\n", 2, "has no setting 'min_group'"),
        ('name = "x"\nextends = "igf-2099"\n', 2, "unknown rule set 'igf-2099'"),
        ('name = "x"\n\nextends = "missing.toml"\n', 3, "no such rule set file"),
        ('name = "x"\nlevel = 3\n', 2, "unknown key 'level'"),
        ("name = 3\n", 1, "name must be text"),
        ("[rules]\nIGF-D004 = 5\n", 2, "IGF-D004 must be a table"),
        ("rules = 5\n", 1, "rules must be tables"),
    ],
)
def test_bad_files_name_the_file_and_the_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}: ") or re.match(rf".*national\.toml, line {line}: ", message)
    assert words in message
    assert "\n" not in message


def test_an_inline_table_error_still_finds_the_line(tmp_path):
    path = write(tmp_path, 'name = "x"\n[rules]\n"IGF-D004" = { min_groups = "five" }\n')
    with pytest.raises(RuleSetError, match=r"line 3: IGF-D004: min_groups must be a whole number"):
        load_rule_set(path)


def test_extends_in_a_circle(tmp_path):
    write(tmp_path, 'extends = "b.toml"\n', "a.toml")
    write(tmp_path, 'extends = "a.toml"\n', "b.toml")
    with pytest.raises(RuleSetError, match="circle"):
        load_rule_set(tmp_path / "a.toml")


def test_an_error_in_the_base_names_the_base_file(tmp_path):
    write(tmp_path, "[rules.IGF-Z001]\n", "base.toml")
    path = write(tmp_path, 'extends = "base.toml"\n')
    with pytest.raises(RuleSetError, match=r"base\.toml, line 1: unknown rule 'IGF-Z001'"):
        load_rule_set(path)


@pytest.mark.parametrize(
    "ref, words",
    [
        ("igf-1999", "unknown rule set 'igf-1999' (built in: igf-2017"),
        ("nowhere/rules.toml", "no such rule set file"),
    ],
)
def test_unknown_names_and_missing_files(ref, words):
    with pytest.raises(RuleSetError, match=re.escape(words)):
        load_rule_set(ref)


def test_a_folder_or_a_binary_file_is_a_rule_set_error(tmp_path):
    with pytest.raises(RuleSetError, match="folder"):
        load_rule_set(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe\x00name")
    with pytest.raises(RuleSetError, match="UTF-8"):
        load_rule_set(bad)
