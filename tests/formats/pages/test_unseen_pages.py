"""Acceptance: the page importer against pages it was not written from.

Every page in ``unseen/`` (``.txt``, ``.md``, saved ``.html``) was written from
``shared/igf-page-layouts.md`` alone, before and apart from the importer, with a
``NAME.expected.json`` beside it holding what a careful reader takes from the page.
See ``unseen/README.md``: the pages and their expectations are never edited to make
the importer pass.

What an expectation file may hold:

* a subset of the session JSON contract: each key must equal the importer's value
  (text compared after collapsing whitespace; ``roles`` and ``sdgs`` as sets);
* for long text fields, a distinctive phrase that the parsed text must contain;
* ``participants``: matched by name (case-insensitively; unnamed organisers in page
  order), the count must match, and each key given must match;
* ``{"not_a_session": true}``: reading the page raises ``FormatError``;
* ``missing_includes``: contract field names that must be in ``reading.missing``;
* a JSON list instead of an object: a listing page, one object per session in page order.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pages = pytest.importorskip("igftui.formats.pages")
if not (hasattr(pages, "read_page") and hasattr(pages, "html_to_text")):
    # The package can exist half-written before its entry points do.
    pytest.skip("igftui.formats.pages has no read_page/html_to_text yet", allow_module_level=True)

from igftui.formats.errors import FormatError  # noqa: E402 - only once the package is known to be there

read_page = pages.read_page
html_to_text = pages.html_to_text

UNSEEN = Path(__file__).resolve().parent / "unseen"
PAGE_SUFFIXES = {".txt", ".md", ".html"}
EXPECTED_SUFFIX = ".expected.json"

#: Fields whose expectation is a phrase the parsed text must contain, not the whole text.
LONG_TEXT = {
    "description",
    "expected_outcomes",
    "format_description",
    "relevance_to_theme",
    "relevance_to_internet_governance",
    "discussion_facilitation",
    "diversity_statement",
}
#: Lists of text compared item by item, in page order.
TEXT_LISTS = {"policy_questions", "tags"}
#: Keys of an expectation file that are not session fields.
META_KEYS = {"not_a_session", "missing_includes"}


def _is_page(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix in PAGE_SUFFIXES
        and not path.name.endswith(EXPECTED_SUFFIX)
        and path.name != "README.md"
    )


PAGES = sorted(p for p in UNSEEN.iterdir() if _is_page(p))


def expected_for(page: Path):
    return json.loads((UNSEEN / (page.stem + EXPECTED_SUFFIX)).read_text(encoding="utf-8"))


def is_non_session(expected) -> bool:
    return isinstance(expected, dict) and expected.get("not_a_session") is True


def read(page: Path):
    raw = page.read_text(encoding="utf-8")
    text = html_to_text(raw) if page.suffix == ".html" else raw
    return read_page(text, source_path=str(page))


def squash(value):
    """Text with runs of whitespace (newlines, no-break spaces) made one space."""
    return " ".join(value.split()) if isinstance(value, str) else value


# ----- comparison -----------------------------------------------------------------


def compare_session(where: str, expected: dict, reading) -> list[str]:
    """Every difference between an expectation and one reading, one line each."""
    got = reading.session.to_json(include_private=True)
    problems: list[str] = []
    for key, want in expected.items():
        if key == "not_a_session":
            continue
        if key == "missing_includes":
            missing = list(reading.missing)
            absent = [name for name in want if name not in missing]
            if absent:
                problems.append(f"{where}: missing: expected it to include {absent!r}, got {missing!r}")
            continue
        if key not in got:
            problems.append(f"{where}: {key}: expected {want!r}, but the session JSON has no such key")
            continue
        have = got[key]
        if key == "participants":
            problems += compare_participants(where, want, have)
        elif key in LONG_TEXT:
            if not isinstance(have, str) or squash(want) not in squash(have):
                problems.append(f"{where}: {key}: expected text containing {want!r}, got {have!r}")
        elif key in TEXT_LISTS:
            if not isinstance(have, list) or [squash(w) for w in want] != [squash(h) for h in have]:
                problems.append(f"{where}: {key}: expected {want!r}, got {have!r}")
        elif key == "sdgs":
            if not isinstance(have, list) or sorted(want) != sorted(have):
                problems.append(f"{where}: {key}: expected {sorted(want)!r}, got {have!r}")
        elif squash(want) != squash(have):
            problems.append(f"{where}: {key}: expected {want!r}, got {have!r}")
    return problems


def _name_key(name) -> str | None:
    return squash(name).casefold() if isinstance(name, str) else None


def compare_participants(where: str, wanted: list[dict], got: list[dict]) -> list[str]:
    problems: list[str] = []
    got_names = [p.get("name") for p in got]
    if len(wanted) != len(got):
        problems.append(
            f"{where}: participants: expected {len(wanted)} "
            f"({[p.get('name') for p in wanted]!r}), got {len(got)} ({got_names!r})"
        )
    unused = list(range(len(got)))
    for want in wanted:
        key = _name_key(want.get("name"))
        candidates = [i for i in unused if _name_key(got[i].get("name")) == key]
        # Unnamed organisers share a name (null): take the one that agrees on every
        # given field, else the first left in page order, to report its differences.
        match = next(
            (i for i in candidates if not _field_problems(where, "", want, got[i])),
            candidates[0] if candidates else None,
        )
        label = want.get("name") if key is not None else "(unnamed organiser)"
        if match is None:
            problems.append(f"{where}: participants: expected {label!r}, not found among {got_names!r}")
            continue
        unused.remove(match)
        problems += _field_problems(where, label, want, got[match])
    return problems


def _field_problems(where: str, label, want: dict, have: dict) -> list[str]:
    problems: list[str] = []
    for field, value in want.items():
        if field == "roles":
            if sorted(value) != sorted(have.get("roles") or []):
                problems.append(
                    f"{where}: participant {label!r}: roles: expected {sorted(value)!r}, got {have.get('roles')!r}"
                )
        elif squash(value) != squash(have.get(field)):
            problems.append(f"{where}: participant {label!r}: {field}: expected {value!r}, got {have.get(field)!r}")
    return problems


# ----- the fixtures, one test each --------------------------------------------------


def test_every_page_has_an_expectation_and_back():
    assert PAGES, f"no pages in {UNSEEN}"
    lonely_pages = [p.name for p in PAGES if not (UNSEEN / (p.stem + EXPECTED_SUFFIX)).exists()]
    assert not lonely_pages, f"pages without {EXPECTED_SUFFIX}: {lonely_pages}"
    stems = {p.stem for p in PAGES}
    lonely = [e.name for e in UNSEEN.glob("*" + EXPECTED_SUFFIX) if e.name[: -len(EXPECTED_SUFFIX)] not in stems]
    assert not lonely, f"expectations without a page: {lonely}"


#: Pages the importer does not read right yet, each with what it gets wrong: strict, so that a
#: page the importer comes to read right must leave this list (and its expectation is never
#: changed to fit).
KNOWN_GAPS: dict[str, str] = {}


def _marked(page: Path):
    gap = KNOWN_GAPS.get(page.name)
    return pytest.param(page, marks=pytest.mark.xfail(strict=True, reason=gap)) if gap else page


@pytest.mark.parametrize("page", [_marked(p) for p in PAGES], ids=[p.name for p in PAGES])
def test_unseen_page(page: Path):
    expected = expected_for(page)
    name = page.name

    if is_non_session(expected):
        try:
            readings = read(page)
        except FormatError as error:
            message = str(error).strip()
            assert message, f"{name}: FormatError without a message"
            assert "\n" not in message, f"{name}: FormatError should be one line, got {message!r}"
            return
        titles = [r.session.title for r in readings]
        pytest.fail(f"{name}: expected FormatError (not a session), got {len(readings)} session(s): {titles!r}")

    try:
        readings = read(page)
    except FormatError as error:
        pytest.fail(f"{name}: expected a session, got FormatError: {error}")

    sessions = expected if isinstance(expected, list) else [expected]
    if len(readings) != len(sessions):
        titles = [r.session.title for r in readings]
        pytest.fail(f"{name}: expected {len(sessions)} session(s), got {len(readings)}: {titles!r}")

    problems: list[str] = []
    for index, (want, reading) in enumerate(zip(sessions, readings, strict=True)):
        where = f"{name} [session {index + 1}]" if isinstance(expected, list) else name
        problems += compare_session(where, want, reading)
    assert not problems, "\n".join(problems)


# ----- the command line on the whole folder ----------------------------------------


NON_SESSIONS = {p.name for p in PAGES if is_non_session(expected_for(p))}
SESSION_COUNT = sum(
    len(e) if isinstance(e, list) else 1 for e in (expected_for(p) for p in PAGES) if not is_non_session(e)
)


def _copy_pages(folder: Path, pages=PAGES) -> Path:
    """Only the pages: the expectation files and the README are not for import."""
    folder.mkdir()
    for page in pages:
        shutil.copyfile(page, folder / page.name)
    return folder


def _ids(igftui) -> list:
    listed = igftui("list", "--json")
    assert listed.code == 0, listed.err
    return sorted(s["id"] for s in listed.json())


def test_cli_imports_the_folder_once(igftui, tmp_path):
    folder = _copy_pages(tmp_path / "pages")
    result = igftui("import", str(folder), "--json")
    assert "Traceback" not in result.err, result.err
    # The news item and the report are not sessions: "a file not imported" is exit 1.
    assert result.code == 1, f"exit {result.code}, stderr: {result.err}"
    report = result.json()
    assert set(report) == {"imported", "skipped"}, f"keys: {sorted(report)}"

    skipped = {Path(s["path"]).name: s.get("reason") for s in report["skipped"]}
    wrongly_skipped = {page: skipped[page] for page in sorted(set(skipped) - NON_SESSIONS)}
    assert not wrongly_skipped, f"session pages skipped: {wrongly_skipped!r}"
    not_skipped = sorted(NON_SESSIONS - set(skipped))
    assert not not_skipped, f"non-session pages not skipped: {not_skipped}"
    for page, reason in skipped.items():
        assert isinstance(reason, str) and reason.strip(), f"{page}: skipped without a reason"

    imported = report["imported"]
    assert len(imported) == SESSION_COUNT, (
        f"expected {SESSION_COUNT} sessions, imported {len(imported)}: {[s.get('title') for s in imported]!r}"
    )
    titles = {squash(s.get("title")) for s in imported}
    for page in PAGES:
        expected = expected_for(page)
        for want in expected if isinstance(expected, list) else [expected]:
            if "title" in want:
                assert squash(want["title"]) in titles, f"{page.name}: title {want['title']!r} not imported"

    before = _ids(igftui)
    assert len(before) == SESSION_COUNT
    again = igftui("import", str(folder), "--json")
    assert "Traceback" not in again.err, again.err
    assert set(again.json()) == {"imported", "skipped"}
    after = _ids(igftui)
    assert after == before, f"a second import changed the catalogue's ids: {before} -> {after}"


def test_cli_keeps_the_good_page_and_names_the_bad_files(igftui, tmp_path):
    good = UNSEEN / "g20_ws_dated_anonymised.txt"
    folder = _copy_pages(tmp_path / "mixed", [good])
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 200)

    result = igftui("import", str(folder), "--json")
    assert "Traceback" not in result.err, result.err
    assert result.code == 1, f"exit {result.code}, stderr: {result.err}"
    report = result.json()
    assert set(report) == {"imported", "skipped"}
    titles = [s.get("title") for s in report["imported"]]
    assert titles == [expected_for(good)["title"]], f"{good.name}: imported {titles!r}, skipped {report['skipped']!r}"
    reasons = {Path(s["path"]).name: s.get("reason") or "" for s in report["skipped"]}
    assert set(reasons) == {"empty.txt", "binary.txt"}, reasons
    assert "empty" in reasons["empty.txt"].lower(), reasons
    assert "binary" in reasons["binary.txt"].lower(), reasons
    assert len(_ids(igftui)) == 1
