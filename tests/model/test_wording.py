"""The shared words: each phrase the CLI, the app and the export print, in one place."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from igftui.model.vocabulary import Role
from igftui.model.vocabulary import normalise as vocabulary_normalise
from igftui.model.wording import (
    agenda_total,
    finding_counts,
    fold,
    is_are,
    minutes,
    normalise,
    percent,
    person_key,
    plural,
    role_heading,
    role_word,
    session_code,
    session_heading,
    session_line,
    session_name,
)

# ----- counts -----


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "0 sessions"),
        (1, "1 session"),
        (2, "2 sessions"),
        (1000, "1,000 sessions"),
        (-1, "-1 sessions"),
    ],
)
def test_plural_adds_s_except_for_one_and_groups_thousands(count: int, expected: str) -> None:
    assert plural(count, "session") == expected


def test_plural_takes_an_irregular_plural() -> None:
    assert plural(1, "person", "people") == "1 person"
    assert plural(3, "person", "people") == "3 people"
    assert plural(2, "participant entry", "participant entries") == "2 participant entries"


def test_is_are() -> None:
    assert [is_are(n) for n in (0, 1, 2)] == ["are", "is", "are"]


def test_minutes_long_and_short() -> None:
    assert minutes(1) == "1 minute"
    assert minutes(90) == "90 minutes"
    assert minutes(90, short=True) == "90 min"


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (50, 60, "83%"),
        (30, 80, "37%"),
        (45, 90, "50%"),
        (99, 200, "49%"),
        (29, 100, "29%"),
        (0, 60, "0%"),
        (60, 60, "100%"),
    ],
)
def test_percent_rounds_down(part: int, whole: int, expected: str) -> None:
    assert percent(part, whole) == expected


def test_percent_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        percent(0, 0)


@given(st.integers(min_value=1, max_value=10_000), st.data())
def test_a_shown_share_never_reaches_a_threshold_the_share_misses(whole: int, data: st.DataObject) -> None:
    # What IGF-A003 compares (part / whole < min_share) and what the user reads must agree:
    # a share below 50% is never shown as "50%".
    part = data.draw(st.integers(min_value=0, max_value=whole))
    shown = int(percent(part, whole).removesuffix("%"))
    assert shown <= part * 100 / whole < shown + 1


def test_agenda_total_with_and_without_a_duration() -> None:
    assert agenda_total(80, 90, 30) == "80 of 90 minutes; interactive 30 minutes (37%)"
    assert agenda_total(60, None, 0) == "60 minutes; interactive 0 minutes (0%)"
    assert agenda_total(1, None, 1) == "1 minute; interactive 1 minute (100%)"
    assert agenda_total(0, 90, 0) == "0 of 90 minutes"


def test_finding_counts_names_every_severity_errors_first() -> None:
    assert finding_counts([]) == "0 errors, 0 warnings, 0 notes"
    assert finding_counts(["warning", "error", "info", "error", "info", "info"]) == "2 errors, 1 warning, 3 notes"


def test_finding_counts_takes_severities_as_enums_too() -> None:
    from igftui.checks import Severity

    assert finding_counts([Severity.ERROR, Severity.INFO]) == "1 error, 0 warnings, 1 note"


# ----- sessions -----


def test_session_heading_and_code() -> None:
    assert session_code(2018, "WS #153") == "IGF 2018 WS #153"
    assert session_code(None, "WS #153") == "WS #153"
    assert session_code(None, None) == ""
    assert session_heading(2018, "WS #153", "Data and trust") == "IGF 2018 WS #153 — Data and trust"
    assert session_heading(None, None, "Data and trust") == "Data and trust"
    assert session_heading(2018, None, None) == "IGF 2018 — (untitled)"


def test_session_line_and_name() -> None:
    assert session_line(2026, "WS #3", "Rapid response") == "2026  WS #3  Rapid response"
    assert session_line(None, None, None) == "(untitled)"
    assert session_name("WS #3", "Rapid response") == "WS #3 Rapid response"
    assert session_name(None, None) == "(untitled)"
    assert session_name(None, None, "This session") == "This session"


# ----- roles -----


def test_every_role_has_a_word_and_a_heading() -> None:
    for role in Role:
        assert role_word(role)
        assert role_heading(role) and role_heading(role, many=True).endswith("s")
    assert role_word(Role.ONLINE_MODERATOR) == "Online moderator"
    assert role_word("organizer") == "Organiser"
    assert role_heading(Role.MODERATOR) == "Onsite moderator"
    assert role_heading(Role.RAPPORTEUR, many=True) == "Rapporteurs"


# ----- folding and the person key -----


def test_fold_takes_case_and_accents_off_and_nothing_else() -> None:
    assert fold("Lucía Pérez-Ñúñez") == "lucia perez-nunez"
    assert fold("Straße") == "strasse"
    assert fold("  A, B  ") == "  a, b  "


def test_normalise_turns_punctuation_and_spaces_into_single_spaces() -> None:
    assert normalise("  Data Governance;  Trust!! ") == "data governance trust"
    assert normalise("R&D") == "r&d"


def test_vocabulary_folds_with_the_same_function() -> None:
    assert vocabulary_normalise is normalise


def test_person_key_rule() -> None:
    assert person_key("Ana  Costa") == person_key("ana costa") == person_key("Ána Costa") == "ana costa"
    assert person_key("Ana Costa.") == "ana costa"
    # Name order counts: see the module's note.
    assert person_key("Costa, Ana") != person_key("Ana Costa")
    assert person_key("Li Wei") != person_key("Wei Li")
    assert person_key(None) is None
    assert person_key("") is None
    assert person_key(" - ") is None


def test_the_catalogue_checks_and_merging_use_the_one_person_key() -> None:
    from igftui.checks.facts import person_key as participant_key
    from igftui.model.session import Participant
    from igftui.store.catalogue import person_key as catalogue_key

    for name in ("Ána  Costa", "Costa, Ana", "Ms. O'Brien"):
        assert catalogue_key(name) == person_key(name)
        assert participant_key(Participant(name=name)) == person_key(name)


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)


@given(names)
def test_fold_and_normalise_are_idempotent(name: str) -> None:
    assert fold(fold(name)) == fold(name)
    assert normalise(normalise(name)) == normalise(name)


latin_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ áéíñöçÁÉÑÖ.,'-", max_size=40)


@given(latin_names)
def test_person_key_ignores_case_accents_and_punctuation(name: str) -> None:
    key = person_key(name)
    assert person_key(name.swapcase()) == key
    without_accents = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    assert person_key(without_accents) == key
    assert person_key(name.replace(" ", " . ")) == key


@given(names)
def test_person_key_ignores_surrounding_spaces_and_composition(name: str) -> None:
    key = person_key(name)
    assert person_key(f"  {name}  ") == key
    assert person_key(unicodedata.normalize("NFD", name)) == key
    if key is not None:
        assert key == key.strip() and "  " not in key
