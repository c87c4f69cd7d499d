"""What only a real igftui process shows: exit codes, a reader that goes away, the console script.

The other CLI tests call ``igftui.cli.main(argv)`` in the test's own process (the
``igftui`` fixture); these start ``python -m igftui`` (``igftui_process``), and
check that ``main`` leaves nothing behind when it runs in a process that goes on.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parents[2]


def igftui_command(db: Path) -> list[str]:
    return [sys.executable, "-m", "igftui", "--db", str(db)]


def igftui_environment() -> dict[str, str]:
    """The test's environment, with this checkout's source first on the path."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("IGFTUI_DEBUG", None)
    return env


def one_clear_line(result) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    assert lines[0].startswith("igftui: ")
    return lines[0]


@pytest.fixture
def samples(igftui, catalogue_path):
    assert igftui("samples").code == 0
    return catalogue_path


def test_exit_codes_of_a_real_process(igftui_process, samples):
    version = igftui_process("--version")
    assert version.code == 0 and version.out.startswith("igftui ")
    missing = igftui_process("show", "999")
    assert missing.code == 1
    assert one_clear_line(missing) == "igftui: no session with id 999 in the catalogue"
    bad = igftui_process("list", "--colour", "red")
    assert bad.code == 2 and "unrecognized arguments" in one_clear_line(bad)


def block_buffered() -> dict[str, str]:
    """The environment of a user's shell: stdout into a pipe is written in blocks, at exit too."""
    env = igftui_environment()
    env.pop("PYTHONUNBUFFERED", None)
    return env


# `list` fits in stdout's buffer and fails only when flushed at the end; `list --json`
# is longer than the buffer and fails while it is written.
@pytest.mark.parametrize("args", [["list"], ["list", "--json"]])
def test_a_reader_gone_before_anything_is_written(samples, args):
    """Output into a pipe whose reader has closed: exit 0 and not a word, whether the
    output fails while written or only when it is flushed at the end."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            igftui_command(samples) + args,
            check=False,
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env=block_buffered(),
            timeout=120,
        )
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, "")


def test_list_into_head(samples):
    """`igftui list --json | head -1`: head stops reading after one line of a long output."""
    command = " ".join(map(str, igftui_command(samples))) + ' list --json | head -1; echo "exit ${PIPESTATUS[0]}"'
    done = subprocess.run(
        ["bash", "-c", command], check=False, capture_output=True, text=True, env=block_buffered(), timeout=120
    )
    assert done.stdout == "[\nexit 0\n" and done.stderr == ""


def test_the_console_script(samples):
    """The `igftui` command pip installs calls the entry point and exits with what it returns."""
    with open(ROOT / "pyproject.toml", "rb") as file:
        entry = tomllib.load(file)["project"]["scripts"]["igftui"]
    module, function = entry.split(":")
    # What pip's generated script does.
    script = f"import sys\nfrom {module} import {function}\nsys.exit({function}())"
    command = [sys.executable, "-c", script, "--db", str(samples)]
    env = igftui_environment()
    found = subprocess.run([*command, "show", "1"], check=False, capture_output=True, text=True, env=env, timeout=120)
    assert found.returncode == 0 and "[#1 · " in found.stdout, found.stderr
    missing = subprocess.run(
        [*command, "show", "999"], check=False, capture_output=True, text=True, env=env, timeout=120
    )
    assert missing.returncode == 1 and "no session with id 999" in missing.stderr


# ----- main() in a process that goes on -----


def open_files_under(folder: Path) -> list[str]:
    """The files under ``folder`` this process holds open."""
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed meanwhile (the descriptor listdir itself used)
        if target.startswith(str(folder)):
            held.append(target)
    return held


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see open files")
def test_main_closes_the_catalogues_it_opens(igftui, samples):
    """A command leaves no catalogue open behind it, whether it succeeds or fails."""
    for args in (
        ["list"],
        ["list", "--json", "--limit", "3"],
        ["show", "1"],
        ["show", "999"],
        ["export", "1"],
        ["check", "1"],
        ["history", "1"],
        ["duplicate", "1"],
        ["deleted"],
    ):
        result = igftui(*args)
        assert "Traceback" not in result.err
        assert open_files_under(samples.parent) == [], args


def test_list_limit_is_asked_of_the_catalogue(igftui, samples):
    """`list --json --limit N` asks SQLite for N sessions (see tests/store/test_listing_limit.py)."""
    everything = igftui("list", "--json").json()
    sent: list[tuple[str, tuple]] = []

    def record(_connection, _cursor, statement, parameters, _context, _executemany):
        sent.append((statement, tuple(parameters)))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        limited = igftui("list", "--json", "--limit", "2")
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert limited.code == 0, limited.err
    assert [s["id"] for s in limited.json()] == [s["id"] for s in everything[:2]]
    [(sql, parameters)] = [(sql, p) for sql, p in sent if "session.document" in sql and "FROM session" in sql]
    assert "LIMIT" in sql and 2 in parameters, sql
    table = igftui("list", "--limit", "1")
    assert table.code == 0 and f"(1 of {len(everything)} shown)" in table.out
    assert igftui("list", "--limit", "0").code == 2
