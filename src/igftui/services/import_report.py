"""What importing one session did, said as a user reads it.

One line per session of an import: "merged #3 2026 WS #3 Title: took title from the
file", "stored #12 ...: beside your draft #3 (same year, type and number): your draft was
not changed".  Written here once, Textual-free, for the command line and the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from igftui.model.form import field_words
from igftui.model.wording import session_line

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import ImportOutcome


@dataclass(frozen=True)
class ImportedSession:
    """One session a file brought, and what importing it did: one line of the report.

    Small on purpose: a file of 100,000 sessions keeps 100,000 of these, not the
    sessions themselves.  ``action`` is the catalogue's (see ``ImportOutcome``):
    created, merged, unchanged, beside or kept.
    """

    id: int
    year: int | None
    code: str | None
    title: str | None
    action: str
    taken: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    their_revision: int | None = None
    beside: int | None = None
    #: For ``beside``: what it shares with the user's session, in words.
    same: str | None = None

    @classmethod
    def of(cls, outcome: ImportOutcome) -> ImportedSession:
        session = outcome.session
        return cls(
            id=int(session.id or 0),
            year=session.year,
            code=session.display_code(),
            title=session.title,
            action=outcome.action,
            taken=outcome.taken,
            conflicts=outcome.conflicts,
            their_revision=outcome.their_revision,
            beside=outcome.beside,
            same=same_identity_words(session) if outcome.action == "beside" else None,
        )

    @property
    def stored(self) -> bool:
        """Whether the import wrote this session: a new one, or one it merged into."""
        return self.action in ("created", "beside", "merged")

    @property
    def verb(self) -> str:
        return _VERBS.get(self.action, self.action)

    def headline(self) -> str:
        """ "2026  WS #3  Rapid response", the session as a list names it."""
        return session_line(self.year, self.code, self.title)

    def what_happened(self) -> str | None:
        """What a user needs to know beyond the verb, or None ("took title from the file")."""
        said: list[str] = []
        if self.action == "beside":
            said.append(f"beside your draft #{self.beside} ({self.same}): your draft was not changed")
        if self.taken:
            said.append(f"took {_words(self.taken)} from the file")
        if self.conflicts:
            said.append(
                f"conflict in {_words(self.conflicts)}: kept yours; theirs is revision {self.their_revision} "
                f"(igftui show {self.id} --revision {self.their_revision})"
            )
        return "; ".join(said) or None


#: The verb each action is reported with.
_VERBS = {"created": "imported", "beside": "stored", "merged": "merged", "unchanged": "unchanged", "kept": "kept"}


def _words(fields: tuple[str, ...]) -> str:
    # Merged fields inside the online plan are dotted; the sentence names each once.
    words: list[str] = []
    for name in fields:
        word = field_words(name)
        if word not in words:
            words.append(word)
    return ", ".join(words)


def same_identity_words(session: ForumSession) -> str:
    """What makes an imported session the same as one already there, as ``identity_of`` decides."""
    if session.year is not None and session.number is not None:
        return "same year, type and number"
    if session.year is not None and session.title:
        return "same year, type and title"
    return "same page file"
