"""The form assistant's entries: the web form's boxes in order, as plain text, with their limits."""

from __future__ import annotations

from igftui.checks import load_rule_set
from igftui.checks.limits import form_limits
from igftui.formats.form_fields import FormEntry, form_entries, person_line, plain_text
from igftui.model import AgendaItem, ForumSession, Participant


def proposal() -> ForumSession:
    return ForumSession(
        year=2026,
        session_type="workshop",
        number=153,
        status="draft",
        title="Protecting human rights defenders online",
        theme="Human rights & freedoms",
        format="round_table",
        duration_minutes=60,
        policy_questions=["1. What keeps defenders safe?", "# Who pays for it?"],
        description="First paragraph with *stars*, under_scores and [brackets].   \n\n\n\nSecond line   ",
        expected_outcomes="16. A list of 3 things\n- and a dash line",
        sdgs=[5, 16],
        private_notes="secret plan",
        participants=[
            Participant(
                name="Amina Diallo",
                organisation="Digital Rights Network",
                stakeholder_group="civil_society",
                region="african",
                roles=["organizer", "moderator"],
                gender="woman",
                email="amina@example.org",
            ),
            Participant(
                name="Kenji Sato",
                organisation="Ministry of Communications",
                stakeholder_group="government",
                region="asia_pacific",
                roles=["speaker"],
                gender="man",
                email="kenji@example.org",
            ),
            Participant(
                name="Mark Jensen",
                stakeholder_group="private_sector",
                region="weog",
                roles=["speaker", "online_moderator"],
            ),
        ],
        agenda=[
            AgendaItem(title="Opening", minutes=10, kind="opening"),
            AgendaItem(title="Closed clinic", minutes=40, interactive=True, public=False),
        ],
    )


def by_key(entries: list[FormEntry]) -> dict[str, FormEntry]:
    return {entry.key: entry for entry in entries}


def test_the_fields_come_in_the_order_of_the_workshop_form():
    keys = [entry.key for entry in form_entries(proposal())]
    assert keys == [
        "title",
        "theme",
        "subtheme",
        "tags",
        "organisers",
        "speakers",
        "moderator",
        "online_moderator",
        "rapporteur",
        "lead",
        "format",
        "duration_minutes",
        "languages",
        "format_description",
        "agenda",
        "policy_questions",
        "expected_outcomes",
        "description",
        "relevance_to_theme",
        "relevance_to_internet_governance",
        "discussion_facilitation",
        "online_participation",
        "diversity_statement",
        "sdgs",
        "links",
    ]
    labels = [entry.label for entry in form_entries(proposal())]
    assert labels[:2] == ["Title", "Theme"] and "Speakers" in labels and "Onsite moderator" in labels


def test_values_are_plain_text_without_markdown_escapes():
    entries = by_key(form_entries(proposal()))
    assert entries["theme"].value == "Human rights & freedoms"
    assert entries["policy_questions"].value == "1. What keeps defenders safe?\n# Who pays for it?"
    assert entries["expected_outcomes"].value == "16. A list of 3 things\n- and a dash line"
    assert entries["description"].value == ("First paragraph with *stars*, under_scores and [brackets].\n\nSecond line")
    assert entries["sdgs"].value == "SDG 5: Gender Equality\nSDG 16: Peace, Justice and Strong Institutions"
    for entry in entries.values():
        assert "\\" not in entry.value, entry.key
        assert all(line == line.rstrip() for line in entry.value.splitlines()), entry.key


def test_people_are_one_a_line_as_the_form_lists_them():
    entries = by_key(form_entries(proposal()))
    assert entries["organisers"].value == "Amina Diallo, Digital Rights Network, Civil Society, African Group"
    assert entries["speakers"].value == (
        "Kenji Sato, Ministry of Communications, Government, Asia-Pacific Group\n"
        "Mark Jensen, Private Sector, Western European and Others Group (WEOG)"
    )
    assert entries["moderator"].value.startswith("Amina Diallo,")
    assert entries["online_moderator"].value.startswith("Mark Jensen,")
    assert entries["rapporteur"].value == ""
    assert entries["speakers"].count_text() == "2 lines"


def test_the_lead_languages_and_links_are_there_for_the_form():
    session = proposal()
    session.participants[0].lead = True
    session.languages = ["English", "Spanish"]
    session.links = [
        {"label": "Last year's report", "url": "https://example.org/report"},
        {"label": None, "url": "mailto:team@example.org"},
    ]
    entries = by_key(form_entries(session))
    assert entries["lead"].value == "Amina Diallo, Digital Rights Network, Civil Society, African Group"
    assert entries["languages"].value == "English, Spanish"
    # Plain addresses: a web form has no use for Markdown's [label](url).
    assert entries["links"].value == "Last year's report: https://example.org/report\nmailto:team@example.org"
    assert "amina@example.org" in by_key(form_entries(session, include_private=True))["lead"].value


def test_the_agenda_and_format_read_as_sentences():
    entries = by_key(form_entries(proposal()))
    assert entries["format"].value == "Round Table"
    assert entries["duration_minutes"].value == "60"
    assert entries["agenda"].value == (
        "Opening: 10 minutes\nClosed clinic: 40 minutes, interactive, not broadcast\nTotal: 50 minutes of 60 minutes"
    )
    assert "Not broadcast: Closed clinic" in entries["online_participation"].value


def test_private_fields_are_left_out_unless_asked_for():
    public = form_entries(proposal())
    text = "\n".join(entry.value for entry in public)
    for private in ("amina@example.org", "kenji@example.org", "Woman", "secret plan"):
        assert private not in text
    assert not any(entry.private for entry in public)

    private = by_key(form_entries(proposal(), include_private=True))
    assert private["private_notes"].value == "secret plan" and private["private_notes"].private
    assert private["organisers"].value.endswith("African Group, Woman, amina@example.org")


def test_limits_come_from_the_rule_set_and_say_when_a_field_is_over():
    session = proposal().model_copy(update={"title": "x" * 65, "description": "word " * 253})
    limits = form_limits(load_rule_set("igf-2025"), session)
    entries = by_key(form_entries(session, limits))
    title, description = entries["title"], entries["description"]
    assert (title.limit, title.unit, title.count) == (60, "characters", 65)
    assert title.count_text() == "65/60 characters: 5 over the limit"
    assert (description.limit, description.unit, description.count) == (250, "words", 253)
    assert description.count_text() == "253/250 words: 3 over the limit"
    assert entries["expected_outcomes"].limit is None
    assert entries["expected_outcomes"].count_text() == "11 words"


def test_a_field_within_its_limit_is_not_over():
    entries = by_key(form_entries(proposal(), {"title": 60, "description": 250}))
    assert entries["title"].over_by == 0
    assert entries["title"].count_text() == f"{len(proposal().title)}/60 characters"


def test_without_limits_nothing_is_counted_against_one():
    assert all(entry.limit is None for entry in form_entries(proposal()))


def test_plain_text_keeps_line_breaks_and_drops_trailing_spaces():
    assert plain_text("  indented stays\t \r\nnext\u2028after separator\n\n\n\nlast  \n\n") == (
        "  indented stays\nnext\nafter separator\n\nlast"
    )
    assert plain_text(None) == "" and plain_text(" \n \n") == ""


def test_a_person_with_little_known_keeps_what_there_is():
    assert person_line(Participant(name="Ana", region="grulac")) == ("Ana, Latin American and Caribbean Group (GRULAC)")
    assert person_line(Participant(stakeholder_group="civil_society", roles=["organizer"])) == (
        "Organiser (civil society)"
    )
    # An organisation organising on its own: its name once, then what is known of it.
    assert person_line(
        Participant(
            organisation="Argentina IGF", stakeholder_group="civil_society", region="grulac", roles=["organizer"]
        )
    ) == ("Argentina IGF, Civil Society, Latin American and Caribbean Group (GRULAC)")
