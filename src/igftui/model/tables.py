"""The catalogue's database tables.

A session is kept whole as its JSON document (so a field added to the model
needs no new column), beside the columns the catalogue filters and sorts on.
Participants get rows of their own because people are searched, filtered by
group and region, and counted across sessions.

The first schema is written out as SQL in ``igftui.store.schema`` and frozen
there; these classes must match it (a test compares them).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class SessionRecord(SQLModel, table=True):
    __tablename__ = "session"

    id: int | None = Field(default=None, primary_key=True)
    status: str = Field(index=True)
    year: int | None = Field(default=None, index=True)
    session_type: str | None = Field(default=None, index=True)
    code: str | None = None
    number: int | None = None
    title: str | None = None
    format: str | None = Field(default=None, index=True)
    #: Identity across imports: the same page imported twice updates one entry.
    identity: str | None = Field(default=None, index=True)
    document: str
    created_at: datetime
    updated_at: datetime
    #: Stable across catalogues: a draft sent to a co-organiser is known again by it.
    uid: str | None = Field(default=None, unique=True)
    #: Raised by every save; a save made from an older version is a conflict.
    version: int = 1
    #: A page's identity by its file, found again whether or not the year was given.
    source_key: str | None = Field(default=None, index=True)


class RevisionRecord(SQLModel, table=True):
    """One kept state of a session: what a save, a restore, a merge or an import stored."""

    __tablename__ = "revision"

    id: int | None = Field(default=None, primary_key=True)
    session_uid: str
    session_id: int
    #: 1, 2, 3... for each session.
    number: int
    saved_at: datetime
    #: typed, restored, merged or imported.
    origin: str
    author: str | None = None
    #: The fields that differ from the revision before, as a JSON list.
    changed: str = "[]"
    #: The editor visit that may still fold its next autosave into this revision.
    visit: str | None = None
    document: str


class ParticipantRecord(SQLModel, table=True):
    __tablename__ = "participant"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE", index=True)
    position: int
    #: The name folded for comparison, so "MARIE KUMMERLOWE" and "Marie Kummerlowe" meet.
    person_key: str | None = Field(default=None, index=True)
    name: str | None = None
    organisation: str | None = None
    stakeholder_group: str | None = None
    region: str | None = None
    #: Roles as " organizer speaker " so one LIKE finds a role.
    roles: str = ""
    #: The session's year, copied here so the people view counts from one index.
    year: int | None = None
