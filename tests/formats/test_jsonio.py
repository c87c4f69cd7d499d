"""igftui's JSON files: exact round trips and messages that name the file and the entry."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from igftui.formats.errors import FormatError
from igftui.formats.jsonio import (
    looks_like_igftui_json,
    parse_sessions_json,
    read_sessions_file,
    sessions_to_json,
)
from igftui.model.session import SCHEMA, ForumSession

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "igftui" / "formats" / "data" / "samples.json"


def workshop() -> ForumSession:
    return ForumSession.from_json(
        {
            "schema": SCHEMA,
            "id": 12,
            "status": "accepted",
            "year": 2018,
            "session_type": "workshop",
            "code": "WS #153",
            "number": 153,
            "title": "Rapid response for defenders — “under attack”",
            "short_title": "Rapid response",
            "theme": "Human Rights, Gender and Youth",
            "subtheme": "Digital safety",
            "tags": ["emergency", "defenders"],
            "format": "break_out_groups",
            "format_description": "Rotations between tables.",
            "layout": "u_shape",
            "duration_minutes": 60,
            "starts_at": "2018-11-13T09:00:00+01:00",
            "ends_at": "2018-11-13T10:00:00+01:00",
            "room": "Salle VI",
            "venue": "UNESCO, Paris",
            "policy_questions": ["Who helps defenders under attack?", "How do help desks work together?"],
            "relevance_to_theme": "Directly.",
            "relevance_to_internet_governance": "Very.",
            "description": "Line one.\n\nLine two with ünïcödé.",
            "expected_outcomes": "A map of help desks.",
            "discussion_facilitation": "Tables.",
            "diversity_statement": "Half women.",
            "sdgs": [16, 5],
            "participants": [
                {
                    "name": "Ana Souza",
                    "organisation": "Rede Digital",
                    "stakeholder_group": "civil_society",
                    "region": "grulac",
                    "country": "Brazil",
                    "roles": ["speaker", "moderator"],
                    "status": "confirmed",
                    "attendance": "onsite",
                    "first_time": True,
                    "gender": "woman",
                    "email": "ana@example.org",
                },
                {"name": None, "stakeholder_group": "civil_society", "region": "weog", "roles": ["organizer"]},
            ],
            "agenda": [
                {"title": "Case", "minutes": 10, "kind": "presentation", "interactive": False, "public": True},
                {"title": "Rotations", "minutes": 50, "kind": "breakout", "interactive": True, "public": False},
            ],
            "online_participation": {
                "platform": "Zoom",
                "remote_hubs": ["Nairobi"],
                "speaking_queue": "chat",
                "captioning": True,
                "interpretation": ["es"],
                "broadcast": False,
                "notes": "Audio only for the case.",
            },
            "source": {"kind": "igf_page", "path": "ws153.txt", "imported_at": "2026-01-01T00:00:00Z"},
            "private_notes": "Call Ana first.",
        }
    )


def draft() -> ForumSession:
    return ForumSession(title="A first idea")


# ----- writing -----


def test_one_session_is_an_object_and_a_list_is_a_list():
    one = sessions_to_json(draft())
    assert one.endswith("}\n") and json.loads(one)["title"] == "A first idea"
    many = sessions_to_json([draft(), workshop()])
    assert [s["title"] for s in json.loads(many)] == ["A first idea", workshop().title]
    assert sessions_to_json([]) == "[]\n"


def test_text_is_indented_and_not_ascii_escaped():
    text = sessions_to_json(workshop())
    assert text == json.dumps(workshop().to_json(), indent=2, ensure_ascii=False) + "\n"
    assert "“under attack”" in text and "ünïcödé" in text


def test_private_fields_only_when_asked():
    public = sessions_to_json(workshop())
    assert "ana@example.org" not in public and "woman" not in public and "Call Ana" not in public
    assert "private_notes" not in json.loads(public)
    private = json.loads(sessions_to_json(workshop(), include_private=True))
    assert private["participants"][0]["email"] == "ana@example.org"
    assert private["participants"][0]["gender"] == "woman"
    assert private["private_notes"] == "Call Ana first."


# ----- round trips -----


@pytest.mark.parametrize("include_private", [False, True])
@pytest.mark.parametrize("build", [workshop, draft, ForumSession])
def test_round_trip_is_exact(build, include_private):
    text = sessions_to_json(build(), include_private=include_private)
    (parsed,) = parse_sessions_json(text, "one.json")
    assert sessions_to_json(parsed, include_private=include_private) == text


@pytest.mark.parametrize("include_private", [False, True])
def test_round_trip_of_a_list(include_private):
    text = sessions_to_json([workshop(), draft()], include_private=include_private)
    parsed = parse_sessions_json(text, "all.json")
    assert sessions_to_json(parsed, include_private=include_private) == text


def test_private_notes_survive_a_private_round_trip():
    text = sessions_to_json(workshop(), include_private=True)
    (parsed,) = parse_sessions_json(text, "one.json")
    assert parsed.private_notes == "Call Ana first."
    assert parsed.participants[0].email == "ana@example.org"


@pytest.mark.parametrize("include_private", [False, True])
def test_round_trip_of_the_bundled_samples(include_private):
    sessions = read_sessions_file(SAMPLES)
    assert sessions, "the samples file holds no sessions"
    text = sessions_to_json(sessions, include_private=include_private)
    again = parse_sessions_json(text, "samples.json")
    assert sessions_to_json(again, include_private=include_private) == text


# ----- reading -----


def test_one_object_reads_as_a_list_of_one():
    sessions = parse_sessions_json(sessions_to_json(draft()), "one.json")
    assert [s.title for s in sessions] == ["A first idea"]


def test_an_empty_list_holds_no_sessions():
    assert parse_sessions_json("[]", "none.json") == []


def test_invalid_json_names_line_and_column():
    with pytest.raises(FormatError) as caught:
        parse_sessions_json('{\n  "schema": "igftui.session/1",\n  "title": \n', "broken.json")
    assert str(caught.value) == "broken.json: not valid JSON (line 4, column 1: Expecting value)"


def test_a_bad_entry_is_named_by_its_number_counted_from_one():
    entries = [draft().to_json(), draft().to_json(), dict(draft().to_json(), sdgs=[18])]
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(json.dumps(entries), "catalogue.json")
    assert str(caught.value) == "catalogue.json: session 3: sdgs: 18 is not a goal number from 1 to 17"


def test_a_bad_single_session_names_the_file_only():
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(json.dumps(dict(draft().to_json(), format="juggling")), "one.json")
    message = str(caught.value)
    assert message.startswith("one.json: format: 'juggling' is not one of round_table, panel")
    assert "session 1" not in message


def test_a_nested_error_says_where():
    data = workshop().to_json()
    data["participants"][1]["region"] = "atlantis"
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(json.dumps([data]), "x.json")
    assert str(caught.value).startswith("x.json: session 1: participants[1].region: 'atlantis' is not one of")


def test_an_entry_that_is_not_an_object():
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(json.dumps([draft().to_json(), "oops"]), "x.json")
    assert str(caught.value) == "x.json: session 2: a session must be a JSON object"


def test_entries_may_leave_out_the_schema_when_the_file_is_igftuis():
    # Hand-edited files often drop keys; the file as a whole still says what it is.
    second = draft().to_json()
    del second["schema"]
    sessions = parse_sessions_json(json.dumps([draft().to_json(), second]), "x.json")
    assert len(sessions) == 2


@pytest.mark.parametrize(
    ("text", "found"),
    [("42", "a number"), ('"hello"', "a string"), ("null", "null"), ("true", "true or false")],
)
def test_top_level_must_be_a_session_or_a_list(text, found):
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(text, "x.json")
    assert str(caught.value) == (f"x.json: expected a session (a JSON object) or a list of sessions, found {found}")


def test_someone_elses_json_is_not_read_as_empty_sessions():
    with pytest.raises(FormatError) as caught:
        parse_sessions_json('{"name": "my-package", "version": "1.0.0"}', "package.json")
    assert str(caught.value) == 'package.json: not an igftui session file (no "schema": "igftui.session/1")'


def test_another_schema_is_refused():
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(json.dumps(dict(draft().to_json(), schema="igftui.session/9")), "new.json")
    assert "unknown schema 'igftui.session/9'" in str(caught.value)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_numbers_json_does_not_have_are_refused(constant):
    text = json.dumps(draft().to_json()).replace('"duration_minutes": null', f'"duration_minutes": {constant}')
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(text, "x.json")
    assert str(caught.value) == f"x.json: not valid JSON ({constant} is not a JSON value)"


def test_deep_nesting_is_refused_cleanly():
    with pytest.raises(FormatError) as caught:
        parse_sessions_json("[" * 100_000 + "]" * 100_000, "deep.json")
    assert str(caught.value) == "deep.json: not valid JSON (nested too deeply)"


def test_a_lone_surrogate_is_refused():
    text = json.dumps(workshop().to_json()).replace("Ana Souza", "Ana \\ud800 Souza")
    with pytest.raises(FormatError) as caught:
        parse_sessions_json(text, "x.json")
    assert str(caught.value) == ("x.json: participants[0].name holds a broken character (an unpaired surrogate escape)")


# ----- files -----


def test_read_sessions_file(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(sessions_to_json([workshop(), draft()]), encoding="utf-8")
    assert [s.title for s in read_sessions_file(path)] == [workshop().title, "A first idea"]


def test_read_sessions_file_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(codecs.BOM_UTF8 + sessions_to_json(draft()).encode("utf-8"))
    assert [s.title for s in read_sessions_file(path)] == ["A first idea"]


def test_read_sessions_file_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(FormatError, match=r"^bad\.json: not valid JSON \(line 1, column 2"):
        read_sessions_file(path)
    with pytest.raises(FormatError, match="no such file"):
        read_sessions_file(tmp_path / "missing.json")


# ----- telling igftui JSON from other text -----


@pytest.mark.parametrize(
    "text",
    [
        sessions_to_json(draft()),
        sessions_to_json([draft(), draft()]),
        "\n\n  " + sessions_to_json(draft()),
        "\ufeff" + sessions_to_json(draft()),
        json.dumps([{"title": "no schema here"}, draft().to_json()]),
    ],
)
def test_looks_like_igftui_json(text):
    assert looks_like_igftui_json(text)


@pytest.mark.parametrize(
    "text",
    [
        "IGF 2018 WS #153\nHelp wanted\n\nOrganizer 1: Civil Society",
        "[Speakers]\nAna Souza",
        '{"schema": "igftui.session/1", "title": ',
        '{"name": "package"}',
        '{"schema": "other/1"}',
        "[]",
        "[1, 2, 3]",
        '"igftui.session/1"',
        "",
        "[" * 10_000,
    ],
)
def test_does_not_look_like_igftui_json(text):
    assert not looks_like_igftui_json(text)
