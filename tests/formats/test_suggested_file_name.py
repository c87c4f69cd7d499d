"""The file name the export dialog suggests: readable, ASCII, short, never empty."""

from __future__ import annotations

import re

import pytest

from igftui.formats.markdown import FILE_NAME_LIMIT, suggested_file_name
from igftui.model import ForumSession

SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


def test_code_and_title():
    session = ForumSession(session_type="workshop", number=153, title="Protecting human rights defenders online")
    assert suggested_file_name(session) == "ws-153-protecting-human-rights-defenders-online.md"


def test_a_code_as_given_is_used_as_is():
    session = ForumSession(code="OF #12", title="Data governance")
    assert suggested_file_name(session) == "of-12-data-governance.md"


def test_accents_are_folded_to_ascii():
    session = ForumSession(year=2026, title="Voces de Lucía: São Paulo, Zürich, Straße")
    assert suggested_file_name(session) == "igf-2026-voces-de-lucia-sao-paulo-zurich-strasse.md"


def test_punctuation_and_dashes_separate_words_and_apostrophes_do_not():
    session = ForumSession(title="Trust—Security… women's rights & “AI”!")
    assert suggested_file_name(session) == "trust-security-womens-rights-ai.md"


def test_a_title_of_emoji_and_punctuation_only_falls_back():
    assert suggested_file_name(ForumSession(id=42, title="🎉 !!! ✨")) == "igf-draft-42.md"
    assert suggested_file_name(ForumSession(title="?!…")) == "igf-proposal.md"
    assert suggested_file_name(ForumSession(session_type="workshop", number=7, title="🎉")) == "ws-7.md"


def test_a_title_in_another_script_keeps_the_code():
    session = ForumSession(session_type="open_forum", number=12, title="互联网治理")
    assert suggested_file_name(session) == "of-12.md"


def test_long_titles_are_cut_between_words():
    session = ForumSession(
        session_type="workshop",
        number=153,
        title="Meaningful connectivity for rural and remote communities in the least developed countries",
    )
    name = suggested_file_name(session)
    assert name == "ws-153-meaningful-connectivity-for-rural-and-remote.md"
    assert len(name.removesuffix(".md")) <= FILE_NAME_LIMIT


def test_one_long_word_is_cut_at_the_limit():
    name = suggested_file_name(ForumSession(title="x" * 200))
    assert name == "x" * FILE_NAME_LIMIT + ".md"


def test_a_cut_never_leaves_a_dash_at_the_end():
    # The 61st character is a dash: the cut falls exactly between words.
    title = "a" * 59 + " b" + " c" * 20
    name = suggested_file_name(ForumSession(title=title))
    assert name == "a" * 59 + ".md"


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        (ForumSession(id=12), "igf-draft-12.md"),
        (ForumSession(id=12, year=2026), "igf-draft-12.md"),
        (ForumSession(), "igf-proposal.md"),
        (ForumSession(title="   "), "igf-proposal.md"),
    ],
)
def test_no_code_and_no_title(session, expected):
    assert suggested_file_name(session) == expected


def test_names_windows_keeps_for_devices_are_avoided():
    assert suggested_file_name(ForumSession(title="CON")) == "igf-con.md"


@pytest.mark.parametrize(
    "title",
    [
        "../../etc/passwd",
        "a/b\\c",
        "NUL:",
        ".hidden",
        "-rf --no-preserve-root",
        "\x00\x1b[31mred",
        "ｆｕｌｌ ｗｉｄｔｈ",
    ],
)
def test_the_name_is_always_safe(title):
    name = suggested_file_name(ForumSession(id=1, title=title))
    assert SAFE.match(name), name
    assert len(name) <= FILE_NAME_LIMIT + 3


def test_a_cut_name_does_not_end_mid_phrase():
    session = ForumSession(
        session_type="workshop", number=12, title="When death threats go viral: defending human rights on the Internet"
    )
    name = suggested_file_name(session)
    assert name == "ws-12-when-death-threats-go-viral-defending-human-rights.md"
    assert len(name.removesuffix(".md")) <= FILE_NAME_LIMIT


def test_a_short_title_keeps_its_small_words():
    # Only a cut can leave a phrase hanging; a whole title is the author's.
    assert suggested_file_name(ForumSession(title="Speak up for the")) == "speak-up-for-the.md"


def test_a_private_export_says_so_in_its_name():
    session = ForumSession(session_type="workshop", number=153, title="Protecting human rights defenders online")
    assert suggested_file_name(session, private=True) == "ws-153-protecting-human-rights-defenders-online-private.md"
    assert suggested_file_name(ForumSession(), private=True) == "igf-proposal-private.md"


def test_a_long_private_name_stays_within_the_limit_and_keeps_its_ending():
    session = ForumSession(
        session_type="workshop",
        number=153,
        title="Meaningful connectivity for rural and remote communities in the least developed countries",
    )
    name = suggested_file_name(session, private=True)
    assert name == "ws-153-meaningful-connectivity-for-rural-and-remote-private.md"
    assert len(name.removesuffix(".md")) <= FILE_NAME_LIMIT
    assert suggested_file_name(session) != name
