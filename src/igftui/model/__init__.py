"""The session model: the IGF's vocabulary, the session itself, and its database tables."""

from igftui.model.session import (
    SCHEMA,
    AgendaItem,
    ContractError,
    ForumSession,
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

__all__ = [
    "SCHEMA", "AgendaItem", "AgendaKind", "Attendance", "ContractError", "Format", "ForumSession",
    "Gender", "Layout", "OnlineParticipation", "Participant", "ParticipantStatus", "Region", "Role",
    "SessionStatus", "SessionType", "Source", "StakeholderGroup",
]
