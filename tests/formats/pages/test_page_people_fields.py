"""People lines (formats/pages/people.py) and labelled fields (formats/pages/fields.py)."""

import pytest

from igftui.formats.pages.fields import (
    match_field,
    parse_format_line,
    parse_sdg_line,
    split_questions,
)
from igftui.formats.pages.people import (
    PeopleCollector,
    parse_csv_person,
    parse_person,
    split_people,
)
from igftui.model.vocabulary import Format, Layout, Region, Role, StakeholderGroup


def test_anonymised_organiser_has_no_name():
    person = parse_person("Civil Society, Western European and Others Group (WEOG)")
    assert person.name is None
    assert person.stakeholder_group is StakeholderGroup.CIVIL_SOCIETY and person.region is Region.WEOG


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ms. valentina pellizzer", "valentina pellizzer"),
        ("Ambassador Ann Lee", "Ann Lee"),
        ("Dr Ann Lee", "Ann Lee"),
        ("ANN LEE , Civil Society, African Group", "ANN LEE"),
    ],
)
def test_names_lose_salutations_keep_their_case(text, name):
    assert parse_person(text, lenient=True).name == name


def test_intergovernmental_organization_in_the_region_slot():
    person = parse_person("Jo Bloggs, Private Sector, Intergovernmental Organization")
    assert person.stakeholder_group is StakeholderGroup.PRIVATE_SECTOR
    assert person.region is Region.INTERGOVERNMENTAL_ORGANIZATION


@pytest.mark.parametrize(
    ("text", "group", "region"),
    [
        ("Ann Lee, Org, technical community, Africa", StakeholderGroup.TECHNICAL_COMMUNITY, Region.AFRICAN),
        (
            "Ann Lee, Org, Inter-governmental Organization, LAC",
            StakeholderGroup.INTERGOVERNMENTAL_ORGANIZATION,
            Region.GRULAC,
        ),
        ("Ann Lee - Org, Civil Society Asia-Pacific (APAC)", StakeholderGroup.CIVIL_SOCIETY, Region.ASIA_PACIFIC),
        (
            "Ann Lee, Intergovernmental Organisation, Eastern European States",
            StakeholderGroup.INTERGOVERNMENTAL_ORGANIZATION,
            Region.EASTERN_EUROPEAN,
        ),
    ],
)
def test_group_and_region_spellings(text, group, region):
    person = parse_person(text)
    assert (person.stakeholder_group, person.region) == (group, region)


def test_csv_style_co_organiser():
    person = parse_csv_person("Mr,Juan,PEREZ,Academia,Uni of Somewhere")
    assert (person.name, person.stakeholder_group, person.organisation) == (
        "Juan PEREZ",
        StakeholderGroup.ACADEMIA,
        "Uni of Somewhere",
    )


def test_prose_is_not_a_person():
    assert parse_person("The moderator will call on the audience, then on speakers") is None
    assert parse_person("- Identify challenges, drivers and concerns") is None


def test_crammed_line_splits_names_from_organisations():
    people = split_people("Bo Kim, Org Bee Cy Lo, Org Sea Di Ma, Org Dee")
    assert [(p.name, p.organisation) for p in people] == [
        ("Bo Kim", "Org Bee"),
        ("Cy Lo", "Org Sea"),
        ("Di Ma", "Org Dee"),
    ]


def test_same_person_in_two_roles_is_one_participant():
    collector = PeopleCollector()
    for line in [
        "Organizer 1: Ann LEE, Org",
        "Speaker 1: Ann Lee, Civil Society, African Group",
        "Moderator",
        "Lee Ann, Civil Society, African Group",
    ]:
        assert collector.feed(line)
    [person] = collector.participants()
    assert person.roles == [Role.ORGANIZER, Role.SPEAKER, Role.MODERATOR]
    assert person.organisation == "Org" and person.region is Region.AFRICAN


def test_lost_labels_around_online_moderator():
    collector = PeopleCollector()
    lines = [
        "Speaker 1: Ann Lee, Civil Society, African Group",
        "",
        "",
        "Bo Kim, Civil Society, African Group",
        "",
        "Online Moderator",
        "",
        "Cy Lo, Government, African Group",
        "",
        "",
        "Di Ma, Academia, African Group",
    ]
    for line in lines:
        collector.feed(line)
    roles = {p.name: p.roles for p in collector.participants()}
    assert roles == {
        "Ann Lee": [Role.SPEAKER],
        "Bo Kim": [Role.MODERATOR],
        "Cy Lo": [Role.ONLINE_MODERATOR],
        "Di Ma": [Role.RAPPORTEUR],
    }


def test_field_labels_on_their_own_line_or_with_the_answer():
    assert match_field("Policy Question(s)").key == "policy_questions"
    assert match_field("Relevance to Theme: text").value == "text"
    assert match_field("Themes of the week") is None
    assert match_field("Duration (minutes): 60").value == "60"


@pytest.mark.parametrize(
    ("line", "fmt", "layout", "minutes"),
    [
        ("Round Table - U-shape - 90 Min", Format.ROUND_TABLE, Layout.U_SHAPE, 90),
        ("Break-out Group Discussions - 60 Min", Format.BREAK_OUT_GROUPS, None, 60),
        ("Birds of a Feather - Auditorium - 60 Min", Format.BIRDS_OF_A_FEATHER, Layout.AUDITORIUM, 60),
        ("Other - 90 Min", Format.OTHER, None, 90),
        # A seating word in the layout's place: a layout the vocabulary knows, or another one.
        ("Break-out Group Discussions - Flexible Seating - 60 Min", Format.BREAK_OUT_GROUPS, Layout.OTHER, 60),
        ("Round Table - Theatre Seating - 90 Min", Format.ROUND_TABLE, Layout.AUDITORIUM, 90),
        ("Panel - Classroom style - 60 Min", Format.PANEL, Layout.CLASSROOM, 60),
    ],
)
def test_format_lines(line, fmt, layout, minutes):
    found = parse_format_line(line)
    assert (found.format, found.layout, found.minutes) == (fmt, layout, minutes)


def test_sdg_lines():
    assert parse_sdg_line("GOAL 4: Quality Education") == [4]
    assert parse_sdg_line("9. Industry, Innovation and Infrastructure") == [9]
    assert parse_sdg_line("3. Argentina IGF") == []


def test_policy_questions_in_every_shape():
    assert split_questions(["A. One?", "B. Two?", "C.Three?"]) == ["One?", "Two?", "Three?"]
    assert split_questions(["- How can one be? - What is two? - Who pays three?"]) == [
        "How can one be?",
        "What is two?",
        "Who pays three?",
    ]
    assert split_questions(["Why one? How two?"]) == ["Why one?", "How two?"]


@pytest.mark.parametrize("value", [", , ,", ",", " ; ", "|"])
def test_a_value_listing_nobody_gives_nobody(value):
    # "Speakers: , ," once raised IndexError, which ended a whole folder's import.
    assert split_people(value) == []


def test_escape_sequences_do_not_hide_a_person():
    # The page is cleaned before it is read: the name keeps its letters, not the sequence's.
    from igftui.formats.pages import read_page

    [reading] = read_page("IGF 2018 WS #1 A title\n\nSpeaker 1: Ann \x9b31mLee\x1b]0;x\x07, Civil Society, WEOG\n")
    assert [p.name for p in reading.session.participants] == ["Ann Lee"]


@pytest.mark.parametrize(
    "line", ["Panel - Room 5 - 60 Min", "Round Table - Seating for the whole audience on the floor - 90 Min"]
)
def test_a_second_piece_that_is_no_layout_is_no_format_line(line):
    # Only a short piece with a seating word is a layout: anything else keeps the line unread.
    assert parse_format_line(line) is None
