"""A session with a history, on a real catalogue with a fixed clock, for the history screen's tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from igftui.config import Settings
from igftui.model import ForumSession, Participant
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT

FIRST_DESCRIPTION = (
    "A round table on how distrust splits what people see online.\n"
    "Speakers from four regions open; the room and online participants answer."
)
SECOND_DESCRIPTION = (
    "A round table on how mistrust splits what people see and share online.\n"
    "Speakers from four regions open; the room and online participants answer."
)


def ticking_clock(start: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)):
    """A clock that moves on 47 minutes each time it is read: saves far enough apart to be
    revisions of their own, at times that are the same on every run."""
    moments: Iterator[datetime] = (start + timedelta(minutes=47 * n) for n in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch):
    """The user's time zone is India's (UTC+5:30, no daylight saving), and their login amina."""
    monkeypatch.setenv("TZ", "IST-5:30")
    monkeypatch.setenv("LOGNAME", "amina")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def catalogue_with_history(path: Path) -> tuple[Catalogue, int]:
    """A draft saved three times: typed, its description changed, then its title and private notes."""
    catalogue = Catalogue(path, clock=ticking_clock())
    draft = catalogue.add(
        ForumSession(
            status="draft",
            year=2026,
            session_type="workshop",
            title="Trust online",
            description=FIRST_DESCRIPTION,
            format="round_table",
            participants=[
                Participant(
                    name="Amina Diallo",
                    organisation="Digital Rights Network",
                    stakeholder_group="civil_society",
                    region="african",
                    roles=["organizer", "speaker"],
                )
            ],
        )
    )
    second = catalogue.update(draft.model_copy(update={"description": SECOND_DESCRIPTION}))
    catalogue.update(
        second.model_copy(
            update={
                "title": "Trust and mistrust online",
                "private_notes": "Ask Amina before naming her employer",
            }
        )
    )
    return catalogue, int(draft.id)


def history_app(path: Path) -> tuple[IgfApp, int]:
    catalogue, session_id = catalogue_with_history(path)
    return IgfApp(catalogue, Settings(), delays=INSTANT), session_id
