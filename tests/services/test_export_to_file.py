"""Exporting a session to a file: the same text and the same safe writing for the CLI and the app."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from igftui.cli import main
from igftui.formats.errors import FormatError, TargetExists
from igftui.formats.markdown import to_markdown
from igftui.model import ForumSession
from igftui.model.session import Participant
from igftui.services.exporting import (
    chosen_path,
    export_session,
    export_text,
    suggested_path,
    write_export,
)


@pytest.fixture
def stored(catalogue):
    return catalogue.add(
        ForumSession(
            status="draft",
            year=2025,
            session_type="workshop",
            title="Safe networks",
            participants=[Participant(name="Ana Costa", roles=["speaker"], email="ana@example.org")],
        )
    )


def test_markdown_with_and_without_private_fields(catalogue, stored):
    public = export_session(catalogue, stored.id)
    assert public.text == to_markdown(catalogue.get(stored.id))
    assert "ana@example.org" not in public.text
    assert "ana@example.org" in export_session(catalogue, stored.id, include_private=True).text


def test_json_carries_the_revision_it_was_made_from(catalogue, stored):
    exported = export_session(catalogue, stored.id, format="json")
    data = json.loads(exported.text)
    assert data["uid"] == catalogue.get(stored.id).uid and data["revision"] >= 1


def test_a_redacted_copy_names_nobody_and_has_no_identity(catalogue, stored):
    for format in ("md", "json"):
        exported = export_session(catalogue, stored.id, format=format, redact=True)
        assert "Ana Costa" not in exported.text
        assert exported.session.uid is None and exported.session.id == stored.id
    data = json.loads(export_session(catalogue, stored.id, format="json", redact=True).text)
    assert "uid" not in data or data["uid"] is None
    # The app's preview is the same text as the command line's file.
    assert export_text(stored, redact=True) == export_session(catalogue, stored.id, redact=True).text


def test_the_command_line_writes_what_the_use_case_exports(catalogue, stored, tmp_path, capsys):
    target = tmp_path / "out.md"
    assert main(["--db", str(catalogue.path), "export", str(stored.id), "--redact", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == export_text(stored, redact=True)
    assert f"exported session #{stored.id} to {target}" in capsys.readouterr().err
    assert main(["--db", str(catalogue.path), "export", str(stored.id), "-o", str(target)]) == 1
    assert "exists" in capsys.readouterr().err


def test_paths_the_user_names(tmp_path):
    folder = tmp_path / "exports"
    assert chosen_path("  ", folder) is None
    assert chosen_path("x.md", folder) == folder / "x.md"
    assert chosen_path(" sub/x.md ", folder) == folder / "sub" / "x.md"
    assert chosen_path(str(tmp_path / "y.md"), folder) == tmp_path / "y.md"
    assert chosen_path("~/z.md", folder) == Path.home() / "z.md"
    session = ForumSession(year=2025, session_type="workshop", title="Safe networks")
    assert suggested_path(session, folder).parent == folder
    assert suggested_path(session, folder, private=True).name.endswith("-private.md")


def test_writing_is_safe(tmp_path):
    path = tmp_path / "a.md"
    write_export(path, "one\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(TargetExists):
        write_export(path, "two\n")
    assert path.read_text(encoding="utf-8") == "one\n"
    write_export(path, "two\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "two\n"
    with pytest.raises(FormatError):
        write_export(tmp_path / "no such folder" / "a.md", "x")
