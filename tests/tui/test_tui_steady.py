"""No test waits a fixed time: a guard, so that none does again.

A test that sleeps (``pilot.pause(0.3)``, ``time.sleep``, ``asyncio.sleep(1)``) is
slow on a quiet machine and flaky on a busy one.  Tests build the app with
INSTANT delays and wait for what they need: a worker, a message, a condition
(``settle``, ``wait_until`` and ``wait_for_palette`` in snapshot_apps.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

from snapshot_apps import catalogue_app, settle, show_section
from textual.widgets import TextArea

from igftui.tui.delays import Delays

TESTS = Path(__file__).resolve().parents[1]


def fixed_waits(source: str) -> list[tuple[int, str]]:
    """The lines of ``source`` that wait a fixed time, with what each one calls."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        first = node.args[0] if node.args else None
        if name == "pause":
            # pause() with no delay waits for the app to be idle; with one, for a time.
            delay = first or next((k.value for k in node.keywords if k.arg == "delay"), None)
            if delay is not None and not (isinstance(delay, ast.Constant) and delay.value is None):
                found.append((node.lineno, f"{owner + '.' if owner else ''}pause({ast.unparse(delay)})"))
        elif name == "sleep":
            # asyncio.sleep(0) only yields to the loop; any other sleep is a wait for time.
            if owner == "asyncio" and isinstance(first, ast.Constant) and first.value == 0:
                continue
            found.append((node.lineno, f"{owner + '.' if owner else ''}sleep(...)"))
    return sorted(found)


def test_the_guard_finds_every_kind_of_fixed_wait():
    source = (
        "async def t(pilot):\n"
        "    await pilot.pause(0.3)\n"
        "    await pilot.pause(delay=1)\n"
        "    time.sleep(0.1)\n"
        "    await asyncio.sleep(0.5)\n"
        "    sleep(2)\n"
        "    await pilot.pause()\n"
        "    await asyncio.sleep(0)\n"
        "    await pilot.pause(None)\n"
    )
    assert [line for line, _ in fixed_waits(source)] == [2, 3, 4, 5, 6]


def test_no_test_waits_a_fixed_time():
    found = [
        f"{path.relative_to(TESTS.parent)}:{line}: {call}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, call in fixed_waits(path.read_text(encoding="utf-8"))
    ]
    assert not found, (
        "Tests wait for a worker, a message or a condition, never for time "
        "(see wait_until in tests/tui/snapshot_apps.py):\n" + "\n".join(found)
    )


async def blinking_of_editor_boxes(db: Path, delays: Delays) -> list[tuple[bool, bool]]:
    """(blinks, cursor shown) of the title and the description boxes, each once focused."""
    app = catalogue_app(db, 1, delays=delays)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        await show_section(pilot, "content", focus=False)
        await settle(pilot)
        seen = []
        for box in (editor.query_one("#input-title"), editor.query_one("#input-description", TextArea)):
            box.focus()
            await settle(pilot)
            seen.append((box.cursor_blink, box._cursor_visible))
        return seen


async def test_instant_delays_keep_every_text_cursor_steady_and_shown(db):
    from igftui.tui.delays import INSTANT

    assert await blinking_of_editor_boxes(db, INSTANT) == [(False, True), (False, True)]


async def test_the_users_cursor_blinks(db):
    assert [blinks for blinks, _ in await blinking_of_editor_boxes(db, Delays())] == [True, True]
