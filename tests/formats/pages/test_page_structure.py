"""How a page is cut into sessions and what names them: older schedule listings, lone labels, types without codes.

Issue 15, patterns 1 to 3: the 2016 schedule ("WS170: Title", its banner, its speaker
lists), the site's mirror copies with "Time", "Room" and "Subtheme" alone on their
lines, and titles or listing headings that name a session's type in words.
"""

import pytest

from igftui.formats.errors import FormatError
from igftui.formats.pages import read_page
from igftui.formats.pages.people import PeopleCollector, match_label, surname_first
from igftui.formats.pages.reader import schedule_heading
from igftui.formats.pages.titles import listing_type, parse_title_line, type_in_title

# ----- titles -----


@pytest.mark.parametrize(
    ("line", "kind", "number", "title"),
    [
        ("WS170: Finding the Net in Things", "workshop", 170, "Finding the Net in Things"),
        ("OF 12: Taxes Online", "open_forum", 12, "Taxes Online"),
        ("DC3: Mesh Maps", "dynamic_coalition", 3, "Mesh Maps"),
    ],
)
def test_a_code_before_the_title(line, kind, number, title):
    found = parse_title_line(line)
    assert found is not None and found.strong
    assert (found.session_type.value, found.number, found.title) == (kind, number, title)


@pytest.mark.parametrize("line", ["WS 5 – Room B-2", "Of 2019: the year we met", "ws170: lower case is prose"])
def test_what_only_looks_like_a_code_first_title(line):
    found = parse_title_line(line)
    assert found is None or found.number is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Trust in Public Records Main Session", "main_session"),
        ("Main Session on Fragmentation", "main_session"),
        ("NRIs Coordination Session", "nri_session"),
        ("DC on Core Values of the Net", "dynamic_coalition"),
        ("BPF on Local Content", "best_practice_forum"),
        ("Open Forum on Digital Taxes", "open_forum"),
        ("Youth Voices in the Main Session Debate", None),
        ("Newcomers Session", None),
        ("Of Mice and Modems", None),
        (None, None),
    ],
)
def test_a_type_named_in_the_title(title, kind):
    found = type_in_title(title)
    assert (found.value if found else None) == kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Received DC Sessions", "dynamic_coalition"),
        ("OPEN FORUM", "open_forum"),
        ("Day 0 Events", "day_0_event"),
        ("Lightning Talks", "lightning_talk"),
        ("Critical Internet Resources", None),
        ("Workshop Room 1", None),
    ],
)
def test_a_listing_heading_names_the_type_of_its_entries(heading, kind):
    found = listing_type(heading)
    assert (found.value if found else None) == kind


def test_igf_year_titles_with_their_type_in_words():
    found = parse_title_line("IGF 2021 NRIs Coordination Session")
    assert (found.year, found.session_type.value, found.title) == (2021, "nri_session", "NRIs Coordination Session")


# ----- people of the 2016 schedule -----


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Cath, Corinne", "Corinne Cath"),
        ("NAKAMURA-ODUYA, Ren", "Ren NAKAMURA-ODUYA"),
        ("Quispe, Rosa Elena", "Rosa Elena Quispe"),
        ("Jane Doe, UNESCO", None),
        ("Doe, ICANN", None),
        ("Doe, Civil Society", None),
    ],
)
def test_a_name_written_surname_first(value, name):
    found = surname_first(value)
    assert (found.name if found else None) == name


@pytest.mark.parametrize(
    ("line", "role", "plural"),
    [
        ("Speakers provisionally confirmed:", "speaker", True),
        ("Speakers confirmed:", "speaker", True),
        ("Session Organizers", "organizer", True),
        ("Name of Speaker(s)", "speaker", True),
        ("Moderador: Ana Ruiz", "moderator", False),
        ("Moderadora: Ana Ruiz", "moderator", False),
        ("Relatora: Ana Ruiz", "rapporteur", False),
        ("Ponentes: Ana Ruiz, Luis Paz", "speaker", True),
        ("Modératrice : Awa Diop", "moderator", False),
    ],
)
def test_role_labels_of_older_and_other_language_pages(line, role, plural):
    label = match_label(line)
    assert label is not None and label.kind == "role"
    assert (label.role.value, label.plural) == (role, plural)


def test_speakers_provisionally_confirmed_surname_first():
    people = PeopleCollector()
    for line in ["Speakers provisionally confirmed:", "Vasquez, Lorena", "Thorsen, Mikkel"]:
        assert people.feed(line)
    assert [(p.name, [r.value for r in p.roles]) for p in people.participants()] == [
        ("Lorena Vasquez", ["speaker"]),
        ("Mikkel Thorsen", ["speaker"]),
    ]


def test_a_schedule_card_is_one_person_and_no_description():
    people = PeopleCollector()
    lines = [
        ("Session Organizers", 0),
        ("avatar for Ilona Brzezinska", 0),
        ("Ilona Brzezinska", 1),
        ("Programme Lead, Newsroom Shield Network", 1),
        ("Ilona trains local editors and has written two handbooks.", 0),
        ("avatar for Tomas Lind", 0),
        ("Tomas Lind", 1),
    ]
    for line, blanks in lines:
        assert people.feed(line, blanks_before=blanks), line
    found = people.participants()
    assert [(p.name, p.organisation, [r.value for r in p.roles]) for p in found] == [
        ("Ilona Brzezinska", "Programme Lead, Newsroom Shield Network", ["organizer"]),
        ("Tomas Lind", None, ["organizer"]),
    ]


# ----- pages -----


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Tuesday, December 6", True),
        ("Wednesday 7 December", True),
        ("09:00 CST", True),
        ("15.00", True),
        ("10:15 GMT+03", True),
        ("Tuesday December 6, 2016 09:00 - 10:30 CST", False),
        ("Room 9", False),
    ],
)
def test_schedule_headings(line, heading):
    assert schedule_heading(line) is heading


SCHEDULE_2016 = """Welcome to IGF2016! Download this booklet with useful information, create your schedule below!
Sign up or log in to bookmark your favorites and sync them to your phone or calendar.

OPEN FORUM [clear filter]
Tuesday, December 6

09:00 CST

Cloud Archives for Public Broadcasters
Public broadcasters hold decades of programmes on tape. This forum looks at moving them online without losing rights.

Speakers provisionally confirmed:

Lindqvist, Hedda

Tuesday December 6, 2016 09:00 - 10:00 CST
Workshop Room 3 PALCCO, Guadalajara, Mexico
"""


def test_a_schedule_banner_gives_the_year_and_its_filter_the_type():
    [reading] = read_page(SCHEDULE_2016)
    session = reading.session
    assert (session.year, session.session_type.value) == (2016, "open_forum")
    assert session.title == "Cloud Archives for Public Broadcasters"
    assert [p.name for p in session.speakers] == ["Hedda Lindqvist"]
    assert "Welcome" not in (session.description or "") and "Sign up" not in (session.description or "")


def test_a_banner_alone_is_not_a_session():
    with pytest.raises(FormatError):
        read_page("Welcome to IGF2016! Create your schedule below and participate!\n\nOPEN FORUM [clear filter]\n")


def test_the_last_speaker_above_the_date_line_does_not_start_a_session():
    page = SCHEDULE_2016.replace("Lindqvist, Hedda\n\n", "Moderador: Ana Ruiz, Radio Sur\n\n-Luis Paz, Red Libre\n")
    [reading] = read_page(page)
    assert {p.name for p in reading.session.participants} == {"Ana Ruiz", "Luis Paz"}


MIRROR = """IGF 2018 WS #77 Repair Cafes for Phones

Time
Tuesday, 13 November, 2018 - 15:00 to 16:30
Room
Salle IX
Subtheme
Digital Inclusion
Session Type
Workshop

Speaker 1: Wanjiru Kamau, Civil Society, African Group

Round Table - 90 Min
"""


def test_lone_labels_are_not_sessions_and_not_values():
    [reading] = read_page(MIRROR)
    session = reading.session
    assert session.title == "Repair Cafes for Phones"
    assert (session.room, session.subtheme) == ("Salle IX", "Digital Inclusion")
    assert session.starts_at is not None and session.starts_at.day == 13


def test_a_lone_label_followed_by_another_label_takes_nothing():
    page = MIRROR.replace("Room\nSalle IX\n", "Room\n")
    [reading] = read_page(page)
    assert reading.session.room is None
    assert reading.session.subtheme == "Digital Inclusion"


def test_a_session_type_label_alone():
    page = "Repair Cafes\n\nSession Type\nOpen Forum\n\nSpeaker 1: Wanjiru Kamau, Civil Society, African Group"
    [reading] = read_page(page, year=2018)
    assert reading.session.session_type.value == "open_forum"


def test_printer_friendly_list_of_one_type():
    page = (
        "Received DC Sessions\n\nIGF 2019 Ballots for Everyone\n\nPanel - 60 Min\n\n"
        "Outline: Voters show ballots that screen readers understand.\n\n"
        "IGF 2019 Maps Without Borders\n\nRound Table - 90 Min\n\n"
        "Outline: Volunteers map places that no company maps.\n"
    )
    readings = read_page(page)
    assert [(r.session.title, r.session.session_type.value) for r in readings] == [
        ("Ballots for Everyone", "dynamic_coalition"),
        ("Maps Without Borders", "dynamic_coalition"),
    ]
    assert all(r.session.title != "Received DC Sessions" for r in readings)


@pytest.mark.parametrize(("line", "plural"), [("Modérateurs: Awa Diop, Ali Sow", True), ("Oradoras: Ana Ruiz", True)])
def test_a_plural_label_is_not_read_as_its_singular(line, plural):
    label = match_label(line)
    assert label is not None and label.plural is plural and label.value


def test_a_site_menu_of_several_types_gives_no_type():
    page = "Workshops\nOpen Forums\nMain Sessions\n\nIGF 2019 Ballots for Everyone\n\nPanel - 60 Min\n"
    [reading] = read_page(page)
    assert reading.session.title == "Ballots for Everyone" and reading.session.session_type is None


def test_igf_year_headings_beside_numbered_titles_start_no_session():
    page = (
        "IGF 2019 WS #5 Ballots for Everyone\n\nSpeaker 1: Ana Ruiz, Civil Society, African Group\n\n"
        "IGF 2019 Messages\n\nVoters show ballots that screen readers understand.\n\n"
        "IGF 2019 Outputs\n\nPanel - 60 Min\n"
    )
    [reading] = read_page(page)
    assert reading.session.number == 5 and reading.session.format.value == "panel"


def test_a_sentence_that_starts_like_a_footer_link_ends_nothing():
    page = (
        "IGF 2019 WS #5 Ballots for Everyone\n\nSubscribe to the list and join remotely.\n\n"
        "Speaker 1: Ana Ruiz, Civil Society, African Group\n"
    )
    [reading] = read_page(page)
    assert [p.name for p in reading.session.speakers] == ["Ana Ruiz"]


def test_schedule_entries_without_a_code_start_below_their_time():
    page = SCHEDULE_2016 + (
        "Wednesday, December 7\n\n14:30 CST\n\nResearchers Symposium on Platform Rules\n"
        "A day of papers on how platforms write and enforce their rules.\n\n"
        "Wednesday December 7, 2016 14:30 - 18:00 CST\nWorkshop Room 4 PALCCO, Guadalajara, Mexico\n"
    )
    readings = read_page(page)
    assert [r.session.title for r in readings] == [
        "Cloud Archives for Public Broadcasters",
        "Researchers Symposium on Platform Rules",
    ]
    second = readings[1].session
    assert second.room == "Workshop Room 4 PALCCO, Guadalajara, Mexico" and second.year == 2016
    assert "Wednesday, December 7" not in (readings[0].session.description or "")


def test_a_time_alone_on_a_page_that_is_no_schedule_starts_nothing():
    page = "IGF 2019 WS #5 Ballots for Everyone\n\nPanel - 60 Min\n\n10:00\n\nOpening words\n\n10:10\n\nDemonstration\n"
    assert len(read_page(page)) == 1


def test_a_schedule_entry_whose_name_was_lost_is_its_own_untitled_session():
    page = SCHEDULE_2016 + (
        "\n11:00 CST\n\nThe forum reports on a year of work on cross-border requests for user data.\n\n"
        "Tuesday December 6, 2016 11:00 - 12:00 CST\nWorkshop Room 5 PALCCO, Guadalajara, Mexico\n"
    )
    first, second = read_page(page)
    assert first.session.title == "Cloud Archives for Public Broadcasters"
    assert "cross-border" not in (first.session.description or "")
    assert second.session.title is None and "title" in second.missing
    assert second.session.description.startswith("The forum reports")


def test_the_site_name_above_a_page_is_never_its_title():
    page = (
        "Internet Governance Forum\n\nTrust in Public Records\n\n"
        "Speaker 1: Ana Ruiz, Civil Society, African Group\n\nPanel - 60 Min\n"
    )
    [reading] = read_page(page, year=2021)
    assert reading.session.title == "Trust in Public Records"


@pytest.mark.parametrize("line", ["10:00 Intro", "10:00 - Opening"])
def test_an_agenda_line_is_no_time_heading(line):
    assert not schedule_heading(line)


def test_a_schedule_page_of_time_headings_alone_is_read_in_linear_time():
    # Each heading opens an entry and looks up for the headings above it: only as far as
    # the entry above (this page would take minutes otherwise; it only has to finish).
    page = "Welcome to IGF2016! Create your schedule below!\n" + "Tuesday, December 6\n09:00 CST\n" * 10_000
    with pytest.raises(FormatError):
        read_page(page)
