#!/usr/bin/env python3
"""A throwaway PostgreSQL cluster for the tests, started around a command and removed after it.

    python scripts/pg_cluster.py [--install] -- COMMAND...

starts a cluster with Debian's PostgreSQL in a new temporary folder, runs COMMAND with
``IGFTUI_TEST_POSTGRES`` set to a SQLAlchemy URL for it, then stops the cluster, removes the
folder and exits with COMMAND's exit code.  ``make test`` runs pytest this way.

The cluster is for tests only: it listens on a Unix socket in its own folder (no TCP port, so
two runs never collide and nothing outside the machine can reach it), and it does not sync to
disk (``fsync=off``), which makes it start in a second or two.  Run as root, ``initdb`` and
``pg_ctl`` run as the ``postgres`` user (PostgreSQL refuses to run as root).

Without PostgreSQL, COMMAND runs without the variable (the tests that need it are skipped),
unless ``--install`` is given (``make test`` gives it in CI): then Debian's ``postgresql``
package is installed first.  Nothing is installed on a user's machine without ``--install``.

Standard library only: it runs before anything is installed, from any Python.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import select
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

#: The variable the tests read the cluster's URL from (tests/conftest.py).
URL_VARIABLE = "IGFTUI_TEST_POSTGRES"

#: The operating-system user PostgreSQL runs as when this script runs as root (Debian's package makes it).
SERVER_USER = "postgres"

#: What the server is told, past what initdb writes: no TCP, a socket in the cluster's own
#: folder, and none of the waits that keep a real database safe through a power cut.
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}

NOT_FOUND = "PostgreSQL not found: the PostgreSQL tests are skipped; 'apt install postgresql' runs them"

#: A Unix socket's path is at most 107 bytes; the socket is FOLDER/.s.PGSQL.5432.
_LONGEST_FOLDER = 90


def find_bindir() -> Path | None:
    """The folder of PostgreSQL's server programs (initdb, pg_ctl), newest version first; None if there is none.

    Debian keeps them out of PATH, in /usr/lib/postgresql/VERSION/bin; elsewhere
    ``pg_config --bindir`` says where they are.
    """
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_of, reverse=True)
    candidates = [Path(folder) for folder in debian]
    configured = _pg_config_bindir()
    if configured is not None:
        candidates.append(configured)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _version_of(folder: str) -> tuple[int, ...]:
    # "/usr/lib/postgresql/16/bin" -> (16,): 16 sorts after 9.6, which a text sort would not do.
    name = Path(folder).parent.name
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _pg_config_bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        return None
    try:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return Path(done.stdout.strip()) if done.stdout.strip() else None


def install_postgresql() -> bool:
    """Install Debian's ``postgresql`` package (CI's machines start without it); True if that worked."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        print("pg_cluster: --install needs root and apt-get; PostgreSQL was not installed", file=sys.stderr)
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # A fresh machine has no package lists yet: without them the install finds nothing.
    if not _has_package_lists():
        subprocess.run(["apt-get", "update", "-q"], env=env, check=False)
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"]
    if subprocess.run(install, env=env, check=False).returncode != 0:
        # The lists may be old enough that the versions they name are gone from the mirror.
        subprocess.run(["apt-get", "update", "-q"], env=env, check=False)
        if subprocess.run(install, env=env, check=False).returncode != 0:
            print("pg_cluster: apt-get could not install postgresql (see above)", file=sys.stderr)
            return False
    return True


def _has_package_lists() -> bool:
    return any(Path("/var/lib/apt/lists").glob("*_Packages*"))


def as_server_user(command: Sequence[str]) -> list[str]:
    """``command`` as the user the server runs as: ``postgres`` through runuser when root, else as it is."""
    if os.geteuid() == 0:
        return ["runuser", "-u", SERVER_USER, "--", *command]
    return list(command)


def make_folder() -> Path:
    """A new empty folder for one cluster, owned by the user the server runs as, private to it."""
    base = Path(tempfile.gettempdir())
    if len(str(base)) > _LONGEST_FOLDER - 20 or (os.geteuid() == 0 and not _others_may_enter(base)):
        # A deep TMPDIR leaves no room for the socket's name, and root's private one
        # (/root/tmp) is closed to the postgres user.
        base = Path("/tmp")
    folder = Path(tempfile.mkdtemp(prefix="igftui-pg-", dir=base))
    if os.geteuid() == 0:
        try:
            server_user = pwd.getpwnam(SERVER_USER)
        except KeyError:
            folder.rmdir()
            raise ClusterError(f"run as root, initdb needs a {SERVER_USER!r} user to run as") from None
        os.chown(folder, server_user.pw_uid, server_user.pw_gid)
    return folder


def _others_may_enter(folder: Path) -> bool:
    return all(path.stat().st_mode & 0o001 for path in [folder, *folder.parents])


@dataclass(frozen=True)
class Cluster:
    """A running cluster: its folder holds the data (``data/``), the log and the socket."""

    bindir: Path
    folder: Path

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of its ``postgres`` database, as the ``postgres`` superuser, over the socket."""
        return f"postgresql+psycopg://{SERVER_USER}@/postgres?host={self.folder}"


def initialise(cluster: Cluster) -> None:
    """``initdb`` the cluster's data folder and write its settings."""
    # Trust is safe here: the socket is the only way in, and its folder is closed to
    # everyone but the server's user (and root).  -N: initdb's own syncs are as useless as
    # the server's for a throwaway cluster, and cost most of its time.
    initdb = [str(cluster.bindir / "initdb"), "-D", str(cluster.data), "-U", SERVER_USER, "--auth=trust"]
    _run_as_server_user(cluster, [*initdb, "-E", "UTF8", "--locale=C.UTF-8", "-N"])
    settings = {**SETTINGS, "unix_socket_directories": _quoted(str(cluster.folder))}
    lines = "".join(f"{name} = {value}\n" for name, value in settings.items())
    with (cluster.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write("\n# scripts/pg_cluster.py: a throwaway cluster for the tests\n" + lines)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def start(cluster: Cluster) -> None:
    """Start the server; return once it accepts connections (``pg_ctl -w`` waits for that)."""
    _run_as_server_user(
        cluster,
        [str(cluster.bindir / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(cluster.data), "-l", str(cluster.log)],
    )


def stop(cluster: Cluster) -> None:
    """Stop the server at once if it runs (a throwaway cluster has nothing to save); quiet if it does not."""
    server = server_pid(cluster)
    if server is None:
        return
    _run_as_server_user(
        cluster,
        [str(cluster.bindir / "pg_ctl"), "stop", "-w", "-m", "immediate", "-D", str(cluster.data)],
        check=False,
    )
    # pg_ctl returns when the server has removed its pid file, a moment before the process
    # ends: wait for the end itself, so that "stopped" means nothing of it is left running.
    wait_for_exit(server, timeout=30)


def server_pid(cluster: Cluster) -> int | None:
    """The server's process id, from the pid file it keeps while it runs; None when there is none."""
    try:
        first_line = (cluster.data / "postmaster.pid").read_text(encoding="utf-8").split("\n", 1)[0]
    except OSError:
        return None
    return int(first_line) if first_line.strip().isdigit() else None


def wait_for_exit(pid: int, timeout: float) -> None:
    """Return when process ``pid`` has ended (or after ``timeout`` seconds), woken by the kernel, not by polling."""
    try:
        handle = os.pidfd_open(pid)
    except (AttributeError, OSError):
        return  # gone already, or a system without pidfd (not Linux): nothing to wait on
    try:
        waiting = select.poll()
        waiting.register(handle, select.POLLIN)
        waiting.poll(timeout * 1000)
    finally:
        os.close(handle)


def _run_as_server_user(cluster: Cluster, command: list[str], *, check: bool = True) -> None:
    # Started in the cluster's folder: the server's user may not enter the caller's.
    done = subprocess.run(as_server_user(command), cwd=cluster.folder, capture_output=True, text=True)
    if check and done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        if cluster.log.exists():
            said += "\n" + cluster.log.read_text(encoding="utf-8", errors="replace").strip()
        raise ClusterError(f"{Path(command[0]).name} failed ({done.returncode}): {said}")


class ClusterError(RuntimeError):
    """initdb or pg_ctl failed; the message holds what they said."""


@contextmanager
def running_cluster(bindir: Path) -> Iterator[Cluster]:
    """A cluster started for the ``with`` block, stopped and removed after it, however it ends."""
    cluster = Cluster(bindir, make_folder())
    try:
        initialise(cluster)
        start(cluster)
        yield cluster
    finally:
        try:
            stop(cluster)
        finally:
            shutil.rmtree(cluster.folder, ignore_errors=True)


@contextmanager
def ending_cleanly_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM (and SIGHUP) into an exception for the block, so that every ``finally`` runs.

    Ctrl-C already is one (KeyboardInterrupt); a plain SIGTERM would end the process on the
    spot and leave the server running and its folder behind.
    """

    def leave(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    before = {signum: signal.signal(signum, leave) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def run_command(command: Sequence[str], env: dict[str, str]) -> int:
    """Run ``command`` to its end and return its exit code; stop it if this script is told to end."""
    child = subprocess.Popen(list(command), env=env)
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                # Ctrl-C reached the command too (one process group): pytest then ends by
                # itself and prints what it did; cutting it short here would lose that.
                continue
    finally:
        if child.poll() is None:
            child.terminate()
            child.wait()


def wrap(command: Sequence[str], bindir: Path | None) -> int:
    """Run ``command`` with a cluster's URL in ``IGFTUI_TEST_POSTGRES``, or without it when ``bindir`` is None."""
    env = dict(os.environ)
    env.pop(URL_VARIABLE, None)
    if bindir is None:
        print(NOT_FOUND, file=sys.stderr)
        return run_command(command, env)
    with ending_cleanly_on_sigterm(), running_cluster(bindir) as cluster:
        env[URL_VARIABLE] = cluster.url
        return run_command(command, env)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="pg_cluster.py",
        description="Run a command beside a throwaway PostgreSQL cluster (its URL in IGFTUI_TEST_POSTGRES).",
    )
    parser.add_argument(
        "--install", action="store_true", help="install Debian's postgresql package if it is missing (CI)"
    )
    parser.add_argument("command", nargs="+", metavar="-- COMMAND", help="what to run, e.g. -- pytest -q")
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None and args.install and install_postgresql():
        bindir = find_bindir()
    try:
        return wrap(args.command, bindir)
    except ClusterError as exc:
        print(f"pg_cluster: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
