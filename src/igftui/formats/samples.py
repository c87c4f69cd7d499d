"""The sample catalogue bundled with igftui, so a new user has something to explore."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from igftui.model.session import ForumSession
from igftui.store.catalogue import Catalogue


@dataclass(frozen=True)
class SamplesLoaded:
    added: int
    already_there: int


def sample_sessions() -> list[ForumSession]:
    """The bundled sample sessions, parsed (they are checked by the tests to follow the contract)."""
    text = resources.files("igftui.formats").joinpath("data/samples.json").read_text(encoding="utf-8")
    return [ForumSession.from_json(item) for item in json.loads(text)]


def load_samples(catalogue: Catalogue) -> SamplesLoaded:
    """Add the samples that are not in the catalogue yet; never changes one that is."""
    outcomes = catalogue.import_sessions(sample_sessions(), keep_existing=True)
    added = sum(1 for outcome in outcomes if outcome.created)
    return SamplesLoaded(added=added, already_there=len(outcomes) - added)
