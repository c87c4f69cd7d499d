"""A folder of hostile files: every bad file is named with its reason, the good ones import, nothing of a bad
one is kept.

The files are real files on disk (pipes, link loops, unreadable folders included), the
catalogue is a real SQLite file, and the command line runs in a real subprocess.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from igftui.formats.importing import files_to_import
from igftui.model.session import SCHEMA
from igftui.services.importing import import_paths
from igftui.store import Catalogue
from igftui.store.errors import CatalogueError
from strategies import session_documents

as_root = hasattr(os, "geteuid") and os.geteuid() == 0
needs_permissions = pytest.mark.skipif(as_root, reason="root reads every file and folder regardless of permissions")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

#: What a terminal could act on, in text igftui keeps or prints.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def texts_of(value) -> list[str]:
    """Every string in a JSON value, keys included: json.dumps would hide C0 characters as \\u escapes."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (key, *texts_of(item))]
    if isinstance(value, list):
        return [text for item in value for text in texts_of(item)]
    return []


def has_raw_control(document) -> bool:
    return any(RAW_CONTROL.search(text) for text in texts_of(document))


GOOD_PAGE = """IGF 2018 WS #196 Open Doors for Online Organisers

Speaker 1: Nomvula Dlamini, Civil Society, African Group
Speaker 2: Sunita Raghavan, Civil Society, Asia-Pacific Group

Round Table - 90 Min

The session asks how activists can keep organising online when platforms close the space for them.
"""
# A page made to attack the terminal of whoever lists the catalogue: it imports, cleaned.
ESCAPING_PAGE = (
    "IGF 2019 WS #12 \x1b]0;pwned\x07Safe \x1b[2JTitle\n\n"
    "Speaker 1: Ann \x9b31mLee, Civil Society, WEOG\n\nPanel - 60 Min\n\n"
    "A description that rings a bell\x07 and resets\x1bc the terminal.\n"
)
GOOD_TITLES = {
    "Open Doors for Online Organisers",
    "Safe Title",
    "A draft of ours",
    "Another draft",
    "A page with a line of megabytes",
}


def session(**fields) -> dict:
    return {"schema": SCHEMA, "year": 2024, "status": "draft", **fields}


def write_hostile_folder(folder: Path) -> dict[str, str]:
    """Fill ``folder`` with good and bad files; return each bad file's path and a word of its reason."""
    folder.mkdir()
    (folder / "good_page.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (folder / "escaping_page.txt").write_text(ESCAPING_PAGE, encoding="utf-8")
    (folder / "drafts.json").write_text(json.dumps([session(title="A draft of ours"), session(title="Another draft")]))
    (folder / "long_line_page.txt").write_text(
        "IGF 2020 WS #7 A page with a line of megabytes\n\nRound Table - 90 Min\n\n" + "word " * 600_000 + "\n"
    )
    bad: dict[str, str] = {}

    def bad_file(name: str, data: bytes | str, reason: str) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        bad[str(path)] = reason

    bad_file("random.bin", random.Random(7).randbytes(4096), "")
    bad_file("huge_float_id.json", '{"schema": "igftui.session/1", "title": "Huge float", "id": 1e400}', "id: ")
    bad_file("huge_int_id.json", json.dumps(session(title="Huge id", id=10**30)), "is too large")
    bad_file(
        "huge_minutes.json",
        json.dumps(session(title="Huge minutes", agenda=[{"title": "a", "minutes": 10**30}])),
        "minutes",
    )
    bad_file("digits.json", '{"schema": "igftui.session/1", "id": ' + "9" * 5000 + "}", "too long")
    bad_file("nested.json", '{"schema": "igftui.session/1", "tags": ' + "[" * 5000 + "]" * 5000 + "}", "nested")
    # The first session is fine, the second is not: the file is one transaction.
    bad_file(
        "half_good.json",
        json.dumps([session(title="Kept from a bad file?"), session(number=10**30)]),
        "session 2: number",
    )
    bad_file("nul.txt", "IGF 2018 WS #1 A title\x00\n\nRound Table - 90 Min\n", "binary")
    bad_file("megabyte_prose.txt", "not a session " * 150_000, "not an IGF session")
    bad_file("too_big.txt", b"a" * (5 * 1024 * 1024 + 1), "5 MB")
    bad_file("empty.txt", "", "empty")
    bad_file("evil\x1b]0;pwned\x07name.txt", "", "empty")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")  # reading it would wait for ever
        bad[str(folder / "pipe.txt")] = "named pipe"
    (folder / "loop.txt").symlink_to("loop.txt")
    bad[str(folder / "loop.txt")] = "loops"
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    bad[str(folder / "dangling.txt")] = "does not exist"
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # the walk must not go round for ever
    bad[str(folder / "sub" / "up")] = "already imported"
    if not as_root:
        locked = folder / "locked"
        locked.mkdir()
        (locked / "inside.txt").write_text(GOOD_PAGE)
        locked.chmod(0)
        bad[str(locked)] = "permission denied"
        secret = folder / "unreadable.txt"
        secret.write_text(GOOD_PAGE)
        secret.chmod(0)
        bad[str(secret)] = "permission denied"
    return bad


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "hostile"
    bad = write_hostile_folder(folder)
    yield folder, bad
    for path in (folder / "locked", folder / "unreadable.txt"):
        if path.exists() and not path.is_symlink():
            path.chmod(0o700)  # so that pytest can remove the folder


def stored_titles(catalogue: Catalogue) -> set[str | None]:
    return {s.title for s in catalogue.all_sessions()}


def test_import_paths_names_every_bad_file_and_keeps_nothing_of_it(hostile_folder, catalogue):
    folder, bad = hostile_folder
    report = import_paths(catalogue, [folder])
    reasons = {skip.path: skip.reason for skip in report.skipped}
    assert set(reasons) == set(bad)
    for path, word in bad.items():
        assert word in reasons[path] and "\n" not in reasons[path], (path, reasons[path])
    assert {s.title for s in report.imported} == GOOD_TITLES
    assert stored_titles(catalogue) == GOOD_TITLES  # nothing of half_good.json, nothing twice
    assert catalogue.count() == len(GOOD_TITLES)
    for stored in catalogue.all_sessions():
        assert not has_raw_control(stored.to_json(include_private=True))
    [cleaned] = [s for s in catalogue.all_sessions() if s.title == "Safe Title"]
    assert [p.name for p in cleaned.participants] == ["Ann Lee"]
    assert cleaned.description == "A description that rings a bell and resets the terminal."


def test_the_command_line_reports_each_bad_file_and_prints_nothing_raw(hostile_folder, igftui):
    folder, bad = hostile_folder
    result = igftui("import", str(folder))
    assert result.code == 1
    assert "Traceback" not in result.err and "unexpected error" not in result.err
    assert not RAW_CONTROL.search(result.out) and not RAW_CONTROL.search(result.err)
    skipped = [line for line in result.out.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == len(bad)
    for path in bad:
        shown = path.replace("\x1b", "\\x1b").replace("\x07", "\\x07")
        assert any(shown in line or os.path.basename(shown) in line for line in skipped), path
    assert f"imported {len(GOOD_TITLES)}, merged 0, unchanged 0, skipped {len(bad)}" in result.out
    listed = igftui("list")
    assert listed.code == 0 and not RAW_CONTROL.search(listed.out)
    assert all(title in listed.out for title in GOOD_TITLES) and "Kept from a bad file?" not in listed.out

    again = igftui("import", str(folder), "--json")
    assert again.code == 1 and "Traceback" not in again.err
    assert not RAW_CONTROL.search(again.out)
    report = again.json()
    assert {skip["path"] for skip in report["skipped"]} == set(bad)  # JSON keeps the names exact
    assert {s["title"] for s in report["imported"]} == GOOD_TITLES


def test_text_stored_by_an_older_igftui_is_printed_safely(igftui, catalogue_path, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(GOOD_PAGE)
    assert igftui("import", str(page)).code == 0
    # An older igftui kept escape sequences as they came; put them back behind the model's back.
    evil = "Open \x1b]0;pwned\x07Doors\x1b[2J\x9b31m"
    with sqlite3.connect(catalogue_path) as db:
        [(document,)] = db.execute("select document from session").fetchall()
        data = json.loads(document)
        data["title"] = evil
        db.execute("update session set title = ?, code = ?, document = ?", (evil, "WS \x1b[5m#1", json.dumps(data)))
    for command in (("list",), ("show", "1"), ("check", "1"), ("list", "--json"), ("show", "1", "--json")):
        result = igftui(*command)
        assert result.code in (0, 1) and "Traceback" not in result.err, command
        assert not RAW_CONTROL.search(result.out + result.err), (command, result.out)
    assert "\\x1b]0;pwned\\x07" in igftui("list").out  # shown, not hidden: the user sees what is stored


def test_a_pipe_is_named_without_being_opened(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    os.mkfifo(tmp_path / "pipe")
    # If the pipe were opened for reading, this would wait for a writer for ever.
    files, problems = files_to_import([tmp_path, tmp_path / "pipe"])
    assert files == []
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("pipe", "a named pipe, not a file: skipped without opening it"),
        ("pipe", "a named pipe, not a file: skipped without opening it"),
    ]


def test_links_to_folders_are_followed_once(tmp_path):
    pages = tmp_path / "pages"
    (pages / "a").mkdir(parents=True)
    (pages / "a" / "one.txt").write_text(GOOD_PAGE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "two.txt").write_text(GOOD_PAGE)
    (pages / "linked").symlink_to(elsewhere)
    (pages / "a" / "again").symlink_to(pages / "a")
    (pages / ".hidden").mkdir()
    (pages / ".hidden" / "three.txt").write_text(GOOD_PAGE)
    (pages / "Thumbs.db").write_bytes(b"\x00")
    files, problems = files_to_import([pages])
    assert files == [pages / "a" / "one.txt", pages / "linked" / "two.txt"]
    assert [(p.path, p.reason) for p in problems] == [
        (str(pages / "a" / "again"), "a link to a folder already imported: not followed again"),
    ]


def test_a_folder_deeper_than_python_recursion_is_walked(tmp_path):
    folder = deepest = tmp_path / "deep"
    folder.mkdir()
    for _ in range(1200):  # deeper than Python's default recursion limit, within PATH_MAX
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "page.txt").write_text(GOOD_PAGE)
    try:
        assert files_to_import([folder]) == ([deepest / "page.txt"], [])
    finally:
        # shutil.rmtree (pytest's clean-up) recurses, and would fail on this tree.
        (deepest / "page.txt").unlink()
        while deepest != tmp_path:
            deepest.rmdir()
            deepest = deepest.parent


def test_named_paths_that_are_not_there(tmp_path):
    (tmp_path / "empty").mkdir()
    files, problems = files_to_import([tmp_path / "missing.txt", tmp_path / "empty", Path("bad\x00name")])
    assert files == []
    assert [p.reason for p in problems] == [
        "no such file or folder",
        "the folder holds no files",
        "not a usable file name",
    ]


def test_a_file_that_vanishes_between_listing_and_reading_is_reported(tmp_path, catalogue):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_PAGE)
    (folder / "b.json").write_text(json.dumps(session(title="Gone before it was read")))

    def after_each_file(done, total, path):
        (folder / "b.json").unlink(missing_ok=True)  # another program tidies the folder meanwhile

    report = import_paths(catalogue, [folder], progress=after_each_file)
    assert [s.title for s in report.imported] == ["Open Doors for Online Organisers"]
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [("b.json", "no such file")]


def test_an_unforeseen_error_is_one_files_reason_and_the_rest_import(tmp_path, catalogue, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(session(title="First")))
    (folder / "b.json").write_text(json.dumps(session(title="Breaks the catalogue")))
    (folder / "c.json").write_text(json.dumps(session(title="Third")))
    real = catalogue.import_sessions

    def import_sessions(sessions, **kwargs):
        sessions = list(sessions)
        if sessions[0].title == "Breaks the catalogue":
            raise RuntimeError("a bug nobody foresaw\nin two lines")
        return real(sessions, **kwargs)

    monkeypatch.setattr(catalogue, "import_sessions", import_sessions)
    report = import_paths(catalogue, [folder])
    assert [s.title for s in report.imported] == ["First", "Third"]
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
        ("b.json", "could not be imported (unexpected RuntimeError: a bug nobody foresaw in two lines)"),
    ]


def test_a_catalogue_failure_keeps_its_own_words(tmp_path, catalogue, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(GOOD_PAGE)
    busy = "the catalogue x.db is busy: another igftui is writing to it; try again in a moment"

    def import_sessions(sessions, **kwargs):
        raise CatalogueError(busy)

    monkeypatch.setattr(catalogue, "import_sessions", import_sessions)
    report = import_paths(catalogue, [page])
    assert [(s.path, s.reason) for s in report.skipped] == [(str(page), busy)]


# ----- generated hostile files -----

HUGE_NUMBERS = st.sampled_from(["1e400", "-1e400", str(10**30), str(-(10**30)), str(2**63), "9" * 5000, "1e20"])
FIELDS = st.sampled_from(["id", "number", "year", "duration_minutes", "sdgs", "agenda"])


@st.composite
def hostile_json(draw) -> bytes:
    """A whole session's file with one number in it that no catalogue can hold."""
    field, number = draw(FIELDS), draw(HUGE_NUMBERS)
    value = {"sdgs": f"[{number}]", "agenda": f'[{{"title": "a", "minutes": {number}}}]'}.get(field, number)
    # The number goes in as JSON text (json.dumps would not write 1e400 or 10**30 as given);
    # a NUL marks its place, since no text of a session holds one.
    document = draw(session_documents()) | {field: "\x00"}
    return json.dumps(document, ensure_ascii=False).replace('"\\u0000"', value, 1).encode()


PAGE_PIECES = st.sampled_from(
    [
        "IGF 2018 WS #153 ",
        "Speaker 1: ",
        "Ann Lee, Civil Society, WEOG",
        "Round Table - 90 Min",
        "\n",
        "\n\n",
        "\x1b]0;pwned\x07",
        "\x1b[2J",
        "\x9b31m",
        "\x00",
        "\r",
        "[email protected]",
        "- why?",
        "Description: ",
    ]
)
HOSTILE_FILES = st.one_of(
    st.binary(max_size=2000),
    hostile_json(),
    session_documents().map(lambda document: json.dumps(document, ensure_ascii=False).encode()),
    st.lists(st.one_of(PAGE_PIECES, st.text(max_size=20)), max_size=30).map(lambda parts: "".join(parts).encode()),
    st.tuples(st.sampled_from(["a", "[", "**a ", "word ", "Speaker: "]), st.integers(10_000, 200_000)).map(
        lambda shape: (shape[0] * shape[1]).encode()
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HOSTILE_FILES, min_size=1, max_size=6))
@example([b"IGF 2000 WS0", b"IGF 2000 WS0"])  # the same page twice: CI found it
def test_generated_hostile_files_never_end_the_import(contents):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for number, data in enumerate(contents):
            (folder / f"file{number}.{'json' if data.startswith(b'{') else 'txt'}").write_bytes(data)
        (folder / "zz_good.txt").write_text(GOOD_PAGE)
        with Catalogue(Path(tmp) / "catalogue.db") as catalogue:
            report = import_paths(catalogue, [folder])
            accounted = {s.source.path for s in report.stored if s.source} | {s.path for s in report.skipped}
            json_imports = {str(p) for p in folder.glob("*.json")} - {s.path for s in report.skipped}
            # A page saying what an earlier one said is "unchanged": neither stored again nor
            # skipped, but never silently gone either.
            unaccounted = {str(p) for p in folder.iterdir()} - accounted - json_imports
            assert len(unaccounted) <= report.count("unchanged", "kept"), unaccounted
            assert "Open Doors for Online Organisers" in {s.title for s in report.stored}
            for skip in report.skipped:
                assert skip.reason and "\n" not in skip.reason and "unexpected" not in skip.reason, skip
            # Nothing of a skipped file: the catalogue holds exactly what the report says was added.
            assert catalogue.count() == len(report.imported)
            for stored in catalogue.all_sessions():
                assert not has_raw_control(stored.to_json(include_private=True))


def test_an_error_line_quoting_the_users_words_prints_them_safely(igftui):
    result = igftui("show", "1\x1b]0;pwned\x07")
    assert result.code == 2 and "Traceback" not in result.err
    assert "\\x1b]0;pwned\\x07" in result.err and not RAW_CONTROL.search(result.err)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("format", ["md", "json"])
def test_an_export_to_a_terminal_cannot_act_on_it(igftui, catalogue_path, tmp_path, format):
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text(GOOD_PAGE)
    assert igftui("import", str(page)).code == 0
    with sqlite3.connect(catalogue_path) as db:  # as an older igftui stored it
        [(document,)] = db.execute("select document from session").fetchall()
        data = json.loads(document)
        data["description"] = "Rings\x07 \x1b]0;pwned\x07 \x9b2J"
        db.execute("update session set document = ?", (json.dumps(data),))
    main, terminal = os.openpty()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    env.pop("IGFTUI_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "igftui", "--db", str(catalogue_path), "export", "1", "--format", format],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal's other end is closed: everything was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert done.returncode == 0, done.stderr
    text = shown.decode("utf-8")
    assert "Rings" in text and not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
