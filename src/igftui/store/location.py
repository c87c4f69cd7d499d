"""Where a catalogue is: a file (SQLite) or a database server (PostgreSQL), as ``--db`` says.

``--db``, ``IGFTUI_DB`` and ``db`` in config.toml take a path, as they always have, or a
SQLAlchemy URL such as ``postgresql+psycopg://ana@db.example.org/igf``.  Text with ``://``
after a scheme name is a URL; anything else is a path.  A URL may carry a password: it is
never shown to the user (:func:`shown`), in a message or on screen.

SQLAlchemy is loaded only for a URL: every start of igftui reads the setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from igftui.store.errors import CatalogueError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

#: A scheme (RFC 3986: a letter, then letters, digits, "+", "-" or ".") followed by "://".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")

#: What a password looks like in a URL SQLAlchemy cannot read: "//user:PASSWORD@", up to the
#: last "@" (an unencoded "@" or "/" may be part of the password: better hide too much).
_PASSWORD_IN_URL = re.compile(r"(//[^/@:]*:).*@")

#: The one driver igftui speaks to PostgreSQL with (psycopg 3, the `postgres` extra), and what
#: a plain ``postgresql://`` means here (SQLAlchemy's own default is the older psycopg2).
POSTGRES_DRIVER = "postgresql+psycopg"
_POSTGRES_SCHEMES = ("postgresql", POSTGRES_DRIVER)

EXAMPLE_URL = "postgresql+psycopg://user@host/dbname"


class BadLocation(CatalogueError):
    """``--db`` (or ``IGFTUI_DB``, or ``db`` in config.toml) names no catalogue igftui can open.

    The message is one line, fit to show, with any password in it hidden.
    """


class ServerNotSupported(BadLocation):
    """A PostgreSQL catalogue, which this version cannot open yet (issue 17 ports the store)."""

    def __init__(self, server: ServerLocation) -> None:
        super().__init__(
            f"a PostgreSQL catalogue ({server}) is not supported by this version yet; use a catalogue file"
        )
        self.server = server


@dataclass(frozen=True, repr=False)
class ServerLocation:
    """A catalogue on a PostgreSQL server: its SQLAlchemy URL, with psycopg 3 as the driver."""

    url: URL

    def __str__(self) -> str:
        return shown_url(self.url)

    def __repr__(self) -> str:
        # A repr ends up in logs and tracebacks: no password there either.
        return f"ServerLocation({self})"


def is_url(text: str) -> bool:
    """Whether ``--db``'s text is a URL (``scheme://...``) rather than a path."""
    return _URL.match(text) is not None


def read_location(text: str) -> Path | ServerLocation:
    """The catalogue ``text`` names: a path (``~`` expanded), or a PostgreSQL server's URL.

    Raises :class:`BadLocation` for a URL that cannot be read or whose database igftui does
    not know (one line, no password in it).
    """
    if not is_url(text):
        return Path(text).expanduser()
    from sqlalchemy.exc import ArgumentError

    try:
        url = _readable_url(text)
    except (ArgumentError, ValueError):
        raise BadLocation(f"{shown(text)} is not a database URL igftui can read; write {EXAMPLE_URL}") from None
    if url.drivername not in _POSTGRES_SCHEMES:
        raise BadLocation(
            f"{shown_url(url)}: igftui keeps a catalogue in a file (give its path) or on PostgreSQL "
            f"through psycopg ({EXAMPLE_URL}), not in {url.drivername}"
        )
    return ServerLocation(url.set(drivername=POSTGRES_DRIVER))


def shown_url(url: URL) -> str:
    """``url`` as it may be shown: a password, in its place or in the query (libpq reads both), as ``***``."""
    hidden_query = "password" in url.query
    if hidden_query:
        url = url.update_query_dict({"password": "***"})
    text = url.render_as_string(hide_password=True)
    return text.replace("password=%2A%2A%2A", "password=***") if hidden_query else text


def shown(text: str) -> str:
    """``text`` (a path, a URL, or what looks like one) as it may be shown: any password hidden."""
    if not is_url(text):
        return text
    from sqlalchemy.exc import ArgumentError

    try:
        return shown_url(_readable_url(text))
    except (ArgumentError, ValueError):
        # Not a URL SQLAlchemy reads, but the password a user wrote in it is still theirs.
        hidden = _PASSWORD_IN_URL.sub(r"\1***@", text)
        return re.sub(r"(?i)(password=)[^&]*", r"\1***", hidden)


def _readable_url(text: str) -> URL:
    """``text`` read by SQLAlchemy; :class:`ValueError` where it would read it wrong."""
    from sqlalchemy.engine import make_url

    url = make_url(text)
    url.port  # noqa: B018 - a port that is no number fails only here, when read
    if url.host is not None and "@" in url.host:
        # "ana:p@ss@host": a password's "@" unencoded (%40); SQLAlchemy would take part of
        # the password for the host, and show it.
        raise ValueError("an @ in the host")
    return url
