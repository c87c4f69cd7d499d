"""Lists as the page numbers them, goals however the page names them, and people however it writes them."""

import pytest

from igftui.formats.pages import read_page
from igftui.formats.pages.fields import is_goal_line, parse_sdg_line, split_questions, target_goals
from igftui.formats.pages.people import given_name_first, listed_person, organisation_line, parse_person, read_run
from igftui.model.vocabulary import Region, Role, StakeholderGroup


def test_lettered_questions_keep_two_sentences_and_wrapped_lines():
    lines = [
        "a) Who pays? Who decides when it is paid?",
        "b) How can small states agree on landing rights with few cable companies,",
        "and keep prices fair?",
        "c) What part can regional bodies play.",
    ]
    assert split_questions(lines) == [
        "Who pays? Who decides when it is paid?",
        "How can small states agree on landing rights with few cable companies, and keep prices fair?",
        "What part can regional bodies play.",
    ]


def test_a_line_below_a_finished_item_is_a_question_of_its_own():
    assert split_questions(["1. Who pays?", "What happens next?"]) == ["Who pays?", "What happens next?"]
    assert split_questions(["1. Who pays for", "repairs?"]) == ["Who pays for repairs?"]


@pytest.mark.parametrize(
    ("line", "questions"),
    [
        ("1. Should makers publish manuals? 2. Who checks, and how? 3. Which standards help.", 3),
        ("a) One thing to ask b) Another thing to ask c) A third", 3),
        ("1) First point 2) Second point", 2),
        ("The session asks: 1. Who pays? 2. Who decides? 3. Who checks?", 3),
    ],
)
def test_inline_numbering_cuts_one_line_into_items(line, questions):
    assert len(split_questions([line])) == questions


def test_numbers_out_of_order_or_inside_words_do_not_cut():
    assert split_questions(["1. Is version 2. of the text better than 4. the first?"]) == [
        "Is version 2. of the text better than 4. the first?"
    ]
    assert split_questions(["U.S. rules differ from E.U. rules. Why?"]) == ["U.S. rules differ from E.U. rules. Why?"]


def test_unnumbered_questions_still_split_at_question_marks():
    assert split_questions(["Why one? How two?"]) == ["Why one?", "How two?"]


PAGE_WITH_BULLETS = """IGF 2022 WS #9 Old Phones, New Users

Speaker 1: Ruth Adjei, Civil Society, African Group
Speaker 2: Joost Verhagen, Private Sector, Western European and Others Group (WEOG)

Panel - 60 Min

Old devices could connect many people if they can be repaired. This session asks what stops them.
- Ruth Adjei, Repair Cafe Network (Confirmed) will describe the parts that never arrive.
- Joost Verhagen, Second Life Devices (TBC) will explain how a used laptop is tested.
Questions from the floor follow.
"""


def test_bullets_that_go_on_as_sentences_stay_in_the_description():
    session = read_page(PAGE_WITH_BULLETS)[0].session
    assert [p.organisation for p in session.participants] == [None, None]
    assert "will describe the parts" in (session.description or "")
    assert "Questions from the floor follow." in (session.description or "")


def test_a_bulleted_speaker_list_is_still_read_as_speakers():
    page = """IGF 2019 WS #4 Small Title Here

Speakers:
- Ruth Adjei, Repair Cafe Network
- Joost Verhagen, Second Life Devices

Panel - 60 Min

A description that is long enough to read as prose for the importer to see.
"""
    session = read_page(page)[0].session
    assert [(p.name, p.organisation) for p in session.participants] == [
        ("Ruth Adjei", "Repair Cafe Network"),
        ("Joost Verhagen", "Second Life Devices"),
    ]


@pytest.mark.parametrize(
    ("line", "goals"),
    [
        ("SDG 16.10", [16]),
        ("SDG 9.c", [9]),
        ("16.10, 17.8 and 9.c", [16, 17, 9]),
        ("Target 5.b", [5]),
    ],
)
def test_goals_named_through_their_targets(line, goals):
    assert parse_sdg_line(line) == goals
    assert is_goal_line(line)


@pytest.mark.parametrize(
    ("line", "goal_line"),
    [
        ("3. Good Health and Well-Being", True),
        ("GOAL 4: Quality Education", True),
        ("SDG 13", True),
        ("3. Good Health & Well-being", True),
        ("GOAL 10: Reduced Inequality", True),
        ("16. Peace, Justice, and Strong Institutions", True),
        ("3. Good health is what the clinics in our study lacked most.", False),
        ("2.5 million people live in the valley.", False),
        ("SDG 5 matters because women are left offline more often than men.", False),
        ("12. Argentina IGF", False),
    ],
)
def test_a_goal_line_is_told_from_an_answer_line(line, goal_line):
    assert is_goal_line(line) is goal_line


def test_targets_label_names_goals_in_its_text():
    assert target_goals("The session serves SDG 3.8 on health and 9.c on access; 2.5 million users") == [3, 9]


def test_goal_lines_end_a_description_whose_heading_was_lost():
    page = """IGF 2023 WS #5 Clinics Offline

Speaker 1: Ngozi Eze, Civil Society, African Group

Round Table - 60 Min

Description: Rural clinics lose their link for days, and care must go on without it.

3. Good Health and Well-Being
10. Reduced Inequalities
"""
    session = read_page(page)[0].session
    assert session.sdgs == [3, 10]
    assert session.description == "Rural clinics lose their link for days, and care must go on without it."


@pytest.mark.parametrize(
    ("forms", "page", "kept"),
    [
        (["Doe Jane", "Jane Doe"], "", "Jane Doe"),
        (["DOE Jane", "Jane Doe"], "", "Jane Doe"),
        (["Jane DOE", "DOE Jane"], "", "Jane DOE"),
        (["MARTIN Alba"], "", "Alba MARTIN"),
        (["Jane Doe", "Doe Jane"], "Jane Doe will open. Jane Doe will close.", "Jane Doe"),
    ],
)
def test_a_name_in_two_orders_is_kept_given_name_first(forms, page, kept):
    assert given_name_first(forms, page) == kept


def test_one_person_in_two_orders_is_one_participant():
    page = """IGF 2024 WS #3 Small Title Here
Speaker 1: Petrovic Ana, Civil Society, Eastern European Group
Ana Petrovic, Civil Society, Eastern European Group
Roundtable
Duration (minutes): 60
"""
    people = read_page(page)[0].session.participants
    assert [(p.name, sorted(r.value for r in p.roles)) for p in people] == [("Ana Petrovic", ["moderator", "speaker"])]


def test_two_casings_of_one_order_keep_the_first():
    page = """IGF 2022 WS #3 Small Title Here
Organizer 1: ANA PETROVIC, Open Lab
Speaker 1: Ana Petrovic, Civil Society, Eastern European Group
Round Table - 60 Min
"""
    assert [p.name for p in read_page(page)[0].session.participants] == ["ANA PETROVIC"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Jane Doe, CivilSociety, African Group", StakeholderGroup.CIVIL_SOCIETY),
        ("Jane Doe, PrivateSector, African Group", StakeholderGroup.PRIVATE_SECTOR),
        ("Jane Doe, TechnicalCommunity, African Group", StakeholderGroup.TECHNICAL_COMMUNITY),
    ],
)
def test_a_group_written_without_its_space(text, group):
    person = parse_person(text)
    assert person is not None
    assert (person.stakeholder_group, person.region) == (group, Region.AFRICAN)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Jane Doe, Regional Bureau Director, Government, African Group", None),
        ("Jane Doe, Senior Policy Advisor, Ministry of Digital Affairs", "Ministry of Digital Affairs"),
        ("Jane Doe, Head of Research, Open Lab", "Open Lab"),
        ("Jane Doe, Policy Lead at Open Lab", "Open Lab"),
        ("Jane Doe, Office of the Chief Information Officer", "Office of the Chief Information Officer"),
        ("Jane Doe, Internet Society", "Internet Society"),
        ("Jane Doe, ISOC", "ISOC"),
        ("Jane Doe, CEO, Open Lab", "Open Lab"),
    ],
)
def test_a_job_title_is_not_an_organisation(text, organisation):
    person = parse_person(text)
    assert person is not None
    assert person.organisation == organisation


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Jane Doe, Europe", None),
        ("Jane Doe, Open Lab, Africa", None),
        ("Jane Doe, Open Lab, technical community, Africa", Region.AFRICAN),
        ("Jane Doe, Civil Society, African Group", Region.AFRICAN),
        ("Jane Doe, Open Lab, Asia-Pacific Group", Region.ASIA_PACIFIC),
    ],
)
def test_a_region_only_where_the_page_gives_one(text, region):
    person = parse_person(text)
    assert person is not None
    assert person.region == region


def test_a_run_of_labels_on_one_line():
    run = read_run(
        "Organizational Affiliation: Open Lab Moderator and Organizer: Ana Petrovic (main), Ivo Brkic (sub) "
        "Stakeholder: Civil Society Regional Group: Europe"
    )
    assert run is not None
    assert run.affiliation == "Open Lab"
    assert (run.group, run.region) == (StakeholderGroup.CIVIL_SOCIETY, Region.WEOG)  # the page names it a region
    assert [(p.name, roles) for p, roles in run.people] == [
        ("Ana Petrovic", [Role.MODERATOR, Role.ORGANIZER]),
        ("Ivo Brkic", [Role.MODERATOR, Role.ORGANIZER]),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Moderator: Ana Petrovic, Open Lab Speakers: Ivo Brkic, Data Union",  # the crammed DC line
        "Stakeholder Group: Civil Society",  # a proposer's details
        "Country: Croatia",
        "The moderator and organizer: a sentence, not a label",
        "Speaker 1: Ana Petrovic, Civil Society, Eastern European Group",
    ],
)
def test_other_lines_are_no_run(line):
    assert read_run(line) is None


def test_an_affiliation_without_names_is_the_organiser():
    page = """IGF 2025 Open Forum #2 Small Title Here
Organizational Affiliation: Open Lab Stakeholder: Civil Society Regional Group: African Group
Roundtable
Duration (minutes): 60
"""
    people = read_page(page)[0].session.participants
    assert [(p.name, p.organisation, p.stakeholder_group, p.region) for p in people] == [
        (None, "Open Lab", StakeholderGroup.CIVIL_SOCIETY, Region.AFRICAN)
    ]


@pytest.mark.parametrize(
    ("line", "organisation", "group"),
    [
        ("Ministry of Digital Affairs of Valdoria", "Ministry of Digital Affairs of Valdoria", None),
        (
            "Orbital Education Trust, Civil Society, African Group",
            "Orbital Education Trust",
            StakeholderGroup.CIVIL_SOCIETY,
        ),
        ("Open Lab, Private Sector", "Open Lab", StakeholderGroup.PRIVATE_SECTOR),
    ],
)
def test_an_organisation_line(line, organisation, group):
    found = organisation_line(line)
    assert found is not None
    assert (found.name, found.organisation, found.stakeholder_group) == (None, organisation, group)


@pytest.mark.parametrize(
    "line",
    [
        "Ana Petrovic, Civil Society, Eastern European Group",
        "Ana Petrovic",
        "The ministry will present its plan.",
        "Ministry of Digital Affairs, Ana Petrovic",
        "Room 4",
        "Speaker 1: Ana Petrovic, Open Lab",
    ],
)
def test_not_an_organisation_line(line):
    assert organisation_line(line) is None


def test_unlabelled_people_need_a_list_not_one_stray_line():
    page = """IGF 2021 Open Forum #3 Small Title Here

Ministry of Digital Affairs

Ana Petrovic, Open Lab

A description that is long enough to read as prose for the importer to see.
"""
    assert read_page(page)[0].session.participants == []


def test_unlabelled_people_after_the_prose_are_not_the_speakers():
    page = """IGF 2021 Open Forum #3 Small Title Here

A description that is long enough to read as prose for the importer to see.

Ana Petrovic, Open Lab
Ivo Brkic, Data Union
"""
    assert read_page(page)[0].session.participants == []


@pytest.mark.parametrize(
    ("text", "status", "attendance", "organisation"),
    [
        ("Jane Doe, Open Lab (Confirmed)", "confirmed", None, "Open Lab"),
        ("Jane Doe (TBC), Open Lab", "provisional", None, "Open Lab"),
        ("Jane Doe, Open Lab (to be confirmed)", "provisional", None, "Open Lab"),
        ("Jane Doe, Open Lab (online)", None, "online", "Open Lab"),
        ("Jane Doe (UNESCO)", None, None, "UNESCO"),
    ],
)
def test_a_mark_after_a_person_is_their_status_not_their_country(text, status, attendance, organisation):
    person = parse_person(text)
    assert person is not None
    assert (person.country, person.organisation) == (None, organisation)
    assert (getattr(person.status, "value", None), getattr(person.attendance, "value", None)) == (status, attendance)


def test_a_role_written_out_in_words_is_no_sentence():
    page = """IGF 2019 WS #4 Small Title Here

Organizer 1: Civil Society, African Group

- Ruth Adjei, researcher on digital rights at Open Lab
- Joost Verhagen, Second Life Devices

Panel - 60 Min
"""
    people = read_page(page)[0].session.participants
    assert [p.name for p in people] == [None, "Ruth Adjei", "Joost Verhagen"]


def test_bare_names_need_the_organisations_above_them():
    page = """IGF 2022 Open Forum #3 Small Title Here

Greta Lindqvist
Pavel Horak

Panel - 60 Min

A description that is long enough to read as prose for the importer to see.
"""
    assert read_page(page)[0].session.participants == []


OPEN_FORUM_TOP = """IGF 2021 Open Forum #8 Small Title Here

About this Session

A description that is long enough to read as prose for the importer to see.

"""


@pytest.mark.parametrize(
    ("between", "after"),
    [
        ("\n\n", "\nPanel - 60 Min\n"),  # two paragraphs, then the format
        ("\n", "\nGOAL 9: Industry, Innovation and Infrastructure\n"),  # one paragraph, then a goal
        ("\n\n", ""),  # the page's end
        ("\n\n", "\n\nA paragraph of prose two blank lines down is no longer the description.\n"),
    ],
)
def test_lists_that_end_the_description_are_its_organisers_and_speakers(between, after):
    page = f"""{OPEN_FORUM_TOP}Lumen Data Cooperative
Ruta Digital{between}Ana Petrovic, Ruta Digital
Ivo Brkic, Civil Society, Eastern European Group
{after}"""
    session = read_page(page)[0].session
    assert [(p.name, p.organisation, p.roles) for p in session.participants] == [
        (None, "Lumen Data Cooperative", [Role.ORGANIZER]),
        (None, "Ruta Digital", [Role.ORGANIZER]),
        ("Ana Petrovic", "Ruta Digital", [Role.SPEAKER]),
        ("Ivo Brkic", None, [Role.SPEAKER]),
    ]
    assert session.description.startswith("A description that is long enough to read as prose")
    assert "Petrovic" not in session.description and "Lumen" not in session.description


def test_a_line_above_the_speakers_that_names_no_organisation_stays_in_the_text():
    page = f"""{OPEN_FORUM_TOP}Three offices will take part

Ana Petrovic, Ruta Digital
Ivo Brkic, Open Lab
"""
    session = read_page(page)[0].session
    assert [(p.name, p.roles) for p in session.participants] == [
        ("Ana Petrovic", [Role.SPEAKER]),
        ("Ivo Brkic", [Role.SPEAKER]),
    ]
    assert session.description.endswith("Three offices will take part")


@pytest.mark.parametrize(
    "ending",
    [
        # Sentences that start with a name and a comma.
        "Ana Petrovic, who leads the lab, opens the forum.\nIvo Brkic, our host, closes it.",
        "Ana Petrovic, then the ministry, will speak\nIvo Brkic, with the regulator, will answer",
        # Places, not people; one person alone is no list.
        "Latin America, Africa and Asia share the problem.\nEastern Europe, too, took part.",
        "Ana Petrovic, Ruta Digital",
        # People the text goes on after: part of the description.
        "Ana Petrovic, Ruta Digital\nIvo Brkic, Open Lab\nboth of them wrote the report this forum discusses.",
        "Ana Petrovic, Ruta Digital\nIvo Brkic, Open Lab\n\nThe forum ends with questions from the room.",
    ],
)
def test_the_description_keeps_what_is_no_list_of_people_at_its_end(ending):
    page = OPEN_FORUM_TOP + ending + "\n"
    session = read_page(page)[0].session
    assert session.participants == []
    assert " ".join(ending.split()) in " ".join((session.description or "").split())


def test_lists_in_the_description_are_not_taken_when_the_page_labels_its_people():
    page = """IGF 2021 WS #8 Small Title Here

Speaker 1: Mira Holm, Civil Society, African Group

Description:

A description that is long enough to read as prose for the importer to see.

Ana Petrovic, Ruta Digital
Ivo Brkic, Open Lab

Panel - 60 Min
"""
    session = read_page(page)[0].session
    assert [p.name for p in session.participants] == ["Mira Holm"]
    assert "Ivo Brkic, Open Lab" in (session.description or "")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ana Petrovic, Ruta Digital", "Ana Petrovic"),
        ("Ms. Ana Petrovic, Ruta Digital (Serbia)", "Ana Petrovic"),
        ("Ivo Brkic, Civil Society, Eastern European Group", "Ivo Brkic"),
        ("Ana Petrovic, Ruta Digital Inc.", "Ana Petrovic"),
        ("Ana Petrovic, Ruta Digital, researcher", "Ana Petrovic"),
        ("Ana Petrovic, who leads Ruta Digital, opens.", None),
        ("Ana Petrovic, our host", None),
        ("Ana Petrovic", None),
        ("Ruta Digital Foundation, Open Lab", None),
        ("Speaker 1: Ana Petrovic, Ruta Digital", None),
        ("In Serbia, Ana Petrovic leads the work.", None),
    ],
)
def test_a_line_of_an_unlabelled_list(line, name):
    person = listed_person(line)
    assert (person.name if person else None) == name
