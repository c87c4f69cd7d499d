"""A JSON file larger than the page limit: read entry by entry, stored in one transaction."""

import io
import json

import pytest

from igftui.formats.files import DEFAULT_MAX_BYTES
from igftui.formats.jsonio import iter_sessions_json, sessions_to_json
from igftui.model import ForumSession, Participant
from igftui.services.importing import import_paths

COUNT = 2000


def many_sessions(count: int = COUNT) -> list[ForumSession]:
    return [
        ForumSession(
            status="catalogued",
            year=2006 + n % 20,
            session_type="workshop",
            number=n,
            title=f"Session {n} on access and rights",
            description=f"Session {n}. " + "Words of the page. " * 60,
            relevance_to_theme="Why it matters. " * 40,
            participants=[Participant(name=f"Speaker {n % 97}", roles=["speaker"], stakeholder_group="academia")],
        )
        for n in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def large_text() -> str:
    text = sessions_to_json(many_sessions())
    assert len(text.encode("utf-8")) > DEFAULT_MAX_BYTES
    return text


def few_but_large(*extra: dict) -> list[dict]:
    """Three sessions, the second larger than the page limit on its own: a large file, quick to store."""
    first, second, third = (s.to_json() for s in many_sessions(3))
    second["relevance_to_theme"] = "A long answer. " * (DEFAULT_MAX_BYTES // 15 + 1000)
    return [first, second, third, *extra]


def test_a_file_larger_than_the_page_limit_is_imported_session_by_session(catalogue, tmp_path, large_text):
    path = tmp_path / "catalogue.json"
    path.write_text(large_text, encoding="utf-8")
    heard: list[tuple[str, int]] = []
    report = import_paths(
        catalogue, [path], session_progress=lambda p, n: heard.append((p.name, n)), keep_sessions=False
    )
    assert report.skipped == []
    assert [line.action for line in report.sessions] == ["created"] * COUNT
    assert heard == [("catalogue.json", n) for n in range(1, COUNT + 1)]
    # Only a line per session is kept, not the sessions.
    assert report.imported == [] and report.updated == []
    assert catalogue.count() == COUNT
    assert catalogue.get(report.sessions[-1].id).title == f"Session {COUNT} on access and rights"


def test_a_bad_entry_refuses_the_whole_large_file(catalogue, tmp_path):
    bad = dict(many_sessions(4)[-1].to_json(), sdgs=[18])
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(few_but_large(bad), indent=2), encoding="utf-8")
    report = import_paths(catalogue, [path])
    assert [(skip.path, skip.reason) for skip in report.skipped] == [
        (str(path), "session 4: sdgs: 18 is not a goal number from 1 to 17"),
    ]
    # The three sessions before it were stored as they were read: the file's one
    # transaction takes them back.
    assert report.sessions == [] and catalogue.count() == 0


def test_a_large_file_cut_short_is_refused(catalogue, tmp_path):
    text = json.dumps(few_but_large(), indent=2)
    path = tmp_path / "catalogue.json"
    path.write_text(text[: len(text) - 2000], encoding="utf-8")
    [skip] = import_paths(catalogue, [path]).skipped
    assert skip.reason.startswith("not valid JSON (line ")
    assert catalogue.count() == 0


def test_a_large_file_in_another_encoding_is_refused_in_one_line(catalogue, tmp_path):
    path = tmp_path / "catalogue.json"
    path.write_bytes(json.dumps(few_but_large(), indent=2).encode("utf-8")[:-2] + ', "Café"]'.encode("cp1252"))
    [skip] = import_paths(catalogue, [path]).skipped
    assert skip.reason.startswith("catalogue.json is not UTF-8 text (after line ")
    assert catalogue.count() == 0


def test_the_page_limit_stays_for_pages(catalogue, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("IGF 2018 WS #1 A page\n" + "Some words of a page.\n" * 300_000, encoding="utf-8")
    [skip] = import_paths(catalogue, [page]).skipped
    assert "igftui reads files up to 5 MB" in skip.reason


def test_sessions_are_checked_as_they_are_read(large_text):
    class Recording(io.StringIO):
        read_so_far = 0

        def read(self, size=-1):
            piece = super().read(size)
            self.read_so_far += len(piece)
            return piece

    stream = Recording(large_text)
    sessions = iter_sessions_json(stream, "catalogue.json")
    assert next(sessions).number == 1
    assert stream.read_so_far < len(large_text) // 4
