"""Organisations on their own and speakers' places to be confirmed, as the checks count them.

Neither is a person: gender balance, confirmed speakers and onsite speakers leave
them out; an organisation's region still counts where every participant counts.
"""

from checks_helpers import good_workshop, only, person, run_rule

from igftui.checks import Severity, run_checks
from igftui.model import Participant

NRI = Participant(
    organisation="Argentina IGF",
    country="Argentina",
    region="grulac",
    stakeholder_group="civil_society",
    roles=["organizer"],
)
PLACE = Participant(roles=["speaker"], stakeholder_group="private_sector", region="african", to_be_confirmed=True)


def _two_men(*others):
    return good_workshop(
        participants=[
            person("Ana Costa", "organizer", stakeholder_group="civil_society", region="weog", gender="woman"),
            person("Kofi Mensah", stakeholder_group="private_sector", region="african", gender="man"),
            person("Li Wei", stakeholder_group="academia", region="asia_pacific", gender="man"),
            *others,
        ]
    )


def test_an_organisation_is_not_a_person_in_the_gender_balance():
    # An organisation with a speaker role would be a place; as an organiser it is not a speaker.
    finding = only(run_rule(_two_men(NRI), "IGF-D001"))
    assert "Both speakers are of one gender" in finding.message
    assert "Argentina IGF" not in finding.message


def test_a_place_to_be_confirmed_is_not_counted_in_the_gender_balance():
    # Two men and a place: still two men, whoever fills the place.
    finding = only(run_rule(_two_men(PLACE), "IGF-D001"))
    assert finding.severity is Severity.WARNING
    assert "Both speakers are of one gender" in finding.message
    assert "to be confirmed" not in finding.message


def test_a_place_to_be_confirmed_does_not_widen_the_regions_or_groups():
    session = good_workshop(
        participants=[
            person("Ana Costa", stakeholder_group="government", region="weog", gender="woman"),
            person("Li Wei", stakeholder_group="government", region="weog", gender="man"),
            Participant(roles=["speaker"], stakeholder_group="private_sector", region="african", to_be_confirmed=True),
        ]
    )
    assert "one regional group" in only(run_rule(session, "IGF-D003")).message
    assert "one stakeholder group" in only(run_rule(session, "IGF-D004")).message


def test_a_place_to_be_confirmed_is_not_a_confirmed_speaker_and_is_named_apart():
    session = good_workshop(
        participants=[
            person("Ana Costa"),
            person("Li Wei", status="invited"),
            PLACE,
            Participant(roles=["speaker"], status="invited", stakeholder_group="academia", to_be_confirmed=True),
        ]
    )
    finding = only(run_rule(session, "IGF-C002"))
    assert finding.severity is Severity.ERROR
    assert finding.message.startswith("Only 1 speaker is provisionally confirmed (Ana Costa)")
    assert "Li Wei is only invited" in finding.message
    assert (
        "Speaker to be confirmed (private sector) and Speaker to be confirmed (academia) are not named yet"
    ) in finding.message


def test_places_alone_are_not_enough_speakers():
    finding = only(run_rule(good_workshop(participants=[PLACE]), "IGF-C002"))
    assert finding.message.startswith("No speaker is provisionally confirmed yet")
    assert "Speaker to be confirmed (private sector) is not named yet" in finding.message


def test_a_place_is_nobody_onsite_yet():
    place = Participant(
        roles=["speaker"], stakeholder_group="private_sector", attendance="onsite", to_be_confirmed=True
    )
    session = good_workshop(participants=[person("Ana Costa", "moderator", "speaker"), place])
    finding = only(run_rule(session, "IGF-O003"))
    assert "Only 1 speaker (Ana Costa) is marked onsite" in finding.message


def test_a_person_whose_name_was_erased_still_counts():
    # igftui forget keeps the entry, unnamed, with its status: it is a person, not a place.
    erased = Participant(
        roles=["speaker"], stakeholder_group="academia", region="grulac", status="confirmed", attendance="onsite"
    )
    session = good_workshop(participants=[person("Ana Costa"), person("Li Wei"), erased])
    assert run_rule(session, "IGF-C002") == []
    # Even without a status: it was someone, and the diversity counts keep them.
    erased = Participant(roles=["speaker"], stakeholder_group="academia", region="grulac")
    session = good_workshop(
        participants=[
            person("Ana Costa", stakeholder_group="government", region="weog", gender="woman"),
            person("Li Wei", stakeholder_group="government", region="weog", gender="man"),
            erased,
        ]
    )
    assert run_rule(session, "IGF-D003") == [] and run_rule(session, "IGF-D004") == []


def test_an_organisation_counts_by_its_region_among_the_participants():
    session = good_workshop(participants=[person("Ana Costa", region="weog"), NRI])
    finding = only(run_rule(session, "IGF-I002"))
    assert finding.message.endswith(": Argentina IGF (Latin American and Caribbean Group (GRULAC)).")


def test_a_place_in_a_developing_region_is_counted_not_called_an_organiser():
    session = good_workshop(participants=[person("Ana Costa", region="weog"), PLACE])
    finding = only(run_rule(session, "IGF-I002"))
    assert finding.message.endswith(": 1 speaker's place to be confirmed.")


def test_a_youth_organisation_is_named_once():
    youth = Participant(organisation="Ruritania Youth IGF", roles=["organizer"])
    finding = only(run_rule(good_workshop(participants=[person("Ana Costa"), youth]), "IGF-I003"))
    assert finding.message == "Youth voices: Ruritania Youth IGF."


def test_a_good_workshop_with_organisations_and_a_place_still_passes():
    session = good_workshop()
    session.participants = [*session.participants, NRI, PLACE]
    errors = [f for f in run_checks(session, "igf-2025") if f.severity is Severity.ERROR]
    assert errors == []
