"""`make bench`: igftui against a bare Textual app, at 1,000, 10,000 and 100,000 sessions.

Machines differ and are noisy, so every figure is set beside a baseline measured
in the same run, on the same machine, and nothing is asserted: it prints a table
for a person to read and writes every figure to ``bench/results.json``.

- launch to first rows: ``igftui`` started in a pseudo-terminal (120x40), from the
  spawn until a session of the first page is painted, against the bare app
  (``bench/bare_app.py``: header, 40-row DataTable, footer) until its rows are;
- peak memory: the largest resident size (VmHWM) of each process, the app's
  after its first rows and a search;
- search: varied queries typed in the real app (Pilot), from the last key until
  the first page of results is in the list; and the same queries straight on
  SQLite FTS5 (the first 200 matches);
- opening a session, opening a draft in the editor, exporting (the dialog, then
  the file written), running the checks: against one key press of the bare app;
- import throughput: sessions per second from the session JSON, pages per second
  from IGF page text (and one page whose single line is 4 MB); bytes per session of
  the catalogue file.

Opening, editing and exporting are driven through Pilot and end when the app is
idle (Textual's own wait for an idle CPU), as the bare key press they are set
against is: both carry the same overhead.  Search is timed more finely: its last
key goes straight to the app and the list is looked at every millisecond.

Catalogues are generated once (``bench/generate.py``) and kept in ``bench/.cache``.
Each app in a terminal runs in a session of its own, and its whole process group
is killed and reaped when its measurement ends, however the bench ends (done, an
error, Ctrl-C, SIGTERM): the bench leaves nothing running.  It waits for what it
measures, never for a set time; a wait gives up only on a hang (``GIVE_UP``).

    python bench/run.py [--sizes 1000,10000,100000] [--runs 3] [--quick] [--out bench/results.json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import gc
import json
import math
import os
import platform
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))
# The tests' pseudo-terminal: the same real process in the same kind of terminal.
sys.path.insert(0, str(ROOT / "tests" / "tui"))

import generate  # noqa: E402
from bare_app import ROW_MARK, BareApp  # noqa: E402
from pty_terminal import Painted, Terminal, igftui_command, igftui_env, pty_available  # noqa: E402, F401

SIZES = (1_000, 10_000, 100_000)
TERMINAL = (120, 40)
#: How long any one thing may take before the bench gives up on it (a hang, not a slow run).
GIVE_UP = 300.0


# ----- small helpers -----


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank): with few values, the largest but one or the largest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def peak_rss_mib(pid: int) -> float:
    """The largest resident size process ``pid`` has had so far (Linux: VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def search_queries(words: generate.Vocabulary) -> list[str]:
    """At least ten varied queries, as people type them."""
    frequent_person = words.people[3]
    rare_person = words.people[15_000]
    return [
        "internet",  # a common word
        "governance data",  # two common words
        words.words[600],  # a middling word
        words.words[5_500],  # a rare word
        frequent_person,  # a person's name, first and last
        rare_person.split()[1],  # a surname met once or twice
        "d",  # one letter
        "pr",  # two letters
        "priv",  # the start of a word
        "human rights online youth",  # several words
        f"{words.words[80]} {words.words[900]} {words.words[3_000]}",  # several words, rarer
        "cybersecurity",
    ]


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "textual": version("textual"),
        "sqlite": sqlite3.sqlite_version,
        "commit": commit,
        "terminal": list(TERMINAL),
    }


# ----- launch, in a pseudo-terminal -----


@contextlib.contextmanager
def running(argv: list[str], env: dict[str, str]) -> Iterator[tuple[Terminal, float]]:
    """``argv`` started in a pseudo-terminal of its own, and the moment it was spawned.

    Whatever ends the block (its end, an exception, Ctrl-C), the program and
    everything it started are killed and reaped and the terminal is closed: a
    bench leaves no process behind.
    """
    terminal = Terminal(argv, env, size=TERMINAL)
    spawned = time.monotonic()
    try:
        terminal.start()
        yield terminal, spawned
    finally:
        stop(terminal)


def stop(terminal: Terminal) -> None:
    """Kill the terminal's program and its whole process group, reap it, close the terminal."""
    process = terminal._process
    try:
        if process is not None and process.returncode is None:
            # The group first, while its leader is not yet reaped (so that its id is no one
            # else's): the program was started in a session of its own, and anything it
            # started is in its group.  A second Ctrl-C during the wait changes nothing then.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()  # SIGKILL cannot be ignored: no limit needed
    finally:
        terminal.close()


def launch_once(
    argv: list[str],
    env: dict[str, str],
    shown: Callable[[Painted], bool],
    then: Callable[[Terminal], None] | None = None,
) -> tuple[float, float]:
    """Seconds from spawning ``argv`` until ``shown`` text is painted, and the process's peak MiB.

    ``then`` (given the terminal) runs before the peak is read: more work for the app.
    """
    with running(argv, env) as (terminal, spawned):
        painted = terminal.wait_for(shown, timeout=GIVE_UP, what="the first rows")
        if then is not None:
            then(terminal)
        pid = terminal._process.pid if terminal._process else 0
        return painted.at - spawned, peak_rss_mib(pid)


def first_page_titles(catalogue_path: Path, query: str | None = None) -> list[str]:
    """The beginnings of the titles the first screen shows (any of them being painted will do)."""
    from igftui.store import Catalogue, SessionFilter

    with Catalogue(catalogue_path) as catalogue:
        return [row.title[:14] for row in catalogue.list(SessionFilter(query=query), limit=60) if row.title]


def search_in_terminal(catalogue_path: Path, query: str) -> Callable[[Terminal], None]:
    """Type a search into the app in the terminal and wait until its own count is painted.

    The count the catalogue service gives for the query ("999 of 1,000 sessions"):
    the list's first lines are painted again as the search box opens, and a
    shorter query (the first letters, as they arrive) is counted on the way.
    """
    from igftui.store import Catalogue, SessionFilter

    with Catalogue(catalogue_path) as catalogue:
        found, everything = catalogue.count(SessionFilter(query=query)), catalogue.count()
    count = f"{found:,} of {everything:,} session"

    def search(terminal: Terminal) -> None:
        since = len(terminal.painted)
        terminal.send("/" + query)
        terminal.wait_for(
            lambda run: count in run.text, timeout=GIVE_UP, since=since, what=f"the count of {query!r} ({count}s)"
        )

    return search


def measure_launches(catalogue_path: Path, runs: int, warm: bool) -> dict[str, Any]:
    """Launch to first rows and peak memory of igftui and of the bare app, taken in turns."""
    titles = first_page_titles(catalogue_path)
    search = search_in_terminal(catalogue_path, "internet")
    with tempfile.TemporaryDirectory() as home:
        env = igftui_env(Path(home), catalogue_path)
        app_argv = igftui_command()
        bare_argv = [sys.executable, str(HERE / "bare_app.py")]

        def app_rows(run: Painted) -> bool:
            return any(title in run.text for title in titles)

        def bare_rows(run: Painted) -> bool:
            return ROW_MARK in run.text

        if warm:  # the files into the page cache, a migration if there is one: not what a launch costs
            launch_once(app_argv, env, app_rows)
            launch_once(bare_argv, env, bare_rows)
        app, bare, app_memory, bare_memory = [], [], [], []
        for _ in range(runs):
            seconds, memory = launch_once(bare_argv, env, bare_rows)
            bare.append(seconds)
            bare_memory.append(memory)
            seconds, memory = launch_once(app_argv, env, app_rows, search)
            app.append(seconds)
            app_memory.append(memory)
    return {
        "app_seconds": median(app),
        "bare_seconds": median(bare),
        "ratio": median(app) / median(bare),
        "app_runs": app,
        "bare_runs": bare,
        "app_peak_mib": max(app_memory),
        "bare_peak_mib": max(bare_memory),
        "memory_ratio": max(app_memory) / max(bare_memory),
    }


# ----- in the app, driven by Pilot -----

# Textual's own long-lived workers; anything else running is the app's work.
_LONG_LIVED_GROUPS = {"_loader"}


def _busy(app: Any) -> bool:
    return any(worker.is_running and worker.group not in _LONG_LIVED_GROUPS for worker in app.workers)


async def until(pilot: Any, condition: Callable[[], object], what: str) -> None:
    """Let the app work until ``condition()`` holds (a hang stops the bench with ``what``)."""
    give_up = time.monotonic() + GIVE_UP
    while not condition():
        if time.monotonic() > give_up:
            raise RuntimeError(f"gave up waiting for {what}")
        await pilot.pause()


async def idle(pilot: Any) -> None:
    """Until the app has nothing left to do: its queue empty and no worker running."""
    await pilot.pause()
    await until(pilot, lambda: not _busy(pilot.app), "the app to finish its work")
    await pilot.pause()


def _keys(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


def list_lines(app: Any) -> tuple[tuple[Any, ...], ...]:
    """The session list as drawn, line by line with its styles, whatever widget draws it."""
    found = app.screen.query("#sessions")
    widget = found.first() if found else app.screen
    return tuple(tuple(widget.render_line(y)) for y in range(widget.size.height))


def _has_rows(lines: tuple[tuple[Any, ...], ...]) -> bool:
    # The header is one line; a list showing sessions has more that are not blank.
    return sum(1 for line in lines if "".join(segment.text for segment in line).strip()) >= 2


class Loads:
    """Counts the pages of sessions the app has been handed (a message hook of ``run_test``)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: Any) -> None:
        if type(message).__name__.endswith("Loaded"):
            self.count += 1


#: How often the bench looks at the list while the app works (the app runs meanwhile).
POLL = 0.001


async def time_search(pilot: Any, query: str, loads: Loads) -> float:
    """From the last key of ``query`` typed into the empty search box until its first page is listed.

    All but the last key are typed and answered first.  The last key is handed to
    the app as a terminal would (not through Pilot, whose waits for an idle CPU
    would be counted), and the list is looked at every millisecond: done when it
    shows other sessions; or, when the query's first page is the page already
    shown, once the app has been handed that page (or, failing any such message,
    once the search box holds the query and no worker runs).
    """
    app = pilot.app
    await pilot.press("slash")
    box = app.screen.query("#search")
    if query[:-1]:
        # Typed at once, as a paste: only the last key is timed, and each key through
        # Pilot would wait for the machine to be idle.
        box.first().insert_text_at_cursor(query[:-1])
    await idle(pilot)
    before = list_lines(app)
    loaded = loads.count
    start = time.perf_counter()
    app.simulate_key(_keys(query[-1])[0])
    quiet_since: float | None = None
    while True:
        await asyncio.sleep(POLL)
        now = time.perf_counter()
        lines = list_lines(app)
        if lines != before and _has_rows(lines):
            break
        if loads.count > loaded:
            # The page was handed over just before this look: it is drawn by now.
            break
        if box and getattr(box.first(), "value", None) == query and not _busy(app):
            quiet_since = quiet_since or now
            if now - quiet_since > 0.2:
                now = quiet_since
                break
        else:
            quiet_since = None
        if now - start > GIVE_UP:
            raise RuntimeError(f"gave up waiting for the results of {query!r}")
    seconds = now - start
    await idle(pilot)
    await pilot.press("escape")  # clears the search box
    await idle(pilot)
    return seconds


async def time_opening(pilot: Any, key: str) -> float:
    """From ``key`` until the screen it opens is shown and has finished its work."""
    app = pilot.app
    screen = app.screen
    start = time.perf_counter()
    await pilot.press(key)
    await until(pilot, lambda: app.screen is not screen, f"{key} to open a screen")
    await idle(pilot)
    return time.perf_counter() - start


async def time_export(pilot: Any, folder: Path) -> float:
    """From ``e`` on a session until the export dialog is ready, plus from ``ctrl+s`` until the file is written."""
    app = pilot.app
    detail = app.screen
    start = time.perf_counter()
    await pilot.press("e")
    await until(pilot, lambda: app.screen is not detail, "the export dialog")
    await idle(pilot)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: app.screen is detail and any(folder.iterdir()), "the export to be written")
    await idle(pilot)
    return time.perf_counter() - start


async def find_and_select(pilot: Any, word: str) -> None:
    """Search for ``word`` and put the cursor on the (only) session found."""
    await pilot.press("slash")
    app = pilot.app
    app.screen.query_one("#search").insert_text_at_cursor(word)
    await idle(pilot)
    await until(pilot, lambda: _has_rows(list_lines(app)), f"the session with {word!r}")
    await pilot.press("enter")  # out of the search box, onto the list
    await idle(pilot)


def measure_in_app(catalogue_path: Path, queries: list[str], repeats: int, runs: int) -> dict[str, Any]:
    """Search latency per query, and the time to open, edit and export a session, in the real app."""
    from igftui.config import Settings
    from igftui.tui.app import IgfApp
    from igftui.tui.delays import INSTANT

    async def measure() -> dict[str, Any]:
        with tempfile.TemporaryDirectory() as exports:
            # INSTANT: nothing the app would do after a pause (autosave, re-checking) waits here.
            # As `igftui` runs it: start-up's objects frozen once the catalogue is open.
            app = IgfApp(catalogue_path, Settings(export_folder=exports), delays=INSTANT, freeze_startup=True)
            loads = Loads()
            async with app.run_test(size=TERMINAL, message_hook=loads) as pilot:
                await until(pilot, lambda: _has_rows(list_lines(app)), "the first rows")
                await idle(pilot)
                per_query: dict[str, list[float]] = {query: [] for query in queries}
                for _ in range(repeats):
                    for query in queries:
                        per_query[query].append(await time_search(pilot, query, loads))

                opening, editing, exporting = [], [], []
                for _ in range(runs):
                    await find_and_select(pilot, generate.OPEN_WORD)
                    opening.append(await time_opening(pilot, "enter"))
                    exporting.append(await time_export(pilot, Path(exports)))
                    for leftover in Path(exports).iterdir():
                        leftover.unlink()
                    await pilot.press("escape")  # back to the catalogue
                    await idle(pilot)
                    await pilot.press("escape")  # the search cleared
                    await idle(pilot)

                    await find_and_select(pilot, generate.DRAFT_WORD)
                    editing.append(await time_opening(pilot, "enter"))
                    await pilot.press("escape")
                    await idle(pilot)
                    await pilot.press("escape")
                    await idle(pilot)
            if app.catalogue is not None:
                app.catalogue.close()
            # What the app froze may be collected again: the bench (or a test of it) goes on.
            gc.unfreeze()
        every = [seconds for times in per_query.values() for seconds in times]
        return {
            "search": {
                "median_seconds": median(every),
                "p95_seconds": p95(every),
                "per_query_median_seconds": {query: median(times) for query, times in per_query.items()},
            },
            "open_session_seconds": median(opening),
            "open_editor_seconds": median(editing),
            "export_seconds": median(exporting),
        }

    return asyncio.run(measure())


def bare_keypress_seconds(presses: int) -> float:
    """A bare Textual app: one key press handled and the screen refreshed (median)."""

    async def measure() -> float:
        app = BareApp()
        async with app.run_test(size=TERMINAL) as pilot:
            await pilot.pause()
            times = []
            for index in range(presses):
                start = time.perf_counter()
                await pilot.press("down" if index % 40 < 20 else "up")
                await pilot.pause()
                times.append(time.perf_counter() - start)
            return median(times)

    return asyncio.run(measure())


# ----- straight on the catalogue -----


def fts5_search(catalogue_path: Path, queries: list[str], repeats: int) -> dict[str, Any]:
    """The same queries straight on SQLite FTS5: the first 200 matching sessions."""
    from igftui.store.fulltext import match_expression

    connection = sqlite3.connect(f"file:{catalogue_path}?mode=ro", uri=True)
    try:
        per_query: dict[str, list[float]] = {}
        for query in queries:
            match = match_expression(query)
            if match is None:
                continue
            connection.execute("SELECT rowid FROM session_fts WHERE session_fts MATCH ? LIMIT 200", (match,)).fetchall()
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                connection.execute(
                    "SELECT rowid FROM session_fts WHERE session_fts MATCH ? LIMIT 200", (match,)
                ).fetchall()
                times.append(time.perf_counter() - start)
            per_query[query] = times
    finally:
        connection.close()
    every = [seconds for times in per_query.values() for seconds in times]
    return {
        "median_seconds": median(every),
        "p95_seconds": p95(every),
        "per_query_median_seconds": {query: median(times) for query, times in per_query.items()},
    }


def checks_seconds(catalogue_path: Path, runs: int) -> float:
    """The default rule set on the session the bench opens, with the catalogue (median)."""
    from igftui.checks import load_rule_set, run_checks
    from igftui.store import Catalogue, SessionFilter

    with Catalogue(catalogue_path) as catalogue:
        found = catalogue.list(SessionFilter(query=generate.OPEN_WORD), limit=1)
        session = catalogue.get(found[0].id)
        rule_set = load_rule_set(None)
        run_checks(session, rule_set, catalogue)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            run_checks(session, rule_set, catalogue)
            times.append(time.perf_counter() - start)
    return median(times)


# ----- similar sessions -----


def similar_seconds(catalogue_path: Path, runs: int) -> dict[str, Any]:
    """Similar sessions as the editor asks for them: of a draft not yet saved, after each of
    ``runs`` pauses in typing its description (ten words more each time), the first
    question apart (it loads the stemmer and reads its words' counts, which the later
    ones find remembered); and of ``runs`` stored sessions spread over the catalogue,
    each asked once (``igftui similar ID``, most of their words new to the process)."""
    import random

    from igftui.services.similar import similar_sessions
    from igftui.store import Catalogue

    words = generate.vocabulary()
    rng = random.Random(5)
    with Catalogue(catalogue_path) as catalogue:
        total = catalogue.count()
        draft = next(generate.sessions(1, seed=99)).model_copy(update={"description": ""})
        start = time.perf_counter()
        similar_sessions(catalogue, draft)
        first = time.perf_counter() - start
        typed = []
        for _ in range(runs):
            draft = draft.model_copy(update={"description": f"{draft.description} {words.text(rng, 10)}"})
            start = time.perf_counter()
            similar_sessions(catalogue, draft)
            typed.append(time.perf_counter() - start)
        stored = []
        for index in range(runs):
            session = catalogue.get(1 + (total * index) // runs)
            start = time.perf_counter()
            similar_sessions(catalogue, session)
            stored.append(time.perf_counter() - start)
    return {
        "first_seconds": first,
        "median_seconds": median(typed),
        "p95_seconds": p95(typed),
        "stored_median_seconds": median(stored),
        "stored_p95_seconds": p95(stored),
    }


def overlaps_seconds(catalogue_path: Path) -> dict[str, Any]:
    """``igftui overlaps`` of the catalogue's newest year: how many sessions, how long, how many pairs."""
    from igftui.services.similar import overlaps
    from igftui.store import Catalogue, SessionFilter

    with Catalogue(catalogue_path) as catalogue:
        year = generate.YEARS[-1]
        count = catalogue.count(SessionFilter(year=year))
        start = time.perf_counter()
        pairs = overlaps(catalogue, year)
        seconds = time.perf_counter() - start
    return {"year": year, "sessions": count, "seconds": seconds, "pairs": len(pairs)}


def overlaps_of_one_year(count: int, cache: Path) -> dict[str, Any]:
    """``overlaps`` of a year of ``count`` proposals alone (a catalogue made for it, then removed)."""
    with tempfile.TemporaryDirectory(dir=cache) as folder:
        year_only = []
        for session in generate.sessions(count, seed=11):
            session.year = generate.YEARS[-1]
            year_only.append(session)
        path = Path(folder) / "sessions.json"
        path.write_text(generate.sessions_to_json(year_only), encoding="utf-8")
        catalogue_path = Path(folder) / "catalogue.db"
        generate.import_json(catalogue_path, [path])
        return overlaps_seconds(catalogue_path)


# ----- imports -----

_PAGE = """IGF {year} WS #{number}
{title}

Organizer 1: Civil Society, Western European and Others Group (WEOG)
Organizer 2: Private Sector, Asia-Pacific Group

Speaker 1: {speaker1}, Civil Society, African Group
Speaker 2: {speaker2}, Government, Eastern European Group
Speaker 3: {speaker3}, Technical Community, Asia-Pacific Group

Moderator: {moderator}

Round Table - 90 Min


{description}


{diversity}

{outcomes}

Online Participation

{online}
"""


def write_pages(folder: Path, count: int) -> list[Path]:
    """``count`` IGF session pages as text, laid out as the 2018 workshop pages are."""
    import random

    rng = random.Random(18)
    words = generate.vocabulary()
    paths = []
    for number in range(1, count + 1):
        path = folder / f"page-{number:04}.txt"
        path.write_text(
            _PAGE.format(
                year=2018,
                number=number,
                title=words.text(rng, 7).capitalize(),
                speaker1=words.person(rng),
                speaker2=words.person(rng),
                speaker3=words.person(rng),
                moderator=words.person(rng),
                description=words.text(rng, 250).capitalize() + ".",
                diversity=words.text(rng, 40).capitalize() + ".",
                outcomes=words.text(rng, 60).capitalize() + ".",
                online=words.text(rng, 30).capitalize() + ".",
            ),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def long_line_seconds(size: int) -> float:
    """Reading a page whose one line is ``size`` bytes (pages may be up to 5 MB): words, names, brackets."""
    from igftui.formats.errors import FormatError
    from igftui.formats.pages import read_page

    pages = [
        f"IGF 2018 WS #153 A title\n\nRound Table - 90 Min\n\n{start}{piece * (size // len(piece))}\n"
        for start, piece in (("", "word "), ("Speakers: ", "Ann Lee, Org "), ("", "[a]("))
    ]
    start = time.perf_counter()
    for page in pages:
        try:
            read_page(page)
        except FormatError:
            pass
    return (time.perf_counter() - start) / len(pages)


def import_throughput(json_sessions: int, pages: int, long_line: int) -> dict[str, Any]:
    """Sessions per second from the session JSON, pages per second from IGF page text, into new catalogues."""
    from igftui.services.importing import import_paths
    from igftui.store import Catalogue

    with tempfile.TemporaryDirectory() as folder:
        files = generate.write_json_files(Path(folder) / "json", json_sessions)
        json_seconds = generate.import_json(Path(folder) / "json.db", files)

        page_folder = Path(folder) / "pages"
        page_folder.mkdir()
        write_pages(page_folder, pages)
        start = time.perf_counter()
        with Catalogue(Path(folder) / "pages.db") as catalogue:
            report = import_paths(catalogue, [page_folder], keep_sessions=False)
        page_seconds = time.perf_counter() - start
        if report.skipped:
            raise RuntimeError(f"a generated page did not import: {report.skipped[0]}")
    return {
        "json_sessions": json_sessions,
        "json_sessions_per_second": json_sessions / json_seconds,
        "pages": pages,
        "pages_per_second": pages / page_seconds,
        "long_line_bytes": long_line,
        "long_line_page_seconds": long_line_seconds(long_line),
    }


# ----- the whole run -----


def measure_size(
    size: int, cache: Path, *, quick: bool, runs: int, keypress: float, queries: int | None = None
) -> dict[str, Any]:
    catalogue_path, built = generate.cached_catalogue(size, cache)
    typed = search_queries(generate.vocabulary())[:queries]
    print(f"  {size:,} sessions: launching ...", flush=True)
    launch = measure_launches(catalogue_path, runs, warm=not quick)
    print(f"  {size:,} sessions: searching and opening in the app ...", flush=True)
    in_app = measure_in_app(catalogue_path, typed, repeats=1 if quick else 3, runs=runs)
    fts5 = fts5_search(catalogue_path, typed, repeats=3 if quick else 20)
    checks = checks_seconds(catalogue_path, runs=3 if quick else 20)
    print(f"  {size:,} sessions: similar sessions and overlaps ...", flush=True)
    similar = similar_seconds(catalogue_path, runs=5 if quick else 40)
    year_overlaps = overlaps_seconds(catalogue_path)
    size_bytes = catalogue_path.stat().st_size + sum(
        Path(f"{catalogue_path}{suffix}").stat().st_size
        for suffix in ("-wal", "-shm")
        if Path(f"{catalogue_path}{suffix}").exists()
    )
    search = in_app["search"]
    return {
        "sessions": size,
        "catalogue": {
            "bytes": size_bytes,
            "bytes_per_session": size_bytes / size,
            "json_bytes_per_session": built["json_bytes"] / size,
            "built_sessions_per_second": built["sessions_per_second"],
        },
        "launch": launch,
        "search": {
            "queries": typed,
            "app": search,
            "fts5": fts5,
            "median_ratio": search["median_seconds"] / fts5["median_seconds"],
            "p95_ratio": search["p95_seconds"] / fts5["p95_seconds"],
        },
        "similar": {**similar, "median_ratio": similar["median_seconds"] / keypress},
        "overlaps": year_overlaps,
        "actions": {
            name: {"seconds": seconds, "ratio": seconds / keypress}
            for name, seconds in (
                ("open_session", in_app["open_session_seconds"]),
                ("open_editor", in_app["open_editor_seconds"]),
                ("checks", checks),
                ("export", in_app["export_seconds"]),
            )
        },
    }


def run_bench(
    sizes: list[int], *, cache: Path, out: Path, quick: bool = False, runs: int = 3, queries: int | None = None
) -> dict[str, Any]:
    """Measure every size, write ``out`` (JSON) and return what was written.

    ``queries``: time only the first that many of the search queries (the test of
    the harness types one; a bench for people to read types them all).
    """
    results: dict[str, Any] = {
        "machine": machine(),
        "generator_version": generate.GENERATOR_VERSION,
        "quick": quick,
        "runs": runs,
        "sizes": sizes,
    }
    keypress = bare_keypress_seconds(5 if quick else 100)
    results["bare"] = {"keypress_seconds": keypress}
    results["by_size"] = {}
    for size in sizes:
        results["by_size"][str(size)] = measure_size(
            size, cache, quick=quick, runs=runs, keypress=keypress, queries=queries
        )
    print("  importing ...", flush=True)
    results["import"] = import_throughput(min(min(sizes), 1_000), 20 if quick else 200, 2**16 if quick else 4 * 2**20)
    print("  overlaps of one year ...", flush=True)
    results["overlaps"] = overlaps_of_one_year(100 if quick else 1_000, cache)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def table(results: dict[str, Any]) -> str:
    """The results as a table for a person to read."""
    sizes = [results["by_size"][str(size)] for size in results["sizes"]]

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:,.2f} ms" if seconds < 0.01 else f"{seconds * 1000:,.1f} ms"

    def action(key: str) -> Callable[[dict[str, Any]], str]:
        return lambda s: f"{ms(s['actions'][key]['seconds'])} {s['actions'][key]['ratio']:5.2f}x"

    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("launch to first rows", lambda s: f"{s['launch']['app_seconds']:.2f} s {s['launch']['ratio']:5.2f}x"),
        ("  bare app to its rows", lambda s: f"{s['launch']['bare_seconds']:.2f} s"),
        ("peak memory", lambda s: f"{s['launch']['app_peak_mib']:.0f} MiB {s['launch']['memory_ratio']:5.2f}x"),
        ("  bare app", lambda s: f"{s['launch']['bare_peak_mib']:.0f} MiB"),
        (
            "search in the app, median",
            lambda s: f"{ms(s['search']['app']['median_seconds'])} {s['search']['median_ratio']:5.1f}x",
        ),
        (
            "search in the app, p95",
            lambda s: f"{ms(s['search']['app']['p95_seconds'])} {s['search']['p95_ratio']:5.1f}x",
        ),
        ("  FTS5 alone, median", lambda s: ms(s["search"]["fts5"]["median_seconds"])),
        ("  FTS5 alone, p95", lambda s: ms(s["search"]["fts5"]["p95_seconds"])),
        ("open a session", action("open_session")),
        ("open a draft in the editor", action("open_editor")),
        ("run its checks", action("checks")),
        (
            "similar to a draft, median",
            lambda s: f"{ms(s['similar']['median_seconds'])} {s['similar']['median_ratio']:5.2f}x",
        ),
        ("similar to a draft, p95", lambda s: ms(s["similar"]["p95_seconds"])),
        ("  the first time asked", lambda s: ms(s["similar"]["first_seconds"])),
        ("  a stored one each time, p95", lambda s: ms(s["similar"]["stored_p95_seconds"])),
        (
            "overlaps of the newest year",
            lambda s: f"{s['overlaps']['sessions']:,}: {s['overlaps']['seconds']:.2f} s",
        ),
        ("export it (dialog + file)", action("export")),
        ("catalogue file per session", lambda s: f"{s['catalogue']['bytes_per_session'] / 1000:,.1f} KB"),
        ("JSON import, building it", lambda s: f"{s['catalogue']['built_sessions_per_second']:,.0f} /s"),
    ]
    width = 30
    lines = [
        f"igftui bench, {results['machine']['when']}, {results['machine']['platform']}, "
        f"{results['machine']['cpus']} CPUs, load {results['machine']['load_average'][0]:.1f}"
        if results["machine"]["load_average"]
        else f"igftui bench, {results['machine']['when']}",
        "ratios: launch and memory against the bare Textual app; search against FTS5 alone; "
        f"actions against one bare key press ({ms(results['bare']['keypress_seconds'])})",
        "",
        f"{'sessions':<{width}}" + "".join(f"{s['sessions']:>22,}" for s in sizes),
    ]
    for label, cell in rows:
        lines.append(f"{label:<{width}}" + "".join(f"{cell(s):>22}" for s in sizes))
    imported = results["import"]
    lines += [
        "",
        f"import: {imported['json_sessions_per_second']:,.0f} sessions/s from JSON ({imported['json_sessions']:,} "
        f"sessions), {imported['pages_per_second']:,.0f} pages/s from IGF page text ({imported['pages']} pages)",
        f"reading a page whose one line is {imported['long_line_bytes'] / 2**20:.2f} MiB: "
        f"{imported['long_line_page_seconds']:.2f} s",
        f"overlaps of one year of {results['overlaps']['sessions']:,} proposals: "
        f"{results['overlaps']['seconds']:.2f} s ({results['overlaps']['pairs']} pairs)",
    ]
    largest = sizes[-1]
    lines += [
        "",
        f"search at {largest['sessions']:,} sessions, median per query:      in the app     FTS5 alone",
    ]
    for query in largest["search"]["queries"]:
        app_seconds = largest["search"]["app"]["per_query_median_seconds"][query]
        fts5_seconds = largest["search"]["fts5"]["per_query_median_seconds"].get(query)
        lines.append(f"  {query!r:<50}{ms(app_seconds):>14}{ms(fts5_seconds) if fts5_seconds is not None else '-':>15}")
    return "\n".join(lines)


def _leave(signum: int, _frame: object) -> None:
    # As Ctrl-C does: the blocks being run end, each killing what it started.
    raise SystemExit(128 + signum)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="catalogue sizes, comma separated (default 1000,10000,100000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="launches and openings per size (default 3)")
    parser.add_argument("--quick", action="store_true", help="one pass of each search, no warm-up launch")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--cache", type=Path, default=HERE / ".cache")
    args = parser.parse_args()
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    # Killed (or its terminal closed) rather than interrupted, it still stops what it started.
    signal.signal(signal.SIGTERM, _leave)
    signal.signal(signal.SIGHUP, _leave)
    print(f"igftui bench: {', '.join(f'{size:,}' for size in sizes)} sessions", flush=True)
    try:
        results = run_bench(sizes, cache=args.cache, out=args.out, quick=args.quick, runs=args.runs)
    except KeyboardInterrupt:
        print("\nbench interrupted: nothing written, nothing left running", file=sys.stderr)
        sys.exit(128 + signal.SIGINT)
    print()
    print(table(results))
    print(f"\nevery figure: {args.out}")


if __name__ == "__main__":
    main()
