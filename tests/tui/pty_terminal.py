"""The real igftui in a pseudo-terminal, for tests that must kill it as a user's terminal would.

Pilot drives the app inside the test's own process, which a ``kill -9`` would
take down with the test; these tests need the app as its own process, reading
real key bytes and painting to a real terminal.  A thread reads everything the
app paints as it arrives (so the app never blocks on a full terminal) and cuts
it into the runs of text between escape sequences, each with the moment it
arrived: tests wait for a run of text to appear, never for a length of time.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

# Escape sequences Textual writes: CSI (cursor moves, colours, mode queries such as
# "ESC [ ? 2026 $ p"), OSC (ended by BEL or ESC \), and two-byte ones.
_ESCAPE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]")


def pty_available() -> bool:
    """Whether this system can give a program a pseudo-terminal."""
    if sys.platform == "win32" or not hasattr(os, "openpty"):
        return False
    try:
        master, slave = os.openpty()
    except OSError:
        return False
    os.close(master)
    os.close(slave)
    return True


def igftui_env(home: Path, db: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of an igftui run by a test: this worktree's code, private folders, one catalogue."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "IGFTUI_")) and key not in ("NO_COLOR", "COLUMNS", "LINES")
    }
    env.update(
        {
            "PYTHONPATH": str(SRC) + os.pathsep + env.get("PYTHONPATH", ""),
            "TERM": "xterm-256color",
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "IGFTUI_DB": str(db),
        }
    )
    env.update(extra or {})
    return env


@dataclass(frozen=True)
class Painted:
    """A run of text the app painted (between two escape sequences), and when it arrived."""

    at: float
    text: str


class Terminal:
    """A program running in a pseudo-terminal of a fixed size; what it paints is recorded.

    Use as a context manager: leaving it kills the program (and anything it
    started) if it is still running, and closes the terminal.
    """

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], *, size: tuple[int, int] = (120, 36)) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.columns, self.rows = size
        self.painted: list[Painted] = []
        self._changed = threading.Condition()
        self._closed = False
        self._process: subprocess.Popen[bytes] | None = None
        self._master = -1
        self._reader: threading.Thread | None = None

    # ----- starting and stopping -----

    def __enter__(self) -> Terminal:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def start(self) -> Terminal:
        """Start the program; :meth:`close` must follow, whatever happens."""
        master, slave = os.openpty()
        try:
            # The size is set before the program starts: Textual reads it once at start.
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.columns, 0, 0))
            self._process = subprocess.Popen(
                self.argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=self.env,
                # Its own process group, so that cleaning up kills whatever it started too.
                start_new_session=True,
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            # Only the program holds the terminal's other end: when it dies, reading ends.
            os.close(slave)
        self._master = master
        self._reader = threading.Thread(target=self._read, name="pty reader", daemon=True)
        self._reader.start()
        return self

    def close(self) -> None:
        """Kill the program if it still runs, and close the terminal."""
        try:
            self.kill()
        finally:
            if self._reader is not None:
                self._reader.join(timeout=10)
            if self._master >= 0:
                os.close(self._master)
                self._master = -1

    def kill(self) -> float | None:
        """``kill -9`` the program; returns when it was killed (None if it was already reaped).

        Waits until it is gone (and every byte it painted has been read), so that
        the catalogue it was writing can be looked at.
        """
        process = self._process
        if process is None or process.returncode is not None:
            return None
        # Both signals go before the wait: until the program is reaped its id (and its
        # group's) cannot belong to anyone else's process.
        os.kill(process.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        try:
            # Anything it started dies with it: nothing of a test outlives the test.
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)
        if self._reader is not None:
            self._reader.join(timeout=10)
        return killed_at

    # ----- keys -----

    def send(self, keys: str | bytes) -> float:
        """Type ``keys`` (bytes as a terminal sends them); returns when they were sent."""
        data = keys.encode() if isinstance(keys, str) else keys
        while data:
            written = os.write(self._master, data)
            data = data[written:]
        return time.monotonic()

    # ----- what was painted -----

    def wait_for(
        self, found: Callable[[Painted], bool], *, timeout: float, since: int = 0, what: str = "the app to paint it"
    ) -> Painted:
        """The first run of text from index ``since`` on that ``found`` accepts, waiting for it.

        Fails the test (AssertionError) if it has not come within ``timeout``
        seconds, or if the program ended first, with the end of what it painted.
        """
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for index in range(since, len(self.painted)):
                    if found(self.painted[index]):
                        return self.painted[index]
                since = len(self.painted)
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    ended = "the app ended" if self._closed else f"nothing after {timeout:.0f} s"
                    raise AssertionError(f"Waited for {what}: {ended}. It last painted: {self.tail()!r}")
                self._changed.wait(left)

    def wait_for_text(self, text: str, *, timeout: float, since: int = 0) -> Painted:
        """The first run of painted text that is ``text`` (give or take spaces around it)."""
        return self.wait_for(
            lambda run: run.text.strip() == text, timeout=timeout, since=since, what=f"{text!r} on the screen"
        )

    def wait_for_change(self, timeout: float) -> None:
        """Return when something more is painted, or after ``timeout`` seconds at most."""
        with self._changed:
            if not self._closed:
                self._changed.wait(timeout)

    def tail(self, runs: int = 40) -> str:
        with self._changed:
            return " | ".join(run.text.strip() for run in self.painted[-runs:] if run.text.strip())

    def _read(self) -> None:
        pending = b""
        while True:
            try:
                data = os.read(self._master, 65536)
            except OSError:  # EIO: the program has gone and the terminal is closed
                data = b""
            now = time.monotonic()
            if data:
                pending += data
                # A run of text is whole once the next escape sequence has begun.
                cut = pending.rfind(b"\x1b")
                ready, pending = (pending[:cut], pending[cut:]) if cut > 0 else (b"", pending)
            else:
                ready, pending = pending, b""
            runs = [Painted(now, bit.decode("utf-8", "replace")) for bit in _ESCAPE.split(ready) if bit.strip(b" \r\n")]
            with self._changed:
                self.painted.extend(runs)
                if not data:
                    self._closed = True
                self._changed.notify_all()
            if not data:
                return


def igftui_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "igftui", *args]
