"""Cleaning copied page text (formats/pages/text.py) and saved web pages (formats/pages/html.py)."""

from igftui.formats.pages.html import html_to_text
from igftui.formats.pages.text import EMAIL_MARK, normalise_page, unmark


def test_indentation_spaces_and_lock_emoji_go():
    text = "    Organizer 1: Ana\u00a0Lima,  🔒Open Lab\n    Speaker 1: Bo Kim"
    assert normalise_page(text) == "Organizer 1: Ana Lima, Open Lab\nSpeaker 1: Bo Kim"


def test_views_counters_and_skip_links_are_dropped():
    text = "Skip to main content\nTitle\n12 November 2007 | 1127 views\n852 views\nEnd"
    assert normalise_page(text) == "Title\nEnd"


def test_obfuscated_addresses_become_a_mark_then_nothing():
    line = normalise_page("Ann Lee - Org [email protected] Bo Kim - Org")
    assert EMAIL_MARK in line
    assert unmark(line) == "Ann Lee - Org Bo Kim - Org"
    assert unmark("write to ann@example.org today") == "write to today"


def test_markdown_is_read_as_plain_text():
    text = "## Speakers\n**Speaker 1:** [Ann Lee](https://x.org), *Org*\n* one\n\\- two\n---\n| a | b |"
    assert normalise_page(text).split("\n") == ["Speakers", "Speaker 1: Ann Lee, Org", "- one", "- two", "", "a b"]


def test_blank_lines_are_kept_for_the_lost_labels():
    assert normalise_page("a\n\n\nb") == "a\n\n\nb"


def test_html_blocks_become_lines_and_scripts_go():
    html = (
        "<html><head><title>t</title><script>x()</script></head><body><nav>Menu</nav>"
        "<h1>IGF 2018 WS #1</h1><div>Help <b>We</b> Are</div><p>one<br>two</p>"
        "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol><!-- note --><style>p{}</style>"
        "<table><tr><td>Theme:</td><td>Access</td></tr></table></body></html>"
    )
    assert html_to_text(html).split("\n") == [
        "IGF 2018 WS #1",
        "",
        "Help We Are",
        "one",
        "two",
        "",
        "- a",
        "- b",
        "",
        "1. c",
        "",
        "Theme: Access",
    ]


def test_html_parser_survives_broken_and_deep_markup():
    assert html_to_text("<p>unclosed <b>bold <div>x") == "unclosed bold\nx"
    assert html_to_text("<div>" * 5000 + "deep" + "</div>" * 5000) == "deep"
    assert html_to_text("") == ""
