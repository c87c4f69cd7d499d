"""IGF-D…: gender, regional group and stakeholder group among speakers."""

import pytest
from checks_helpers import good_workshop, only, person, run_rule

from igftui.checks import Severity


def speakers_only(*people, **changes):
    return good_workshop(participants=list(people), **changes)


# ----- IGF-D001 and IGF-D002: gender -----


@pytest.mark.parametrize("rule_id, severity", [("IGF-D001", Severity.WARNING), ("IGF-D002", Severity.ERROR)])
def test_gender_rules_fire_when_all_speakers_share_a_gender(rule_id, severity):
    session = speakers_only(
        person("Ana Costa", gender="woman"), person("Li Wei", gender="woman"), person("Mei Chen", gender="woman")
    )
    finding = only(run_rule(session, rule_id))
    assert finding.rule == rule_id and finding.severity is severity
    assert "All 3 speakers are of one gender" in finding.message
    # Gender is private: a finding never ties a named speaker to a gender.
    for private in ("Ana Costa", "Li Wei", "Mei Chen", "women", "woman"):
        assert private not in finding.message and private not in finding.hint


def test_two_speakers_of_one_gender_are_both_speakers_not_all_2():
    session = speakers_only(person("Ana Costa", gender="woman"), person("Li Wei", gender="woman"))
    finding = only(run_rule(session, "IGF-D002"))
    assert finding.message.startswith("Both speakers are of one gender") and "All 2" not in finding.message


@pytest.mark.parametrize("rule_id", ["IGF-D001", "IGF-D002"])
@pytest.mark.parametrize(
    "genders",
    [
        ("woman", "man"),
        ("man", "man", "non_binary"),
        ("woman", "woman", "man", None),
    ],
)
def test_gender_rules_quiet_with_more_than_one_gender(rule_id, genders):
    session = speakers_only(*[person(f"Speaker {i}", gender=g) for i, g in enumerate(genders)])
    assert run_rule(session, rule_id) == []


@pytest.mark.parametrize("rule_id", ["IGF-D001", "IGF-D002"])
def test_unknown_gender_gives_a_note_not_an_error(rule_id):
    session = speakers_only(
        person("Ana Costa", gender="man"),
        person("Li Wei", gender="man"),
        person("Kim Lee", gender="undisclosed"),
        person("Sam Roe"),
    )
    finding = only(run_rule(session, rule_id))
    assert finding.severity is Severity.INFO
    assert "Kim Lee" in finding.message and "Sam Roe" in finding.message
    # Those whose gender is recorded are not named, nor is their gender.
    assert "Ana Costa" not in finding.message and "Li Wei" not in finding.message
    assert " men" not in finding.message and "man" not in finding.message.replace("many", "")


def test_no_gender_recorded_at_all_is_a_note():
    finding = only(run_rule(speakers_only(person("Ana Costa"), person("Li Wei")), "IGF-D001"))
    assert finding.severity is Severity.INFO and "not recorded" in finding.message


def test_gender_rules_ignore_declined_speakers_single_speakers_and_flash_sessions():
    declined = speakers_only(
        person("Ana Costa", gender="man"),
        person("Li Wei", gender="man"),
        person("Mei Chen", gender="woman", status="declined"),
    )
    assert only(run_rule(declined, "IGF-D001")).severity is Severity.WARNING
    assert run_rule(speakers_only(person("Ana Costa", gender="man")), "IGF-D001") == []
    flash = speakers_only(person("Ana Costa", gender="man"), person("Li Wei", gender="man"), format="flash_session")
    assert run_rule(flash, "IGF-D001") == []
    assert run_rule(flash, "IGF-D001", skip_formats=[]) != []


def test_d002_is_for_workshops():
    session = speakers_only(
        person("Ana Costa", gender="man"), person("Li Wei", gender="man"), session_type="open_forum"
    )
    assert run_rule(session, "IGF-D002") == []
    assert run_rule(session, "IGF-D001") != []


# ----- IGF-D003: regional groups -----


def test_d003_fires_when_every_speaker_is_from_one_region():
    session = speakers_only(person("Marie Kum", region="weog"), person("Hapee Groot", region="weog"))
    finding = only(run_rule(session, "IGF-D003"))
    assert finding.severity is Severity.WARNING and finding.field == "participants"
    assert "Western European and Others Group (WEOG)" in finding.message
    assert "Marie Kum" in finding.message and "Hapee Groot" in finding.message
    assert "African Group" in finding.hint


def test_d003_unknown_region_gives_a_note_and_igo_is_not_a_region():
    session = speakers_only(
        person("Marie Kum", region="weog"),
        person("Ola Nordmann", region="weog"),
        person("Ida Igo", region="intergovernmental_organization"),
    )
    finding = only(run_rule(session, "IGF-D003"))
    assert finding.severity is Severity.INFO and "Ida Igo" in finding.message


def test_d003_quiet_for_two_regions_and_min_regions_parameter(tmp_path):
    session = speakers_only(person("Marie Kum", region="weog"), person("Kofi Mensah", region="african"))
    assert run_rule(session, "IGF-D003") == []
    finding = only(run_rule(session, "IGF-D003", min_regions=3))
    assert finding.severity is Severity.WARNING
    assert "2 regional groups" in finding.message and "at least 3" in finding.message
    assert "Kofi Mensah" in finding.message


def test_d003_nothing_recorded_is_a_note():
    finding = only(run_rule(speakers_only(person("A B"), person("C D")), "IGF-D003"))
    assert finding.severity is Severity.INFO and "No speaker has a regional group" in finding.message


# ----- IGF-D004: stakeholder groups -----


def test_d004_fires_when_every_speaker_is_from_one_group():
    session = speakers_only(
        person("Ana Costa", stakeholder_group="civil_society"),
        person("Li Wei", stakeholder_group="civil_society"),
        person("Mei Chen", stakeholder_group="civil_society"),
    )
    finding = only(run_rule(session, "IGF-D004"))
    assert finding.severity is Severity.WARNING
    assert "one stakeholder group, Civil Society" in finding.message
    assert all(n in finding.message for n in ("Ana Costa", "Li Wei", "Mei Chen"))


def test_d004_quiet_with_two_groups():
    session = speakers_only(
        person("Ana Costa", stakeholder_group="civil_society"), person("Li Wei", stakeholder_group="government")
    )
    assert run_rule(session, "IGF-D004") == []


def test_d004_required_groups_names_the_missing_ones():
    finding = only(
        run_rule(
            good_workshop(),
            "IGF-D004",
            min_groups=5,
            required_groups=["government", "private_sector", "civil_society", "technical_community", "academia"],
        )
    )
    # The good workshop's speakers are government, private sector and academia.
    assert "3 stakeholder groups" in finding.message and "at least 5" in finding.message
    assert "Civil Society" in finding.message and "Technical Community" in finding.message
    assert "Ana Costa" in finding.message


def test_d004_unknown_groups_that_could_still_make_it_give_a_note():
    session = speakers_only(
        person("Ana Costa", stakeholder_group="civil_society"), person("Li Wei"), person("Mei Chen")
    )
    finding = only(run_rule(session, "IGF-D004", min_groups=3))
    assert finding.severity is Severity.INFO and "Li Wei" in finding.message
    # One unknown cannot make up for two missing groups: a real warning.
    session = speakers_only(
        person("Ana Costa", stakeholder_group="civil_society"),
        person("Li Wei", stakeholder_group="civil_society"),
        person("Mei Chen"),
    )
    assert only(run_rule(session, "IGF-D004", min_groups=3)).severity is Severity.WARNING
