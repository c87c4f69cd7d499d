"""The seed documents of ../shared/seeds read as a reader of those pages sees them (skipped without them)."""

from pathlib import Path

import pytest

from igftui.formats.errors import FormatError
from igftui.formats.pages import read_page

SEEDS = (Path(__file__).resolve().parents[3] / "../shared/seeds").resolve()
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed documents are not beside the clone")


def seed(prefix: str) -> str:
    [path] = SEEDS.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


def roles(session):
    return {p.name: [r.value for r in p.roles] for p in session.participants}


def test_dynamic_coalition_meeting_2016():
    [reading] = read_page(seed("000"))
    session = reading.session
    assert (session.year, session.session_type.value) == (2016, "dynamic_coalition")
    assert session.title == "Dynamic Coalition on Internet Rights and Principles"
    assert session.venue == "Guadalajara, Mexico"
    people = roles(session)
    assert len(session.speakers) == 6 and people["Tanya O’Carroll"] == ["speaker"]
    assert people["Marianne Franklin"] == ["moderator"] and people["Isadora Hellegren"] == ["rapporteur"]
    assert session.description.startswith("This meeting marks seven years")
    assert "Related Sessions" not in session.description and "views" not in session.description
    # The page names no format or length: said, not guessed.
    assert session.format is None and {"format", "duration_minutes"} <= set(reading.missing)


def test_nri_collaborative_session():
    [reading] = read_page(seed("001"))
    session = reading.session
    assert session.session_type.value == "nri_session"
    assert session.title == "Human Rights on the Internet: national and regional priorities"
    assert session.year is None and "year" in reading.missing  # the page does not say
    assert session.format.value == "round_table"
    assert len(session.policy_questions) == 4 and session.policy_questions[0].endswith("local communities?")
    assert session.theme.startswith("Data Governance")
    assert session.expected_outcomes.startswith("The session aims")
    assert session.online_participation.notes.startswith("A dedicated online moderator")
    assert [p.organisation for p in session.organisers][:2] == ["Argentina IGF", "Haiti IGF"]
    assert len(session.organisers) == 9 and not session.speakers
    assert read_page(seed("001"), year=2019)[0].session.year == 2019


def test_roundtable_report_is_a_meeting_of_type_other():
    # Issue 15: the organisers' page about a roundtable (its name, aims and a summary of
    # the discussion) is a session of type other in round-table format, not refused.
    [reading] = read_page(seed("002"))
    session = reading.session
    assert (session.session_type.value, session.format.value) == ("other", "round_table")
    assert session.title.startswith("Freedom of expression online:") and not session.title.endswith("]")
    assert session.description.startswith("In support of") and "A summary of the discussions" in session.description
    assert "Want to find out more" not in session.description and "Keyboard" not in session.description
    assert session.year is None and "year" in reading.missing  # the page does not say


def test_news_item_is_not_a_session():
    with pytest.raises(FormatError, match="not an IGF session"):
        read_page(seed("003"))


def test_workshop_2018_with_unlabelled_answers():
    [reading] = read_page(seed("004"))
    session = reading.session
    assert (session.year, session.session_type.value, session.number) == (2018, "workshop", 153)
    assert session.title == "Help We Are Under Attack"
    assert (session.format.value, session.duration_minutes) == ("break_out_groups", 60)
    assert [p.name for p in session.organisers] == [None] * 4
    assert all(p.stakeholder_group.value == "civil_society" and p.region.value == "weog" for p in session.participants)
    assert [p.name for p in session.speakers] == [
        "Marie Kummerlowe",
        "Hapee de Groot",
        "Ester Eriksson",
        "Gilberto Cutrupi",
    ]
    assert session.discussion_facilitation.startswith("As a group, we will present")
    assert session.diversity_statement.startswith("In terms of gender distribution")
    assert "geographic diversity" in session.diversity_statement
    assert session.description.startswith("This interactive session is facilitated")
    assert session.online_participation.notes.startswith("We would encourage remote participation")
    assert reading.missing == []
