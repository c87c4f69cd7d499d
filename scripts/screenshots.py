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
    editor-*.svg    the proposal editor's sections; export.svg its export dialog;
                    similar-beside.svg a session like the draft read beside it
    form-assistant.svg  the IGF web form's fields in order, each copied with one key
    history.svg     a draft's revisions, one compared with the text now
    conflict.svg    a draft saved in two places, the fields changed on both sides
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # so it runs from a checkout as well as installed

from igftui.config import Settings  # noqa: E402
from igftui.services.samples import load_samples  # noqa: E402
from igftui.store import Catalogue  # noqa: E402
from igftui.tui.app import IgfApp  # noqa: E402
from igftui.tui.delays import INSTANT  # noqa: E402

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
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
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


def example_proposal():
    """A workshop proposal half-way through drafting, for the editor's screenshots."""
    from igftui.model import AgendaItem, ForumSession, OnlineParticipation, Participant

    def person(name, organisation, group, region, roles, status, attendance, gender=None):
        return Participant(name=name, organisation=organisation, stakeholder_group=group, region=region,
                           roles=roles, status=status, attendance=attendance, gender=gender)

    return ForumSession(
        status="draft", year=2026, session_type="workshop",
        title="Help, we are under attack: digital first aid",
        theme="Human rights and freedoms", tags=["digital security", "civil society"],
        policy_questions=["How can groups under attack online get help within hours, not weeks?",
                          "Who should pay for the help desks that answer them?"],
        description="Groups that have been attacked online meet the people who helped them, and "
                    "together they map what works and what is missing.",
        format="break_out_groups", layout="circle", duration_minutes=90,
        participants=[
            person("Rosa Ibarra", "Red de Defensoras", "civil_society", "grulac", ["organizer", "moderator"],
                   "confirmed", "onsite", "woman"),
            person("Marta Quispe", "Universidad Andina", "academia", "grulac", ["speaker"], "provisional",
                   "online", "woman"),
            person("Kwame Mensah", "Ministry of ICT", "government", "african", ["speaker"], "invited",
                   "onsite", "man"),
            person("Lena Vogel", "Open Source Lab", "technical_community", "weog", ["online_moderator"],
                   "confirmed", "online"),
        ],
        agenda=[AgendaItem(title="Welcome and what happened to us", minutes=10, kind="opening"),
                AgendaItem(title="Help desks present their work", minutes=20, kind="presentation"),
                AgendaItem(title="Break-out groups, one per kind of attack", minutes=45, kind="breakout",
                           interactive=True),
                AgendaItem(title="Safety check-in (closed)", minutes=10, kind="other", public=False)],
        online_participation=OnlineParticipation(platform="IGF Zoom", captioning=True,
                                                 interpretation=["Spanish", "French"]),
    )


async def shoot_editor(catalogue: Catalogue, target: Path, section: str, keys: Iterable[str] = (),
                       size: tuple[int, int] = (120, 34), focus: str | None = None) -> None:
    """The proposal editor on :func:`example_proposal`, showing ``section``, after ``keys``
    (with the cursor in the widget whose id is ``focus``, when given)."""
    from igftui.tui.screens.proposal_editor import ProposalEditor

    app = IgfApp(catalogue, Settings(export_folder="/home/organiser/igf-exports"), delays=INSTANT)
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        app.push_screen(ProposalEditor(catalogue, draft=example_proposal()))
        # The checks' first run starts at once: settling again waits for its findings.
        await _settle(pilot)
        await _settle(pilot)
        app.screen.show_section(section)
        await _settle(pilot)
        if focus:
            app.screen.query_one(f"#{focus}").focus()
            await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)
        target.write_text(app.export_screenshot(title="igftui"), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def draft_with_history(path: Path) -> tuple[Catalogue, int]:
    """The example proposal saved three times, an hour apart, for the history's picture."""
    from datetime import datetime, timedelta, timezone

    # The login name each revision records: the organiser of the example, not this machine's.
    os.environ["LOGNAME"] = "rosa"
    moments = (datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc) + timedelta(minutes=53 * n) for n in range(100))
    catalogue = Catalogue(path, clock=lambda: next(moments))
    first = catalogue.add(example_proposal().model_copy(update={
        "description": "Groups that have been attacked online meet the people who helped them."}))
    second = catalogue.update(example_proposal().model_copy(update={"id": first.id}))
    catalogue.update(second.model_copy(update={"title": "Help, we are under attack: digital first aid now"}))
    return catalogue, int(first.id)


async def shoot_history(path: Path, target: Path) -> None:
    from igftui.tui.screens.history import HistoryScreen

    catalogue, draft_id = draft_with_history(path)
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        app.push_screen(HistoryScreen(catalogue, draft_id))
        await _settle(pilot)
        await pilot.press("j", "j")
        await _settle(pilot)
        target.write_text(app.export_screenshot(title="igftui"), encoding="utf-8")
    catalogue.close()
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


async def shoot_conflict(path: Path, target: Path) -> None:
    """The editor's draft saved meanwhile by another copy of igftui, a field changed on both sides."""
    from igftui.tui.screens.proposal_editor import ProposalEditor

    catalogue = Catalogue(path)
    draft = catalogue.add(example_proposal())
    # ctrl+s meets the other copy's save: no autosave may meet it first.
    app = IgfApp(catalogue, Settings(), delays=replace(INSTANT, save_pause=3600.0, save_at_most=3600.0))
    async with app.run_test(size=(110, 34)) as pilot:
        await _settle(pilot)
        app.push_screen(ProposalEditor(catalogue, session_id=draft.id))
        await _settle(pilot)
        with Catalogue(path) as elsewhere:
            theirs = elsewhere.get(draft.id)
            elsewhere.update(theirs.model_copy(update={
                "title": "Digital first aid for groups under attack",
                "expected_outcomes": "A map of help desks by region, published after the forum."}),
                expected_version=theirs.version)
        app.screen.query_one("#input-title").value = "Help, we are under attack: first aid that works"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await _settle(pilot)
        target.write_text(app.export_screenshot(title="igftui"), encoding="utf-8")
    catalogue.close()
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
        await shoot_editor(samples, out / "editor-basics.svg", "basics")
        await shoot_editor(samples, out / "editor-people.svg", "people")
        await shoot_editor(samples, out / "editor-agenda.svg", "format", focus="agenda-table")
        await shoot_editor(samples, out / "editor-online.svg", "online")
        await shoot_editor(samples, out / "export.svg", "people", ["tab", "e"])
        await shoot_editor(samples, out / "form-assistant.svg", "content", ["f9", "down", "down", "down", "down"])
        # The samples hold a 2018 workshop and a 2025 draft on the example proposal's topic.
        await shoot_editor(samples, out / "editor-similar.svg", "content", ["ctrl+l"])
        await shoot_editor(samples, out / "similar-beside.svg", "content", ["ctrl+l", "enter"])
        samples.close()

        pages = Path(folder) / "igf-pages"
        pages.mkdir()
        for page in PAGES.iterdir():
            if page.suffix in {".txt", ".md", ".html"} and page.name != "README.md":
                shutil.copy(page, pages / page.name)
        imported = Catalogue(Path(folder) / "imported.db")
        await shoot(imported, out / "import.svg", ["i"], typed={"import-path": str(pages)})
        imported.close()

        await shoot_history(Path(folder) / "history.db", out / "history.svg")
        await shoot_conflict(Path(folder) / "conflict.db", out / "conflict.svg")

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
