"""Storage: the catalogue service over SQLModel and SQLite.

The names below load their module on first use (PEP 562), so that importing a
light part of the package (``igftui.store.listing``, ``igftui.store.errors``)
does not load SQLAlchemy: the app paints its first screen before that.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_WHERE = {
    "SORT_COLUMNS": "listing",
    "SORT_ORDERS": "listing",
    "RELEVANCE": "listing",
    "PersonSummary": "listing",
    "SessionFilter": "listing",
    "SessionSummary": "listing",
    "Catalogue": "catalogue",
    "ImportOutcome": "catalogue",
    "identity_of": "catalogue",
    "person_key": "catalogue",
    "CatalogueError": "errors",
    "NewerCatalogue": "errors",
    "NotACatalogue": "errors",
    "SessionNotFound": "errors",
    "CatalogueMissing": "errors",
    "DamagedCatalogue": "errors",
    "Interruption": "interrupting",
    "ReadInterrupted": "interrupting",
}

__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from igftui.store.catalogue import Catalogue, ImportOutcome, identity_of, person_key
    from igftui.store.errors import (
        CatalogueError,
        CatalogueMissing,
        DamagedCatalogue,
        NewerCatalogue,
        NotACatalogue,
        SessionNotFound,
    )
    from igftui.store.interrupting import Interruption, ReadInterrupted
    from igftui.store.listing import (
        RELEVANCE,
        SORT_COLUMNS,
        SORT_ORDERS,
        PersonSummary,
        SessionFilter,
        SessionSummary,
    )


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
