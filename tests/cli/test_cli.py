"""The command line, run as a user runs it (``main(argv)`` in this process) on a temporary catalogue."""

import json
import os
import stat

import pytest

from igftui.model import ForumSession, Participant


def one_clear_line(result):
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    assert lines[0].startswith("igftui: ")
    return lines[0]


@pytest.fixture
def stored(catalogue):
    """A catalogue with one workshop holding private data, and one open forum."""
    workshop = catalogue.add(
        ForumSession(
            status="catalogued",
            year=2018,
            session_type="workshop",
            number=153,
            title="Help We Are Under Attack",
            format="break_out_groups",
            duration_minutes=60,
            description="Rapid responders walk through a case.",
            participants=[
                Participant(
                    name="Ana Souza",
                    roles=["speaker"],
                    stakeholder_group="civil_society",
                    region="grulac",
                    gender="woman",
                    email="ana@example.org",
                )
            ],
            private_notes="ask about travel funding",
        )
    )
    forum = catalogue.add(
        ForumSession(
            status="catalogued",
            year=2021,
            session_type="open_forum",
            number=56,
            title="Democracy and digital inclusion",
        )
    )
    return workshop, forum


def test_help_and_version(igftui):
    assert igftui("--help").code == 0
    result = igftui("--version")
    assert result.code == 0 and result.out.startswith("igftui ")


def test_bad_option_is_one_line_and_exit_2(igftui):
    result = igftui("list", "--colour", "red")
    assert result.code == 2
    assert "unrecognized arguments: --colour red" in one_clear_line(result)
    result = igftui("frobnicate")
    assert result.code == 2
    one_clear_line(result)


def test_samples_load_once(igftui):
    first = igftui("samples")
    assert first.code == 0, first.err
    listed = igftui("list", "--json").json()
    assert len(listed) >= 25
    again = igftui("samples")
    assert again.code == 0 and "already" in again.out
    assert len(igftui("list", "--json").json()) == len(listed)


def test_list_and_filters(igftui, stored):
    result = igftui("list")
    assert result.code == 0
    assert "WS #153" in result.out and "Open Forum" in result.out
    assert result.out.index("OF #56") < result.out.index("WS #153")  # newest year first
    assert "Democracy" not in igftui("list", "--year", "2018").out
    assert "Help We Are" in igftui("list", "--type", "Workshop").out
    assert "Help We Are" in igftui("list", "--query", "responders").out
    assert "no sessions match" in igftui("list", "--query", "nothingmatches").out


def test_list_json_is_the_contract(igftui, stored):
    data = igftui("list", "--json").json()
    assert [s["code"] for s in data] == ["OF #56", "WS #153"]
    assert all(s["schema"] == "igftui.session/1" for s in data)
    # Private fields never leave without being asked for.
    assert data[1]["participants"][0]["gender"] is None
    assert data[1]["participants"][0]["email"] is None
    assert "private_notes" not in data[1]


def test_bad_filter_value(igftui, stored):
    result = igftui("list", "--type", "symposium")
    assert result.code == 2
    assert "is not one of" in one_clear_line(result)
    assert igftui("list", "--year", "yesterday").code == 2


def test_impossible_years_are_refused_with_the_reason(igftui, stored, tmp_path):
    result = igftui("list", "--year", "1999")
    assert result.code == 2
    assert "The IGF began in 2006" in one_clear_line(result)
    result = igftui("list", "--year", "2200")
    assert result.code == 2 and "too far ahead" in one_clear_line(result)
    page = tmp_path / "page.txt"
    page.write_text("IGF WS #1\nA title\n", encoding="utf-8")
    result = igftui("import", str(page), "--year", "2005")
    assert result.code == 2 and "The IGF began in 2006" in one_clear_line(result)


def test_show(igftui, stored):
    workshop, _ = stored
    result = igftui("show", str(workshop.id))
    assert result.code == 0
    assert "Help We Are Under Attack" in result.out and "Ana Souza" in result.out
    assert "ana@example.org" not in result.out
    data = igftui("show", str(workshop.id), "--json").json()
    assert data["id"] == workshop.id and data["title"] == "Help We Are Under Attack"


def test_unknown_and_malformed_ids(igftui, stored):
    result = igftui("show", "999")
    assert result.code == 1
    assert one_clear_line(result) == "igftui: no session with id 999 in the catalogue"
    assert igftui("export", "999").code == 1
    result = igftui("show", "abc")
    assert result.code == 2
    one_clear_line(result)


def test_export_markdown_and_json(igftui, stored, tmp_path):
    workshop, _ = stored
    md = igftui("export", str(workshop.id))
    assert md.code == 0 and md.out.startswith("#") and "Help We Are Under Attack" in md.out
    assert "ana@example.org" not in md.out and "travel funding" not in md.out
    private = igftui("export", str(workshop.id), "--include-private")
    assert "ana@example.org" in private.out and "travel funding" in private.out
    data = json.loads(igftui("export", str(workshop.id), "--format", "json").out)
    assert data["participants"][0]["email"] is None
    data = json.loads(igftui("export", str(workshop.id), "--format", "json", "--include-private").out)
    assert data["participants"][0]["email"] == "ana@example.org"
    assert data["private_notes"] == "ask about travel funding"


def test_export_to_file_never_overwrites_without_force(igftui, stored, tmp_path):
    workshop, _ = stored
    target = tmp_path / "proposal.md"
    assert igftui("export", str(workshop.id), "-o", str(target)).code == 0
    assert "Help We Are Under Attack" in target.read_text()
    target.write_text("my own edits")
    refused = igftui("export", str(workshop.id), "-o", str(target))
    assert refused.code == 1
    assert "--force" in one_clear_line(refused)
    assert target.read_text() == "my own edits"
    assert igftui("export", str(workshop.id), "-o", str(target), "--force").code == 0
    assert "Help We Are Under Attack" in target.read_text()
    missing = igftui("export", str(workshop.id), "-o", str(tmp_path / "no" / "such" / "dir" / "x.md"))
    assert missing.code == 1
    one_clear_line(missing)


def test_json_round_trip_into_a_second_catalogue(igftui, stored, tmp_path):
    assert igftui("samples").code == 0
    dump = tmp_path / "all.json"
    dump.write_text(igftui("list", "--json").out)
    second = tmp_path / "second.db"
    result = igftui("import", str(dump), "--json", db=second)
    assert result.code == 0, result.err
    report = result.json()
    assert report["skipped"] == []
    assert len(report["imported"]) == len(json.loads(dump.read_text()))
    moved = igftui("list", "--json", db=second).json()
    assert [came_from_the_file(s, "all.json") for s in moved] == [
        {key: value for key, value in s.items() if key != "history"} for s in json.loads(dump.read_text())
    ]
    # Importing the same file again changes nothing, it adds nothing.
    again = igftui("import", str(dump), db=second)
    assert again.code == 0 and f"imported 0, merged 0, unchanged {len(moved)}, skipped 0" in again.out
    assert igftui("list", "--json", db=second).json() == moved


def came_from_the_file(session, name):
    """The session as it was before a catalogue imported it from the file ``name``.

    A session that did not say where it came from remembers the file in its new
    catalogue, and its revisions are that catalogue's own history (another mark).
    """
    session = {key: value for key, value in session.items() if key != "history"}
    source = session["source"]
    if source["kind"] == "json":
        assert source["path"] == name and source["imported_at"].endswith("Z")
        return {**session, "source": None}
    return session


def test_round_trip_keeps_private_fields_when_asked(igftui, stored, tmp_path):
    workshop, _ = stored
    exported = tmp_path / "one.json"
    assert igftui("export", str(workshop.id), "--format", "json", "--include-private", "-o", str(exported)).code == 0
    second = tmp_path / "second.db"
    assert igftui("import", str(exported), db=second).code == 0
    again = igftui("export", str(workshop.id), "--format", "json", "--include-private", db=second)
    sent = {key: value for key, value in json.loads(exported.read_text()).items() if key != "history"}
    assert came_from_the_file(json.loads(again.out), "one.json") == sent


def test_import_reports_bad_files_and_keeps_the_good(igftui, stored, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = ForumSession(year=2022, session_type="workshop", number=7, title="Good one", status="catalogued")
    (folder / "good.json").write_text(json.dumps(good.to_json()))
    (folder / "empty.json").write_text("")
    (folder / "binary.json").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "broken.json").write_text('{"schema": "igftui.session/1", "title": ')
    (folder / "wrong.json").write_text(json.dumps([good.to_json(), {"sdgs": [42]}]))
    before = igftui("list", "--json").json()
    result = igftui("import", str(folder), "--json")
    assert result.code == 1
    report = result.json()
    assert [s["title"] for s in report["imported"]] == ["Good one"]
    reasons = {os.path.basename(s["path"]): s["reason"] for s in report["skipped"]}
    assert set(reasons) == {"empty.json", "binary.json", "broken.json", "wrong.json"}
    assert "empty" in reasons["empty.json"]
    assert "binary" in reasons["binary.json"]
    assert "JSON" in reasons["broken.json"]
    assert "42" in reasons["wrong.json"]
    after = igftui("list", "--json").json()
    # Nothing of the bad files is kept: not even the good first half of wrong.json twice.
    assert len(after) == len(before) + 1
    # Each bad file is one line that names it once.
    text = igftui("import", str(folder))
    skipped = [line for line in text.out.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 4
    for line in skipped:
        name = next(n for n in reasons if n in line)
        assert line.count(name) == 1, line


def test_import_of_a_missing_path(igftui):
    result = igftui("import", "/no/such/file.json")
    assert result.code == 1
    assert "no such file" in result.out


def test_catalogue_that_is_not_a_database(igftui, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 50)
    result = igftui("list", db=bogus)
    assert result.code == 2
    assert "not an igftui catalogue" in one_clear_line(result)
    assert bogus.read_bytes().startswith(b"PK\x03\x04")


def test_default_data_location_and_environment(igftui, tmp_path, monkeypatch):
    result = igftui("samples", db=None)
    assert result.code == 0, result.err
    path = os.path.join(os.environ["XDG_DATA_HOME"], "igftui", "catalogue.db")
    assert os.path.exists(path)
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    other = tmp_path / "env.db"
    monkeypatch.setenv("IGFTUI_DB", str(other))
    assert igftui("samples", db=None).code == 0
    assert other.exists()


def test_copies_started_together_on_a_new_catalogue(igftui, igftui_process, catalogue_path):
    """Several igftui processes open a catalogue that does not exist yet and load the samples
    at the same moment: each succeeds, the schema is built once, and no sample is doubled."""
    from concurrent.futures import ThreadPoolExecutor

    from igftui.formats.samples import sample_sessions

    # Real processes: in-process calls would share one stdout between the threads.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: igftui_process("samples"), range(4)))
    assert [r.code for r in results] == [0, 0, 0, 0], [r.err for r in results]
    assert sum("loaded" in r.out for r in results) == 1, [r.out for r in results]
    listed = igftui("list", "--json").json()
    assert len(listed) == len(sample_sessions())
