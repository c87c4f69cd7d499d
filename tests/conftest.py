"""Shared fixtures: every test gets its own catalogue file and its own data folders."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import textual._wait
from hypothesis import settings

SRC = Path(__file__).resolve().parents[1] / "src"

# The property tests draw the same examples on every run by default, so `make test` and CI
# pass or fail on the code alone, never on a lucky draw (CI twice met a case no run before
# had drawn).  HYPOTHESIS_PROFILE=explore searches afresh each run, to look for new bugs;
# a failing case it finds is kept as an @example in its test.
settings.register_profile("steady", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "steady"))

# After every key it presses and at every pause, Textual's Pilot guesses that the app is
# done by sleeping in steps of 1/50 s until a step passes with almost no CPU used: 40 ms
# asleep per key at the least, a third of the suite's time.  No test here relies on that
# guess (on a busy machine it is wrong anyway): each waits for what it needs (settle and
# wait_until wait for the workers and the messages).  Steps of 1/200 s keep the guess and
# waste a quarter of the time.  Textual reads both names at each wait (pinned: 8.2.8).
textual._wait.SLEEP_GRANULARITY = 1 / 200
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user's catalogue and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # The default export folder: never the real user's documents.
    (home / "documents").mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "documents"))
    for name in ("IGFTUI_DB", "IGFTUI_THEME", "IGFTUI_RULES", "IGFTUI_EXPORT_FOLDER"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests off the real clipboard: no display for xclip or wl-copy to reach, no tmux.

    A test that wants a clipboard tool sets these again, with a tool of its own on PATH.
    """
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "WSL_DISTRO_NAME", "WSL_INTEROP"):
        monkeypatch.delenv(name, raising=False)


#: The URL of the cluster scripts/pg_cluster.py started for this run (``make test``).
POSTGRES_VARIABLE = "IGFTUI_TEST_POSTGRES"


def in_ci() -> bool:
    """CI sets ``CI`` (to ``true``): there a test that cannot run is a failure, not a skip."""
    return bool(os.environ.get("CI"))


def postgres_missing() -> None:
    """Skip the test for want of PostgreSQL, or fail it in CI, with one clear line."""
    if in_ci():
        pytest.fail(f"{POSTGRES_VARIABLE} is not set: in CI a missing PostgreSQL is a failure (run 'make test')")
    pytest.skip("no PostgreSQL: run the tests through 'make test' (scripts/pg_cluster.py) to run this one")


@pytest.fixture(scope="session")
def postgres_server():
    """An engine on the test cluster's ``postgres`` database, for making and dropping databases."""
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        postgres_missing()
    import sqlalchemy

    engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sqlalchemy.pool.NullPool)
    yield engine
    engine.dispose()


@contextmanager
def fresh_database(server) -> Iterator[str]:
    """A new empty database on ``server`` (an engine) for the block; its SQLAlchemy URL; dropped after."""
    import uuid

    import sqlalchemy

    # Unique across the xdist workers sharing the cluster and across the tests of each.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"igftui_test_{worker}_{uuid.uuid4().hex[:12]}"
    with server.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.url.set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE: a connection the test left open must not keep its database alive.
        with server.connect() as connection:
            connection.execute(sqlalchemy.text(f'DROP DATABASE "{name}" WITH (FORCE)'))


@pytest.fixture
def postgres_url(postgres_server) -> Iterator[str]:
    """A SQLAlchemy URL of a new empty database on the test cluster, for this test alone; dropped after it."""
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture
def catalogue_path(tmp_path: Path) -> Path:
    return tmp_path / "catalogue.db"


@pytest.fixture
def catalogue(catalogue_path: Path):
    from igftui.store import Catalogue

    with Catalogue(catalogue_path) as opened:
        yield opened


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def _as_a_pipe_gives_it(data: bytes) -> str:
    """What ``subprocess.run(..., text=True)`` makes of a child's output: UTF-8, universal newlines."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture
def igftui(catalogue_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run the real command line, ``igftui.cli.main(argv)``, in this process against the test's catalogue.

    As a user's pipe would give it: stdin, stdout and stderr are UTF-8 streams that are
    not terminals (stdin is empty unless ``stdin`` is given), and an exit through
    ``sys.exit`` (``--help``, ``--version``) is its exit code.  What only a real
    process shows (a broken pipe, two processes at once, a terminal) is for
    ``igftui_process``.
    """
    from igftui.cli import main

    def run(*args: str, db: Path | None = catalogue_path, stdin: str | None = None) -> Result:
        monkeypatch.delenv("IGFTUI_DEBUG", raising=False)
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        out, err = io.BytesIO(), io.BytesIO()
        streams = (
            io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8"),
            io.TextIOWrapper(out, encoding="utf-8"),
            io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace"),
        )
        before = sys.stdin, sys.stdout, sys.stderr
        sys.stdin, sys.stdout, sys.stderr = streams
        try:
            try:
                code = main(argv)
            except SystemExit as exit:
                code = exit.code
                if code is not None and not isinstance(code, int):
                    print(code, file=sys.stderr)  # as Python does with sys.exit("message")
                    code = 1
            for stream in streams[1:]:
                stream.flush()
        finally:
            sys.stdin, sys.stdout, sys.stderr = before
        return Result(code or 0, _as_a_pipe_gives_it(out.getvalue()), _as_a_pipe_gives_it(err.getvalue()))

    return run


@pytest.fixture
def igftui_process(catalogue_path: Path):
    """Run the real command line in a new process (``python -m igftui``) against the test's catalogue.

    Slow: only for what a process alone shows (exit codes, broken pipes, several at once).
    """

    def run(*args: str, db: Path | None = catalogue_path, stdin: str | None = None) -> Result:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
        env.pop("IGFTUI_DEBUG", None)
        command = [sys.executable, "-m", "igftui"]
        if db is not None:
            command += ["--db", str(db)]
        done = subprocess.run(command + list(args), capture_output=True, text=True, env=env, input=stdin, timeout=120)
        return Result(done.returncode, done.stdout, done.stderr)

    return run


#: A file system in memory, where the system has one (Linux).
_IN_MEMORY = Path("/dev/shm")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the tests' files (a catalogue or more per test) in memory, unless told where.

    SQLite makes sure every commit is on the disk (fsync), as a user's catalogue needs;
    a test's throw-away catalogue does not, and on a busy disk those waits were tens of
    milliseconds per catalogue.  What the tests look at is unchanged: a process killed
    with SIGKILL leaves its files to the system, in memory as on a disk.
    """
    chosen = config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT") or os.environ.get("TMPDIR")
    if not chosen and _IN_MEMORY.is_dir() and os.access(_IN_MEMORY, os.W_OK | os.X_OK):
        # Read by pytest where it makes the run's folder, pytest-of-<user>/pytest-<n>.
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(_IN_MEMORY)


#: Where the slow tests are: the app driven under Pilot, real processes and terminals.
_SLOW_FIRST = ("tui", "test_bench.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the slow tests first, the many quick ones last.

    With ``-n``, xdist hands each worker the next test as it finishes one: ending on the
    quick tests lets both workers end together, where a test of 20 s handed out last
    would leave the other worker idle all that time.  The sort is stable, so each file's
    tests keep their order.
    """
    tests = Path(__file__).parent
    for item in items:
        # A test on the PostgreSQL cluster is marked so, whether or not it says it: `-m "not postgres"`.
        if {"postgres_url", "postgres_server"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)
    items.sort(key=lambda item: item.path.relative_to(tests).parts[0] not in _SLOW_FIRST)
