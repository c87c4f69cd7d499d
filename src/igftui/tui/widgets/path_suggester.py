"""Completion of folder and file names in a path box, as a shell completes them.

The Input shows the rest of the first name that fits what is typed, dimmed;
``right`` (or ``end``) at the end of the box takes it.  A folder is completed
with its "/" so the next name can follow at once.  ``~`` stands for the home
folder, and a name without a folder is looked for in ``base`` (the export folder),
as the dialog reads it.  Listing a folder is disk work: it runs in a thread.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.suggester import Suggester

#: Names read from one folder at most: a huge folder must not keep a thread busy.
MOST_NAMES = 5000


def complete_path(typed: str, base: Path) -> str | None:
    """``typed`` completed to the first folder or file name it starts, or None.

    Hidden names only when the typed part starts with "."; folders end with "/".
    Never raises: a folder that cannot be read has no completion.
    """
    if not typed:
        return None
    if typed == "~":
        return "~/"
    cut = max(typed.rfind("/"), typed.rfind(os.sep))
    folder_part, start = typed[: cut + 1], typed[cut + 1 :]
    if not start:
        return None
    folder = Path(folder_part).expanduser() if folder_part else Path()
    if not folder.is_absolute():
        folder = base.expanduser() / folder
    names: list[tuple[str, bool]] = []
    try:
        with os.scandir(folder) as entries:
            for number, entry in enumerate(entries):
                if number >= MOST_NAMES:
                    break
                if entry.name.startswith(start) and entry.name != start:
                    if entry.name.startswith(".") and not start.startswith("."):
                        continue
                    names.append((entry.name, _is_folder(entry)))
    except OSError:
        return None
    if not names:
        return None
    name, is_folder = min(names, key=lambda item: (item[0].casefold(), item[0]))
    return folder_part + name + ("/" if is_folder else "")


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


class PathSuggester(Suggester):
    """Suggests folder and file names for a path box whose relative names are in ``base``."""

    def __init__(self, base: Path) -> None:
        # No cache: the folder's contents change (an export just written shows next time).
        super().__init__(use_cache=False, case_sensitive=True)
        self.base = base

    async def get_suggestion(self, value: str) -> str | None:
        return await asyncio.to_thread(complete_path, value, self.base)
