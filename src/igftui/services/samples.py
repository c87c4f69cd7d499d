"""Load the sample catalogue bundled with igftui, so a new user has something to explore."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

# The module, not the function: a test can stand in for the bundled file.
from igftui.formats import samples as bundled

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue


@dataclass(frozen=True)
class SamplesLoaded:
    """How many samples were added, and how many the catalogue held already."""

    added: int
    already_there: int


def load_samples(catalogue: Catalogue) -> SamplesLoaded:
    """Add the samples that are not in the catalogue yet; never changes one that is."""
    outcomes = catalogue.import_sessions(bundled.sample_sessions(), keep_existing=True)
    added = sum(1 for outcome in outcomes if outcome.created)
    return SamplesLoaded(added=added, already_there=len(outcomes) - added)
