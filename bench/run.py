"""`make bench`: igftui's speed as ratios against a bare Textual app on the same machine.

Machines differ and are noisy, so nothing here is asserted: it prints numbers
for a person to read.  Every figure is the median of several runs.

- start-up: a process that opens the app and paints its first screen, against a
  bare Textual app that paints one screen (``bench/bare_app.py``);
- the command line: ``igftui --help`` and a search with ``igftui list``;
- in-process: counting and paging the catalogue, full-text search, the checks;
  set against the time the bare app takes to answer one key press.

The synthetic catalogue (100,000 sessions by default) is generated once through
the real catalogue service and kept in ``bench/.cache``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(*args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run([sys.executable, *args], check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def bare_keypress_seconds(runs: int) -> float:
    """How long a bare Textual app takes to handle one key press and repaint."""
    from bare_app import BareApp

    async def measure() -> float:
        app = BareApp()
        app.on_mount = lambda: None  # keep it running
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                await pilot.press("down")
                times.append(time.perf_counter() - start)
            return statistics.median(times)

    return asyncio.run(measure())


def app_search_seconds(catalogue_path: Path, word: str, runs: int) -> float:
    """In the real app: from the last key of ``word`` typed in the search box to the list shown."""
    from igftui.config import Settings
    from igftui.store import Catalogue
    from igftui.tui.app import IgfApp
    from igftui.tui.widgets.session_table import SessionTable

    async def measure() -> float:
        app = IgfApp(Catalogue(catalogue_path), Settings())
        times = []
        async with app.run_test(size=(100, 30)) as pilot:
            table = app.screen.query_one(SessionTable)
            while not table.row_count:
                await pilot.pause(0.01)
            for _ in range(runs):
                await pilot.press("slash", *word[:-1])
                start = time.perf_counter()
                await pilot.press(word[-1])
                while not (table.query == word and table.row_count):
                    await pilot.pause(0.001)
                times.append(time.perf_counter() - start)
                await pilot.press("escape")
                while table.query:
                    await pilot.pause(0.005)
        app.catalogue.close()
        return statistics.median(times)

    return asyncio.run(measure())


def page_import_seconds(runs: int) -> tuple[float, float, int]:
    """Reading the acceptance pages (per page), and importing them all into a new catalogue."""
    import tempfile

    from igftui.formats.errors import FormatError
    from igftui.services.importing import import_paths
    from igftui.formats.pages import html_to_text, read_page
    from igftui.store import Catalogue

    folder = ROOT / "tests" / "formats" / "pages" / "unseen"
    pages = [p for p in sorted(folder.iterdir()) if p.suffix in {".txt", ".md", ".html"}
             and p.name != "README.md"]
    texts = [(html_to_text(p.read_text(encoding="utf-8")) if p.suffix == ".html"
              else p.read_text(encoding="utf-8")) for p in pages]

    def read_all() -> None:
        for text in texts:
            try:
                read_page(text)
            except FormatError:
                pass

    per_page = median_seconds(read_all, runs) / len(texts)

    def import_all() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            catalogue = Catalogue(Path(tmp) / "c.db")
            import_paths(catalogue, pages)
            catalogue.close()

    return per_page, median_seconds(import_all, runs) / len(pages), len(pages)


def long_line_seconds(runs: int) -> float:
    """Reading a page whose one line is 4 MB (pages may be up to 5 MB): words, names, brackets."""
    from igftui.formats.errors import FormatError
    from igftui.formats.pages import read_page

    size = 4 * 1024 * 1024
    pages = [f"IGF 2018 WS #153 A title\n\nRound Table - 90 Min\n\n{start}{piece * (size // len(piece))}\n"
             for start, piece in (("", "word "), ("Speakers: ", "Ann Lee, Org "), ("", "[a]("))]

    def read_all() -> None:
        for page in pages:
            try:
                read_page(page)
            except FormatError:
                pass

    return median_seconds(read_all, runs) / len(pages)


def ensure_catalogue(count: int) -> Path:
    from generate import generate

    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    path = cache / f"catalogue-{count}.db"
    if not path.exists():
        print(f"generating a synthetic catalogue of {count:,} sessions in {path} (once) ...", flush=True)
        partial = path.with_suffix(".partial")
        for leftover in cache.glob(partial.name + "*"):
            leftover.unlink()
        generate(partial, count)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def report(name: str, seconds: float, baseline: float, baseline_name: str) -> None:
    print(f"  {name:<46} {seconds * 1000:9.1f} ms   {seconds / baseline:7.2f} x {baseline_name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    catalogue_path = ensure_catalogue(args.sessions)
    runs = args.runs

    print(f"\nigftui benchmarks on {args.sessions:,} sessions, median of {runs} runs")
    bare_start = median_seconds(lambda: run_process(str(HERE / "bare_app.py")), runs)
    print("\nStart-up (whole process, first screen painted):")
    report("bare Textual app", bare_start, bare_start, "bare app start")
    app_paint = median_seconds(
        lambda: run_process(str(HERE / "igftui_app.py"), str(catalogue_path), "paint"), runs)
    report("igftui app, first screen painted", app_paint, bare_start, "bare app start")
    app_start = median_seconds(
        lambda: run_process(str(HERE / "igftui_app.py"), str(catalogue_path), "rows"), runs)
    report("igftui app, first page of the catalogue", app_start, bare_start, "bare app start")

    print("\nCommand line (whole process):")
    report("igftui --help", median_seconds(lambda: run_process("-m", "igftui", "--help"), runs),
           bare_start, "bare app start")
    report("igftui list --query 'human rights' --limit 20",
           median_seconds(lambda: run_process("-m", "igftui", "--db", str(catalogue_path), "list",
                                              "--query", "human rights", "--limit", "20"), runs),
           bare_start, "bare app start")

    from igftui.model import ForumSession
    from igftui.store import Catalogue, SessionFilter

    keypress = bare_keypress_seconds(max(runs, 20))
    print(f"\nIn-process (baseline: a bare Textual app handles a key press in {keypress * 1000:.1f} ms):")
    catalogue = Catalogue(catalogue_path)
    cases = [
        ("count everything", lambda: catalogue.count()),
        ("first page (200 rows)", lambda: catalogue.list(limit=200)),
        ("page at offset 50,000", lambda: catalogue.list(limit=200, offset=50_000)),
        ("sorted by title, first page", lambda: catalogue.list(sort="title", limit=200)),
        ("search 'privacy' count + first page",
         lambda: (catalogue.count(SessionFilter(query="privacy")),
                  catalogue.list(SessionFilter(query="privacy"), limit=200))),
        # The synthetic text has a small vocabulary, so the two searches above match
        # almost every session: the worst case.  A name is closer to a real search.
        ("search 'amara okafor' count + first page",
         lambda: (catalogue.count(SessionFilter(query="amara okafor")),
                  catalogue.list(SessionFilter(query="amara okafor"), limit=200))),
        ("search 'youth gender rur' count + first page",
         lambda: (catalogue.count(SessionFilter(query="youth gender rur")),
                  catalogue.list(SessionFilter(query="youth gender rur"), limit=200))),
        ("filter year + speaker region, count + page",
         lambda: (catalogue.count(SessionFilter(year=2019, region="african")),
                  catalogue.list(SessionFilter(year=2019, region="african"), limit=200))),
        ("open one session", lambda: catalogue.get(args.sessions // 2)),
        ("people, first page (100, with counts per year)", lambda: catalogue.people(limit=100)),
        ("people, search 'okafor'", lambda: catalogue.people("okafor", limit=100)),
        ("a person's sessions, count + first page",
         lambda: (catalogue.count(SessionFilter(person="Amara Okafor")),
                  catalogue.list(SessionFilter(person="Amara Okafor"), limit=200))),
    ]
    for name, action in cases:
        report(name, median_seconds(action, runs), keypress, "bare key press")
    for query in ("privacy", "amara okafor", "youth gender rur"):
        print(f"  ('{query}' matches {catalogue.count(SessionFilter(query=query)):,} sessions)")

    print("\nIn the app (the real screen, driven by Pilot):")
    report("search as you type: last key to the list shown",
           app_search_seconds(catalogue_path, "okafor", runs), keypress, "bare key press")

    per_page, per_file, files = page_import_seconds(runs)
    print(f"\nImporting IGF pages ({files} acceptance pages):")
    report("read one page (text to session)", per_page, keypress, "bare key press")
    report("import one file into a catalogue (one transaction)", per_file, keypress, "bare key press")
    report("read a page with one line of 4 MB", long_line_seconds(min(runs, 3)), keypress, "bare key press")

    try:
        from igftui.checks import CachedCatalogue, load_rule_set, run_checks
    except ImportError:
        return
    session: ForumSession = catalogue.get(args.sessions // 2)
    rule_set = load_rule_set(None)
    report("checks on one session (default rule set)",
           median_seconds(lambda: run_checks(session, rule_set, catalogue), max(runs, 20)),
           keypress, "bare key press")
    cached = CachedCatalogue(catalogue)
    report("checks, catalogue look-ups remembered (editor)",
           median_seconds(lambda: run_checks(session, rule_set, cached), max(runs, 20)),
           keypress, "bare key press")
    report("checks without the catalogue look-ups",
           median_seconds(lambda: run_checks(session, rule_set, None), max(runs, 20)),
           keypress, "bare key press")


if __name__ == "__main__":
    main()
