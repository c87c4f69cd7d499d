"""The one error the formats raise, so callers catch a single type and show its message.

Every :class:`FormatError` carries one line a user can act on ("notes.txt is empty",
"catalogue.json: session 3: sdgs: 18 is not a goal number from 1 to 17"); the
command line prints it as is and the UI shows it in a notification.
"""

from __future__ import annotations


class FormatError(ValueError):
    """A file or document igftui cannot read or write; ``str()`` is one line fit for users."""


class TargetExists(FormatError, FileExistsError):
    """An export would overwrite a file the user did not ask to replace."""
