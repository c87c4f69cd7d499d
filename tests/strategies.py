"""Random sessions for the property tests: one way to build them, for every test folder.

A property test that builds its own sessions tends to leave out what was added to the
model after it was written (languages, links, a lead organiser...), so the property is
never tried on it.  These strategies cover the whole model; a test that needs a narrower
shape narrows them (``sessions(participants=st.lists(participants(), max_size=12))``,
``.filter``, ``.map``) rather than building its own.

A module of its own, not conftest.py, so that tests import it by name:
``from strategies import sessions`` (``tests/`` is on ``pythonpath``, see pyproject.toml).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from igftui.model import (
    AgendaItem,
    Attendance,
    Format,
    ForumSession,
    Gender,
    Layout,
    OnlineParticipation,
    Participant,
    ParticipantStatus,
    Region,
    Role,
    SessionStatus,
    SessionType,
    StakeholderGroup,
)
from igftui.model.session import Link, Source
from igftui.model.vocabulary import AgendaKind

#: Pieces of Markdown syntax, escape sequences, controls and line breaks of every kind
#: that hostile (or merely unlucky) text is made of: what exports must not let act.
HOSTILE_PIECES = [
    # Markdown: tables, HTML, links, code, headings, quotes, emphasis, lists.
    "|",
    ":-",
    "-:",
    "---",
    "===",
    "-|-",
    "| --- |",
    "<",
    "<a",
    "</",
    "<!--",
    "<3@x.y>",
    "&amp;",
    "&#169;",
    "[x](y)",
    "[x]: /y",
    "![",
    "[^1]",
    "[^1]: note",
    "]",
    "`",
    "```",
    "~",
    "~~",
    "~~~",
    "#",
    "######",
    "#tag",
    ">",
    "*",
    "**",
    "* * *",
    "_",
    "_ _ _",
    "a_b",
    "-",
    "- ",
    "+ ",
    "1.",
    "1) ",
    "1.5",
    "12345678901.",
    "١.",
    "=",
    "\\",
    "\\\n",
    ":",
    "(",
    ")",
    "!",
    "x",
    "é",
    "0",
    " ",
    "  ",
    "    ",
    "\t",
    # Line breaks: the ones Python's splitlines() knows and the ones people paste.
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u2029",
    "\x0c",
    "\x0b",
    "\x85",
    "\x1c",
    "\x1f",
    "\xa0",
    "\u3000",
    "\u200b",
    "\ufeff",
    # Escape sequences and controls a terminal would act on; lone surrogates (Hypothesis's own
    # text never holds one).
    "\x1b",
    "\x1b[",
    "\x1b]",
    "\x1bP",
    "\x9b",
    "\x9d",
    "\x9c",
    "\x07",
    "\x1b\\",
    "\x00",
    "\x7f",
    "\udcff",
    "\ud800",
    "31m",
    ";",
    "?",
    # Full-text search syntax, for what is typed in the search box.
    '"',
    "NEAR(",
    " AND ",
    " OR ",
    " NOT ",
    "^",
    "{a b}:",
    "title:",
]


def hostile_texts(max_pieces: int = 14) -> st.SearchStrategy[str]:
    """Text made of Markdown syntax, escape sequences, controls and odd line breaks, or any text."""
    return st.one_of(
        st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=3)), max_size=max_pieces).map("".join),
        st.text(max_size=60),
    )


#: Text as people type it: the characters that matter to JSON and Markdown, names written
#: two ways, and long text with words the checks count.
_TYPED = [
    "",
    "   ",
    '"quoted"',
    "back\\slash",
    "# heading",
    "Zoë Müller",
    "line\nbreak",
    "Ana Costa",
    "ana costa",
    "Li Wei",
    "Kofi Mensah",
    "Youth IGF",
    "Youth Coalition",
]
_LONG = st.lists(st.sampled_from(["word", "youth", "stream", "not", "gender", "online"]), max_size=300).map(" ".join)


def texts() -> st.SearchStrategy[str | None]:
    """A text field's value: nothing, blank, typed, long, or hostile."""
    return st.one_of(st.none(), st.sampled_from(_TYPED), st.text(max_size=30), _LONG, hostile_texts())


def text_lists(max_size: int = 4) -> st.SearchStrategy[list[str]]:
    """A list field's texts (tags, policy questions...): blanks and hostile text among them."""
    return st.lists(st.one_of(st.sampled_from(_TYPED), st.text(max_size=15), hostile_texts(4)), max_size=max_size)


def maybe(kind: Any) -> st.SearchStrategy[Any]:
    """A term of ``kind`` (a vocabulary enumeration), or none."""
    return st.one_of(st.none(), st.sampled_from(list(kind)))


def participants() -> st.SearchStrategy[Participant]:
    """A participant of any kind: a person, an organisation without a name, a place to be
    confirmed, the lead organiser; every role, status and private answer."""
    roles = st.lists(st.sampled_from(list(Role)), max_size=5)
    common: dict[str, Any] = dict(
        organisation=texts(),
        stakeholder_group=maybe(StakeholderGroup),
        region=maybe(Region),
        country=texts(),
        roles=roles,
        status=maybe(ParticipantStatus),
        attendance=maybe(Attendance),
        first_time=st.booleans(),
        gender=maybe(Gender),
        email=texts(),
        lead=st.booleans(),
        to_be_confirmed=st.booleans(),
    )
    person = st.builds(Participant, name=texts(), **common)
    organisation = st.builds(
        Participant,
        name=st.none(),
        **{**common, "organisation": st.sampled_from(["Argentina IGF", "Youth Coalition", "Red"]) | texts()},
    )
    to_be_confirmed = st.builds(
        Participant,
        name=st.none(),
        **{**common, "to_be_confirmed": st.just(True), "roles": roles.map(lambda r: r or [Role.SPEAKER])},
    )
    return st.one_of(person, organisation, to_be_confirmed)


def agenda_items() -> st.SearchStrategy[AgendaItem]:
    """An agenda item: any title, 0 to 24 hours, a known kind in any spelling or free text."""
    kinds = st.one_of(st.none(), st.sampled_from([k.value for k in AgendaKind] + ["q&a", "talk", "Wrap-up"]), texts())
    return st.builds(
        AgendaItem,
        title=texts(),
        minutes=st.integers(0, 24 * 60),
        kind=kinds,
        interactive=st.booleans(),
        public=st.booleans(),
    )


def online_participation() -> st.SearchStrategy[OnlineParticipation]:
    """How people take part from afar, every field."""
    return st.builds(
        OnlineParticipation,
        platform=texts(),
        remote_hubs=text_lists(3),
        speaking_queue=texts(),
        captioning=st.booleans(),
        interpretation=text_lists(3),
        broadcast=st.booleans(),
        notes=texts(),
    )


def links() -> st.SearchStrategy[Link]:
    """A link the model keeps: web or e-mail, with or without a label."""
    path = st.text(alphabet="abcXYZ019-._~%/?=&#", max_size=20)
    urls = st.one_of(
        st.sampled_from(
            [
                "https://www.intgovforum.org/en",
                "http://example.org",
                "mailto:ana@example.org",
                "HTTPS://Example.org/Report.pdf",
                "  https://example.org/padded  ",
            ]
        ),
        st.builds("https://example.org/{}".format, path),
    )
    return st.builds(Link, label=texts(), url=urls)


def sources() -> st.SearchStrategy[Source | None]:
    """Where a catalogued session came from, or none (a draft)."""
    return st.one_of(
        st.none(),
        st.builds(
            Source,
            kind=st.sampled_from([None, "igf_page", "json"]),
            path=st.sampled_from([None, "page.html", "/home/ana/IGF pages/ws153.txt", "C:\\Users\\ana\\ws.txt"]),
            imported_at=st.sampled_from([None, "2025-06-23T09:00:00Z"]),
        ),
    )


#: Times within the years a session may have, in UTC or with the offset a file might give.
moments = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(1990, 1, 2),
        max_value=datetime(2200, 12, 30),
        timezones=st.sampled_from(
            [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-3))]
        ),
    ),
)

#: IANA zones, some as a user might type them (the model keeps the database's spelling).
time_zones = st.sampled_from(
    [None, "UTC", "Europe/Berlin", "America/Sao_Paulo", "Asia/Riyadh", "africa/addis_ababa", "Pacific/Chatham"]
)

_marks = st.one_of(st.none(), st.from_regex(r"[0-9A-Za-z-]{8,64}", fullmatch=True))


def sessions(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[ForumSession]:
    """A session the model accepts, any field given or not; ``fields`` replace a field's strategy."""
    every: dict[str, st.SearchStrategy[Any]] = dict(
        id=st.one_of(st.none(), st.integers(1, 10**6)),
        status=st.sampled_from(list(SessionStatus)),
        year=st.one_of(st.none(), st.integers(1990, 2200)),
        session_type=maybe(SessionType),
        code=texts(),
        number=st.one_of(st.none(), st.integers(0, 10**6)),
        title=texts(),
        short_title=texts(),
        theme=texts(),
        subtheme=texts(),
        tags=text_lists(),
        format=maybe(Format),
        format_description=texts(),
        layout=maybe(Layout),
        duration_minutes=st.one_of(st.none(), st.integers(0, 24 * 60 * 7)),
        starts_at=moments,
        ends_at=moments,
        time_zone=time_zones,
        room=texts(),
        venue=texts(),
        policy_questions=text_lists(),
        relevance_to_theme=texts(),
        relevance_to_internet_governance=texts(),
        description=texts(),
        expected_outcomes=texts(),
        discussion_facilitation=texts(),
        diversity_statement=texts(),
        sdgs=st.lists(st.integers(1, 17), max_size=5),
        participants=st.lists(participants(), max_size=6),
        agenda=st.lists(agenda_items(), max_size=5),
        online_participation=online_participation(),
        source=sources(),
        languages=st.lists(st.sampled_from(["English", "english", "Spanish", "Français", " ", "中文"]), max_size=3),
        links=st.lists(links(), max_size=3),
        private_notes=texts(),
        uid=_marks,
        revision=st.one_of(st.none(), st.integers(1, 10**6)),
        history=_marks,
    )
    unknown = set(fields) - set(every)
    assert not unknown, f"not fields of a session: {unknown}"
    return st.builds(ForumSession, **(every | fields))


def session_documents(include_private: bool = True, **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict]:
    """A session as the JSON contract writes it (``igftui.session/1``), as an export would."""
    return sessions(**fields).map(lambda session: session.to_json(include_private=include_private))
