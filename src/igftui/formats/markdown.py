"""The Markdown export: a session laid out like the IGF proposal form, ready to paste.

Layout, in the form's order: the title as the one ``#`` heading (with the IGF
code, "IGF 2018 WS #153 — Help We Are Under Attack"), a short list of session
type, year, status, time and place, then one ``##`` section per part of the form:
theme, policy questions, relevance, description, expected outcomes, format,
agenda, organisers and speakers, moderators and rapporteur, discussion
facilitation, diversity, online participation, SDGs, and (only when asked for)
private notes.

Choices worth knowing:

* A section with nothing in it is left out, except the three the form always asks
  for and a drafter must not forget: policy questions, description and expected
  outcomes.  Those say "(Not yet written.)" so the gap shows.
* The layout itself uses no emphasis, links, images, code or HTML: the placeholder
  is in parentheses, not italics.  Plain text pastes cleanly into forms that do not
  render Markdown, and any such token in the output can only be a bug.  The one
  exception is the "Links" section, whose links the user gave: each is a Markdown
  link (``[Label](https://...)``, or ``<https://...>`` without a label) to an
  address the model has checked (https, http or mailto only, so never
  ``javascript:``), with the label escaped (``]`` too) and every character of the
  address that could end or bend the link (``(``, ``)``, spaces, non-ASCII)
  percent-encoded.
* Everything the user typed goes through :func:`escape_markdown_text`, so no
  title, name or description can open a heading (ATX or setext), list, quote,
  code block, table, thematic break, link, image, footnote, HTML, entity or
  emphasis, and no line break of any kind (U+2028, a form feed...) can split the
  title or an item.  Escapes are kept to what Markdown needs, because text pasted
  into the IGF's web form shows every backslash: ``&`` only before an entity,
  ``<`` only before a non-space, ``_`` not inside a word, ``|`` only in table
  cells, ``\\`` only before punctuation, block markers only at the start of a
  line and only where they would open a block ("1.5 million" stays as typed).
  Bare addresses ("www.example.org") are left as typed: renderers that turn them
  into links show the address itself.
* Private fields (speakers' gender and e-mail, private notes) appear only with
  ``include_private``, like the JSON export.
* Times are shown in UTC, as they are stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from igftui.model.links import LinkError, checked_url
from igftui.model.people import lead_label, roles_label
from igftui.model.session import ForumSession, Link, Participant
from igftui.model.vocabulary import SDG_NAMES, AgendaKind, Role, Term, parse
from igftui.model.wording import agenda_total, fold, minutes, role_heading, session_code

NOT_YET_WRITTEN = "(Not yet written.)"

# Inline characters that open something wherever they are: code spans and fences
# ("`", "~~~"), emphasis ("*"), links, images and footnotes ("[": nothing opens
# with "]"), and strikethrough (GitHub's "~" and "~~").
_ALWAYS = "`*[~"
# A backslash escapes the ASCII punctuation after it, and makes a hard break at
# the end of a line; anywhere else ("C:\Users") it shows as typed.
_BACKSLASH = r"\\(?=[!-/:-@\[-`{-~]|$)"
# "_" between two letters or digits ("snake_case", "jo_mbeki@example.org") can
# neither open nor close emphasis.
_UNDERSCORE = r"(?<![^\W_])_|_(?![^\W_])"
# "<" opens HTML and autolinks only when something follows it directly.
_ANGLE = r"<(?=\S)"
# "&" is literal unless it starts an entity such as "&amp;" or "&#169;".
_ENTITY = r"&(?=#?[A-Za-z0-9]+;)"
_INLINE = re.compile("|".join((f"[{re.escape(_ALWAYS)}]", _BACKSLASH, _UNDERSCORE, _ANGLE, _ENTITY)))
# "|" separates table cells, so it is escaped in cells only: elsewhere a table
# cannot start once no line can be a delimiter row (below).
_INLINE_IN_CELL = re.compile(_INLINE.pattern + r"|\|")
# What opens a block at the start of a line once indentation is gone, as
# CommonMark and GitHub read it: an ATX heading ("#" to "######" then a space or
# nothing), a block quote, a bullet ("-" or "+" then a space or nothing), an
# ordered-list marker ("1." or "1)", likewise), a setext underline or thematic
# break (a line of "=" or of "-"), and a table's delimiter row (only "|", ":",
# "-" and spaces: "| :-- | --- |", ":-", "-|-").  A backslash before the marker's
# first character disarms each; "*", "_", "`", "~", "<" and "[" are escaped
# wherever they are, and "#" always at the start of a line, since some renderers
# take "#hashtag" for a heading.
_BLOCK_START = re.compile(
    r"^(?:(?P<mark>#|>|[-+](?=[ \t]|$)|=+[ \t]*$|-+[ \t]*$|(?=.*-)[|:-](?=[-:| \t]*$))"
    r"|(?P<digits>[0-9]{1,9})[.)](?=[ \t]|$))"
)


def escape_markdown_text(text: str, *, in_table: bool = False) -> str:
    """Escape user text so Markdown shows it as typed and it cannot add structure.

    Every line break Python knows (``str.splitlines``: also U+2028, U+2029, form
    feeds, vertical tabs, NEL) is taken as one, since editors, browsers and web
    forms may honour them even where Markdown does not; the result holds "\\n"
    only.  Blank lines (paragraph breaks) are kept; leading and trailing
    whitespace of each line is dropped (it would make code blocks and hard
    breaks), and each line's leading block marker is escaped.  With ``in_table``
    the text becomes one line (line breaks turn into spaces: a table cell cannot
    hold one without raw HTML) and ``|`` cannot end the cell.
    """
    if in_table:
        return _INLINE_IN_CELL.sub(_backslashed, _joined(text))
    paragraphs: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(_escape_line_start(_INLINE.sub(_backslashed, line)))
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)


def _joined(text: str) -> str:
    """The text on one line: its lines stripped, blank ones left out, the rest joined by spaces."""
    return " ".join(line for line in (raw.strip() for raw in text.splitlines()) if line)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def _escape_line_start(line: str) -> str:
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group("mark"):
        return "\\" + line
    digits = match.group("digits")
    return digits + "\\" + line[len(digits) :]


def _inline(text: str) -> str:
    """User text on one line, in the middle of it (after a label such as "Theme: ")."""
    return _INLINE.sub(_backslashed, _joined(text))


def _line_start(text: str) -> str:
    """User text that starts a line or a list item's content, so its first character could open a block."""
    return _escape_line_start(_inline(text))


# ----- the document -----


def to_markdown(session: ForumSession, *, include_private: bool = False) -> str:
    """The session as a Markdown document laid out like the IGF proposal form.

    Private fields are included only with ``include_private``.  The text ends
    with a single newline.
    """
    blocks: list[str] = [_title(session)]
    facts = _facts(session)
    if facts:
        blocks.append(_bullets(facts))
    for heading, body in _sections(session, include_private):
        if body:
            blocks.append(f"## {heading}")
            blocks.extend(body)
    return "\n\n".join(blocks) + "\n"


def _title(session: ForumSession) -> str:
    lead = session_code(session.year, session.display_code())
    title = _inline(session.title) if session.title else "(untitled)"
    line = f"{_inline(lead)} — {title}" if lead else title
    # A run of "#" at the end of a heading would be taken as its closing sequence
    # and vanish: escape the last one.
    if line.endswith("#"):
        line = line[:-1] + "\\#"
    return f"# {line}"


def _facts(session: ForumSession) -> list[str]:
    facts: list[str] = []
    if session.short_title:
        facts.append(f"Short title: {_inline(session.short_title)}")
    if session.session_type:
        facts.append(f"Session type: {session.session_type.label}")
    if session.year:
        facts.append(f"Year: {session.year}")
    facts.append(f"Status: {session.status.label}")
    when = _when(session)
    if when:
        facts.append(f"When: {when}")
    where = ", ".join(_inline(place) for place in (session.room, session.venue) if place)
    if where:
        facts.append(f"Where: {where}")
    return facts


def _sections(session: ForumSession, include_private: bool) -> Iterable[tuple[str, list[str]]]:
    yield "Theme and subtheme", _theme(session)
    yield "Policy questions", [_numbered(session.policy_questions) or NOT_YET_WRITTEN]
    yield "Relevance", _relevance(session)
    yield "Description", [_paragraphs(session.description) or NOT_YET_WRITTEN]
    yield "Expected outcomes", [_paragraphs(session.expected_outcomes) or NOT_YET_WRITTEN]
    yield "Format", _format(session)
    yield "Agenda", _agenda(session)
    yield "Organisers and speakers", _people(session.participants, include_private)
    yield "Moderators and rapporteur", _moderators(session)
    yield "Discussion facilitation", _nonempty(_paragraphs(session.discussion_facilitation))
    yield "Diversity", _nonempty(_paragraphs(session.diversity_statement))
    yield "Online participation", _online(session)
    # "SDG 16: ..." rather than "16. ...", which after a bullet would start a list of its own
    # and so needs a backslash that shows when pasted into the IGF's web form.
    yield "SDGs", _nonempty(_bullets(f"SDG {goal}: {SDG_NAMES[goal]}" for goal in session.sdgs))
    yield "Links", _nonempty(_bullets(_link(link) for link in session.links))
    if include_private:
        yield "Private notes", _nonempty(_paragraphs(session.private_notes))


# ----- sections -----


def _theme(session: ForumSession) -> list[str]:
    items = []
    if session.theme:
        items.append(f"Theme: {_inline(session.theme)}")
    if session.subtheme:
        items.append(f"Subtheme: {_inline(session.subtheme)}")
    tags = _listed(session.tags)
    if tags:
        items.append(f"Tags: {tags}")
    return _nonempty(_bullets(items))


def _relevance(session: ForumSession) -> list[str]:
    body: list[str] = []
    for heading, text in (
        ("To the theme", session.relevance_to_theme),
        ("To Internet governance", session.relevance_to_internet_governance),
    ):
        if text:
            body += [f"### {heading}", _paragraphs(text)]
    return body


def _format(session: ForumSession) -> list[str]:
    items = []
    if session.format:
        items.append(f"Format: {session.format.label}")
    if session.layout:
        items.append(f"Layout: {session.layout.label}")
    if session.duration_minutes is not None:
        items.append(f"Duration: {minutes(session.duration_minutes)}")
    if session.languages:
        items.append(("Language: " if len(session.languages) == 1 else "Languages: ") + _listed(session.languages))
    return _nonempty(_bullets(items)) + _nonempty(_paragraphs(session.format_description))


def _agenda(session: ForumSession) -> list[str]:
    if not session.agenda:
        return []
    rows = [
        [
            str(number),
            _cell(item.title),
            _kind_label(item.kind),
            str(item.minutes),
            _yes_no(item.interactive),
            _yes_no(item.public),
        ]
        for number, item in enumerate(session.agenda, start=1)
    ]
    table = _table(["#", "Segment", "Kind", "Minutes", "Interactive", "Public"], rows)
    summary = "Agenda: " + agenda_total(
        session.agenda_minutes(), session.duration_minutes, session.interactive_minutes()
    )
    return [table, summary]


def _people(people: list[Participant], include_private: bool) -> list[str]:
    if not people:
        return []
    headers = [
        "Name",
        "Roles",
        "Organisation",
        "Stakeholder group",
        "Regional group",
        "Country",
        "Status",
        "Attendance",
    ]
    if include_private:
        headers += ["Gender", "E-mail"]
    rows = []
    for person in people:
        row = [
            # One short label for an entry without a name (model.people), as the table shows it.
            _cell(person.display_name()),
            roles_label(person),
            # An organisation on its own already goes by its name in the first column.
            _cell(person.organisation if person.organisation != person.display_name() else None),
            _label(person.stakeholder_group),
            _label(person.region),
            _cell(person.country),
            _label(person.status),
            _label(person.attendance),
        ]
        if include_private:
            row += [_label(person.gender), _cell(person.email)]
        rows.append(row)
    return [_table(headers, rows), *_nonempty(_contact(people, include_private))]


def _contact(people: list[Participant], include_private: bool) -> str:
    """The lead organiser, whom the IGF form asks for as its contact; the e-mail only when asked."""
    lead = next((person for person in people if person.lead), None)
    if lead is None:
        return ""
    text = f"{lead_label(lead)}: {_inline(lead.display_name())}"
    if lead.organisation and lead.organisation != lead.display_name():
        text += f" ({_inline(lead.organisation)})"
    if include_private and lead.email:
        text += f", e-mail {_inline(lead.email)}"
    return _bullets([text])


def _moderators(session: ForumSession) -> list[str]:
    items = []
    for role in (Role.MODERATOR, Role.ONLINE_MODERATOR, Role.RAPPORTEUR):
        people = session.people_with(role)
        if people:
            names = ", ".join(_inline(person.display_name()) for person in people)
            items.append(f"{role_heading(role, many=len(people) != 1)}: {names}")
    return _nonempty(_bullets(items))


def _online(session: ForumSession) -> list[str]:
    online = session.online_participation
    hidden = [
        _inline(item.title) if item.title else f"segment {number}"
        for number, item in enumerate(session.agenda, start=1)
        if not item.public
    ]
    # The defaults (no captioning, broadcast on) say nothing the organiser chose.
    if online.is_empty() and not hidden:
        return []
    items = []
    if online.platform:
        items.append(f"Platform: {_inline(online.platform)}")
    hubs = _listed(online.remote_hubs)
    if hubs:
        items.append("Remote hubs: " + hubs)
    if online.speaking_queue:
        items.append(f"Speaking queue: {_inline(online.speaking_queue)}")
    items.append(f"Captioning: {_yes_no(online.captioning)}")
    interpretation = _listed(online.interpretation)
    items.append(f"Interpretation: {interpretation or 'none'}")
    items.append(f"Broadcast: {_yes_no(online.broadcast)}")
    if hidden:
        items.append("Not broadcast: " + "; ".join(hidden))
    return [_bullets(items), *_nonempty(_paragraphs(online.notes))]


def _link(link: Link) -> str:
    """``[Label](https://...)``, or ``<https://...>`` without a label: a link that only goes where it says."""
    try:
        # Checked again: a session made without validation must not smuggle in javascript:.
        url = checked_url(link.url)
    except LinkError:
        return f"{_line_start(link.label or link.url)} (address left out: not a web or e-mail address)"
    destination = quote(url, safe=_URL_SAFE)
    if not link.label:
        return f"<{destination}>"
    # "]" would end the link's text early; everything else is escaped as any typed text is.
    return f"[{_inline(link.label).replace(']', chr(92) + ']')}]({destination})"


# What an address keeps as it is in a link's destination; anything else ("(", ")", a
# space, non-ASCII) is percent-encoded, so it cannot end the link or open another.
_URL_SAFE = "!#$%&'*+,/:;=?@[]~-._"


# ----- pieces -----


def _paragraphs(text: str | None) -> str:
    return escape_markdown_text(text) if text else ""


def _numbered(items: list[str]) -> str:
    return "\n".join(f"{number}. {_line_start(item)}" for number, item in enumerate(items, start=1))


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _listed(texts: Iterable[str]) -> str:
    """Short texts on one line, comma-separated; blank ones (the model keeps them) left out."""
    return ", ".join(_inline(text) for text in texts if text.strip())


def _nonempty(block: str | list[str]) -> list[str]:
    if isinstance(block, list):
        return [b for b in block if b]
    return [block] if block else []


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    # Spaces around every "|" keep a cell ending in an escaped backslash from
    # escaping the separator.
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(text: str | None) -> str:
    return escape_markdown_text(text, in_table=True) if text else ""


def _label(term: Term | None) -> str:
    return term.label if term is not None else ""


def _kind_label(kind: str | None) -> str:
    if not kind:
        return ""
    member = parse(AgendaKind, kind)
    return member.label if member is not None else _cell(kind)


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _when(session: ForumSession) -> str:
    # On the venue's clock, zone named, then UTC for those who join from elsewhere:
    # "2019-11-26 09:30–11:00 (Berlin, CET; 08:30–10:00 UTC)".
    from igftui.model.local_time import clock_of, span_words

    return span_words(session.starts_at, session.ends_at, clock_of(session), lambda moment: f"{moment:%Y-%m-%d} ") or ""


# ----- file name -----

#: The longest name :func:`suggested_file_name` makes, before ".md".
FILE_NAME_LIMIT = 60

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# "Women's rights" reads better as "womens-rights" than as "women-s-rights".
_APOSTROPHES = re.compile(r"(?<=[a-z0-9])['\u2019](?=[a-z0-9])")
# Names Windows keeps for devices, whatever the extension: "con.md" cannot be created there.
_RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


#: Words a cut name must not end on: "...-human-rights-on-the" reads as cut mid-phrase.
_DANGLING_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "its",
    "of",
    "on",
    "or",
    "the",
    "their",
    "to",
    "with",
    "via",
    "vs",
}

#: What a private export's name ends with, so that it is never taken for the one to send.
PRIVATE_SUFFIX = "-private"


def suggested_file_name(session: ForumSession, *, private: bool = False) -> str:
    """A file name for the session's Markdown export, safe on every system.

    Made from the IGF code and the title ("ws-153-protecting-human-rights-defenders-online.md"),
    or the year and the title when there is no code ("igf-2026-my-title.md"); letters
    are folded to ASCII ("Lucía" gives "lucia") and everything else becomes "-".  The
    name is at most :data:`FILE_NAME_LIMIT` characters before ".md", cut between words
    when it can be, and never ending on a word such as "the" or "on" that leaves a phrase
    hanging.  A session with neither code nor title is "igf-draft-<id>.md", or
    "igf-proposal.md" before it has an id.  With ``private`` (an export holding private
    fields) the name ends "-private.md", within the same length.
    """
    code = _slug(session.display_code() or "")
    title = _slug(session.title or "")
    if code and title:
        name = f"{code}-{title}"
    elif title:
        name = f"igf-{session.year}-{title}" if session.year else title
    elif code:
        name = code
    elif session.id is not None:
        name = f"igf-draft-{session.id}"
    else:
        name = "igf-proposal"
    name = _shorten(name, FILE_NAME_LIMIT - (len(PRIVATE_SUFFIX) if private else 0))
    if name in _RESERVED_NAMES:
        name = f"igf-{name}"
    return f"{name}{PRIVATE_SUFFIX if private else ''}.md"


def _slug(text: str) -> str:
    # Case and accents off with the shared fold ("ß" becomes "ss"). Other non-ASCII
    # characters (dashes, emoji, other scripts) separate words like a space would, so
    # "Trust—Security" does not become "trustsecurity".
    bare = fold(text)
    return _NOT_SLUG.sub("-", _APOSTROPHES.sub("", bare)).strip("-")


def _shorten(name: str, limit: int) -> str:
    if len(name) <= limit:
        return name
    cut = name[:limit]
    if name[limit] != "-":
        # Mid-word: go back to the last word boundary, unless one word fills the limit.
        boundary = cut.rfind("-")
        if boundary > 0:
            cut = cut[:boundary]
    cut = cut.strip("-")
    words = cut.split("-")
    # Drop the small words a cut leaves at the end ("...-rights-on-the"), keeping at least one word.
    while len(words) > 1 and words[-1] in _DANGLING_WORDS:
        words.pop()
    return "-".join(words)
