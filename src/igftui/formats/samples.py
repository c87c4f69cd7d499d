"""The sample catalogue bundled with igftui, read into sessions (``services.samples`` stores them)."""

from __future__ import annotations

import json
from importlib import resources

from igftui.model.session import ForumSession


def sample_sessions() -> list[ForumSession]:
    """The bundled sample sessions, parsed (they are checked by the tests to follow the contract)."""
    text = resources.files("igftui.formats").joinpath("data/samples.json").read_text(encoding="utf-8")
    return [ForumSession.from_json(item) for item in json.loads(text)]
