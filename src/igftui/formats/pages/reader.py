"""Read an IGF session page (or a listing of sessions) into :class:`ForumSession` objects.

The page is cleaned (:mod:`.text`, or :mod:`.html` first for a saved web page), the
schedule site's banners and filter headings are set apart (they tell the year, and the
type, room or theme of a listing's entries), the rest is cut into sessions at their title
lines (:mod:`.titles`) and a schedule's time headings, and each session's lines are read in
order: date and room (:mod:`.dates`), people (:mod:`.people`), labelled answers and the
format line (:mod:`.fields`).  What is left, the paragraphs whose labels the page lost,
is placed last, by where it stands: on 2018 workshop pages the three answers after the
format line are, in order, how the discussion is facilitated, the diversity statement
and the description; elsewhere unlabelled prose is the description.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from igftui.formats.errors import FormatError
from igftui.formats.pages import fields as F
from igftui.formats.pages.dates import (
    DateLine,
    Schedule,
    heading_tail,
    is_heading,
    length_in_prose,
    parse_date_line,
    parse_day_heading,
    parse_time_heading,
    venue_of,
    year_in_prose,
)
from igftui.formats.pages.html import html_to_text
from igftui.formats.pages.people import (
    MOST_LISTED,
    PeopleCollector,
    Person,
    listed_person,
    match_label,
    unlabelled_list,
)
from igftui.formats.pages.text import fold, normalise_page, unmark
from igftui.formats.pages.titles import (
    TitleLine,
    listing_heading,
    listing_type,
    parse_title_line,
    session_type_of,
    type_in_title,
)
from igftui.model.local_time import venue_clock
from igftui.model.meetings import year_problem
from igftui.model.session import ForumSession, OnlineParticipation, Source
from igftui.model.vocabulary import Format, Layout, SessionStatus, SessionType

NOT_A_SESSION = "this page is not an IGF session (no session title, speakers or format found)"

#: What a session page normally tells; a page that does not is imported with these named.
EXPECTED_FIELDS = ("title", "year", "session_type", "format", "duration_minutes", "participants", "description")

_TEXT_FIELDS = {
    "relevance_both",
    "relevance_to_internet_governance",
    "relevance_to_theme",
    "format_description",
    "description",
    "expected_outcomes",
    "participants_gain",
    "discussion_facilitation",
    "online_participation",
    "diversity_statement",
    "ignore",
    "sdg_targets",
    "policy_questions",
}
#: Answers that run over several paragraphs even after "Label: " on the same line.
_LONG_FIELDS = {
    "description",
    "format_description",
    "discussion_facilitation",
    "diversity_statement",
    "policy_questions",
}
_SHORT_FIELDS = {"theme", "subtheme", "short_title", "room", "venue", "tags", "duration"}
#: Fields of one line: "Label: value", or the label alone and the value on the next line.
_ONE_LINE_FIELDS = {"theme", "subtheme", "short_title", "room", "venue", "when", "session_type"}
_FOOTERS = (
    "related sessions",
    "session time",
    "want to find out more",
    "sign up to our newsletter",
    "session report",
    "pre-session synthesis",
    "report back",
)
#: Links under an organiser's page about a meeting: "Read more about this series", "Subscribe to updates".
_FOOTER_LINK = re.compile(r"^(?:read more about (?:this|our)\b|subscribe to\b|sign up (?:to|for) (?:our|the)\b)")
_ROOM = re.compile(
    r"^(?:room|salle|sala|hall|ballroom|banquet hall|plenary|main hall|workshop room|conference room|"
    r"annex|ws\s*\d+\b|press room|village stage|studio|auditorium|meeting room)\b.{0,50}$",
    re.IGNORECASE,
)
#: Labels over a session's date and room ("Session Time:"), which hold no answer of their own.
_WHEN_LABELS = {"session time", "date and time", "date & time", "time and date", "session date and time"}
_WHEN_LABEL = re.compile(r"(?:session time|(?:session )?date (?:and|&) time|time and date)\s*:?", re.IGNORECASE)
#: Words that name a room wherever they stand in a short line: "-Plenary Hall", "Press Stage".
_ROOM_WORD = re.compile(
    r"\b(?:room|hall|salle|sala|raum|stage|auditorium|ballroom|plenary|annex|studio|lounge|pavilion|booth)\b",
    re.IGNORECASE,
)
_COALITION_LINE = re.compile(r"^dynamic\s+coalition\s+(?:on|for)\s+\S", re.IGNORECASE)
_TITLED_QUESTION = re.compile(r"^([^:?]{3,80}):\s+(.+\?)$")
_DIVERSITY_WORDS = (
    "divers",
    "gender",
    "geograph",
    "women",
    "youth",
    "regional balance",
    "stakeholder balance",
    "perspectives",
    "inclusive",
    "representation",
    "balance",
)
_HTML_HINTS = ("<html", "<body", "<div", "<p>", "<p ", "<!doctype", "<h1", "<table", "<span", "<br")


@dataclass
class PageReading:
    """One session read from a page, and the expected fields the page did not yield."""

    session: ForumSession
    missing: list[str] = field(default_factory=list)


def read_page(text: str, *, source_path: str | None = None, year: int | None = None) -> list[PageReading]:
    """Read the sessions of an IGF page: plain text, Markdown or HTML.

    A page of one session yields one reading; a listing (a schedule, a theme page)
    yields one per session.  ``year`` fills the year where the page does not say.
    Raises :class:`FormatError` with one sentence when the text is not a session page.
    """
    if _looks_like_html(text):
        text = html_to_text(text)
    lines = normalise_page(text).split("\n")
    lines = _without_footer(lines)
    lines, chrome = _without_chrome(lines)
    readings = []
    blocks, header = _blocks(lines, schedule=bool(chrome))
    header = chrome + header
    # A listing's heading often names the year its entries leave out ("Internet
    # Governance Forum (IGF) 2017", the schedule's "Welcome to IGF2016!"); the page
    # saying it beats --year.
    year = _page_year(header) or year
    # Schedule listings head their sessions with the day and the hour ("Monday, December
    # 18", "09:00 CET"); a heading that ends one entry belongs to the entries below it.
    schedule = Schedule()
    for line in header:
        schedule.feed(line)
    defaults = _listing_defaults(header)
    for position, (block, listed) in enumerate(blocks):
        # A schedule entry's block may open with its day and hour headings (the cutting
        # keeps an entry whose title the copy lost): they head this entry and those below.
        head = _leading_headings(block)
        for line in block[:head]:
            schedule.feed(line)
        block = block[head:]
        cut = heading_tail(block) if position + 1 < len(blocks) else len(block)
        reader = _BlockReader(
            block[:cut], year=year, source_path=source_path, listed=listed, schedule=schedule.copy(), defaults=defaults
        )
        reading = reader.read()
        if reading is not None:
            readings.append(reading)
        for line in block[cut:]:
            schedule.feed(line)
    if not readings:
        raise FormatError(NOT_A_SESSION)
    return readings


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith("<") and any(hint in head for hint in _HTML_HINTS)


def _without_footer(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if len(line) > 80:
            continue  # a footer heading is short; prose is not folded here
        folded = fold(line).rstrip(" ?:.")
        if folded in _WHEN_LABELS and _date_follows(lines, index):
            continue  # "Session Time:" above the session's date and room heads them, not a footer
        if index > 0 and (
            folded in _FOOTERS
            or re.match(r"^session report\b", folded)
            or re.match(r"^igf \d{4} pre-session synthesis", folded)
            or (len(folded) <= 60 and not line.endswith(".") and _FOOTER_LINK.match(folded))
        ):
            return lines[:index]
    return lines


def _leading_headings(block: list[str]) -> int:
    """How many lines at the top of ``block`` are schedule headings (or blank between them)."""
    count = 0
    for index, line in enumerate(block):
        if line and not is_heading(line):
            break
        if line:
            count = index + 1
    return count


def _date_follows(lines: list[str], index: int) -> bool:
    following = next((line for line in lines[index + 1 : index + 4] if line), None)
    return following is not None and parse_date_line(following) is not None


def _blocks(lines: list[str], *, schedule: bool = False) -> tuple[list[tuple[list[str], bool]], list[str]]:
    """The page cut into one list of lines per session at each strong title line, and the heading above them.

    ``schedule``: the page is a listing copied from the schedule site (its banner was
    seen), where a time heading alone ("09:00") stands above each entry.
    """
    starts: list[int] = []
    dated: list[int] = []  # "IGF 2019 <Title>": a session's title, but only the IGF and a year say so
    seen: set[str] = set()
    timed = False  # the line with words above was a schedule's time heading
    for index, line in enumerate(lines):
        if not line:
            continue
        below_time, timed = timed, _time_heading(line, schedule)
        if timed:
            if schedule:
                # Each time heading of a schedule listing opens an entry, even one whose
                # name the copy lost: it is imported untitled and said so, not run into
                # the entry above.
                starts.append(index)
            continue
        title = parse_title_line(line)
        strong = title is not None and title.strong
        if not strong and below_time and _is_title_like(line) and not _person_line(line):
            # The schedule's entries without a code: "09:00 CST", then the entry's name.
            strong = parse_date_line(line) is None and match_label(line) is None
        if not strong and index + 1 < len(lines) and _is_title_like(line) and parse_date_line(lines[index + 1]):
            # On schedule listings every entry is a title line with its time just below.
            strong = parse_date_line(line) is None and match_label(line) is None and not _person_line(line)
        if not strong and title is not None and title.year and (index == 0 or not lines[index - 1]):
            if _is_title_like(line) and fold(line) not in seen:
                dated.append(index)
            continue
        if strong:
            key = fold(line)
            if key in seen:
                continue
            seen.add(key)
            starts.append(index)
    if dated and not starts:
        # A printer-friendly list of one type ("IGF 2019 <Title>" entry after entry): each
        # such line begins a session, as a numbered title would.  Not beside numbered
        # titles: there a heading such as "IGF 2019 Messages" is more likely than an entry.
        starts = dated
    # A schedule's day and time headings ("Tuesday, December 6", "09:00 CST") belong to the
    # entry below them, not to the end of the one above.
    starts = _with_headings(lines, sorted(set(starts)))
    if len(starts) <= 1:
        if starts and _only_noise(lines[: starts[0]]):
            return [(lines[starts[0] :], False)], lines[: starts[0]]
        return [(lines, False)], []
    bounds = [*starts, len(lines)]
    return [(lines[begin:end], True) for begin, end in itertools.pairwise(bounds)], lines[: starts[0]]


_PAGE_YEAR = re.compile(
    r"(?:\bIGF\b|Internet Governance Forum)\D{0,20}?\b(20\d\d)\b|\b(20\d\d)\b\s+(?:IGF|Internet Governance Forum)\b"
    r"|\bigf(20\d\d)\.sched\b",
    re.IGNORECASE,
)


def _page_year(header: list[str]) -> int | None:
    """The year a listing's heading names, when it names exactly one."""
    years = set()
    for line in header:
        if len(line) <= 150:
            for match in _PAGE_YEAR.finditer(line):
                years.add(int(next(g for g in match.groups() if g)))
    return years.pop() if len(years) == 1 else None


def _with_headings(lines: list[str], starts: list[int]) -> list[int]:
    """Where each entry begins: above its title, the schedule headings it stands under.

    The walk up stops at the entry above, so that a page of headings alone is still read
    in time that grows with its length, not with its square.
    """
    begins: list[int] = []
    floor = 0
    for start in starts:
        begin = index = start
        while index - 1 >= floor and (not lines[index - 1] or schedule_heading(lines[index - 1])):
            index -= 1
            if lines[index]:
                begin = index
        if not begins or begin > begins[-1]:
            begins.append(begin)
        floor = start + 1
    return begins


def _time_heading(line: str, schedule: bool) -> bool:
    """ "09:00 CST" alone: on a schedule listing the time of the entry below (with a zone, on any page)."""
    if not line[:1].isdigit() or not schedule_heading(line):
        return False
    return schedule or any(ch.isalpha() for ch in line)


def schedule_heading(line: str) -> bool:
    """A schedule's day heading without a year ("Tuesday, December 6") or time heading ("09:00 CST").

    A day with its year ("Tuesday December 6, 2016 09:00 - 10:30 CST") is a session's own date line.
    """
    if len(line) > 40:
        return False
    day = parse_day_heading(line)
    if day is not None:
        return day.year is None
    return parse_time_heading(line) is not None


def _person_line(line: str) -> bool:
    """ "-Name, Organisation": the last speaker of an entry, above the schedule's date line."""
    return line.startswith("-")


#: What the schedule site and mirror copies print around a listing, never part of a session.
_CHROME = re.compile(
    r"^(?:loading(?:…|\.\.\.)?|welcome to (?:the )?igf\s*20\d\d\s*!.*|sign up or log in to bookmark\b.*|"
    r"this event has ended\b.*|view analytics?|venue map|read more\s*[→»>]?|jump to (?:main )?content|"
    # The site's name as its banner prints it, alone on a line.
    r"(?:united nations\s*[|:–—-]?\s*)?(?:the\s+)?internet governance forum(?:\s*\(igf\))?)$",
    re.IGNORECASE,
)
#: The letters those lines start with: every line of a page passes here, most only this test.
_CHROME_INITIALS = frozenset("lLwWsStTvVrRjJiIuU")
#: An image's file name where the picture was: "Keyboard-445×255".
_IMAGE_NAME = re.compile(r"^[\w-]+-\d{2,4}\s?[x×]\s?\d{2,4}$")
#: Words that say a text is about a meeting (not "forum" or "session": news uses them loosely).
_MEETING_WORDS = re.compile(
    r"\b(?:round[\s-]?tables?|meetings?|workshops?|seminars?|symposi(?:um|a)|consultations?|dialogues?|"
    r"conferences?|retreats?)\b",
    re.IGNORECASE,
)
_ROUND_TABLE_WORDS = re.compile(r"\bround[\s-]?tables?\b", re.IGNORECASE)
#: An organiser's own reference after a meeting's name: "<Name> [WP1216]".
_EVENT_CODE = re.compile(r"\s*\[[A-Z]{1,5}\s?\d{1,6}\]$")
_FILTER = re.compile(r"^(.{2,80}?)\s*\[\s*clear filter\s*\]$", re.IGNORECASE)
_READ_MORE = re.compile(r"\s*(?:\.\.\.|…)?\s*read more\s*[→»>]$", re.IGNORECASE)


def _without_chrome(lines: list[str]) -> tuple[list[str], list[str]]:
    """The page without the site's banners and filter headings, and those lines (they tell the year and type)."""
    kept: list[str] = []
    chrome: list[str] = []
    for line in lines:
        if (
            line
            and len(line) <= 200
            and (
                (line[0] in _CHROME_INITIALS and _CHROME.match(line))
                or (line[-1] == "]" and _FILTER.match(line))
                or (" " not in line and _IMAGE_NAME.match(line))
            )
        ):
            chrome.append(line)
            continue
        if line.endswith(("→", "»")):
            # A biography cut short on the schedule ("... Read More →").
            line = _READ_MORE.sub("", line)
        kept.append(line)
    return kept, chrome


@dataclass(frozen=True)
class _Defaults:
    """What a listing's heading says of all its entries: "OPEN FORUM [clear filter]", "Received DC Sessions"."""

    session_type: SessionType | None = None
    room: str | None = None
    theme: str | None = None


def _listing_defaults(header: list[str]) -> _Defaults:
    kind = room = theme = None
    kinds: set[SessionType] = set()
    for line in header:
        if not line or len(line) > 100 or _prose(line):
            continue
        filtered = _FILTER.match(line)
        words = filtered.group(1) if filtered else line
        if _ROOM.match(words):
            room = room or (words if filtered else None)
        elif (found := listing_type(words)) is not None:
            kinds.add(found)
            kind = kind or found
        elif filtered and not _CHROME.match(words):
            # The 2016 and 2017 schedules filter their listings by theme.
            theme = theme or words
    # A site menu names several types ("Workshops", "Open Forums"): it is no listing's heading.
    return _Defaults(kind if len(kinds) == 1 else None, room, theme)


def _only_noise(lines: list[str]) -> bool:
    """Lines above the one title: menus and breadcrumbs, not part of the session."""
    return not any(F.match_field(line) or match_label(line) or len(line) > 100 for line in lines)


def _is_title_like(line: str) -> bool:
    return (
        3 <= len(line) <= 200
        and not line.endswith((".", ":", ";", ","))
        and F.match_field(line) is None
        and match_label(line) is None
        and not line.startswith("- ")
        and not _WHEN_LABEL.fullmatch(line)
    )


@dataclass
class _Loose:
    index: int
    text: str
    blanks: int
    after_format: bool
    joined: bool  # directly after the loose line before it
    previous: int | None = None  # the line index of the loose line before it


class _BlockReader:
    def __init__(
        self,
        lines: list[str],
        *,
        year: int | None,
        source_path: str | None,
        listed: bool,
        defaults: _Defaults,
        schedule: Schedule | None = None,
    ):
        self.lines = lines
        self.defaults = defaults
        # The day and hour headings above this session, and any it has of its own.
        self.schedule = schedule or Schedule()
        self.default_year = year
        self.source_path = source_path
        self.listed = listed
        self.people = PeopleCollector()
        # Field text read from a labelled line; the duration and the goals are numbers.
        self.values: dict[str, str] = {}
        self.duration: int | None = None
        self.sdgs: list[int] = []
        self.texts: dict[str, list[str]] = {}
        self.loose: list[_Loose] = []
        self.title: TitleLine | None = None
        self.date: DateLine | None = None
        self.format: F.FormatLine | None = None
        self.format_index: int | None = None
        self.first_content: int | None = None
        self.labelled_fields = 0
        self.session_type: SessionType | None = None
        self.fallback_title: str | None = None
        self.inline: set[str] = set()
        self.prose_seen = False  # a loose line read as prose: the people and questions are above
        self.judged_until = 0  # dashed lines before this one were judged as a run already
        self.value_next: str | None = None  # a one-line field whose label stood alone above

    # ----- the title -----

    def _find_title(self) -> int:
        """Read the title lines; return the index of the first line after them."""
        # The first few lines with words (a long block is not walked to its end for four of them).
        filled = list(
            itertools.islice(
                (
                    i
                    for i, line in enumerate(self.lines)
                    if line and not schedule_heading(line) and not listing_heading(line)
                ),
                4,
            )
        )
        if not filled:
            return 0
        candidates = [(i, parse_title_line(self.lines[i])) for i in filled[:3]]
        first_index, first = candidates[0]
        if first is not None and first.strong:
            return self._take_title(first, first_index)
        # A weak first line ("Dynamic Coalition on X", "IGF 2019 <Title>") may be followed
        # by a stronger one ("NRIs Collaborative Session: <Title>").
        for index, title in candidates[1:]:
            if title is not None and title.strong and title.title and first is not None:
                merged = TitleLine(
                    year=title.year or first.year,
                    session_type=title.session_type or first.session_type,
                    number=title.number,
                    title=title.title,
                    code=title.code,
                    strong=True,
                )
                return self._take_title(merged, index)
        if first is not None:
            return self._take_title(first, first_index)
        for index in filled[1:3]:
            # A site's line above it ("Internet Governance Forum, Berlin"), then a title that
            # names its type in its words ("Digital Inclusion Main Session").
            line = self.lines[index]
            if type_in_title(line) is not None and _is_title_like(line) and parse_date_line(line) is None:
                self.fallback_title = line
                return index
        if _is_title_like(self.lines[first_index]) and parse_date_line(self.lines[first_index]) is None:
            self.fallback_title = self.lines[first_index]
            return first_index  # kept for the body; used as the title only with other evidence
        return first_index

    def _take_title(self, title: TitleLine, index: int) -> int:
        self.title = title
        if title.title is None:
            # "IGF 2018 WS #153" with the title on the next line.
            for following in range(index + 1, min(index + 4, len(self.lines))):
                line = self.lines[following]
                if not line:
                    continue
                if _is_title_like(line) and parse_date_line(line) is None and F.parse_format_line(line) is None:
                    self.title = TitleLine(title.year, title.session_type, title.number, line, title.code, True)
                    return following + 1
                break
        return index + 1

    # ----- the body -----

    def read(self) -> PageReading | None:
        start = self._find_title()
        self._scan(start)
        return self._build()

    def _scan(self, start: int) -> None:
        lines = self.lines
        current: str | None = None  # the field whose answer is being read
        blanks = 0
        room_next = False
        format_next = False
        index = start - 1
        while index + 1 < len(lines):
            index += 1
            line = lines[index]
            if not line:
                blanks += 1
                if current is not None:
                    self.texts[current].append("")
                continue
            before, blanks = blanks, 0
            if current is not None:
                has_text = any(self.texts[current])
                one_paragraph = current in _SHORT_FIELDS or (current in self.inline and current not in _LONG_FIELDS)
                if has_text and (before >= 2 or (one_paragraph and before >= 1)):
                    current = None
                elif has_text and before >= 1 and current == "policy_questions" and not self._asks(index):
                    # G: the questions' paragraph, then, one blank line down, the description
                    # whose label the page lost; a paragraph that asks nothing is not a question.
                    current = None
            if index == start and self.fallback_title == line:
                continue
            if self.value_next is not None:
                # "Room" alone, its value on the next line (the site's mirror copies).
                key, self.value_next = self.value_next, None
                if self._take_value(key, line, index):
                    current = None
                    continue
            if (self.date is None or room_next) and (date := parse_date_line(line)) is not None:
                if self.date is None:
                    self.date = date
                    self._date_details(date, index)
                else:
                    # The end on a line of its own, or the same date again under "Session Time:".
                    self.date = self.date.ending_at(date)
                room_next = True
                current = None
                continue
            if self.date is not None and not self.date.has_hours and self._at_top():
                hours = parse_time_heading(line)
                if hours is not None:
                    # The day on one line, its hours on the next: "Thursday 8 December 2016", "15.00 - 16.30".
                    self.date = self.date.at_hours(hours)
                    room_next = True
                    continue
            if _WHEN_LABEL.fullmatch(line):
                room_next = True  # "Session Time:": the date and the room follow
                continue
            if self.date is None and self._at_top() and self.schedule.feed(line, own=True):
                room_next = True
                continue
            if (
                room_next
                and before == 0
                and self.values.get("room") in (None, _undashed(line))
                and _room_like(_undashed(line))
            ):
                self.values["room"] = _undashed(line)  # or the same room again, under "Session Time:"
                room_next = False
                continue
            room_next = False
            if current is None and self.values.get("room") is None:
                room = _room_line(line)
                if room is not None and not F.match_field(line):
                    self.values["room"] = room
                    continue
            label = F.match_field(line)
            if label is not None and not (label.key == "room" and match_label(line)):
                current = self._open_field(label, index)
                format_next = label.key == "format" and label.alone
                continue
            if format_next:
                format_next = False
                found = F.parse_format_line(line, labelled=True)
                if found is not None and (found.format or found.minutes):
                    self._set_format(found, index)
                    continue
            if current == "description" and before >= 1 and not self.people.found_any and any(self.texts[current]):
                listed = self._unlabelled_lists(index)
                if listed is not None:
                    # 2020-22 open forums: the organisers' and speakers' lines, no labels, end
                    # the description; they are the session's people, not its text.
                    end, (organisers, speakers) = listed
                    self.people.take_unlabelled(organisers, speakers)
                    index = end - 1
                    current = None
                    continue
            in_text = current in _TEXT_FIELDS
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if self.people.feed(line, blanks_before=before, in_text=in_text, index=index, following=following):
                self._content(index)
                if in_text:
                    current = None
                continue
            if self._format_line(line, index):
                current = None if current in _TEXT_FIELDS else current
                continue
            if current == "sdg_targets":
                self.sdgs.extend(F.target_goals(line))
            elif len(line) < 120 and (current in (None, "sdgs") or F.is_goal_line(line)):
                goals = F.parse_sdg_line(line)
                if goals:
                    # A goal line inside an answer: the goals' heading was lost; the answer is over.
                    self.sdgs.extend(goals)
                    current = None if current in _TEXT_FIELDS else current
                    continue
            if current is None and _COALITION_LINE.match(line) and len(line) < 160:
                self.session_type = self.session_type or SessionType.DYNAMIC_COALITION
                continue
            if (
                line.startswith("- ")
                and current != "policy_questions"
                and current not in _SHORT_FIELDS
                and index >= self.judged_until
            ):
                run = self._dash_run(index)
                # A run is judged once, as a whole: judging it again from each of its lines
                # would read a page of dashed lines in time that grows with its square.
                self.judged_until = index + len(run)
                if F.looks_like_question_list(run) and not self.texts.get("policy_questions"):
                    current = "policy_questions"
                    self.texts[current] = list(run)
                    self.labelled_fields += 1
                    index += len(run) - 1
                    continue
            if current is not None:
                self.texts[current].append(line)
                continue
            titled = _TITLED_QUESTION.match(line)
            if titled and self.format is None and not self._prose_started() and F.match_field(line) is None:
                # H: selected policy questions, "<Question title>: <question>?", no label above.
                self.texts.setdefault("policy_questions", []).append(line)
                continue
            if _prose(line):
                self.people.close_zone(prose=line)
            previous = self.loose[-1] if self.loose else None
            joined = previous is not None and previous.index == index - 1
            self.prose_seen = self.prose_seen or _prose(line)
            self.loose.append(
                _Loose(index, line, before, self.format is not None, joined, previous.index if previous else None)
            )

    def _at_top(self) -> bool:
        """Above the session's people, fields and prose: where its day and hour stand (an agenda's hours are below)."""
        return self.first_content is None and not self.prose_seen and self.format is None

    def _date_details(self, date: DateLine, index: int) -> None:
        """What a date line runs on with: "Thursday 8 December 2016 - 15.00, 90 minutes, Interview Format"."""
        if date.length and self.duration is None:
            self.duration = date.length
        for detail in date.details:
            if self.values.get("room") is None and _room_line(detail, dashed_only=False) is not None:
                self.values["room"] = detail
                continue
            found = F.parse_format_line(detail, labelled=True)
            named = found.format if found is not None else None
            if named is None and re.search(r"\bformat\b", detail, re.IGNORECASE):
                # A format igftui has no name for ("Interview Format"): other, with its name kept.
                named = Format.OTHER
                self.values.setdefault(
                    "format_description", re.sub(r"\s*\bformat\b\s*", " ", detail, flags=re.I).strip()
                )
            if named is not None:
                self._set_format(F.FormatLine(format=named, layout=found.layout if found else None), index)
                continue
            if self.values.get("venue") is None and (place := venue_of(detail)) is not None:
                self.values["venue"] = place

    def _asks(self, index: int) -> bool:
        """Whether the paragraph starting at ``index`` reads as policy questions, not as prose."""
        line = self.lines[index] if index < len(self.lines) else ""
        # The paragraph's first line decides: a description may go on to list things
        # with dashes, but it opens as a sentence that asks nothing.
        return bool(line) and (
            "?" in line or line.startswith("- ") or F.is_enumerated(line) or not _prose(line) or line.endswith(":")
        )

    def _dash_run(self, index: int) -> list[str]:
        run = []
        for line in self.lines[index:]:
            if not line.startswith("- "):
                break
            run.append(line)
        return run

    def _unlabelled_lists(self, index: int) -> tuple[int, tuple[list[Person], list[Person]]] | None:
        """Lists of people with no labels in the paragraph at ``index`` (and the one below), ending the text.

        Organisation lines, then "Name, Organisation" lines, in one paragraph or two
        (:func:`unlabelled_list` judges them), with nothing of the text after them: the
        page ends, or the next line is another part of it (a label, the format, a goal,
        a date).  Returns the index just past them and the organisers and speakers.
        """
        first = self._paragraph(index)
        if not first:
            return None
        end = index + len(first)
        block = first
        if listed_person(first[-1]) is None:
            # The organisations alone: the people are the paragraph one blank line below.
            below = end + 1
            second = self._paragraph(below) if below < len(self.lines) and not self.lines[end] else []
            if not second:
                return None
            block, end = first + second, below + len(second)
        # Where the text ends is the cheaper question: most paragraphs fail it.
        found = unlabelled_list(block) if self._text_ends(end) else None
        return (end, found) if found is not None else None

    def _paragraph(self, index: int) -> list[str]:
        """The lines from ``index`` to the next blank one; none when there are more than a list of people holds."""
        # A slice, not islice: islice would walk the page from its top each time.
        lines = list(itertools.takewhile(bool, self.lines[index : index + MOST_LISTED + 1]))
        return lines if len(lines) <= MOST_LISTED else []

    def _text_ends(self, index: int) -> bool:
        """Whether the text being read ends at line ``index``, a blank one or the page's end.

        Two blank lines end it, and so does a line the text never holds.
        """
        for line in self.lines[index : index + 2]:
            if line:
                found = F.parse_format_line(line)
                return (
                    F.match_field(line) is not None
                    or match_label(line) is not None
                    or (found is not None and found.minutes is not None)
                    or F.is_goal_line(line)
                    or parse_date_line(line) is not None
                )
        return True

    def _prose_started(self) -> bool:
        return self.prose_seen

    def _content(self, index: int) -> None:
        if self.first_content is None:
            self.first_content = index

    def _open_field(self, label: F.FieldLabel, index: int) -> str | None:
        self.people.close_zone()
        key = label.key
        if key != "ignore":
            self.labelled_fields += 1
        self._content(index)
        value = label.value
        if key == "format":
            if value:
                found = F.parse_format_line(value, labelled=True)
                if found is not None:
                    self._set_format(found, index)
                    if found.format and found.words and fold(found.words) != fold(found.format.label):
                        self.values.setdefault("format_description", value)
            return None
        if key == "duration":
            minutes = F.parse_minutes(value) if value else None
            if minutes:
                self.duration = minutes
            return None
        if key == "tags" and value:
            self.values[key] = value
            return None
        if key in _ONE_LINE_FIELDS:
            if not value:
                self.value_next = key
            elif not self._take_value(key, value, index) and key not in ("when", "session_type"):
                self.values[key] = value
            return None
        if key == "sdgs" and value:
            self.sdgs.extend(_goal_numbers(value))
        if key == "sdg_targets" and value:
            self.sdgs.extend(F.target_goals(value))
        self.texts[key] = [value] if value and key != "sdgs" else []
        # "Label: answer" on one line is one paragraph; a label alone heads longer text.
        if value:
            self.inline.add(key)
        else:
            self.inline.discard(key)
        return key

    def _take_value(self, key: str, value: str, index: int) -> bool:
        """The value of a one-line field (on line ``index``); False when the line is no such value (another label)."""
        if F.match_field(value) is not None or match_label(value) is not None or len(value) > 200:
            return False
        if key == "when":
            date = parse_date_line(value)
            if date is not None and self.date is None:
                self.date = date
                self._date_details(date, index)
            return date is not None
        if key == "session_type":
            kind = session_type_of(value) or type_in_title(value)
            self.session_type = self.session_type or kind
            return kind is not None
        self.values[key] = value
        return True

    def _set_format(self, found: F.FormatLine, index: int) -> None:
        if self.format is None or (self.format.format is None and found.format is not None):
            self.format = found
            self.format_index = index
            self._content(index)
        if found.minutes and self.duration is None:
            self.duration = found.minutes

    def _format_line(self, line: str, index: int) -> bool:
        found = F.parse_format_line(line)
        if found is not None and found.minutes is not None and (found.format or found.layout or self.format is None):
            if found.format is None and found.layout is None and not _format_words(found.words):
                return False
            self._set_format(found, index)
            return True
        bare = F.is_bare_format(line)
        if bare is not None and self.format is None and self._format_context(index):
            self._set_format(F.FormatLine(format=bare), index)
            return True
        return False

    def _format_context(self, index: int) -> bool:
        """A bare "Roundtable" is the format when "Duration" or "Format description" follows."""
        for line in self.lines[index + 1 : index + 4]:
            if not line:
                continue
            label = F.match_field(line)
            return label is not None and label.key in ("duration", "format_description")
        return False

    # ----- the session -----

    def _build(self) -> PageReading | None:
        participants = self.people.participants("\n".join(self.lines))
        if self.people.claimed:
            # Organisers the people reader took back after they were passed over as loose lines.
            self.loose = [item for item in self.loose if item.index not in self.people.claimed]
        title = self.title
        evidence = (
            bool(participants)
            or self.format is not None
            or self.labelled_fields >= 2
            or (self.date is not None and (self.date.starts_at is not None or self.date.on_wall_clock))
        )
        meeting = None
        if (title is None or not title.strong) and not evidence:
            meeting = self._meeting()
            if meeting is None:
                return None
        name = title.title if title else None
        if name is None and self.fallback_title and evidence and len(self.fallback_title.split()) >= 2:
            name = self.fallback_title
        if meeting is not None:
            # A meeting described by its organisers (an external roundtable): what it was
            # for and what was said, under its name; the lines above the name are the site's.
            name_index, meeting_name, meeting_format = meeting
            name = name or meeting_name
            self.default_year = self.default_year or self._meeting_year(name_index)
            self.loose = [item for item in self.loose if item.index > name_index]
            self.session_type = self.session_type or SessionType.OTHER
            if meeting_format is not None:
                self.format = F.FormatLine(format=meeting_format)
        if self.date is None:
            self.date = self.schedule.date_line((title.year if title else None) or self.default_year)
        year = (title.year if title else None) or (self.date.day.year if self.date else None) or self.default_year
        if self.date is not None and self.date.on_wall_clock:
            # A time that names no zone is the venue's local time: the clock of the year's
            # IGF meeting (UTC when igftui does not know where that was).
            self.date = self.date.on_clock(venue_clock(year).zone)
        session_type = (
            (title.session_type if title else None)
            or self.session_type
            or type_in_title(name)
            or self.defaults.session_type
        )
        texts = {key: _joined(lines) for key, lines in self.texts.items()}
        description = texts.get("description")
        facilitation = texts.get("discussion_facilitation")
        diversity = texts.get("diversity_statement")
        subtheme = self.values.get("subtheme")
        tags = _tags(self.values.get("tags"))
        loose = self._loose_paragraphs()
        if loose and loose[0][0] and self.first_content is not None:
            # K and L: subtheme and tags, one per line, above the people.
            block = loose[0][1][0]
            if len(block) >= 2 and all(len(x) <= 100 and not x.endswith((".", ":")) for x in block):
                subtheme = subtheme or block[0]
                tags = tags or block[1:]
                loose = [(loose[0][0], loose[0][1][1:], loose[0][2]), *loose[1:]]
        groups = [[p for p in group] for _top, group, after in loose]
        # Headings and stray short lines are no answer of their own.
        after_format = [group for _top, group, after in loose if after and _prose_only(group)]
        if description is None and facilitation is None and len(after_format) >= 2 and (year or 0) <= 2018:
            facilitation = _paragraphs(after_format[0])
            rest = after_format[1:]
            if len(rest) >= 2:
                diversity = diversity or _paragraphs(rest[0])
                description = _paragraphs([p for group in rest[1:] for p in group])
            else:
                paragraphs = rest[0]
                cut = 0
                while cut < len(paragraphs) - 1 and _about_diversity(paragraphs[cut]):
                    cut += 1
                diversity = diversity or (_paragraphs(paragraphs[:cut]) if cut else None)
                description = _paragraphs(paragraphs[cut:])
            before_format = [g for _t, g, after in loose if not after]
            if before_format and description is None:
                description = _paragraphs(_prose_only([p for g in before_format for p in g]))
        elif description is None:
            description = _paragraphs(_prose_only([p for group in groups for p in group]))
        expected = texts.get("expected_outcomes") or texts.get("participants_gain")
        relevance_theme = texts.get("relevance_to_theme") or texts.get("relevance_both")
        relevance_ig = texts.get("relevance_to_internet_governance") or texts.get("relevance_both")
        fmt = self.format
        minutes = self.duration or (self.date.minutes if self.date else None)
        if minutes is None:
            # "A 60-minute interactive session": the length only the prose says.
            minutes = length_in_prose(description) or length_in_prose(texts.get("format_description"))
        if minutes is not None and not 0 < minutes <= 24 * 60:
            minutes = None
        online = texts.get("online_participation")
        date = self.date
        session = ForumSession(
            status=SessionStatus.CATALOGUED,
            year=year if year and 1990 <= year <= 2200 else None,
            session_type=session_type,
            number=title.number if title else None,
            title=_short(name),
            short_title=_short(self.values.get("short_title") or texts.get("short_title")),
            theme=_short(self.values.get("theme") or texts.get("theme") or self.defaults.theme),
            subtheme=_short(subtheme or texts.get("subtheme")),
            tags=tags or _tags(texts.get("tags")),
            format=fmt.format if fmt else None,
            format_description=texts.get("format_description") or self.values.get("format_description"),
            layout=fmt.layout if fmt else None,
            duration_minutes=minutes,
            starts_at=date.starts_at if date else None,
            ends_at=date.ends_at if date else None,
            room=_short(self.values.get("room") or texts.get("room") or self.defaults.room),
            venue=_short(self.values.get("venue") or texts.get("venue") or venue_of(date.rest if date else None)),
            policy_questions=F.split_questions(self.texts.get("policy_questions", [])),
            relevance_to_theme=relevance_theme,
            relevance_to_internet_governance=relevance_ig,
            description=description,
            expected_outcomes=expected,
            discussion_facilitation=facilitation,
            diversity_statement=diversity,
            sdgs=sorted({g for g in self.sdgs if 1 <= g <= 17}),
            participants=participants,
            online_participation=OnlineParticipation(notes=online) if online else OnlineParticipation(),
            source=Source(
                kind="igf_page", path=self.source_path, imported_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            ),
        )
        data = session.to_json()
        missing = [key for key in EXPECTED_FIELDS if data.get(key) in (None, [], "")]
        return PageReading(session=session, missing=missing)

    def _meeting(self) -> tuple[int, str, Format | None] | None:
        """A page about one meeting: its name, and a list its text introduces as the meeting's.

        "... the roundtable gave officials room to:" and the aims below it, or a summary
        of the discussion: a meeting of the kind a session is.  A news item may have a
        list too ("Signatories include:"), but its text does not say it is about a meeting.
        Returns the name's line, the name and the format the text names, or ``None``.
        """
        heading = self._meeting_name()
        if heading is None:
            return None
        index, name = heading
        loose = [item for item in self.loose if item.index > index]
        for position, item in enumerate(loose[:-2]):
            listed = loose[position + 1 : position + 3]
            if (
                item.text.endswith(":")
                and all(following.text.startswith("- ") for following in listed)
                and (_MEETING_WORDS.search(item.text) or _MEETING_WORDS.search(name))
            ):
                words = f"{name} {item.text}"
                return index, name, Format.ROUND_TABLE if _ROUND_TABLE_WORDS.search(words) else None
        return None

    def _meeting_year(self, name_index: int) -> int | None:
        """The year a meeting's write-up says it was held ("Held on 14-15 March 2022"), in its
        first paragraphs under its name; None when they give no plausible one."""
        for item in [item for item in self.loose if item.index > name_index][:4]:
            year = year_in_prose(item.text)
            if year is not None:
                return year if year_problem(year, datetime.now(UTC).date()) is None else None
        return None

    def _meeting_name(self) -> tuple[int, str] | None:
        """The first line near the top that reads as a name of three words or more."""
        filled = [i for i, line in enumerate(self.lines) if line][:6]
        for index in filled:
            line = self.lines[index]
            if _is_title_like(line) and len(line.split()) >= 3 and not line.endswith(("!", "?")):
                return index, _EVENT_CODE.sub("", line).strip() or line
        return None

    def _loose_paragraphs(self) -> list[tuple[bool, list[list[str]], bool]]:
        """Loose lines as groups of paragraphs: (above the content?, paragraphs, after the format?)."""
        groups: list[tuple[bool, list[list[str]], bool]] = []
        for item in self.loose:
            new_group = not groups or not item.joined or item.blanks >= 2
            if not item.joined and groups and item.blanks == 1 and self._only_blank_between(item):
                new_group = False
            top = self.first_content is None or item.index < self.first_content
            if new_group:
                groups.append((top, [[item.text]], item.after_format))
            elif item.blanks >= 1:
                groups[-1][1].append([item.text])
            else:
                groups[-1][1][-1].append(item.text)
        return groups

    def _only_blank_between(self, item: _Loose) -> bool:
        if item.previous is None:
            return False
        return all(not line for line in self.lines[item.previous + 1 : item.index])


def _undashed(line: str) -> str:
    """A sched venue line without its leading dash: "-Plenary Hall" is "Plenary Hall"."""
    return line.lstrip("-–— ") if line.startswith(("-", "–", "—")) else line


def _room_line(line: str, *, dashed_only: bool = True) -> str | None:
    """The room a line names, "Salle VI" or "-Plenary Hall"; None for any other line.

    A room word elsewhere in the line ("Plenary Hall", "Raum III") is trusted after a
    dash or in a date line's details, not on a line of its own (it could be a heading).
    """
    if _ROOM.match(line):
        return line
    if dashed_only and not line.startswith(("-", "–", "—")):
        return None
    dashed = _undashed(line)
    if _room_like(dashed) and len(dashed.split()) <= 6 and _ROOM_WORD.search(dashed):
        return dashed
    return None


def _room_like(line: str) -> bool:
    return (
        len(line) <= 60
        and not line.endswith((".", ":"))
        and F.match_field(line) is None
        and match_label(line) is None
        and F.parse_format_line(line) is None
        and "," not in line
    )


def _format_words(words: str | None) -> bool:
    """Words before "- 90 Min" that name a format igftui does not know, e.g. "Interactive Session"."""
    if not words:
        return False
    return F._format_in(words) is not None


def _prose(line: str) -> bool:
    return len(line) >= 60 or line.endswith((".", "!", "?", "\u201d", '"'))


def _prose_only(paragraphs: list[list[str]]) -> list[list[str]]:
    """From the first paragraph that reads as prose on: headings above it are not the description."""
    for index, paragraph in enumerate(paragraphs):
        for start, line in enumerate(paragraph):
            if _prose(line):
                return [paragraph[start:], *paragraphs[index + 1 :]]
    return []


def _paragraphs(paragraphs: list[list[str]]) -> str | None:
    text = "\n\n".join("\n".join(p) for p in paragraphs if p)
    return unmark(text) or None


def _about_diversity(paragraph: list[str]) -> bool:
    text = " ".join(paragraph).casefold()
    return any(word in text for word in _DIVERSITY_WORDS)


def _joined(lines: list[str]) -> str | None:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return _paragraphs([p for p in paragraphs if p])


def _tags(value: object) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [t.strip() for t in re.split(r"[;,\n]", str(value)) if t.strip()]


def _goal_numbers(value: str) -> list[int]:
    goals = F.parse_sdg_line(value)
    if goals:
        return goals
    if F.target_goals(value):
        return F.target_goals(value)
    if re.fullmatch(r"[\d\s,;and]+", value):
        return [int(n) for n in re.findall(r"\d{1,2}", value) if 1 <= int(n) <= 17]
    return []


def _short(value: object) -> str | None:
    """A one-line field: never a paragraph (a title is never a page of description)."""
    if not value:
        return None
    text = unmark(" ".join(str(value).split()))
    return text if text and len(text) <= 300 else None


__all__ = [
    "EXPECTED_FIELDS",
    "NOT_A_SESSION",
    "Format",
    "Layout",
    "PageReading",
    "html_to_text",
    "read_page",
]
