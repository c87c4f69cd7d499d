"""Lists as the page numbers them, goals however the page names them, and people however it writes them."""

import pytest

from igftui.formats.pages import read_page
from igftui.formats.pages.fields import is_goal_line, parse_sdg_line, split_questions, target_goals


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
