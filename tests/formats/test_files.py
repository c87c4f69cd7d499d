"""Reading users' files and writing exports, on real files in a temporary folder."""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from pathlib import Path

import pytest

from igftui.formats import files
from igftui.formats.errors import FormatError, TargetExists
from igftui.formats.files import read_text_file, write_atomically

as_root = hasattr(os, "geteuid") and os.geteuid() == 0
needs_permissions = pytest.mark.skipif(as_root, reason="root reads and writes regardless of permissions")


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted write could leave behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ----- write_atomically -----


def test_writes_a_new_file_private_and_whole(tmp_path):
    target = tmp_path / "proposal.md"
    write_atomically(target, "# Café ✓\nline two\n")
    assert target.read_bytes() == "# Café ✓\nline two\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_line_endings_are_written_as_given(tmp_path):
    target = tmp_path / "crlf.md"
    write_atomically(target, "a\r\nb\n")
    assert target.read_bytes() == b"a\r\nb\n"


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "mine.md"
    target.write_text("my own edits")
    with pytest.raises(TargetExists) as caught:
        write_atomically(target, "new text")
    assert str(caught.value) == f"{target} exists; use --force to overwrite"
    assert isinstance(caught.value, FormatError) and isinstance(caught.value, FileExistsError)
    assert target.read_text() == "my own edits"
    assert leftovers(tmp_path) == []


def test_overwrites_when_asked_and_keeps_the_file_private(tmp_path):
    target = tmp_path / "mine.md"
    target.write_text("old")
    target.chmod(0o644)
    write_atomically(target, "new", overwrite=True)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_a_file_created_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    # Another program creates the target between the check and the rename.
    target = tmp_path / "race.md"
    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_someone_writes(*args, **kwargs):
        target.write_text("written by someone else")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(files.tempfile, "mkstemp", mkstemp_then_someone_writes)
    with pytest.raises(TargetExists):
        write_atomically(target, "ours")
    assert target.read_text() == "written by someone else"
    assert leftovers(tmp_path) == []


def test_missing_folder_is_one_clear_sentence(tmp_path):
    target = tmp_path / "no" / "such" / "x.md"
    with pytest.raises(FormatError) as caught:
        write_atomically(target, "text")
    assert str(caught.value) == f"cannot write {target}: the folder {target.parent} does not exist"
    assert not (tmp_path / "no").exists()


def test_parent_that_is_a_file(tmp_path):
    (tmp_path / "plain").write_text("x")
    with pytest.raises(FormatError, match="is not a folder"):
        write_atomically(tmp_path / "plain" / "x.md", "text")


def test_target_that_is_a_folder(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    for overwrite in (False, True):
        with pytest.raises(FormatError, match="is a folder"):
            write_atomically(folder, "text", overwrite=overwrite)
    assert folder.is_dir() and list(folder.iterdir()) == []


@needs_permissions
def test_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(FormatError) as caught:
            write_atomically(folder / "x.md", "text")
        assert str(caught.value) == f"cannot write {folder / 'x.md'}: permission denied"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    # The bytes go to /dev/full, which fails every write with ENOSPC as a full
    # disk does; the temporary file is still created in the real folder.
    target = tmp_path / "proposal.md"
    target.write_text("the version that worked")
    real_fdopen = os.fdopen

    def fdopen_on_a_full_disk(fd, mode="r", *args, **kwargs):
        if mode == "wb":
            os.close(fd)
            return open("/dev/full", "wb")
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen_on_a_full_disk)
    with pytest.raises(FormatError) as caught:
        write_atomically(target, "x" * 100_000, overwrite=True)
    monkeypatch.undo()
    assert str(caught.value) == f"cannot write {target}: the disk is full (nothing was changed)"
    assert target.read_text() == "the version that worked"
    assert leftovers(tmp_path) == []


def test_text_that_is_not_unicode_is_refused_before_anything_is_written(tmp_path):
    target = tmp_path / "x.md"
    with pytest.raises(FormatError, match="not valid Unicode"):
        write_atomically(target, "broken \ud800 text")
    assert list(tmp_path.iterdir()) == []


# ----- read_text_file -----


def test_reads_utf8(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("Ana Souza, São Paulo\n".encode())
    assert read_text_file(path) == "Ana Souza, São Paulo\n"


def test_line_endings_become_newlines(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    assert read_text_file(path) == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_reads_text_with_a_byte_order_mark(tmp_path, bom, encoding):
    path = tmp_path / "marked.txt"
    path.write_bytes(bom + "Organizer 1: Civil Society\r\nÉmilie\n".encode(encoding))
    assert read_text_file(path) == "Organizer 1: Civil Society\nÉmilie\n"


def test_missing_file(tmp_path):
    with pytest.raises(FormatError) as caught:
        read_text_file(tmp_path / "gone.json")
    assert str(caught.value) == "gone.json: no such file"


def test_folder(tmp_path):
    with pytest.raises(FormatError) as caught:
        read_text_file(tmp_path)
    assert str(caught.value) == f"{tmp_path.name} is a folder, not a file"


@needs_permissions
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0o000)
    try:
        with pytest.raises(FormatError) as caught:
            read_text_file(path)
        assert str(caught.value) == "secret.txt cannot be read: permission denied"
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", codecs.BOM_UTF8])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    with pytest.raises(FormatError) as caught:
        read_text_file(path)
    assert str(caught.value) == "empty.json is empty"


def test_file_too_large(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(int(7.2 * 1024 * 1024))  # sparse: no need to write 7 MB
    with pytest.raises(FormatError) as caught:
        read_text_file(path)
    assert str(caught.value) == "big.txt is 7.2 MB; igftui reads files up to 5 MB"


def test_smaller_limits_are_said_in_their_unit(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("x" * 3000)
    with pytest.raises(FormatError) as caught:
        read_text_file(path, max_bytes=2048)
    assert str(caught.value) == "small.txt is 2.9 KB; igftui reads files up to 2 KB"
    assert read_text_file(path, max_bytes=3000) == "x" * 3000


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "binary.json"
    path.write_bytes(b"\x00\x01\x02\xff" * 100)
    with pytest.raises(FormatError) as caught:
        read_text_file(path)
    assert str(caught.value) == "binary.json is a binary file, not text"


def test_binary_file_without_nul_bytes(tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(1, 32)) * 50)
    with pytest.raises(FormatError, match="binary"):
        read_text_file(path)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip archive or an Office document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    ],
)
def test_common_binary_files_are_named(tmp_path, content, kind):
    path = tmp_path / "proposal.doc"
    path.write_bytes(content)
    with pytest.raises(FormatError) as caught:
        read_text_file(path)
    assert str(caught.value) == (
        f"proposal.doc is a binary file ({kind}), not text; copy its text into a UTF-8 text file"
    )


def test_windows_1252_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Speakers\nJosé Núñez – “Karisma”\n".encode("cp1252"))
    with pytest.raises(FormatError) as caught:
        read_text_file(path)
    assert str(caught.value) == ("legacy.txt is not UTF-8 text (line 2 looks like Windows-1252); save it as UTF-8")


def test_other_encodings_are_refused_without_a_wrong_guess(tmp_path):
    path = tmp_path / "japanese.txt"
    path.write_bytes("インターネット・ガバナンス・フォーラム".encode("shift_jis"))
    with pytest.raises(FormatError) as caught:
        read_text_file(path)
    assert str(caught.value) == "japanese.txt is not UTF-8 text (line 1); save it as UTF-8"


def test_utf16_without_a_byte_order_mark(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes("Workshop proposal\n".encode("utf-16-le"))
    with pytest.raises(FormatError) as caught:
        read_text_file(path)
    assert str(caught.value) == "notepad.txt is UTF-16 text without a byte-order mark; save it as UTF-8"


def test_broken_text_after_a_byte_order_mark(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"a\x00b")  # an odd number of bytes
    with pytest.raises(FormatError, match="starts like UTF-16 text but is not"):
        read_text_file(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(FormatError) as caught:
        read_text_file(pipe)
    assert str(caught.value) == "pipe is not a regular file (a device, pipe or socket)"
