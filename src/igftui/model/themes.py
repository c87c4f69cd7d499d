"""The IGF's official themes, year by year, read from ``igf_themes.toml``.

The editor offers a year's list in the theme and subtheme boxes and says, gently,
when an answer is not on it; free text stays allowed (other forums have their own
themes, and a session may name several).  Plain Python: no Textual.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from igftui.model.wording import normalise


@dataclass(frozen=True)
class YearThemes:
    """One IGF's themes: ``names`` belong in the form's ``box`` ("theme" or "subtheme")."""

    year: int
    names: tuple[str, ...]
    box: str = "theme"
    overall: str | None = None

    @property
    def noun(self) -> str:
        """What the IGF called the list that year: "themes" or "subthemes"."""
        return "subthemes" if self.box == "subtheme" else "themes"


@cache
def official_themes() -> dict[int, YearThemes]:
    """Every year the data file knows, by year."""
    text = resources.files("igftui.model").joinpath("igf_themes.toml").read_text(encoding="utf-8")
    years = tomllib.loads(text).get("years", {})
    return {
        int(year): YearThemes(int(year), tuple(entry["names"]), entry.get("box", "theme"), entry.get("overall"))
        for year, entry in years.items()
    }


def themes_of(year: int | None) -> YearThemes | None:
    """The themes of the IGF of ``year``, or None for a year the data file does not know."""
    return official_themes().get(year) if year is not None else None


def suggestions(year: int | None, box: str) -> list[str]:
    """What the ``box`` ("theme" or "subtheme") offers for ``year``: the list, and in the
    theme box the year's overall theme too when the list belongs in the subtheme box."""
    themes = themes_of(year)
    if themes is None:
        return []
    names = list(themes.names)
    if box == "theme" and themes.box == "subtheme" and themes.overall:
        names.insert(0, themes.overall)
    return names


def _key(text: str) -> str:
    # "Data Governance & Trust" and "data governance and trust" are one theme.
    return normalise(text.replace("&", " and "))


# A page may give several themes at once: "Data Governance; Digital Inclusion".
_SEVERAL = re.compile(r"\s*;\s*")


def official_name(year: int | None, text: str) -> str | None:
    """The official spelling of ``text`` among the year's list, or None when it is not on it."""
    themes = themes_of(year)
    if themes is None:
        return None
    wanted = _key(text)
    return next((name for name in themes.names if _key(name) == wanted), None)


def theme_remark(year: int | None, box: str, text: str | None) -> str | None:
    """A gentle note when the answer in ``box`` is not one of the year's official themes.

    None when there is nothing to say: no answer, a year without a list, a box the
    year's list does not belong in, or every part of the answer on the list.
    """
    themes = themes_of(year)
    if not text or not text.strip() or themes is None or themes.box != box:
        return None
    parts = [part for part in _SEVERAL.split(text.strip()) if part]
    if all(official_name(year, part) for part in parts):
        return None
    return f"Not one of the IGF {year} {themes.noun}: fine if it is for another forum."
