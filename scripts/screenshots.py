"""Write SVG screenshots of the real app into screenshots/ (the README embeds them).

    make screenshots
    PYTHONPATH=src .venv/bin/python scripts/screenshots.py [--out FOLDER]

Each picture is the real app driven by Pilot on a temporary catalogue, at a
fixed 100x30 terminal, with the default theme:

    catalogue.svg   the bundled samples, listed
    empty.svg       a new, empty catalogue
    detail.svg      one sample session, opened
    help.svg        the keys of the catalogue screen
"""

from __future__ import annotations

import argparse
import asyncio
import os
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


async def _settle(pilot) -> None:
    """Wait for every worker, and for what they posted to be painted."""
    await pilot.pause()
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause()


async def shoot(catalogue: Catalogue, target: Path, keys: Iterable[str] = ()) -> None:
    """Open the app on ``catalogue``, press ``keys``, and save what the screen shows."""
    app = IgfApp(catalogue, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
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
        await shoot(samples, out / "detail.svg", ["down"] * richest_row(samples) + ["enter"])
        await shoot(samples, out / "help.svg", ["question_mark"])
        samples.close()

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
