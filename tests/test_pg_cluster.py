"""scripts/pg_cluster.py: a real throwaway cluster is started, used, and leaves nothing behind.

Each test here starts a cluster of its own (a second or two), beside the one `make test`
runs the suite with.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import postgres_missing

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "pg_cluster.py"


def load_script():
    spec = importlib.util.spec_from_file_location("pg_cluster", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # where its dataclasses look for their module
    spec.loader.exec_module(module)
    return module


pg_cluster = load_script()


@pytest.fixture
def bindir() -> Path:
    found = pg_cluster.find_bindir()
    if found is None:
        postgres_missing()
    return found


def running(pid: int) -> bool:
    """Whether process ``pid`` is still running (an ended one its parent has not reaped yet is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_a_cluster_runs_for_its_block_and_leaves_nothing_behind(bindir):
    import sqlalchemy

    with pg_cluster.running_cluster(bindir) as cluster:
        server = pg_cluster.server_pid(cluster)
        assert server is not None and running(server)
        engine = sqlalchemy.create_engine(cluster.url, poolclass=sqlalchemy.pool.NullPool)
        with engine.connect() as connection:
            settings = connection.execute(
                sqlalchemy.text(
                    "SELECT current_setting('listen_addresses'), current_setting('fsync'),"
                    " current_setting('unix_socket_directories'), current_setting('server_encoding')"
                )
            ).one()
        engine.dispose()
        # No TCP port: only the socket in the cluster's own folder.
        assert tuple(settings) == ("", "off", str(cluster.folder), "UTF8")
        if os.geteuid() == 0:
            assert cluster.folder.stat().st_uid == pg_cluster.pwd.getpwnam("postgres").pw_uid
    assert not running(server)
    assert not cluster.folder.exists()


def test_an_error_inside_the_block_still_stops_and_removes_the_cluster(bindir):
    with pytest.raises(RuntimeError, match="a test's own failure"):
        with pg_cluster.running_cluster(bindir) as cluster:
            server = pg_cluster.server_pid(cluster)
            raise RuntimeError("a test's own failure")
    assert server is not None and not running(server)
    assert not cluster.folder.exists()


def test_the_wrapper_gives_the_command_the_url_and_returns_its_exit_code(bindir):
    command = [sys.executable, "-c", "import os; print(os.environ['IGFTUI_TEST_POSTGRES']); raise SystemExit(3)"]
    done = subprocess.run([sys.executable, str(SCRIPT), "--", *command], capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    url = done.stdout.strip()
    assert url.startswith("postgresql+psycopg://postgres@/postgres?host=")
    folder = Path(url.split("host=", 1)[1])
    assert not folder.exists()


def test_sigterm_to_the_wrapper_ends_the_command_and_removes_the_cluster(bindir):
    # The command prints the URL, then waits on its stdin, which stays open until the end.
    command = [
        sys.executable,
        "-c",
        "import os, sys; print(os.environ['IGFTUI_TEST_POSTGRES'], flush=True); sys.stdin.read()",
    ]
    wrapper = subprocess.Popen(
        [sys.executable, str(SCRIPT), "--", *command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wrapper.stdout is not None
        url = wrapper.stdout.readline().strip()
        folder = Path(url.split("host=", 1)[1])
        server = pg_cluster.server_pid(pg_cluster.Cluster(bindir, folder))
        assert server is not None and running(server)
        wrapper.send_signal(signal.SIGTERM)
        assert wrapper.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if wrapper.poll() is None:
            wrapper.kill()
        wrapper.communicate()
    assert not running(server)
    assert not folder.exists()


def test_without_postgresql_the_command_runs_without_the_url_and_one_line_says_so(capfd, monkeypatch):
    monkeypatch.setenv("IGFTUI_TEST_POSTGRES", "left over from an outer run")
    code = pg_cluster.wrap(
        [sys.executable, "-c", "import os; print(os.environ.get('IGFTUI_TEST_POSTGRES'))"], bindir=None
    )
    out, err = capfd.readouterr()
    assert code == 0
    assert out == "None\n"
    assert err == pg_cluster.NOT_FOUND + "\n"
    assert "apt install postgresql" in err


def test_the_newest_postgresql_is_found_first():
    folders = ["/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]
    assert sorted(folders, key=pg_cluster._version_of, reverse=True)[0] == "/usr/lib/postgresql/16/bin"


def test_as_root_initdb_and_pg_ctl_run_as_the_postgres_user():
    command = pg_cluster.as_server_user(["initdb", "-D", "data"])
    if os.geteuid() == 0:
        assert command == ["runuser", "-u", "postgres", "--", "initdb", "-D", "data"]
    else:
        assert command == ["initdb", "-D", "data"]
