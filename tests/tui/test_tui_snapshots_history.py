"""What a session's history looks like (SVG snapshots in __snapshots__/).

The catalogue's clock, the user's time zone and login are fixed (history_apps),
so the times and the author are the same on every run.  Regenerate on purpose:
    PYTHONPATH=src .venv/bin/python -m pytest tests/tui/test_tui_snapshots_history.py --snapshot-update
"""

from __future__ import annotations

import pytest
from history_apps import history_app, local_zone  # noqa: F401 - a fixture
from snapshot_apps import settle

from igftui.tui.screens.history import HistoryScreen


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_history_with_the_first_revision_compared(snap_compare, db, local_zone, size):
    app, session_id = history_app(db)

    async def open_history(pilot) -> None:
        await settle(pilot)
        app.push_screen(HistoryScreen(app.catalogue, session_id))
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_history)


def test_restore_asks_first(snap_compare, db, local_zone):
    app, session_id = history_app(db)

    async def ask(pilot) -> None:
        await settle(pilot)
        app.push_screen(HistoryScreen(app.catalogue, session_id))
        await settle(pilot)
        await pilot.press("j", "r")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ask)
