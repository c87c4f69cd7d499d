"""Organisations, places to be confirmed and the lead organiser: the entries of a proposal's people."""

from __future__ import annotations

import json

import pytest

from igftui.model.people import (
    CONTACT,
    LEAD_ORGANISER,
    EntryKind,
    entry_kind,
    entry_label,
    one_lead,
    roles_label,
)
from igftui.model.session import ContractError, ForumSession, Participant
from igftui.model.vocabulary import Role


def test_an_organisation_is_an_organiser_on_its_own_and_goes_by_its_name():
    nri = Participant(
        organisation="Argentina IGF",
        country="Argentina",
        region="grulac",
        stakeholder_group="civil_society",
        roles=["organizer"],
    )
    assert entry_kind(nri) is EntryKind.ORGANISATION
    assert entry_label(nri) == nri.display_name() == "Argentina IGF"
    # The contract's own way: no name, the organisation kept.
    data = nri.to_json()
    assert data["name"] is None and data["organisation"] == "Argentina IGF"
    assert "lead" not in data


@pytest.mark.parametrize(
    ("person", "label"),
    [
        (
            Participant(roles=["organizer"], stakeholder_group="civil_society", region="weog"),
            "Organiser (civil society)",
        ),
        (Participant(roles=["organizer"], region="weog"), "Organiser (WEOG)"),
        (Participant(roles=["organizer"]), "Organiser"),
        (
            Participant(roles=["speaker"], stakeholder_group="private_sector", region="african", to_be_confirmed=True),
            "Speaker to be confirmed (private sector)",
        ),
        (
            Participant(roles=["speaker"], organisation="Argentina IGF", to_be_confirmed=True),
            "Speaker to be confirmed (Argentina IGF)",
        ),
        (Participant(roles=["organizer", "moderator"], to_be_confirmed=True), "Moderator to be confirmed"),
        # Someone forgotten (igftui forget) keeps their entry, unnamed: a person, not a place.
        (Participant(roles=["speaker"], stakeholder_group="academia"), "Speaker (academia)"),
        (Participant(), "Participant"),
        (Participant(name="Ana Costa", roles=["speaker"]), "Ana Costa"),
    ],
)
def test_every_entry_has_one_short_plain_label(person, label):
    assert entry_label(person) == label
    assert len(label) <= 45


def test_a_place_to_be_confirmed_is_marked_so_and_has_no_name():
    place = Participant(roles=["speaker"], stakeholder_group="private_sector", to_be_confirmed=True)
    assert entry_kind(place) is EntryKind.TO_BE_CONFIRMED
    assert place.to_json()["to_be_confirmed"] is True and place.to_json()["name"] is None
    assert ForumSession.from_json({"participants": [place.to_json()]}).participants == [place]
    # Unmarked, an unnamed speaker is someone whose name was erased: still a person.
    assert entry_kind(Participant(roles=["speaker"])) is EntryKind.PERSON
    # Once named, the place is filled: a person, and the mark is not written.
    named = Participant(name="Li Wei", roles=["speaker"], to_be_confirmed=True)
    assert entry_kind(named) is EntryKind.PERSON and "to_be_confirmed" not in named.to_json()
    assert "to_be_confirmed" not in Participant(roles=["speaker"]).to_json()


def test_the_lead_is_an_optional_key_absent_meaning_false():
    lead = Participant(name="Lena Kowalski", roles=["organizer", "speaker"], lead=True)
    assert lead.to_json()["lead"] is True
    assert Participant.model_validate(lead.to_json()).lead is True
    assert Participant(name="Li Wei").to_json().get("lead") is None
    assert Participant.model_validate({"name": "Li Wei", "lead": None}).lead is False
    with pytest.raises(ContractError, match=r"participants\[0\]\.lead"):
        ForumSession.from_json({"participants": [{"name": "Li Wei", "lead": "perhaps"}]})


def test_the_lead_shows_among_the_roles():
    assert roles_label(Participant(name="A", roles=["organizer", "speaker"], lead=True)) == f"{LEAD_ORGANISER}, Speaker"
    assert roles_label(Participant(name="B", roles=["speaker"], lead=True)) == f"{CONTACT}, Speaker"
    assert roles_label(Participant(name="C", roles=["organizer", "speaker"])) == "Organizer, Speaker"


def test_marking_one_lead_unmarks_the_other():
    people = [
        Participant(name="A", roles=["organizer"], lead=True),
        Participant(name="B", roles=["organizer"], lead=True),
        Participant(name="C", roles=["speaker"]),
    ]
    kept, unmarked = one_lead(people, 1)
    assert [p.lead for p in kept] == [False, True, False]
    assert [p.name for p in unmarked] == ["A"]
    assert people[0].lead  # the list given is left as it was


def test_an_old_file_imports_unchanged():
    # A session written before organisations, places and the lead: every key as it was.
    old = {
        "schema": "igftui.session/1",
        "title": "Old",
        "participants": [
            {
                "name": None,
                "organisation": None,
                "stakeholder_group": "civil_society",
                "region": "weog",
                "country": None,
                "roles": ["organizer"],
                "status": None,
                "attendance": None,
                "first_time": False,
                "gender": None,
                "email": None,
            },
            {
                "name": "Ana Costa",
                "organisation": "Red",
                "stakeholder_group": "academia",
                "region": "grulac",
                "country": "Brazil",
                "roles": ["speaker"],
                "status": "confirmed",
                "attendance": "onsite",
                "first_time": True,
                "gender": None,
                "email": None,
            },
        ],
    }
    session = ForumSession.from_json(json.loads(json.dumps(old)))
    assert session.to_json()["participants"] == old["participants"]
    assert [p.lead for p in session.participants] == [False, False]
    assert session.participants[1].roles == [Role.SPEAKER]


def test_the_people_mix_counts_places_apart_from_the_speakers():
    from igftui.model.drafting import people_mix

    session = ForumSession(
        participants=[
            Participant(name="Ana Costa", roles=["speaker"], stakeholder_group="academia"),
            Participant(roles=["speaker"], stakeholder_group="private_sector", to_be_confirmed=True),
            Participant(organisation="Argentina IGF", roles=["organizer"]),
        ]
    )
    mix = people_mix(session)
    assert mix.speakers == 1 and mix.places == 1
    assert mix.lines() == [
        "1 organiser, 2 speakers, 0 moderators, 0 online moderators, 0 rapporteurs",
        "1 place to be confirmed, not counted below",
        "Speakers by group: Academia 1",
        "Speakers by region: not given 1",
        "Speakers by gender: not given 1",
    ]
