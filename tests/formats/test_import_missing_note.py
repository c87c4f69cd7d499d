"""A page imported without all it should say: its title, year and type named first (issue 15, pattern 9)."""

from contextlib import ExitStack

from igftui.formats.importing import open_sessions

NO_NAME = """Speaker 1: Wanjiru Kamau, Civil Society, African Group
Speaker 2: Henrik Solberg, Academia, Western European and Others Group (WEOG)

Round Table - 60 Min

Farmers keep notes on seeds, soil and rain that nobody else ever reads. This session asks how to pool them.
"""

LISTING = """IGF 2019 WS #1 Ballots for Everyone
Panel - 60 Min
Speaker 1: Ana Ruiz, Civil Society, African Group
Description: Voters show ballots that screen readers understand.

IGF 2019 WS #2 Maps Without Borders
Panel - 60 Min
Speaker 1: Luis Paz, Civil Society, African Group
Description: Volunteers map places that no company maps.

Repair Cafes for Phones
Tuesday, 13th November, 2019 (15:00 UTC) - Tuesday, 13th November, 2019 (16:00 UTC)
Speaker 1: Awa Diop, Civil Society, African Group
Description: Owners learn to open and mend their own phones.
"""


def note_of(tmp_path, text, year=None):
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    with ExitStack() as stack:
        sessions, note = open_sessions(page, year, stack)
        return list(sessions), note


def test_a_page_without_its_name_is_imported_and_says_what_it_lacks(tmp_path):
    [session], note = note_of(tmp_path, NO_NAME)
    assert session.title is None and session.year is None and session.session_type is None
    assert note == "imported without its title, year and session type, which the page does not give"


def test_a_year_given_for_the_import_is_not_said_missing(tmp_path):
    [session], note = note_of(tmp_path, NO_NAME, year=2018)
    assert session.year == 2018
    assert note == "imported without its title and session type, which the page does not give"


def test_the_other_fields_come_after_the_identity(tmp_path):
    _sessions, note = note_of(tmp_path, NO_NAME.replace("Round Table - 60 Min\n", ""))
    assert note.startswith("imported without its title, year and session type, which the page does not give; ")
    assert note.endswith("these fields were not found either: format, duration_minutes")


def test_a_listing_names_each_session_without_its_type(tmp_path):
    sessions, note = note_of(tmp_path, LISTING)
    assert [s.title for s in sessions] == ["Ballots for Everyone", "Maps Without Borders", "Repair Cafes for Phones"]
    assert note == "imported 3 sessions, but session 3 (\u201cRepair Cafes for Phones\u201d) has no session type"


def test_a_complete_listing_has_no_note(tmp_path):
    _sessions, note = note_of(tmp_path, LISTING.split("\n\nRepair")[0] + "\n")
    assert note is None
