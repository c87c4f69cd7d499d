"""The title line of an IGF session: year, type, number and title.

IGF pages have written the same facts in many ways: "IGF 2018 WS #153" with the title
on the next line, "IGF 2017 WS #67 <Title>", "<Title> (WS186)" on the 2017 schedule,
"IGF 2021 Open Forum #56 <Title>", "IGF 2018 DC on <topic>", "IGF 2021 NRIs
Collaborative Session: <Title>", and on the 2024 schedule "WS #51 <Title>" or
"Main Session | <track>: <Title>"; the 2016 schedule puts the code first, "WS170: <Title>".
Titles without a code may still name their type in words ("<Title> Main Session", "DC on
<topic>"), and a listing's heading may name the type of all its entries ("Received DC
Sessions").  A line is *strong* when it can only be a session
title (it names a type and a number, or the IGF and a year with a type); strong lines
are where a listing page is cut into sessions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from igftui.formats.pages.text import line_cache
from igftui.model.vocabulary import SessionType

_T = SessionType
#: Type words as the title lines write them, longest first so "Open Forum" wins over "OF".
_TYPE_WORDS: list[tuple[str, SessionType]] = [
    (r"launch\s*/\s*award\s+event", _T.LAUNCH_AWARD),
    (r"launch\s+event", _T.LAUNCH_AWARD),
    (r"award\s+event", _T.LAUNCH_AWARD),
    (r"nris?\s+collaborative\s+session", _T.NRI_SESSION),
    (r"networking\s+session", _T.NETWORKING_SESSION),
    (r"lightning\s+(?:session|talk)", _T.LIGHTNING_TALK),
    (r"best\s+practice\s+forum", _T.BEST_PRACTICE_FORUM),
    (r"dynamic\s+coalition(?:\s+session)?", _T.DYNAMIC_COALITION),
    (r"day\s*(?:0|zero)\s+event", _T.DAY_0_EVENT),
    (r"pre[-\s]?event", _T.PRE_EVENT),
    (r"open\s+forum", _T.OPEN_FORUM),
    (r"main\s+session", _T.MAIN_SESSION),
    (r"town\s+hall", _T.TOWN_HALL),
    (r"workshop", _T.WORKSHOP),
    (r"ws", _T.WORKSHOP),
    (r"of", _T.OPEN_FORUM),
    (r"dc", _T.DYNAMIC_COALITION),
    (r"bpf", _T.BEST_PRACTICE_FORUM),
    (r"ns", _T.NETWORKING_SESSION),
    (r"lt", _T.LIGHTNING_TALK),
]
_TYPE = "|".join(f"(?:{pattern})" for pattern, _ in _TYPE_WORDS)
_SEP = r"\s*[:|–—-]?\s*"

# "IGF 2018 WS #153 Title", "IGF 2021 Open Forum #56 Title", "IGF 2019 Pre-Event #1 Title"
_IGF_NUMBERED = re.compile(rf"^IGF\s+(\d{{4}})\s+({_TYPE})\s*(?:#|No\.?|n°)\s*(\d+)\b{_SEP}(.*)$", re.IGNORECASE)
# "IGF 2018 WS 153 Title" (no #) only for the short codes, which a title never starts with.
_IGF_CODE_NO_HASH = re.compile(r"^IGF\s+(\d{4})\s+(WS|OF|DC|BPF)\s*(\d+)\b" + _SEP + r"(.*)$", re.IGNORECASE)
# "IGF 2021 NRIs Collaborative Session: Title", "IGF 2024 Main Session: Title"
_IGF_TYPED = re.compile(rf"^IGF\s+(\d{{4}})\s+({_TYPE})\b\s*(?:[:|–—-]\s*)(.+)$", re.IGNORECASE)
# "IGF 2018 DC on Accessibility and Disability", "IGF 2019 Dynamic Coalition on ..."
_IGF_DC_ON = re.compile(r"^IGF\s+(\d{4})\s+((?:DC|Dynamic\s+Coalition)\s+(?:on|for)\s+.+)$", re.IGNORECASE)
# "IGF 2024 Newcomers Session", "IGF 2019 Title" (weak: only as a page's first line)
_IGF_ANY = re.compile(r"^IGF\s+(\d{4})\b\s*[:|–—-]?\s*(.*)$", re.IGNORECASE)
# Schedule titles: "WS #51 Title", "Launch / Award Event #34 Title", "Day 0 Event #178 Title"
_SCHED_NUMBERED = re.compile(rf"^({_TYPE})\s*#\s*(\d+)\b{_SEP}(.*)$", re.IGNORECASE)
# The 2016 schedule: the code first, glued to its number, then a colon: "WS170: Title", "OF 12: Title".
# Capitals and a colon only: "Of 2019: the year..." is prose, "WS 5 – Room B-2" a room.
_CODE_FIRST = re.compile(r"^(WS|OF|DC|BPF|LT|NS)\s?(\d{1,4})\s*:\s*(\S.*)$")
# "Main Session | Policy Network on Internet Fragmentation: Title", "NRIs Collaborative Session: Title"
_SCHED_TYPED = re.compile(
    r"^(main\s+session|nris?\s+collaborative\s+session|best\s+practice\s+forum|town\s+hall|"
    r"networking\s+session|open\s+forum|dynamic\s+coalition\s+session)\s*([:|–—])\s*(.+)$",
    re.IGNORECASE,
)
# "Title (WS186)", "Title (WS #37)", "Title (OF 12)"
_CODE_AT_END = re.compile(r"^(.{3,}?)\s*\(\s*(WS|OF|DC|BPF|NRI|LT|NS)\s*#?\s*(\d+)\s*\)\s*$", re.IGNORECASE)
# A first line naming the type and a subject: "Dynamic Coalition on Internet Rights and Principles",
# "DC on Core Internet Values" (a listing of coalitions writes it short, without the year).
_TYPE_ON = re.compile(
    r"^(dynamic\s+coalition|DC|nris?\s+collaborative\s+session|best\s+practice\s+forum)\s+(?:on|for)\s+\S.*$",
    re.IGNORECASE,
)
#: Type words a title may carry at its start or its end when the page gives no code: "Digital
#: Trust Main Session", "NRIs Coordination Session", "Open Forum on ...".  The short codes
#: (WS, OF) are left out: as a title's first or last word they are too often something else.
_TITLE_TYPE_WORDS: list[tuple[str, SessionType]] = [
    (r"nris?(?:\s+\w+)?\s+sessions?", _T.NRI_SESSION),
    (r"main\s+sessions?", _T.MAIN_SESSION),
    *[(words, kind) for words, kind in _TYPE_WORDS if len(words) > 3 and kind is not _T.NRI_SESSION],
    (r"dc(?=\s+(?:on|for)\b)", _T.DYNAMIC_COALITION),
    (r"bpf(?=\s+(?:on|for)\b)", _T.BEST_PRACTICE_FORUM),
]
_TITLE_TYPES = [
    (
        re.compile(rf"^(?:{words})(?:\s*[:|–—-]|\s+(?:on|for|of)\b)|(?:^|\s|[:|–—-])(?:{words})s?$", re.IGNORECASE),
        kind,
    )
    for words, kind in _TITLE_TYPE_WORDS
]


@dataclass(frozen=True)
class TitleLine:
    """What a title line says.  ``title`` is ``None`` when it stands on the next line."""

    year: int | None = None
    session_type: SessionType | None = None
    number: int | None = None
    title: str | None = None
    #: The session code as the page writes it ("WS186" becomes "WS #186").
    code: str | None = None
    #: Only a session title looks like this; safe to cut a listing page at.
    strong: bool = False


def type_in_title(title: str | None) -> SessionType | None:
    """The type a title names in its own words, at its start or end: "Data Flows Main Session"."""
    if not title or len(title) > 300:
        return None
    text = " ".join(title.split())
    for pattern, kind in _TITLE_TYPES:
        if pattern.search(text):
            return kind
    return None


_LISTING_TYPE = re.compile(rf"(?:^|\s)({_TYPE})(?:\s+sessions?|s)?$", re.IGNORECASE)
#: A type in the plural, alone: what heads a listing ("Main Sessions", "Workshops").
_PLURAL_LISTING = re.compile(rf"(?:{_TYPE})(?:\s+sessions|s)", re.IGNORECASE)


def listing_heading(line: str) -> bool:
    """Whether ``line`` heads a listing ("IGF 2019 Main Sessions", "Workshops"): a type in the
    plural, after the IGF and its year or alone; never a session's title."""
    text = " ".join(line.strip().strip("*#").split())
    if len(text) > 60:
        return False
    match = _IGF_ANY.match(text)
    rest = _clean(match.group(2)) if match else text
    return rest is not None and _PLURAL_LISTING.fullmatch(rest) is not None


def listing_type(heading: str) -> SessionType | None:
    """The type a listing's heading gives all its entries: "Received DC Sessions", "OPEN FORUM"."""
    text = " ".join(heading.split())
    if len(text) > 60:
        return None
    match = _LISTING_TYPE.search(text)
    return session_type_of(match.group(1)) if match else None


def session_type_of(words: str) -> SessionType | None:
    """The session type named by words such as "WS", "Open Forum", "LIGHTNING SESSION"."""
    text = " ".join(words.split())
    for pattern, kind in _TYPE_WORDS:
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return kind
    return None


@line_cache
def parse_title_line(line: str) -> TitleLine | None:
    """Read one line as a session title line, or ``None`` when it is not one."""
    line = line.strip().strip("*#").strip()
    if not line or len(line) > 300:
        return None
    match = _IGF_NUMBERED.match(line) or _IGF_CODE_NO_HASH.match(line)
    if match:
        year, words, number, rest = match.groups()
        return _numbered(int(year), words, int(number), rest)
    match = _IGF_DC_ON.match(line)
    if match:
        return TitleLine(
            year=_year(match.group(1)),
            session_type=SessionType.DYNAMIC_COALITION,
            title=_clean(match.group(2)),
            strong=True,
        )
    match = _IGF_TYPED.match(line)
    if match:
        year, words, rest = match.groups()
        kind = session_type_of(words)
        title = _after_track(rest) if kind is SessionType.MAIN_SESSION else _clean(rest)
        return TitleLine(year=_year(year), session_type=kind, title=title, strong=True)
    match = _SCHED_NUMBERED.match(line)
    if match:
        words, number, rest = match.groups()
        return _numbered(None, words, int(number), rest)
    match = _CODE_FIRST.match(line)
    if match:
        words, number, rest = match.groups()
        return _numbered(None, words, int(number), rest)
    match = _SCHED_TYPED.match(line)
    if match:
        words, _sep, rest = match.groups()
        kind = session_type_of(words)
        title = _after_track(rest) if kind is SessionType.MAIN_SESSION and _sep == "|" else _clean(rest)
        return TitleLine(session_type=kind, title=title, strong=True)
    match = _CODE_AT_END.match(line)
    if match:
        title, words, number = match.groups()
        kind = session_type_of(words)
        if kind is None:
            kind = {"nri": SessionType.NRI_SESSION}.get(words.lower())
        return TitleLine(
            session_type=kind, number=int(number), title=_clean(title), code=_code(kind, int(number)), strong=True
        )
    match = _IGF_ANY.match(line)
    if match and _year(match.group(1)):
        rest = _clean(match.group(2))
        if rest and _PLURAL_LISTING.fullmatch(rest):
            return None  # "IGF 2019 Main Sessions": a listing's heading (see listing_heading)
        # "IGF 2024 Newcomers Session": a named session of that year, not a type we number;
        # "IGF 2021 NRIs Coordination Session" names its type in its words.
        return TitleLine(year=_year(match.group(1)), session_type=type_in_title(rest), title=rest, strong=False)
    type_on = _TYPE_ON.match(line)
    if type_on:
        kind = session_type_of(type_on.group(1))
        return TitleLine(session_type=kind, title=_clean(line), strong=False)
    return None


def _numbered(year: int | None, words: str, number: int, rest: str) -> TitleLine | None:
    kind = session_type_of(words)
    if kind is None:
        return None
    title = _clean(rest)
    if kind is SessionType.MAIN_SESSION:
        title = _after_track(rest)
    return TitleLine(year=year, session_type=kind, number=number, title=title, code=_code(kind, number), strong=True)


def _after_track(rest: str) -> str | None:
    """ "Policy Network on Internet Fragmentation: Title" → "Title"; a plain title as it is."""
    rest = rest.strip().lstrip("|").strip()
    if ": " in rest:
        track, _, title = rest.partition(": ")
        if title.strip() and len(track.split()) <= 10:
            return _clean(title)
    return _clean(rest)


def _code(kind: SessionType | None, number: int) -> str | None:
    from igftui.model.vocabulary import session_code

    return session_code(kind, number)


def _year(text: str) -> int | None:
    year = int(text)
    return year if 2006 <= year <= 2100 else None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split()).strip(" -–—|:")
    return text or None


def with_year(title: TitleLine, year: int | None) -> TitleLine:
    return replace(title, year=year) if title.year is None and year is not None else title
