"""backup, restore and forget, and the catalogue checks, as a user runs them: real subprocesses."""

from __future__ import annotations

import ctypes
import json
import os
import pty
import re
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from igftui.store.schema import SCHEMA_VERSION

SRC = Path(__file__).resolve().parents[2] / "src"


def one_clear_line(result) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    assert lines[0].startswith("igftui: ")
    return lines[0]


def snapshot(path: Path) -> tuple:
    """A file's bytes and time, its journals beside it, and the backups folder."""
    beside = sorted(name for name in os.listdir(path.parent) if name.startswith(path.name) or name == "backups")
    return path.read_bytes(), path.stat().st_mtime_ns, beside


class Run:
    """The real command line in a subprocess, with what the test needs of its process."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def run(*args: str, db: Path, stdin: str | None = None, preexec_fn=None) -> Run:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    env.pop("IGFTUI_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "igftui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
        preexec_fn=preexec_fn,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def run_in_a_terminal(*args: str, db: Path, typed: str) -> Run:
    """Run with a terminal as stdin, where ``typed`` is typed ahead (the terminal keeps it until read)."""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    env.pop("IGFTUI_DEBUG", None)
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "igftui", "--db", str(db), *args],
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        os.close(terminal)
        os.write(controller, typed.encode())
        out, err = process.communicate(timeout=120)
    finally:
        os.close(controller)
    return Run(process.returncode, out, err)


@pytest.fixture
def samples(igftui, catalogue_path):
    assert igftui("samples").code == 0
    return catalogue_path


# ----- backup and restore -----


def test_backup_writes_a_private_copy_and_never_overwrites(igftui, samples, tmp_path):
    target = tmp_path / "copy.db"
    made = igftui("backup", str(target))
    assert made.code == 0, made.err
    assert made.out == f"backed up 31 sessions to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(igftui("list", "--json", db=target).json()) == 31
    before = target.read_bytes()
    again = igftui("backup", str(target))
    assert again.code == 1
    assert one_clear_line(again) == f"igftui: {target} exists; use --force to overwrite"
    assert target.read_bytes() == before
    assert igftui("backup", str(target), "--force").code == 0


def test_restore_asks_first(igftui, samples, tmp_path):
    copy = tmp_path / "copy.db"
    assert igftui("backup", str(copy)).code == 0
    assert igftui("forget", "Bogdan Ilić").code == 0  # the catalogue now differs from the copy
    changed = snapshot(samples)
    # Not in a terminal, and no --yes: nothing is asked, nothing replaced.
    refused = igftui("restore", str(copy), stdin="y\n")
    assert refused.code == 2
    assert "run it in a terminal to be asked, or add --yes" in one_clear_line(refused)
    assert snapshot(samples) == changed
    # Asked in a terminal, the answer is no.
    declined = run_in_a_terminal("restore", str(copy), db=samples, typed="n\n")
    assert declined.code == 1
    assert declined.err.startswith(
        f"Replace the catalogue at {samples} (31 sessions) with {copy} (31 sessions)? [y/N] "
    )
    assert declined.err.endswith("igftui: nothing was restored: the catalogue is as it was\n")
    assert snapshot(samples) == changed
    assert not (tmp_path / "backups").exists()
    # And yes.
    accepted = run_in_a_terminal("restore", str(copy), db=samples, typed="y\n")
    assert accepted.code == 0, accepted.err
    lines = accepted.out.splitlines()
    assert lines[0] == f"restored 31 sessions from {copy} into {samples}"
    kept = Path(re.fullmatch(r"the catalogue it replaced is kept in (.*)", lines[1]).group(1))
    assert kept.parent == tmp_path / "backups"
    assert re.fullmatch(r"catalogue-replaced-\d{8}T\d{6}Z\.db", kept.name)
    assert "Bogdan Ilić" in igftui("list", "--query", "Bogdan").out + igftui("show", "3").out
    assert "Bogdan" not in igftui("show", "3", db=kept).out


def test_restore_with_yes(igftui, samples, tmp_path):
    copy = tmp_path / "copy.db"
    assert igftui("backup", str(copy)).code == 0
    done = igftui("restore", str(copy), "--yes")
    assert done.code == 0, done.err
    assert done.out.startswith(f"restored 31 sessions from {copy} into {samples}\n")
    (kept,) = (tmp_path / "backups").iterdir()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700


def test_restore_refuses_a_file_that_is_not_a_good_backup(igftui, samples, tmp_path):
    before = snapshot(samples)
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n" * 50)
    for bad, words in ((notes, "not an igftui catalogue"), (tmp_path / "missing.db", "no backup at")):
        result = run_in_a_terminal("restore", str(bad), db=samples, typed="y\n")
        assert result.code == 2
        assert words in one_clear_line(result)  # refused before anything is asked
    newer = tmp_path / "newer.db"
    assert igftui("backup", str(newer)).code == 0
    with sqlite3.connect(newer) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    result = igftui("restore", str(newer), "--yes")
    assert result.code == 2 and "newer igftui" in one_clear_line(result)
    assert snapshot(samples) == before


def deny_writing_to_other_users_files():
    """In the child, before igftui starts: root loses its power to ignore file permissions.

    Tests run as root, who writes to read-only files regardless; without these
    capabilities (dropped from the bounding set, so gone after exec) the kernel
    checks the permission bits for root as for anyone.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


#: Runs a command, then says what it printed and what it left in a folder, as JSON:
#: in a mount namespace of its own, that folder is seen by nobody else.
REPORT_FROM_INSIDE = """
import json, os, subprocess, sys
done = subprocess.run(sys.argv[2:], capture_output=True, text=True)
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr,
                  "left": sorted(os.listdir(sys.argv[1]))}))
"""


def a_small_disk_at(folder: Path, size: str):
    """In the child: ``folder`` is a file system of ``size``, seen by the child alone.

    A tmpfs mounted in a mount namespace of the child's own: the disk really fills
    (ENOSPC, as on a full disk), and nothing outside the child changes.
    """

    def mount() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(0x00020000) != 0:  # CLONE_NEWNS
            raise OSError(ctypes.get_errno(), "unshare")
        if libc.mount(b"none", b"/", None, 0x4000 | 0x40000, None) != 0:  # MS_REC | MS_PRIVATE
            raise OSError(ctypes.get_errno(), "mount --make-rprivate /")
        if libc.mount(b"tmpfs", str(folder).encode(), b"tmpfs", 0, f"size={size},mode=0700".encode()) != 0:
            raise OSError(ctypes.get_errno(), "mount tmpfs")

    return mount


def can_mount() -> bool:
    try:
        subprocess.run(["true"], preexec_fn=a_small_disk_at(Path("/tmp"), "1k"), check=True)
    except (OSError, subprocess.SubprocessError):
        return False
    return True


@pytest.mark.skipif(not can_mount(), reason="needs to mount a small file system (root, mount namespaces)")
def test_a_full_disk_during_a_backup(samples, tmp_path):
    before = snapshot(samples)
    target = tmp_path / "small" / "copy.db"
    target.parent.mkdir()
    env = dict(os.environ, PYTHONPATH=str(SRC))
    command = [
        sys.executable,
        "-c",
        REPORT_FROM_INSIDE,
        str(target.parent),
        sys.executable,
        "-m",
        "igftui",
        "--db",
        str(samples),
        "backup",
        str(target),
    ]
    # Room for less than half the catalogue.
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, preexec_fn=a_small_disk_at(target.parent, "200k")
    )
    result = json.loads(done.stdout)
    assert result["code"] == 1
    assert one_clear_line(Run(result["code"], result["out"], result["err"])) == (
        f"igftui: the disk holding {target} is full: nothing was changed; free some space and try again"
    )
    assert result["left"] == []  # no temporary file, no half copy
    assert snapshot(samples) == before


def test_a_read_only_catalogue_is_refused_and_left_alone(samples):
    samples.chmod(0o400)
    before = snapshot(samples)
    result = run("list", db=samples, preexec_fn=deny_writing_to_other_users_files)
    assert result.code == 2
    assert one_clear_line(result) == (
        f"igftui: the catalogue {samples} cannot be written (read-only file): nothing was changed"
    )
    assert snapshot(samples) == before


def test_a_catalogue_in_a_read_only_folder_is_refused_and_left_alone(igftui, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "catalogue.db"
    assert igftui("samples", db=path).code == 0
    folder.chmod(0o500)
    try:
        before = snapshot(path)
        result = run("show", "1", db=path, preexec_fn=deny_writing_to_other_users_files)
        assert result.code == 2
        assert one_clear_line(result) == (
            f"igftui: the catalogue {path} cannot be written: its folder {folder} is read-only; nothing was changed"
        )
        assert snapshot(path) == before
        backup = run("backup", str(tmp_path / "copy.db"), db=path, preexec_fn=deny_writing_to_other_users_files)
        assert backup.code == 0, backup.err  # a read-only catalogue can still be copied
        assert snapshot(path) == before
    finally:
        folder.chmod(0o700)


# ----- commands that only read make nothing -----


def test_a_mistyped_catalogue_path_makes_nothing(igftui, tmp_path):
    typo = tmp_path / "typo" / "catalgue.db"
    for args in (
        ["list"],
        ["show", "1"],
        ["export", "1"],
        ["check", "1"],
        ["forget", "Ana"],
        ["backup", str(tmp_path / "copy.db")],
    ):
        result = igftui(*args, db=typo)
        assert result.code == 2, args
        assert one_clear_line(result).startswith(f"igftui: no catalogue at {typo}"), args
    assert sorted(os.listdir(tmp_path)) == []
    assert igftui("samples", db=typo).code == 0
    assert typo.exists()


def test_files_that_are_not_catalogues_are_refused_unchanged(igftui, samples, tmp_path):
    other = tmp_path / "contacts.db"
    connection = sqlite3.connect(other)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    cut = tmp_path / "cut.db"
    cut.write_bytes(samples.read_bytes()[:100_000])
    notes = tmp_path / "notes.txt"
    notes.write_text("plain text\n" * 20)
    for path, words in (
        (other, "a SQLite database, but not an igftui catalogue"),
        (cut, f"the catalogue {cut} is damaged (cut short: 100000 bytes"),
        (notes, "not an igftui catalogue (not a SQLite database)"),
    ):
        before = snapshot(path)
        result = igftui("list", db=path)
        assert result.code == 2
        assert words in one_clear_line(result)
        assert snapshot(path) == before


def test_a_damaged_catalogue_names_the_copy_to_restore(igftui, tmp_path):
    path = tmp_path / "catalogue.db"
    path.write_bytes((Path(__file__).parents[1] / "store" / "catalogues" / "v2.db").read_bytes())
    assert igftui("list", db=path).code == 0  # migrated, with a copy kept
    (kept,) = (tmp_path / "backups").iterdir()
    path.write_bytes(path.read_bytes()[:50_000])
    result = igftui("list", db=path)
    assert result.code == 2
    line = one_clear_line(result)
    assert line.endswith(f"restore its newest copy with: igftui --db {path} restore {kept}")
    restored = igftui("restore", str(kept), "--yes", db=path)
    assert restored.code == 0, restored.err
    assert len(igftui("list", "--json", db=path).json()) == 31


# ----- forget -----


def test_forget_from_the_command_line(igftui, samples):
    before = snapshot(samples)
    dry = igftui("forget", "bogdan ILIC", "--dry-run", "--json")
    assert dry.code == 0, dry.err
    report = dry.json()
    assert report == {
        "name": "bogdan ILIC",
        "dry_run": True,
        "sessions": report["sessions"],
        "participants": 3,
        "mentions": report["mentions"],
        "revisions": 3,
        "bytes_gone": None,
        "backups_folder": str(samples.parent / "backups"),
        "backup_files": 0,
    }
    assert len(report["sessions"]) == 3
    assert snapshot(samples) == before

    done = igftui("forget", "Bogdan Ilić")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0].startswith("forgot Bogdan Ilić: 3 sessions (3 participant entries unnamed")
    assert lines[1] == "sessions: " + ", ".join(f"#{n}" for n in report["sessions"])
    assert "no byte of it or of its journal holds the erased text" in lines[2]
    assert f"the backups in {samples.parent / 'backups'}" in lines[3]
    assert "Ilić".encode() not in samples.read_bytes()
    assert "no sessions match" in igftui("list", "--query", "Bogdan").out
    for session_id in report["sessions"]:
        shown = igftui("show", str(session_id), "--json").json()
        assert all(p["name"] != "Bogdan Ilić" for p in shown["participants"])
    again = igftui("forget", "Bogdan Ilić", "--json")
    assert again.code == 1
    assert json.loads(again.out)["sessions"] == []
    assert one_clear_line(again) == "igftui: no one named Bogdan Ilić in any session or revision: nothing to erase"
