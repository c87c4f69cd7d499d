"""What searching, filtering and importing look like (SVG snapshots in __snapshots__/).

Regenerate on purpose, after looking at the change:
    PYTHONPATH=src .venv/bin/python -m pytest tests/tui --snapshot-update
"""

from __future__ import annotations

from snapshot_apps import SIZE, catalogue_app, settle
from test_tui_import import folder_to_import
from textual.widgets import Input


def test_search_highlights_the_matches(snap_compare, db):
    async def search(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"human rights")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 28), terminal_size=SIZE, run_before=search)


def test_filters_open_at_80_by_24(snap_compare, db):
    async def filter_list(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.set_filter("year", 2023)
        pilot.app.screen.set_filter("format", "break_out_groups")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 60), terminal_size=(80, 24), run_before=filter_list)


def test_nothing_matches(snap_compare, db):
    async def search(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"zzyzx")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 28), terminal_size=SIZE, run_before=search)


def test_import_summary(snap_compare, db, tmp_path):
    folder = folder_to_import(tmp_path)

    async def run_import(pilot) -> None:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        pilot.app.screen.query_one("#import-path", Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 4), terminal_size=SIZE, run_before=run_import)
