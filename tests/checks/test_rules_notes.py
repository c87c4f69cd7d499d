"""IGF-I…: notes that help — first-timers, developing regions, youth, who is missing."""

import pytest
from checks_helpers import good_workshop, only, person, run_rule

from igftui.checks import Severity
from igftui.model import Participant


def test_i001_names_first_time_participants():
    session = good_workshop(
        participants=[
            person("Ana Costa", first_time=True),
            person("Org Person", "organizer", first_time=True),
            person("Li Wei"),
        ]
    )
    finding = only(run_rule(session, "IGF-I001"))
    assert finding.severity is Severity.INFO
    assert "Ana Costa" in finding.message and "Org Person" in finding.message
    assert "Li Wei" not in finding.message


def test_i001_quiet_without_first_timers():
    assert run_rule(good_workshop(), "IGF-I001") == []


def test_i002_names_participants_from_developing_regions_and_says_it_is_a_proxy():
    finding = only(run_rule(good_workshop(), "IGF-I002"))
    assert finding.severity is Severity.INFO
    assert "Amara Okafor (African Group)" in finding.message
    assert "Mei Chen (Asia-Pacific Group)" in finding.message
    assert "Ana Costa" not in finding.message
    assert "proxy" in finding.message


def test_i002_counts_anonymised_organisers_instead_of_naming_them():
    unnamed = Participant(roles=["organizer"], stakeholder_group="civil_society", region="african")
    session = good_workshop(participants=[person("Ana Costa", region="grulac"), unnamed, unnamed])
    finding = only(run_rule(session, "IGF-I002"))
    assert finding.message.endswith("Ana Costa (Latin American and Caribbean Group (GRULAC)) and 2 unnamed organisers.")


def test_i002_says_when_nobody_is_from_them():
    session = good_workshop(
        participants=[person("Ana Costa", region="weog"), person("Olga P", region="eastern_european")]
    )
    assert "No participant" in only(run_rule(session, "IGF-I002")).message


def test_i002_quiet_without_regions():
    assert run_rule(good_workshop(participants=[person("Ana Costa")]), "IGF-I002") == []


def test_i003_names_youth_voices():
    session = good_workshop(
        participants=[
            person("Sara Haddad", organisation="Youth IGF Lebanon"),
            person("Li Wei", organisation="Tsinghua University"),
        ]
    )
    finding = only(run_rule(session, "IGF-I003"))
    assert finding.severity is Severity.INFO and "Sara Haddad (Youth IGF Lebanon)" in finding.message


@pytest.mark.parametrize(
    "changes",
    [
        {"tags": ["youth"]},
        {"description": "How young people shape data governance."},
        {"subtheme": "Youth engagement in Internet governance"},
    ],
)
def test_i003_a_session_about_youth_without_youth_voices(changes):
    finding = only(run_rule(good_workshop(**changes), "IGF-I003"))
    assert "about youth" in finding.message


def test_i003_quiet():
    assert run_rule(good_workshop(), "IGF-I003") == []


def test_i003_a_broad_theme_that_names_youth_does_not_make_a_session_about_youth():
    assert run_rule(good_workshop(theme="Human Rights, Gender and Youth"), "IGF-I003") == []


def test_i004_lists_missing_regions_and_groups():
    session = good_workshop(
        participants=[
            person("Ana Costa", region="weog", stakeholder_group="government"),
            person("Li Wei", region="asia_pacific", stakeholder_group="academia"),
        ]
    )
    regions, groups = run_rule(session, "IGF-I004")
    assert regions.severity is Severity.INFO and groups.severity is Severity.INFO
    assert regions.message == (
        "Regional groups no speaker comes from: African Group, Eastern European Group "
        "and Latin American and Caribbean Group (GRULAC)."
    )
    assert "Western European" not in regions.message
    assert "Civil Society" in groups.message and "Academia" not in groups.message


def test_i004_quiet_when_everyone_is_there_or_nothing_is_known():
    regions = ["african", "asia_pacific", "eastern_european", "grulac", "weog", "weog"]
    groups = [
        "civil_society",
        "government",
        "intergovernmental_organization",
        "private_sector",
        "technical_community",
        "academia",
    ]
    people = [
        person(f"S {i}", region=r, stakeholder_group=g) for i, (r, g) in enumerate(zip(regions, groups, strict=True))
    ]
    assert run_rule(good_workshop(participants=people), "IGF-I004") == []
    assert run_rule(good_workshop(participants=[person("Ana Costa")]), "IGF-I004") == []
    assert run_rule(good_workshop(participants=[]), "IGF-I004") == []
