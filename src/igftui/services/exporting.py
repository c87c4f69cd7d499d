"""Export a session to a file: the text, the file's name, and writing it safely.

``igftui export`` and the app's export dialog both go through here, so a file
written from either holds the same text for the same choices (Markdown or JSON,
private fields or not, names redacted or not), is named the same way and is
written the same way: whole or not at all, mode 0600, never over a file that is
there unless the user says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from igftui.formats.files import write_atomically

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue

#: "md" (laid out like the IGF form) or "json" (igftui JSON, for a co-organiser to import).
ExportFormat = Literal["md", "json"]


@dataclass(frozen=True)
class Export:
    """What exporting a session gives: the session as written, and the text."""

    session: ForumSession
    text: str


def for_export(session: ForumSession, *, redact: bool = False) -> ForumSession:
    """The session as an export shows it: with people named by role and organisations by group when ``redact``.

    A redacted copy is for reading, not for editing and sending back: it carries no
    identity, so importing it can never merge roles over the real names.
    """
    if not redact:
        return session
    from igftui.model.redaction import redacted

    return redacted(session).model_copy(update={"uid": None, "revision": None, "history": None})


def export_text(
    session: ForumSession, *, format: ExportFormat = "md", include_private: bool = False, redact: bool = False
) -> str:
    """The text of ``session`` exported as ``format``; private fields only with ``include_private``."""
    session = for_export(session, redact=redact)
    if format == "json":
        from igftui.formats.jsonio import sessions_to_json

        return sessions_to_json(session, include_private=include_private)
    from igftui.formats.markdown import to_markdown

    return to_markdown(session, include_private=include_private)


def export_session(
    catalogue: Catalogue,
    session_id: int,
    *,
    format: ExportFormat = "md",
    include_private: bool = False,
    redact: bool = False,
) -> Export:
    """Session ``session_id`` of the catalogue, exported.

    A JSON copy that is not redacted carries the session's uid and the revision it
    was made from, closed to later autosaves: when a co-organiser sends it back,
    that revision is the merge base.
    """
    sealed = format == "json" and not redact
    session = catalogue.seal_revision(session_id) if sealed else catalogue.get(session_id)
    return Export(
        for_export(session, redact=redact),
        export_text(session, format=format, include_private=include_private, redact=redact),
    )


def suggested_path(session: ForumSession, folder: Path, *, private: bool = False) -> Path:
    """Where the app offers to write the Markdown of ``session``: a name made from it, in ``folder``.

    An export with private fields gets a name that says so ("...-private.md").
    """
    from igftui.formats.markdown import suggested_file_name

    return folder / suggested_file_name(session, private=private)


def chosen_path(typed: str, folder: Path) -> Path | None:
    """The file the user named: ``~`` is the home folder, a relative name is in ``folder``; None when blank."""
    typed = typed.strip()
    if not typed:
        return None
    path = Path(typed).expanduser()
    return path if path.is_absolute() else folder.expanduser() / path


def write_export(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write the exported ``text`` to ``path``, whole or not at all (mode 0600).

    Raises ``TargetExists`` when the file is there and ``overwrite`` is false, and
    ``FormatError`` with one sentence for anything else (no such folder, no
    permission, a full disk).
    """
    write_atomically(path, text, overwrite=overwrite)
