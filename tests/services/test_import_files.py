"""Importing files into a real catalogue: one transaction and one report line per file."""

from __future__ import annotations

import json

from igftui.model import ForumSession
from igftui.services.importing import import_paths


def write_json(path, *sessions):
    path.write_text(json.dumps([s.to_json(include_private=True) for s in sessions]), encoding="utf-8")
    return path


def test_a_folder_is_imported_file_by_file(catalogue, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    write_json(
        folder / "a.json",
        ForumSession(status="catalogued", year=2024, session_type="workshop", number=1, title="One"),
        ForumSession(status="catalogued", year=2024, session_type="workshop", number=2, title="Two"),
    )
    (folder / "b.json").write_text('[{"title": ', encoding="utf-8")
    heard = []
    report = import_paths(catalogue, [folder], progress=lambda done, total, path: heard.append((done, total)))
    assert heard == [(1, 2), (2, 2)]
    assert [s.title for s in report.imported] == ["One", "Two"]
    assert [skip.path for skip in report.skipped] == [str(folder / "b.json")]
    assert report.totals() == "imported 2, merged 0, unchanged 0, skipped 1"
    assert catalogue.count() == 2

    again = import_paths(catalogue, [folder / "a.json"], keep_sessions=False)
    assert again.imported == [] and again.updated == []
    assert [line.action for line in again.sessions] == ["unchanged", "unchanged"]
    assert catalogue.count() == 2


def test_a_year_given_fills_the_sessions_that_have_none(catalogue, tmp_path):
    path = write_json(tmp_path / "a.json", ForumSession(status="catalogued", session_type="workshop", title="X"))
    (stored,) = import_paths(catalogue, [path], year=2019).imported
    assert catalogue.get(stored.id).year == 2019
