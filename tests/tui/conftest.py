"""Fixtures for the TUI tests: real catalogues in temporary files, notifications recorded."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch):
    """Every notification any app shows during the test, as (title, message, severity)."""
    from textual.app import App

    seen: list[tuple[str, str, str]] = []
    real_notify = App.notify

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True):
        seen.append((title, str(message), severity))
        return real_notify(self, message, title=title, severity=severity, timeout=timeout, markup=markup)

    monkeypatch.setattr(App, "notify", notify)
    return seen


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "c.db"
