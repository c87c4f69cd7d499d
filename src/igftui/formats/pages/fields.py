"""The labelled parts of a session page, and the values that have a shape of their own.

A page labels its answers ("Policy Question(s)", "Relevance to Theme:", "Expected
Outcomes:") sometimes on the same line as the answer and sometimes on a line of their
own.  :func:`match_field` recognises the labels; the helpers read the values that are
not free text: the format line ("Round Table - U-shape - 90 Min", "Roundtable" with
"Duration (minutes): 60"), the Sustainable Development Goals ("GOAL 4: Quality
Education", "9. Industry, Innovation and Infrastructure") and lists of policy questions.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from igftui.formats.pages.text import fold, line_cache
from igftui.model.vocabulary import SDG_NAMES, Format, Layout, normalise, parse

# (label spellings, field key, may stand alone on its line)
_FIELDS: list[tuple[tuple[str, ...], str, bool]] = [
    (
        (
            "relevance to theme and internet governance",
            "relevance to the theme and internet governance",
            "relevance to internet governance and theme",
        ),
        "relevance_both",
        True,
    ),
    (("relevance to internet governance", "relevance to ig"), "relevance_to_internet_governance", True),
    (("relevance to theme", "relevance to the theme"), "relevance_to_theme", True),
    (
        (
            "policy question(s)",
            "policy questions",
            "policy question",
            "selected policy questions",
            "policy questions addressed",
        ),
        "policy_questions",
        True,
    ),
    (("format description", "description of the format", "session format description"), "format_description", True),
    (("session format", "format of the session", "format"), "format", True),
    (("duration (minutes)", "duration in minutes", "duration"), "duration", False),
    (("sub-theme", "subtheme", "sub theme", "sub-themes", "subthemes"), "subtheme", True),
    (("theme", "main theme", "thematic track", "track"), "theme", False),
    (("tags", "tag", "keywords", "issues"), "tags", False),
    (("short title",), "short_title", True),
    (
        (
            "session description",
            "description",
            "outline",
            "content of the session",
            "about this session",
            "about the session",
            "session content",
            "abstract",
            "session outline",
        ),
        "description",
        True,
    ),
    (("expected outcomes", "expected outcome", "expected outputs"), "expected_outcomes", True),
    (("what will participants gain from attending this session",), "participants_gain", True),
    (("discussion facilitation", "interventions", "interaction"), "discussion_facilitation", True),
    (("online participation", "online participation plan", "remote participation"), "online_participation", True),
    (("diversity", "diversity statement"), "diversity_statement", True),
    (
        (
            "connection to sdgs",
            "sdgs",
            "sdg",
            "sustainable development goals",
            "related sdgs",
            "connection with sdgs",
            "links to sdgs",
        ),
        "sdgs",
        True,
    ),
    # The SDG targets a session serves ("16.10", "SDG 9.c"): kept only as their goals.
    (("targets", "sdg targets", "target"), "sdg_targets", True),
    # Alone on their line on the site's mirror copies, the value on the next line.
    (("room", "location"), "room", True),
    (("venue",), "venue", True),
    (("time", "date", "date and time", "date & time", "time and date", "when"), "when", True),
    (("session type", "type of session"), "session_type", True),
    # Labels whose answers igftui does not keep; they end the answer above them.
    (
        (
            "connection with previous messages",
            "session agenda",
            "agenda",
            "draft agenda",
            "session report",
            "report",
            "key takeaways",
            "call to action",
            "messages",
        ),
        "ignore",
        True,
    ),
]
_LOOKUP: list[tuple[str, str, bool]] = sorted(
    ((fold(spelling), key, alone) for spellings, key, alone in _FIELDS for spelling in spellings),
    key=lambda item: -len(item[0]),
)
#: The spellings by their first letter, longest first: a line is tried only against the
#: labels it could start with (every line of a page passes here).
_BY_INITIAL: dict[str, list[tuple[str, str, bool]]] = {}
for _entry in _LOOKUP:
    _BY_INITIAL.setdefault(_entry[0][:1], []).append(_entry)
#: Characters of a line that can hold a label (the longest, the facilitation prompt, is ~100).
_LABEL_HEAD = 160
#: The 2019 page prints the facilitation prompt as page text; it introduces that answer.
_FACILITATION_PROMPT = "the list below provides examples of the ways discussion and presentation will be facilitated"


@dataclass(frozen=True)
class FieldLabel:
    """A labelled field at the start of a line, and what follows the label on that line."""

    key: str
    value: str
    #: The label stands alone on its line (with or without a colon): the answer follows.
    alone: bool


@line_cache
def match_field(line: str) -> FieldLabel | None:
    """The field a line labels, if any."""
    # Labels are short: folding the line's head is enough, and keeps long prose lines cheap.
    folded = fold(line[:_LABEL_HEAD])
    if folded.startswith(_FACILITATION_PROMPT):
        return FieldLabel("discussion_facilitation", "", True)
    for spelling, key, alone_ok in _BY_INITIAL.get(folded[:1], ()):
        if not folded.startswith(spelling):
            continue
        rest_folded = folded[len(spelling) :]
        if rest_folded and rest_folded[0].isalnum():
            continue  # "Themes of..." is not "Theme"
        # The same cut in the line as written (folding keeps lengths for these labels).
        rest = line[_cut(line, spelling) :].strip()
        if rest.startswith((":", "：")):
            value = rest[1:].strip()
            return FieldLabel(key, value, not value)
        if rest.startswith("?"):
            return FieldLabel(key, rest[1:].strip(), not rest[1:].strip())
        if not rest and alone_ok:
            return FieldLabel(key, "", True)
    return None


def _cut(line: str, spelling: str) -> int:
    """Where the label ends in the line as written."""
    # Matched word by word first, so that an answer glued to the colon
    # ("Description:Several countries...") is not swallowed with the last label word.
    written = re.match(r"\s*" + r"\s+".join(re.escape(w) for w in spelling.split()), line, re.IGNORECASE)
    if written:
        return written.end()
    count = len(spelling.split())
    words = re.finditer(r"\S+", line)
    end = 0
    for index, word in enumerate(words):
        if index == count - 1:
            end = word.end()
            break
    # A colon glued to the last word ("Theme:") is not part of the label.
    while end > 0 and line[end - 1] in ":：?":
        end -= 1
    return end


# ----- the format line -----


@dataclass(frozen=True)
class FormatLine:
    format: Format | None = None
    layout: Layout | None = None
    minutes: int | None = None
    #: The words as written, when they name no format igftui knows.
    words: str | None = None


_MINUTES = re.compile(r"^(\d{1,3})\s*(?:min(?:ute)?s?\.?|’|')$", re.IGNORECASE)
_HOURS = re.compile(r"^(\d{1,2}(?:[.,]\d+)?)\s*(?:h|hrs?|hours?)$", re.IGNORECASE)
_FORMAT_WORDS: list[tuple[str, Format]] = [
    ("round table", Format.ROUND_TABLE),
    ("roundtable", Format.ROUND_TABLE),
    ("birds of a feather", Format.BIRDS_OF_A_FEATHER),
    ("break out", Format.BREAK_OUT_GROUPS),
    ("breakout", Format.BREAK_OUT_GROUPS),
    ("panel", Format.PANEL),
    ("debate", Format.DEBATE),
    ("tutorial", Format.TUTORIAL),
    ("flash session", Format.FLASH_SESSION),
    ("lightning talk", Format.LIGHTNING_TALK),
    ("lightning session", Format.LIGHTNING_TALK),
]


@line_cache
def parse_format_line(line: str, *, labelled: bool = False) -> FormatLine | None:
    """Read "Round Table - U-shape - 90 Min", "Other - 90 Min", "Roundtable", "Panel - 60'".

    Without ``labelled`` (the line stands on its own), a bare format name is only taken
    when it is the whole line, and the line must otherwise end with the minutes.
    """
    text = line.strip().strip(".")
    if not text or len(text) > 120:
        return None
    pieces = [p.strip() for p in re.split(r"\s+[-–—|]\s+|\s*,\s*", text) if p.strip()]
    minutes = None
    if pieces:
        found = _MINUTES.match(pieces[-1]) or _HOURS.match(pieces[-1])
        if found:
            value = float(found.group(1).replace(",", "."))
            minutes = int(value * 60) if found.re is _HOURS else int(value)
            pieces = pieces[:-1]
    if not pieces:
        return FormatLine(minutes=minutes) if minutes and labelled else None
    kind = parse(Format, pieces[0])
    layout = _layout_of(pieces[1]) if len(pieces) > 1 else None
    if len(pieces) > 2 or (len(pieces) == 2 and layout is None):
        return None
    if kind is None:
        if labelled:
            return FormatLine(format=_format_in(text), layout=layout, minutes=minutes, words=pieces[0])
        if minutes is None or len(pieces[0].split()) > 4:
            return None
        return FormatLine(layout=layout, minutes=minutes, words=pieces[0])
    return FormatLine(format=kind, layout=layout, minutes=minutes)


_SEATING = re.compile(r"\b(?:seating|seated|seats|set-?up|style|arrangement)\b", re.IGNORECASE)


def _layout_of(piece: str) -> Layout | None:
    """The room layout of a format line: "U-shape", "Theatre Seating"; "Flexible Seating" is another layout."""
    layout = parse(Layout, piece)
    if layout is None and _SEATING.search(piece) and len(piece.split()) <= 4:
        layout = parse(Layout, _SEATING.sub(" ", piece).strip()) or Layout.OTHER
    return layout


def _format_in(text: str) -> Format | None:
    """A format named inside free words: "Interactive roundtable discussion" is a round table."""
    folded = " " + normalise(text) + " "
    for words, kind in _FORMAT_WORDS:
        if f" {words} " in folded or f" {words}s " in folded:
            return kind
    return None


def is_bare_format(line: str) -> Format | None:
    """A line that is only a format's name ("Roundtable", "Panel")."""
    text = line.strip().strip(".:")
    return parse(Format, text) if len(text) <= 40 else None


_DURATION = re.compile(r"(\d{1,3})\s*(?:min|minutes)?", re.IGNORECASE)


def parse_minutes(value: str) -> int | None:
    """ "60", "90 minutes", "1 hour 30" as minutes."""
    value = value.strip()
    hours = re.match(r"^(\d{1,2})\s*(?:h|hours?)\s*(?:(\d{1,2})\s*(?:min(?:utes)?)?)?$", value, re.IGNORECASE)
    if hours:
        return int(hours.group(1)) * 60 + int(hours.group(2) or 0)
    match = _DURATION.match(value)
    if match and 0 < int(match.group(1)) <= 24 * 60:
        return int(match.group(1))
    return None


# ----- Sustainable Development Goals -----

_GOAL = re.compile(r"^(?:-\s*)?(?:goal|sdg)\s*#?\s*(\d{1,2})\b", re.IGNORECASE)
_NUMBERED_GOAL = re.compile(r"^(?:-\s*)?(\d{1,2})[.):]\s*(.+)$")
_SDG_KEYS = {number: normalise(name) for number, name in SDG_NAMES.items()}


def parse_sdg_line(line: str) -> list[int]:
    """The goals a line names: "GOAL 4: Quality Education", "9. Industry, Innovation and Infrastructure"."""
    return list(_sdgs_of(line))


@line_cache
def _sdgs_of(line: str) -> tuple[int, ...]:
    goals: list[int] = []
    for match in re.finditer(r"(?:goal|sdg)\s*#?\s*(\d{1,2})\b", line, re.IGNORECASE):
        if _GOAL.match(line) or len(line) < 120:
            number = int(match.group(1))
            if 1 <= number <= 17:
                goals.append(number)
    if goals:
        return tuple(goals)
    if _TARGETS_ONLY.match(line.strip()):
        return tuple(target_goals(line))
    numbered = _NUMBERED_GOAL.match(line.strip())
    if numbered:
        number, name = int(numbered.group(1)), normalise(numbered.group(2).replace("&", " and "))
        key = _SDG_KEYS.get(number)
        # The name must be the goal's own (perhaps cut short): "3. Argentina IGF" is not goal 3.
        if key and name and (key.startswith(name[: max(len(name) - 3, 6)]) or name.startswith(key)):
            return (number,)
    return ()


#: A target of a goal: "16.10", "9.c" (goal 9, target c), perhaps "SDG 16.10" or "Target 9.c".
_TARGET = re.compile(
    r"(?<![\w.])(?:(?:sdg|goal|target)\s*#?\s*)?(\d{1,2})\.(\d{1,2}|[a-j])(?![\w.])"
    # "2.5 million" and "3.5%" are amounts, not targets.
    r"(?!\s*(?:%|per\s?cent|million|billion|thousand|bn\b|m\b))",
    re.IGNORECASE,
)
_TARGETS_ONLY = re.compile(
    r"^(?:(?:sdgs?|goals?|targets?)\s*:?\s*)?(?:(?:sdg|target)\s*)?\d{1,2}\.(?:\d{1,2}|[a-j])"
    r"(?:\s*(?:,|;|and|&)?\s*(?:(?:sdg|target)\s*)?\d{1,2}\.(?:\d{1,2}|[a-j]))*\s*\.?$",
    re.IGNORECASE,
)
_SDG_TARGET_START = re.compile(r"^(?:-\s*)?(?:sdg|target)\s*#?\s*\d{1,2}\.(?:\d{1,2}|[a-j])\b", re.IGNORECASE)


def target_goals(text: str) -> list[int]:
    """The goals of the targets ``text`` names, where it is about targets ("Targets: 16.10, 9.c")."""
    return [int(m.group(1)) for m in _TARGET.finditer(text) if 1 <= int(m.group(1)) <= 17]


def is_goal_line(line: str) -> bool:
    """A line that only names goals, wherever it stands: "3. Good Health and Well-Being",
    "GOAL 4: Quality Education", "SDG 16.10 ...", "9.c, 16.10".

    Stricter than :func:`parse_sdg_line`: it may end a description whose heading the page
    lost, so a goal's number must come with the goal's own name, or as a target.
    """
    text = line.strip()
    if not text or len(text) >= 120:
        return False
    if _TARGETS_ONLY.match(text) or _SDG_TARGET_START.match(text):
        return True
    labelled = _GOAL.match(text)
    if labelled:
        rest = text[labelled.end() :].strip(" :-–—.")
        return not rest or _goal_named(int(labelled.group(1)), rest)
    numbered = _NUMBERED_GOAL.match(text)
    return numbered is not None and _goal_named(int(numbered.group(1)), numbered.group(2))


def _goal_named(number: int, name: str) -> bool:
    """Whether ``name`` is goal ``number``'s own name, as pages spell it ("&" for "and", a plural lost)."""
    key = _SDG_KEYS.get(number)
    written = normalise(name.replace("&", " and "))
    if not key or not written:
        return False
    if written == key or written.replace(",", "") == key.replace(",", ""):
        return True
    # "Reduced Inequality" for "Reduced Inequalities": the same words but the last letters.
    return abs(len(written) - len(key)) <= 3 and written[:-3] == key[: len(written) - 3] and len(written) > 8


# ----- policy questions -----

_LETTERED = re.compile(r"^(?:[A-Za-z]|\d{1,2}|[ivx]{1,4})[.)](?![A-Za-z][.)])\s*(?=\S)")
_BETWEEN_QUESTIONS = re.compile(r"(?<=[?.!])\s+[-–—]\s+(?=\S)")
_SEVERAL_QUESTIONS = re.compile(r"(?<=\?)\s+(?=[A-Z¿\"“])")


def split_questions(lines: list[str]) -> list[str]:
    """Policy questions, one each: lettered ("A.", "C.q"), dashed, or several on one line.

    When the page numbers its questions ("a)", "1.", "iv.", on their own lines or inline
    "1. ... 2. ... 3. ..."), the numbering alone cuts them: an item may ask two things or
    wrap onto a second line, and stays one question.
    """
    questions: list[str] = []
    for item, numbered in _numbered_items(lines):
        if numbered:
            questions.append(item)
            continue
        line = item
        dashed = line.startswith("- ")
        if dashed:
            line = line[2:].strip()
        line = _LETTERED.sub("", line, count=1) if _LETTERED.match(line) else line
        pieces = _BETWEEN_QUESTIONS.split(line)
        if len(pieces) == 1 and dashed:
            dash_pieces = re.split(r"\s+[-–—]\s+(?=[A-Z])", line)
            if len(dash_pieces) > 1 and all(len(p.split()) >= 4 for p in dash_pieces):
                pieces = dash_pieces
        for piece in pieces:
            for question in _SEVERAL_QUESTIONS.split(piece):
                question = _LETTERED.sub("", question.strip(), count=1).strip(" -–—")
                if question:
                    questions.append(question)
    return questions


#: An item mark: "a)", "B.", "1.", "12)", "iv." ("U.S." is no mark).
_MARK = re.compile(r"^(?:-\s+)?([A-Za-z]|\d{1,2}|[ivxIVX]{1,4})([.)])(?![A-Za-z][.)])\s*(?=\S)")
_INLINE_MARK = re.compile(r"(?<=\s)([A-Za-z]|\d{1,2})([.)])\s+(?=\S)")
_ENDS_SENTENCE = ("?", ".", "!", ";")


def _next_mark(mark: str) -> str:
    return str(int(mark) + 1) if mark.isdigit() else chr(ord(mark) + 1)


def _numbered_items(lines: list[str]) -> list[tuple[str, bool]]:
    """The lines as items, each with whether the page's own numbering marked it.

    A line without a mark directly below a marked item carries that item on (the copy
    wrapped it) when the item has not ended its sentence, or the line starts in lower case.
    """
    # Each item's lines are joined once at the end: joining them as they come would take
    # time that grows with the square of a long wrapped item.
    items: list[tuple[list[str], bool]] = []
    open_item = False  # the last item is marked and may go on on the next line
    for raw in lines:
        line = raw.strip()
        if not line:
            open_item = False
            continue
        inline = _inline_items(line)
        if inline:
            items.extend(([piece], True) for piece in inline)
            open_item = True
            continue
        mark = _MARK.match(line)
        if mark:
            items.append(([line[mark.end() :].strip(" -–—")], True))
            open_item = True
            continue
        if open_item and (not items[-1][0][-1].endswith(_ENDS_SENTENCE) or line[:1].islower()):
            items[-1][0].append(line)
            continue
        open_item = False
        items.append(([line], False))
    return [(" ".join(parts), numbered) for parts, numbered in items]


_LEAD_IN = re.compile(r"^[^:]{1,200}:\s+(?=(?:1|a|A)[.)]\s*\S)")


def _char_before(line: str, index: int) -> str:
    """The last character before ``index`` that is not a space (looked at without copying the line)."""
    index -= 1
    while index >= 0 and line[index] == " ":
        index -= 1
    return line[index] if index >= 0 else ""


def _inline_items(line: str) -> list[str]:
    """ "1. Who? 2. How? 3. Why": items numbered in order on one line; [] for any other line.

    Only a run that starts at the line's first mark and counts up without a gap ("1.",
    "2.", "3.", or "a)", "b)"), each item opening a sentence or following one that ended,
    cuts the line: "version 2. of the text" does not.
    """
    lead = _LEAD_IN.match(line)
    if lead:
        line = line[lead.end() :]  # "The session asks: 1. ... 2. ...": the items follow the colon
    first = _MARK.match(line)
    if first is None or first.group(1).lower() not in ("1", "a"):
        return []
    mark, close = first.group(1), first.group(2)
    cuts = [(first.start(), first.end())]
    position = first.end()
    for found in _INLINE_MARK.finditer(line, position):
        if (
            found.group(2) == close
            and found.group(1) == _next_mark(mark)
            and found.start() > position
            # An item opens a sentence, or the one before it ended: "version 2. of" is prose.
            and (line[found.end()].isupper() or _char_before(line, found.start()) in (*_ENDS_SENTENCE, ",", ":"))
        ):
            cuts.append((found.start(), found.end()))
            mark, position = found.group(1), found.end()
    if len(cuts) < 2:
        return []
    bounds = [*cuts, (len(line), len(line))]
    return [
        line[end:following].strip(" -–—")
        for (_start, end), (following, _e) in itertools.pairwise(bounds)
        if line[end:following].strip(" -–—")
    ]


def is_enumerated(line: str) -> bool:
    """A line that starts a lettered or numbered item: "A. ...", "2) ...", "iv. ..."."""
    return bool(_LETTERED.match(line.strip()))


def looks_like_question_list(lines: list[str]) -> bool:
    """Dashed lines that are questions: M's policy questions stand after the format description unlabelled."""
    items = [line for line in lines if line.strip()]
    return (
        bool(items)
        and all(line.startswith("- ") for line in items)
        and sum(line.rstrip().endswith("?") for line in items) * 2 >= len(items)
    )
