"""Storage: the catalogue service over SQLModel and SQLite."""

from igftui.store.catalogue import (
    SORT_COLUMNS,
    Catalogue,
    ImportOutcome,
    PersonSummary,
    SessionFilter,
    SessionSummary,
    identity_of,
    person_key,
)
from igftui.store.errors import CatalogueError, NewerCatalogue, NotACatalogue, SessionNotFound

__all__ = [
    "SORT_COLUMNS", "Catalogue", "CatalogueError", "ImportOutcome", "NewerCatalogue",
    "NotACatalogue", "PersonSummary", "SessionFilter", "SessionNotFound", "SessionSummary",
    "identity_of", "person_key",
]
