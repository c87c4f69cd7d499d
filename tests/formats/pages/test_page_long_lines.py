"""Pages with lines of megabytes are read, whatever the line is made of.

Each shape here once took the reader time that grew with the square of the line (or of
the number of lines): a line of 100 KB took a minute, so a page of 4 MB would never
have finished.  These tests only ask that reading finishes; how fast is measured by
``make bench`` (bench/run.py), never asserted here.
"""

from __future__ import annotations

import pytest

from igftui.formats.errors import FormatError
from igftui.formats.pages import read_page
from igftui.formats.pages.text import normalise_page

MEGABYTES = 2 * 1024 * 1024

# (what the line starts with, the piece repeated to fill it)
LINE_SHAPES = {
    "words": ("", "word "),
    "one letter": ("", "a"),
    "digits": ("", "1"),
    "dots and letters": ("", "a."),
    "accented letters": ("", "é"),
    "an open bracket": ("", "["),
    "link openings": ("", "[a]("),
    "image openings": ("", "![a]("),
    "autolink openings": ("", "<http://a"),
    "strong openings": ("", "**a "),
    "underscores": ("", "__a "),
    "quote marks": ("", ">"),
    "obfuscated address openings": ("", "[email "),
    "labels": ("", "Policy Question(s): "),
    "commas": ("", ", "),
    "dashes": ("", " - "),
    "parentheses": ("", "(a) "),
    "speaker labels": ("", "Speaker: "),
    "a speaker and capitals": ("Speaker: Jane Doe ", "AB "),
    "a speaker and names": ("Speakers: ", "Ann Lee, Org "),
    "a description of one letter": ("Description: ", "a"),
    "escape sequences": ("", "\x1b[31m\x1b]0;x"),
    "views": ("", "1 "),
}


def _read(text: str) -> None:
    try:
        readings = read_page(text)
    except FormatError as error:
        assert "\n" not in str(error)
    else:
        for reading in readings:
            reading.session.to_json()


@pytest.mark.parametrize("shape", sorted(LINE_SHAPES))
def test_a_page_with_a_line_of_megabytes_is_read(shape):
    start, piece = LINE_SHAPES[shape]
    line = start + piece * ((MEGABYTES - len(start)) // len(piece))
    _read(f"IGF 2018 WS #153 A title\n\nRound Table - 90 Min\n\n{line}\n\nSpeaker 1: Ann Lee, Civil Society, WEOG\n")


# (a line repeated to fill the page)
LINES_SHAPES = {
    "dashed lines": "- a",
    "dashed questions and not": "- why?\n- a\n- b",
    "one letter lines": "a",
    "names": "Ann Lee, Org",
    "speaker labels": "Speaker 1: Ann Lee, Civil Society, WEOG",
    "lone labels": "Policy Question(s)",
}


@pytest.mark.parametrize("shape", sorted(LINES_SHAPES))
def test_a_page_of_many_short_lines_is_read(shape):
    line = LINES_SHAPES[shape]
    _read("IGF 2018 WS #153 A title\n\n" + (line + "\n") * (256 * 1024 // (len(line) + 1)))


def test_every_kind_of_white_space_becomes_a_space_or_a_line_break():
    # Runs of unusual spaces would otherwise meet patterns written for runs of " ".
    text = "a\u2028b\u2029c\x0bd\x0ce\x85f g\u1680h\u2000i\u205fj\x1ck"
    assert normalise_page(text).split("\n") == ["a", "b", "c", "d", "e", "f g h i j", "k"]


# Saved web pages: Python's html.parser rescans the rest of the page for each construct
# left open, and asking each piece of text for its parents is as slow in a deep tree.
HTML_SHAPES = {
    "unclosed comments": ("<!--", MEGABYTES),
    "unclosed end tags": ("</", MEGABYTES),
    "unclosed attribute values": ("<a href='", MEGABYTES),
    "unclosed processing instructions": ("<?", MEGABYTES),
    "unclosed marked sections": ("<![CDATA[", MEGABYTES),
    "comments that never end": ("<!--x>", MEGABYTES),
    "a deep tree": ("<div>a", 256 * 1024),
    "deep preformatted text": ("<pre><b>a", 256 * 1024),
}


@pytest.mark.parametrize("shape", sorted(HTML_SHAPES))
def test_a_web_page_of_unclosed_or_deep_markup_is_read(shape):
    piece, size = HTML_SHAPES[shape]
    _read("<html><body><h1>IGF 2018 WS #153 A title</h1>" + piece * (size // len(piece)))


def test_a_marked_section_the_parser_would_refuse_is_read_as_text():
    # html.parser raises on a marked section it does not know; it reaches the user as text.
    [reading] = read_page("<html><body><h1>IGF 2018 WS #153 A title</h1><![foo[ x ]]><p>Round Table - 90 Min</p>")
    assert reading.session.title == "A title"
