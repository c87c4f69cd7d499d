"""What the screens look like, at a fixed 100x30 terminal (SVG snapshots in __snapshots__/).

Regenerate on purpose, after looking at the change:
    PYTHONPATH=src .venv/bin/python -m pytest tests/tui --snapshot-update
"""

from __future__ import annotations

from snapshot_apps import SIZE, catalogue_app, settle


def test_catalogue_with_sessions(snap_compare, db):
    assert snap_compare(catalogue_app(db, 28), terminal_size=SIZE, run_before=settle)


def test_empty_catalogue(snap_compare, db):
    assert snap_compare(catalogue_app(db, 0), terminal_size=SIZE, run_before=settle)


def test_session_detail(snap_compare, db):
    async def open_third(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 28), terminal_size=SIZE, run_before=open_third)


def test_session_detail_80x24(snap_compare, db):
    async def open_third(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 28), terminal_size=(80, 24), run_before=open_third)


def test_help(snap_compare, db):
    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 28), terminal_size=SIZE, run_before=open_help)
