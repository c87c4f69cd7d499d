"""Write SVG screenshots of the real app into screenshots/ (the README embeds them).

    make screenshots
    PYTHONPATH=src .venv/bin/python scripts/screenshots.py [--out FOLDER]

Each picture is the real app driven by Pilot on a temporary catalogue, at a
fixed 100x30 terminal, with the default theme:

    catalogue.svg   the bundled samples, listed
    search.svg      a search as you type, the words found highlighted
    filters.svg     the filters open beside the list, at 80x24
    detail.svg      one sample session, opened, with its checks
    people.svg      everyone in the catalogue, per year
    import.svg      the summary of importing a folder of IGF pages
    empty.svg       a new, empty catalogue
    help.svg        the keys of the catalogue screen
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # so it runs from a checkout as well as installed

from igftui.config import Settings  # noqa: E402
from igftui.formats.samples import load_samples  # noqa: E402
from igftui.store import Catalogue  # noqa: E402
from igftui.tui.app import IgfApp  # noqa: E402

SIZE = (100, 30)


#: The folder of IGF pages the import screenshot imports (written for the importer's tests).
PAGES = ROOT / "tests" / "formats" / "pages" / "unseen"


def _busy(app) -> list:
    # DirectoryTree keeps a loader worker waiting for as long as it lives.
    return [worker for worker in app.workers if worker.is_running and worker.group != "_loader"]


async def _settle(pilot) -> None:
    """Wait for every worker, and for what they posted to be painted."""
    await pilot.pause()
    for _ in range(5):
        busy = _busy(pilot.app)
        if busy:
            await pilot.app.workers.wait_for_complete(busy)
        await pilot.pause()
        if not _busy(pilot.app):
            break
    await pilot.pause()


async def shoot(catalogue: Catalogue, target: Path, keys: Iterable[str] = (),
                size: tuple[int, int] = SIZE, typed: dict[str, str] | None = None) -> None:
    """Open the app on ``catalogue``, press ``keys``, and save what the screen shows.

    ``typed`` puts text into inputs (by id) after the keys, and presses enter.
    """
    app = IgfApp(catalogue, Settings())
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)
        for input_id, text in (typed or {}).items():
            app.screen.query_one(f"#{input_id}").value = text
            await pilot.press("enter")
            await _settle(pilot)
        target.write_text(app.export_screenshot(title="igftui"), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def richest_row(catalogue: Catalogue) -> int:
    """The row of the session with the most people: the detail screenshot shows it."""
    rows = catalogue.list(limit=None)
    people = [len(catalogue.get(row.id).participants) for row in rows]
    return people.index(max(people))


async def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        samples = Catalogue(Path(folder) / "samples.db")
        try:
            loaded = load_samples(samples)
        except OSError as error:
            raise SystemExit(f"screenshots: cannot read the bundled samples: {error}") from None
        print(f"loaded {loaded.added} sample sessions")
        out.mkdir(parents=True, exist_ok=True)
        await shoot(samples, out / "catalogue.svg")
        await shoot(samples, out / "search.svg", ["slash", *"human rights"])
        # The filters: the first year in the list, then sessions with a civil-society speaker.
        await shoot(samples, out / "filters.svg",
                    ["f", "enter", "down", "enter", "tab", "tab", "tab", "tab", "enter", "down", "enter"],
                    size=(80, 24))
        await shoot(samples, out / "detail.svg", ["down"] * richest_row(samples) + ["enter"])
        await shoot(samples, out / "people.svg", ["p"])
        await shoot(samples, out / "help.svg", ["question_mark"])
        samples.close()

        pages = Path(folder) / "igf-pages"
        pages.mkdir()
        for page in PAGES.iterdir():
            if page.suffix in {".txt", ".md", ".html"} and page.name != "README.md":
                shutil.copy(page, pages / page.name)
        imported = Catalogue(Path(folder) / "imported.db")
        await shoot(imported, out / "import.svg", ["i"], typed={"import-path": str(pages)})
        imported.close()

        empty = Catalogue(Path(folder) / "empty.db")
        await shoot(empty, out / "empty.svg")
        empty.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the SVGs")
    arguments = parser.parse_args()
    # Screenshots show the colours of the default theme, whatever this terminal asks for.
    os.environ.pop("NO_COLOR", None)
    asyncio.run(main(arguments.out.resolve()))
