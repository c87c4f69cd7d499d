"""The session model: the IGF's vocabulary, the session itself, and its database tables.

The names below load their module on first use (PEP 562): the vocabulary is
plain enums, while the session model loads pydantic, and the app should paint
its first screen before that.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_SESSION = (
    "SCHEMA",
    "AgendaItem",
    "ContractError",
    "ForumSession",
    "Link",
    "OnlineParticipation",
    "Participant",
    "Source",
)
_VOCABULARY = (
    "AgendaKind",
    "Attendance",
    "Format",
    "Gender",
    "Layout",
    "ParticipantStatus",
    "Region",
    "Role",
    "SessionStatus",
    "SessionType",
    "StakeholderGroup",
)
_WHERE = {**{name: "session" for name in _SESSION}, **{name: "vocabulary" for name in _VOCABULARY}}

__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from igftui.model.session import (
        SCHEMA,
        AgendaItem,
        ContractError,
        ForumSession,
        Link,
        OnlineParticipation,
        Participant,
        Source,
    )
    from igftui.model.vocabulary import (
        AgendaKind,
        Attendance,
        Format,
        Gender,
        Layout,
        ParticipantStatus,
        Region,
        Role,
        SessionStatus,
        SessionType,
        StakeholderGroup,
    )


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
