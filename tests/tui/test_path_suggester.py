"""Completing folder and file names in the export dialog's file box (the plain function under it)."""

from __future__ import annotations

import os

import pytest

from igftui.tui.widgets.path_suggester import complete_path


@pytest.fixture
def base(tmp_path):
    (tmp_path / "IGF 2026").mkdir()
    (tmp_path / "igf-notes.md").write_text("", encoding="utf-8")
    (tmp_path / "Ideas.md").write_text("", encoding="utf-8")
    (tmp_path / ".private").mkdir()
    return tmp_path


def test_a_relative_start_is_completed_in_the_base_folder_folders_with_a_slash(base):
    assert complete_path("IGF", base) == "IGF 2026/"
    assert complete_path("igf", base) == "igf-notes.md"
    assert complete_path("Id", base) == "Ideas.md"


def test_a_full_path_is_completed_and_keeps_what_was_typed(base):
    assert complete_path(f"{base}/IG", base / "elsewhere") == f"{base}/IGF 2026/"


def test_hidden_names_only_when_asked_for(base):
    assert complete_path(f"{base}/.p", base) == f"{base}/.private/"
    assert complete_path(".", base) == ".private/"
    assert complete_path("p", base) is None


def test_a_tilde_is_the_home_folder_and_stays_a_tilde(base, monkeypatch):
    monkeypatch.setenv("HOME", str(base))
    assert complete_path("~", base) == "~/"
    assert complete_path("~/IG", base / "elsewhere") == "~/IGF 2026/"


@pytest.mark.parametrize("typed", ["", "zzz", "IGF 2026/", "IGF 2026", "no such folder/x"])
def test_nothing_to_complete(base, typed):
    assert complete_path(typed, base) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_that_cannot_be_read_has_no_completion(base):
    locked = base / "locked"
    locked.mkdir()
    (locked / "inside.md").write_text("", encoding="utf-8")
    locked.chmod(0)
    try:
        assert complete_path("locked/in", base) is None
    finally:
        locked.chmod(0o700)
