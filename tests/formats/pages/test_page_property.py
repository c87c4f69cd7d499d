"""read_page never fails with anything but a FormatError, whatever the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igftui.formats.errors import FormatError
from igftui.formats.pages import html_to_text, read_page

# Pieces of real page structure, so the generated text reaches deep into the reader.
PIECES = st.sampled_from(
    [
        "IGF 2018 WS #153",
        "Speaker 1: ",
        "Organizer 2: ",
        "Moderator",
        "Online Moderator",
        "Rapporteur: ",
        "Round Table - 90 Min",
        "Roundtable",
        "Duration (minutes): ",
        "Policy Question(s)",
        "- ",
        "A. ",
        ", ",
        "Civil Society",
        "Intergovernmental Organization",
        "WEOG",
        "GOAL 4: ",
        "9. Industry, Innovation",
        "Friday, 13th November, 2020 (08:00 UTC) - ",
        "[email protected]",
        "🔒",
        "\n",
        "\n\n\n",
        "    ",
        "Speakers: Ann Lee, Org Bo Kim, Org Rapporteur Cy",
        "(WS186)",
        "Main Session | x: ",
        "<p>",
        "</div>",
        "Mr,A,B,Academia,C",
        "Format",
        "Description: ",
        "Ms. ",
        "Related Sessions",
        "#",
        "**",
        "[x](y)",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.one_of(st.none(), st.integers(min_value=2006, max_value=2030)))
def test_read_page_raises_only_format_error(text, year):
    try:
        readings = read_page(text, year=year)
    except FormatError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert readings
        for reading in readings:
            reading.session.to_json()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_html_to_text_never_fails(markup):
    assert isinstance(html_to_text("<html><body>" + markup), str)
