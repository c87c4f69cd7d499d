"""Apps and data for the TUI tests: deterministic sessions in a real temporary catalogue.

Nothing here depends on today's date or on the bundled samples, so snapshots
stay the same from one run (and one day) to the next.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from textual.worker import WorkerCancelled, WorkerFailed

from igftui.config import Settings
from igftui.model import AgendaItem, ForumSession, Participant
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT, Delays
from igftui.tui.screens.proposal_editor import ProposalEditor

SIZE = (100, 30)

TOPICS = (
    "Meaningful connectivity for rural and remote communities",
    "Data governance and cross-border data flows",
    "Protecting human rights defenders online",
    "Artificial intelligence in public services",
    "Multilingual Internet and universal acceptance",
    "Youth voices in Internet governance",
    "Cybersecurity norms for critical infrastructure",
    "Platform accountability and content moderation",
    "Digital public infrastructure for inclusion",
    "Environmental footprint of the Internet",
    "Gender and online violence",
    "Community networks and spectrum policy",
)
TYPES = (
    "workshop",
    "open_forum",
    "dynamic_coalition",
    "nri_session",
    "main_session",
    "best_practice_forum",
    "lightning_talk",
)
FORMATS = ("round_table", "panel", "break_out_groups", "debate", "birds_of_a_feather", None)
STATUSES = ("catalogued", "catalogued", "catalogued", "draft", "submitted", "accepted")
PEOPLE = (
    ("Amina Diallo", "Digital Rights Network", "civil_society", "african"),
    ("Kenji Sato", "Ministry of Communications", "government", "asia_pacific"),
    ("Lucía Fernández", "Universidad del Pacífico", "academia", "grulac"),
    ("Olena Kovalenko", "Open Networks Lab", "technical_community", "eastern_european"),
    ("Mark Jensen", "Nordic Telecom", "private_sector", "weog"),
    ("Sara Haddad", "UNESCO", "intergovernmental_organization", "intergovernmental_organization"),
)


def generated_session(index: int) -> ForumSession:
    """The session number ``index`` (0-based) of a made-up but plausible catalogue."""
    kind = TYPES[index % len(TYPES)]
    people = [
        Participant(
            name=name,
            organisation=org,
            stakeholder_group=group,
            region=region,
            roles=["speaker"] if n else ["organizer", "moderator"],
            status="confirmed",
        )
        for n, (name, org, group, region) in enumerate(PEOPLE[: 2 + index % 5])
    ]
    return ForumSession(
        status=STATUSES[index % len(STATUSES)],
        year=2025 - index % 9,
        session_type=kind,
        number=index + 1,
        title=f"{TOPICS[index % len(TOPICS)]} ({index + 1})",
        theme="Universal Access and Meaningful Connectivity" if index % 2 else "Trust and Security",
        format=FORMATS[index % len(FORMATS)],
        duration_minutes=60 if index % 3 else 90,
        policy_questions=[
            "How can policy makers close the gap between connectivity and meaningful use?",
            "Which safeguards keep people at risk safe when they take part online?",
        ],
        description=f"A session on {TOPICS[index % len(TOPICS)].lower()}, with voices from every "
        "stakeholder group and region.",
        expected_outcomes="A short report with recommendations for the IGF's intersessional work.",
        participants=people,
        agenda=[
            AgendaItem(title="Opening and framing", minutes=10, kind="opening"),
            AgendaItem(title="Case presentations", minutes=20, kind="presentation"),
            AgendaItem(
                title="Open discussion with the room and online", minutes=25, kind="discussion", interactive=True
            ),
            AgendaItem(title="Wrap-up", minutes=5, kind="closing"),
        ],
    )


def generated_sessions(count: int) -> list[ForumSession]:
    return [generated_session(index) for index in range(count)]


def filled_catalogue(path: Path, count: int) -> Catalogue:
    """A real catalogue at ``path`` holding ``count`` generated sessions (added in one import)."""
    catalogue = Catalogue(path)
    if count:
        catalogue.import_sessions(generated_sessions(count))
    return catalogue


#: For tests of what a key's save does (ctrl+s, escape, f7): no autosave comes first, so
#: the key meets the other copy's save itself.  Not a wait: the test never waits an hour.
SAVE_WHEN_ASKED = replace(INSTANT, save_pause=3600.0, save_at_most=3600.0)


def catalogue_app(path: Path, count: int = 28, settings: Settings | None = None, delays: Delays = INSTANT) -> IgfApp:
    """The real app on a fresh catalogue of ``count`` generated sessions.

    Its delays are INSTANT unless a test is about them: what the app does after a pause
    (save, check) happens at once, and no text cursor blinks in a snapshot.
    """
    return IgfApp(filled_catalogue(path, count), settings or Settings(), delays=delays)


#: A guard against a hang only: settle() ends as soon as the app is quiet, in a few turns.
_MOST_TURNS = 1000

#: Workers that wait for work as long as their widget lives (DirectoryTree's loader).
_LONG_LIVED_GROUPS = {"_loader"}


def _busy_workers(app) -> list:
    return [worker for worker in app.workers if worker.is_running and worker.group not in _LONG_LIVED_GROUPS]


async def settle(pilot) -> None:
    """Wait until every worker is done, every key typed has been taken, what they posted is on
    screen and any scrolling they started is over.

    Keys typed in a burst go on one at a time (igftui.tui.key_order), each after the one
    before it has been dealt with, while the workers they start come and go: the wait is
    over once both are quiet at the same look, however many turns that takes on a busy machine.
    """
    app = pilot.app
    await pilot.pause()
    for _ in range(_MOST_TURNS):
        busy = _busy_workers(app)
        if busy:
            try:
                await app.workers.wait_for_complete(busy)
            except (WorkerFailed, WorkerCancelled):
                # A failure the app reports (the test looks at what the user sees); a worker
                # cancelled because a newer one of its kind replaced it (that one is waited for next).
                pass
        await pilot.pause()
        if not _busy_workers(app) and not getattr(app, "keys_in_flight", False):
            break
    await pilot.pause()
    # A key may have started a smooth scroll ("j", focusing a box out of sight): what the
    # test looks at is where it ends, however long the animation takes on a busy machine.
    await pilot.wait_for_scheduled_animations()


async def new_draft(pilot) -> ProposalEditor:
    """From the catalogue, ``n``: the editor of a new draft, settled."""
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    editor = pilot.app.screen
    assert isinstance(editor, ProposalEditor)
    return editor


async def show_section(pilot, section: str, *, focus: bool = True) -> None:
    """Show a section of the editor on top (as alt+N does), once its boxes are on the screen:
    the editor builds a section the first time it is shown."""
    pilot.app.screen.show_section(section, focus=focus)
    await settle(pilot)


async def wait_until(
    pilot, condition: Callable[[], object], what: str, *, turns: int = 500, workers: bool = True
) -> None:
    """Let the app work (its queues, then its workers) until ``condition()`` holds.

    A number of turns, not a length of time, bounds the wait: a hang fails the test,
    naming ``what`` did not happen, rather than waiting for ever.  ``workers=False``
    only lets the queues turn, for a test that holds a worker back on purpose (waiting
    for it would wait for the test itself); each turn is then short, so there are more.
    """
    if not workers:
        turns *= 20
    for _ in range(turns):
        if condition():
            return
        await pilot.pause()
        busy = _busy_workers(pilot.app) if workers else None
        if busy:
            try:
                await pilot.app.workers.wait_for_complete(busy)
            except (WorkerFailed, WorkerCancelled):
                pass  # reported by the app, or replaced by a newer one; the condition says whether it matters
    if not condition():
        pytest.fail(f"waited {turns} turns of the app, and still not: {what}")


async def wait_for_palette(pilot, title: str) -> None:
    """Wait until the command palette's search (a worker) has put ``title`` first: enter runs it."""
    from textual.command import CommandList

    def first_is_title() -> bool:
        lists = pilot.app.screen.query(CommandList)
        if not lists or not lists.first().option_count:
            return False
        return str(lists.first().get_option_at_index(0).prompt).split("\n")[0] == title

    await wait_until(pilot, first_is_title, f"the palette offers {title!r} first")


def screen_text(app: IgfApp) -> str:
    """The screen as plain text, as a user would read it (no colours)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    # The same render export_screenshot uses, exported as text instead of SVG.
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()
