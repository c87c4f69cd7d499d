"""The people of a session page: who they are and what role each holds.

IGF pages list people in many ways over the years:

* "Organizer 1: Civil Society, Western European and Others Group (WEOG)" (anonymised:
  group and region, no name), "Speaker 2: <Name> , Private Sector, African Group";
* "Proposer's Name: Ms. <Name>" with "Country:" and "Stakeholder Group:" lines after,
  a comma-separated "Mr,<First>,<LAST>,Academia,<Org>", free "<Name>, <Org>" lines;
* a Dynamic Coalition's one crammed line, "Moderator: X, Org Speakers: A, Org B, Org
  Rapporteur: Y, Org";
* label-lost forms, where the onsite moderator and the rapporteur are bare
  "Name, Group, Region" lines around an "Online Moderator" label (or with no label at
  all, in the order moderator, online moderator, rapporteur);
* free text, "Name - Org, Group Region [email protected] Name - Org, ...";
* 2020-22 open forums with no labels at all: organisation lines, then "Name, Org" lines
  (the organisers and the speakers);
* 2024-25 open forums' run of labels on one line, "Organizational Affiliation: X
  Moderator and Organizer: A (main), B (sub) Stakeholder: Government Regional Group: ...".
* the 2016 schedule: "Speakers provisionally confirmed:" over "Surname, Given" lines or
  "-Name, Org" lines, labels in Spanish ("Moderador:"), and person cards ("avatar for
  <Name>", the name, "<job>, <organisation>", a biography).

:class:`PeopleCollector` is fed the page's lines in order and keeps the state these
forms need; :meth:`PeopleCollector.participants` gives one entry per person, every role
that person holds merged into it (matched by the folded name, so "Jane DOE" and
"Doe Jane" are one person, kept given-name-first).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from igftui.formats.pages.dates import parse_date_line
from igftui.formats.pages.fields import match_field, parse_sdg_line
from igftui.formats.pages.text import EMAIL_MARK, line_cache, unmark
from igftui.model.session import Participant
from igftui.model.vocabulary import (
    Attendance,
    Format,
    ParticipantStatus,
    Region,
    Role,
    StakeholderGroup,
    normalise,
    parse,
)

_SALUTATION = re.compile(
    r"^(?:(?:ms|mr|mrs|miss|mx|dr|prof|professor|ambassador|amb|h\.?\s?e|hon|honou?rable|sir|dame|"
    r"eng|engr|rev|excellency|his excellency|her excellency)\.?(?:\s+|$))+",
    re.IGNORECASE,
)
_PARTICLES = {
    "de",
    "da",
    "das",
    "do",
    "dos",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "ten",
    "le",
    "la",
    "bin",
    "binti",
    "ibn",
    "al",
    "el",
    "y",
    "e",
    "st",
}
# Words that make a line prose or an organisation rather than a person's name.
_NOT_NAME_WORDS = {
    "the",
    "will",
    "is",
    "are",
    "be",
    "to",
    "with",
    "for",
    "this",
    "that",
    "we",
    "our",
    "session",
    "sessions",
    "group",
    "groups",
    "forum",
    "coalition",
    "university",
    "institute",
    "ministry",
    "foundation",
    "organization",
    "organisation",
    "association",
    "network",
    "internet",
    "digital",
    "policy",
    "government",
    "council",
    "commission",
    "agency",
    "centre",
    "center",
    "society",
    "committee",
    "department",
    "office",
    "union",
    "programme",
    "program",
    "project",
    "initiative",
    "company",
    "inc",
    "ltd",
    "igf",
    "theme",
    "moderator",
    "rapporteur",
    "speaker",
    "speakers",
    "organizer",
    "organiser",
    "format",
    "description",
    "online",
    "onsite",
    "room",
    "hall",
    "related",
    "report",
    "questions",
    "question",
    "goal",
    "goals",
    "and",
    "or",
    "of",
    "on",
    "in",
    "by",
    "from",
    "at",
    "as",
    "an",
    "a",
    "all",
    "how",
    "what",
    "why",
    "who",
    "when",
    "which",
    "round",
    "table",
    "panel",
    "other",
    "min",
    "minutes",
    "agenda",
    "outcomes",
    "expected",
    "sdgs",
    "youth",
    "not",
    "has",
    "have",
    "can",
    "should",
    "would",
    "could",
    "it",
    "its",
}
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$")
#: Longer than any organisation's name, joint ones included.  Piece after piece added to
#: an ever longer name (a page of thousands of lines ending in commas) would take time
#: that grows with the square of the page.
_LONGEST_ORGANISATION = 500


@dataclass
class Person:
    """One person (or an anonymised organiser) as read from the page."""

    name: str | None = None
    organisation: str | None = None
    stakeholder_group: StakeholderGroup | None = None
    region: Region | None = None
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    status: ParticipantStatus | None = None
    attendance: Attendance | None = None

    def add_role(self, role: Role) -> None:
        if role not in self.roles:
            self.roles.append(role)

    def add_organisation(self, text: str) -> None:
        text = text.strip(" ,;")
        if text and not self.organisation_full:
            self.organisation = f"{self.organisation}, {text}" if self.organisation else text

    @property
    def organisation_full(self) -> bool:
        """As long as an organisation's name ever gets: what follows is not part of it."""
        return len(self.organisation or "") >= _LONGEST_ORGANISATION

    @property
    def described(self) -> bool:
        return bool(self.organisation or self.stakeholder_group or self.region)


# ----- names -----


def clean_name(text: str | None) -> str | None:
    """A name without salutation, e-mail, stray spaces or punctuation; case left as written."""
    if text is None:
        return None
    text = unmark(text).strip(" ,;:-–—\"“”'")
    text = _SALUTATION.sub("", text).strip(" ,;:-–—")
    text = " ".join(text.split())
    return text or None


def plausible_name(text: str | None, *, lenient: bool = False) -> bool:
    """Whether text can be a person's name.

    ``lenient`` is for a value after a role label ("Speaker 2: valentina pellizzer"),
    where the label vouches for it and lower case is allowed; otherwise the words must
    be capitalised like a name, and two to five of them.
    """
    if not text or len(text) > 70 or any(ch.isdigit() for ch in text):
        return False
    if any(ch in text for ch in '?!:;@/()[]{}|"“”#*='):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= (6 if lenient else 5):
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    folded = [t.casefold().strip(".,") for t in tokens]
    if any(t in _NOT_NAME_WORDS and t not in ("and", "of") for t in folded):
        return False
    if parse(StakeholderGroup, text) or parse(Region, text) or parse(Role, text):
        return False
    if lenient:
        return not any(t in ("and", "of") for t in folded)
    if len(tokens) < 2 or any(t in ("and", "of") for t in folded):
        return False
    capitals = [t for t in tokens if t[0].isupper()]
    lowers = [t for t in tokens if not t[0].isupper()]
    return len(capitals) >= 2 and all(t.casefold() in _PARTICLES for t in lowers)


def name_key(name: str) -> str:
    """The folded name two lines of a page share when they mean the same person."""
    return " ".join(sorted(normalise(name).split()))


# ----- one person -----


_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _group(text: str) -> StakeholderGroup | None:
    found = parse(StakeholderGroup, text) or parse(StakeholderGroup, _no_brackets(text))
    if found is None and _GLUED.search(text):
        # "CivilSociety", "PrivateSector": a copy that lost the space between the words.
        found = parse(StakeholderGroup, _GLUED.sub(" ", text))
    return found


def _region(text: str) -> Region | None:
    # "Asia-Pacific Group (APAC)": the words outside the brackets name the region.
    found = parse(Region, text) or parse(Region, _no_brackets(text))
    if found is None and _GLUED.search(text):
        found = parse(Region, _GLUED.sub(" ", text))
    return found


#: Words that name a continent or a part of the world, not a UN regional group: a page
#: that gives one as a person's region says so (after the stakeholder group, as the 2023
#: Day 0 form does, "technical community, Africa"); elsewhere the word is a place.
_PLACE_WORDS = {
    "africa",
    "europe",
    "western europe",
    "eastern europe",
    "north america",
    "latin america",
    "asia",
    "na",
    "eu",
}


def _place_word(text: str) -> bool:
    return normalise(text) in _PLACE_WORDS


#: The last word of a job title ("Regional Bureau Director", "Senior Policy Advisor").
_TITLE_WORDS = {
    "director",
    "manager",
    "officer",
    "head",
    "chief",
    "executive",
    "advisor",
    "adviser",
    "consultant",
    "coordinator",
    "researcher",
    "fellow",
    "professor",
    "lecturer",
    "president",
    "ceo",
    "cto",
    "cio",
    "coo",
    "founder",
    "co-founder",
    "cofounder",
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "secretary",
    "minister",
    "ambassador",
    "specialist",
    "analyst",
    "lead",
    "expert",
    "counsel",
    "counsellor",
    "counselor",
    "editor",
    "journalist",
    "lawyer",
    "attorney",
    "student",
    "engineer",
    "scientist",
    "associate",
    "assistant",
    "representative",
    "delegate",
    "partner",
    "strategist",
    "activist",
    "advocate",
    "economist",
    "commissioner",
    "deputy",
    "envoy",
    "mp",
    "senator",
    "parliamentarian",
    "general",
    "candidate",
    "intern",
}
_TITLE_OF = re.compile(
    r"^(?:\w+\s+){0,2}?(?:head|director|minister|professor|chair|member|secretary)\s+(?:of|for)\s", re.IGNORECASE
)


def job_title(text: str) -> bool:
    """Whether a piece of a person's line is a job title, not an organisation."""
    words = text.strip(" .").split()
    if not words or len(words) > 6:
        return False
    if any(w.casefold() in _NOT_TITLE_WORDS for w in words):
        return False  # "Ministry", "University", "Office": the organisation itself
    last = words[-1].casefold().split("-")[-1]
    return last in _TITLE_WORDS or words[-1].casefold() in _TITLE_WORDS or bool(_TITLE_OF.match(text))


#: Words that make a piece an organisation even when it ends like a title ("Office of the Chief").
_NOT_TITLE_WORDS = {
    "ministry",
    "university",
    "office",
    "institute",
    "foundation",
    "association",
    "council",
    "commission",
    "agency",
    "centre",
    "center",
    "inc",
    "ltd",
    "network",
    "society",
    "union",
    "company",
    "department",
}


def _no_brackets(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", text).strip()


_AMBIGUOUS_REGIONS = {"na", "eu"}


def _group_and_region(text: str) -> tuple[StakeholderGroup | None, Region | None]:
    """ "Civil Society Asia-Pacific (APAC)": a group and a region written without a comma."""
    words = text.split()
    for cut in range(1, len(words)):
        group = _group(" ".join(words[:cut]))
        region = _region(" ".join(words[cut:])) if group else None
        if group and region:
            return group, region
    return None, None


def parse_person(text: str, *, lenient: bool = False) -> Person | None:
    """Read "Name, Org", "Name, Group, Region", "Group, Region", "Name - Org, Group Region"...

    Returns ``None`` when the text does not hold a plausible name (or, for an anonymised
    organiser, a stakeholder group or region in its first place).
    """
    found = _read_person(text, lenient)
    # The cached reading is never handed out: the collector adds roles to what it gets.
    return replace(found, roles=list(found.roles)) if found is not None else None


#: "(Confirmed)", "(TBC)", "(online)": what a list says of a person's place in the session.
_MARKED = re.compile(
    r"\s*\((confirmed|tbc|to be confirmed|tbd|invited|provisional|provisionally confirmed|declined"
    r"|online|remote|virtual|onsite|on-site|in person)\)",
    re.IGNORECASE,
)
_MARK_STATUS = {"tbc": "provisional", "to be confirmed": "provisional", "tbd": "provisional"}


@line_cache
def _read_person(text: str, lenient: bool) -> Person | None:
    text = unmark(text).strip()
    text = text.removeprefix("- ")
    text = text.strip(" .;,")
    if not text or len(text) > 300:
        return None
    status = attendance = None
    if "(" in text:
        for mark in _MARKED.finditer(text):
            word = mark.group(1).casefold()
            status = status or parse(ParticipantStatus, _MARK_STATUS.get(word, word))
            attendance = attendance or parse(Attendance, word)
        text = _MARKED.sub("", text).strip(" .;,")
    found = _read_marked_person(text, lenient)
    if found is not None and (status or attendance):
        found = replace(found, status=status, attendance=attendance)
    return found


def _read_marked_person(text: str, lenient: bool) -> Person | None:
    if not text:
        return None
    bracketed = re.match(r"^([^(),]+?)\s*\(([^()]+)\)$", text)
    if bracketed and plausible_name(clean_name(bracketed.group(1)), lenient=lenient):
        # "Halvard Osei (Civil Society, WEOG)", "Jane Doe (UNESCO)"
        parts = [bracketed.group(1), *(p.strip() for p in bracketed.group(2).split(","))]
    else:
        parts = [p.strip() for p in text.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    first, rest = parts[0], parts[1:]
    person = Person()
    if _group(first) or (_region(first) and normalise(first) not in _AMBIGUOUS_REGIONS):
        rest = parts  # an anonymised organiser: no name, group and region only
    else:
        dash = re.split(r"\s+[-–—]\s+", first, maxsplit=1)
        if len(dash) == 2 and plausible_name(clean_name(dash[0]), lenient=lenient):
            first, rest = dash[0], [dash[1], *rest]
        elif "(" in first and first.endswith(")"):
            # "Jane Doe (UNESCO)"
            inner = first[first.find("(") + 1 : -1]
            first, rest = first[: first.find("(")], [inner, *rest]
        person.name = clean_name(first)
        if not plausible_name(person.name, lenient=lenient):
            return None
    organisation: list[str] = []
    for part in rest:
        group, region = _group(part), _region(part)
        if group and person.stakeholder_group is None and (region is None or person.region is None):
            if region and person.stakeholder_group is None and group.value == region.value:
                person.stakeholder_group = group  # the group comes before the region
            else:
                person.stakeholder_group = group
        elif region and person.region is None and (not _place_word(part) or person.stakeholder_group is not None):
            person.region = region
        else:
            both = _group_and_region(part) if person.stakeholder_group is None else (None, None)
            if both[0]:
                person.stakeholder_group, person.region = both
            elif person.name is not None and job_title(part):
                continue  # "Regional Bureau Director": what the person does, not where
            else:
                at = re.match(r"^(.+?)\s+(?:at|@)\s+(\S.*)$", part)
                # "Policy Lead at Acme": the organisation is after "at".
                organisation.append(at.group(2) if at and job_title(at.group(1)) else part)
    if organisation:
        org = ", ".join(organisation)
        country = re.search(r"\s*\(([^()]+)\)$", org)
        if country and _looks_like_country(country.group(1)):
            person.country = country.group(1).strip()
            org = org[: country.start()].strip()
        person.organisation = org.strip(" ,") or None
    if person.name is None and not (person.stakeholder_group or person.region):
        return None
    return person


def _looks_like_country(text: str) -> bool:
    # "(Brazil)", "(South Africa)"; an acronym in brackets ("(ITU)") belongs to the organisation.
    words = text.split()
    return (
        1 <= len(words) <= 4 and not text.isupper() and all(w[0].isupper() or w in ("and", "of", "the") for w in words)
    )


_CSV_PERSON = re.compile(r"^(ms|mr|mrs|miss|mx|dr|prof)\.?,", re.IGNORECASE)


def parse_csv_person(line: str) -> Person | None:
    """ "Mr,First,LAST,Academia,Org": salutation, first name, surname, group, organisation."""
    if not _CSV_PERSON.match(line):
        return None
    parts = [p.strip() for p in line.split(",")]
    if len(parts) < 3:
        return None
    names = [p for p in parts[1:3] if p and not _group(p)]
    person = Person(name=clean_name(" ".join(names)))
    for part in parts[3:] if len(names) == 2 else parts[1 + len(names) :]:
        if not part:
            continue
        if _group(part) and person.stakeholder_group is None:
            person.stakeholder_group = _group(part)
        elif _region(part) and person.region is None:
            person.region = _region(part)
        else:
            person.add_organisation(part)
    return person if plausible_name(person.name, lenient=True) else None


# ----- several people in one value -----


def split_people(value: str, *, lenient: bool = False) -> list[Person]:
    """The people in one value that lists several: "A, Org B, Org", "A; B", "A and B"..."""
    value = value.strip().strip(".")
    if not value:
        return []
    for separator in (EMAIL_MARK, ";", " | "):
        if separator in value:
            return _each(value.split(separator), lenient)
    dashed = re.split(r"\s+[-–—]\s+", value)
    if len(dashed) >= 2:
        people = [parse_person(piece) for piece in dashed]
        described = [p for p in people if p and p.name and (p.stakeholder_group or p.region)]
        if len(described) >= 2:
            return [p for p in people if p]
    if re.search(r"\)\s*,\s*\S", value):
        return _each(re.split(r"(?<=\))\s*,\s*", value), lenient)
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts:
        return []  # "Speakers: , ," lists nobody
    if len(parts) == 1:
        both = re.split(r"\s+(?:and|&)\s+", parts[0])
        if len(both) >= 2 and all(plausible_name(clean_name(b)) for b in both):
            return _each(both, lenient)
        person = parse_person(parts[0], lenient=lenient)
        return [person] if person else []
    if len(parts) >= 3 and all(len(p.split()) <= 3 and plausible_name(clean_name(p)) for p in parts):
        return _each(parts, lenient)  # names only: "A, B, C" (two parts are "Name, Org")
    return _comma_chain(parts, lenient)


def _each(pieces: list[str], lenient: bool) -> list[Person]:
    people = []
    for piece in pieces:
        person = parse_person(piece, lenient=lenient) if piece.strip(" .,;") else None
        if person:
            people.append(person)
    return people


def _comma_chain(parts: list[str], lenient: bool) -> list[Person]:
    """ "A, Org A B, Org B C, Org C": where line breaks were lost, a name ends each organisation."""
    people: list[Person] = []
    current = [parts[0]]
    for index, part in enumerate(parts[1:], start=1):
        last = index == len(parts) - 1
        words = part.split()
        cut = 0 if last else _name_tail(words)
        if cut and len(words) > cut:
            current.append(" ".join(words[:-cut]))
            people.extend(_each([", ".join(current)], lenient))
            current = [" ".join(words[-cut:])]
        else:
            current.append(part)
    people.extend(_each([", ".join(current)], lenient))
    return people


def _name_tail(words: list[str]) -> int:
    """How many words at the end of ``words`` make a name: 2, more with particles, or 0."""
    if len(words) < 3:
        return 0
    size = 2
    while size < len(words) - 1 and words[-size - 1].casefold() in _PARTICLES:
        size += 2 if size + 2 < len(words) else 1
    tail = " ".join(words[-size:])
    return size if plausible_name(tail) else 0


# ----- labels -----

_ROLE_WORDS: list[tuple[str, Role, bool]] = [
    # (pattern, role, plural)
    # Before the words they start with (the first alternative that matches is taken):
    # "Speakers provisionally confirmed:", as the 2016 schedule heads its list.
    (r"speakers\s+(?:(?:provisionally|tentatively)\s+)?(?:confirmed|invited|proposed)", Role.SPEAKER, True),
    (r"session\s+organi[sz]ers", Role.ORGANIZER, True),
    # "Name of Speaker(s)", a 2016 open forum's question kept as a label.
    (r"names?\s+of\s+(?:the\s+)?speakers?(?:\s*\(s\))?", Role.SPEAKER, True),
    (r"(?:online|remote)\s+moderators", Role.ONLINE_MODERATOR, True),
    (r"(?:online|remote)\s+moderator", Role.ONLINE_MODERATOR, False),
    (r"(?:onsite|on-site|in-person|in\s+person)\s+moderator", Role.MODERATOR, False),
    (r"moderators", Role.MODERATOR, True),
    (r"moderator", Role.MODERATOR, False),
    (r"rapporteurs", Role.RAPPORTEUR, True),
    (r"rapporteur", Role.RAPPORTEUR, False),
    (r"(?:additional|confirmed|invited|key|proposed|other)\s+speakers", Role.SPEAKER, True),
    (r"speakers", Role.SPEAKER, True),
    (r"speaker", Role.SPEAKER, False),
    (r"panel+ists", Role.SPEAKER, True),
    (r"panel+ist", Role.SPEAKER, False),
    (r"co-?organi[sz]ers", Role.ORGANIZER, True),
    (r"co-?organi[sz]er", Role.ORGANIZER, False),
    (r"organi[sz]ers", Role.ORGANIZER, True),
    (r"organi[sz]er", Role.ORGANIZER, False),
    (r"coordinators", Role.ORGANIZER, True),
    (r"coordinator", Role.ORGANIZER, False),
    # Spanish and French labels, as pages for meetings in Latin America and Africa write them.
    # Each plural before its singular, for the same reason.
    (r"moderador(?:es|as)|mod[ée]rat(?:eur|rice)s", Role.MODERATOR, True),
    (r"moderador(?:a)?|mod[ée]rat(?:eur|rice)", Role.MODERATOR, False),
    (r"relator(?:es|as)", Role.RAPPORTEUR, True),
    (r"relator(?:a)?|rapporteuse", Role.RAPPORTEUR, False),
    (
        r"ponentes|orador(?:es|as)|panelistas|intervenant(?:e)?s|orat(?:eur|rice)s|conf[ée]renci(?:er|[èe]re)s",
        Role.SPEAKER,
        True,
    ),
    (
        r"ponente|orador(?:a)?|panelista|intervenant(?:e)?|orat(?:eur|rice)|conf[ée]renci(?:er|[èe]re)",
        Role.SPEAKER,
        False,
    ),
    (r"organizador(?:es|as)|organisat(?:eur|rice)s", Role.ORGANIZER, True),
    (r"organizador(?:a)?|organisat(?:eur|rice)", Role.ORGANIZER, False),
]
_ROLE_PATTERNS = [(re.compile(p, re.IGNORECASE), role, plural) for p, role, plural in _ROLE_WORDS]
_ROLE_ALTERNATION = "|".join(f"(?:{p})" for p, _, _ in _ROLE_WORDS)
_ROLE_LABEL = re.compile(rf"^({_ROLE_ALTERNATION})(?:\s*(\d+))?\s*(:|：)?\s*(.*)$", re.IGNORECASE)
# A role label in the middle of a crammed line: capitalised, followed by a colon
# (or "Rapporteur" followed by a capitalised name, as one 2019 page writes it).
_INNER_LABEL = re.compile(
    r"(?<=\s)((?:(?:Online|Remote|Onsite|On-site)\s+)?(?:[Mm]oderators?|[Ss]peakers?|[Rr]apporteurs?|"
    r"[Cc]oordinators?|(?:Co-?)?[Oo]rgani[sz]ers?|[Pp]anel+ists?)\s*:|Rapporteurs?(?=\s+[A-Z])|"
    r"Secretariat support\s*:)"
)


@dataclass(frozen=True)
class Label:
    """A people label at the start of a line: its kind, role, number and the value after it."""

    # role, proposer, proposer_org, proposer_header, coproposer_header, country, group, name, organisation, ignore
    kind: str
    value: str = ""
    role: Role | None = None
    plural: bool = False
    number: int | None = None
    colon: bool = False


#: The words any people label starts with (the patterns below and the role words).
_LABEL_START = re.compile(
    r"(?:co-?proposer|proposer|country|stakeholder|name|organi[sz]|secretariat|online|remote|onsite|on-site|"
    r"in-person|in\s|moderator|rapporteur|additional|confirmed|invited|key|proposed|other|speaker|panel|"
    r"co-?organi|coordinator|session\s+organi|moder|mod[ée]rat|relator|rapporteuse|ponente|orador|intervenant|"
    r"orat|conf[ée]renci)",
    re.IGNORECASE,
)
_OTHER_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^co-?proposer'?s?\s+name\s*:\s*(.*)$", re.IGNORECASE), "proposer"),
    (re.compile(r"^proposer'?s?\s+name\s*:\s*(.*)$", re.IGNORECASE), "proposer"),
    (re.compile(r"^co-?proposer'?s?\s+organi[sz]ation\s*:\s*(.*)$", re.IGNORECASE), "proposer_org"),
    (re.compile(r"^proposer'?s?\s+organi[sz]ation\s*:\s*(.*)$", re.IGNORECASE), "proposer_org"),
    (re.compile(r"^proposer\s*:?\s*$", re.IGNORECASE), "proposer_header"),
    (re.compile(r"^co-?proposer\s*:?\s*$", re.IGNORECASE), "coproposer_header"),
    (re.compile(r"^country\s*:\s*(.*)$", re.IGNORECASE), "country"),
    (re.compile(r"^stakeholder\s+group\s*:\s*(.*)$", re.IGNORECASE), "group"),
    (re.compile(r"^name\s*:\s*(.*)$", re.IGNORECASE), "name"),
    (re.compile(r"^organi[sz]ation\s*:\s*(.*)$", re.IGNORECASE), "organisation"),
    (re.compile(r"^(?:secretariat\s+support|organi[sz]ing\s+organi[sz]ations?)\s*:\s*(.*)$", re.IGNORECASE), "ignore"),
]


@line_cache
def match_label(line: str) -> Label | None:
    """The people label a line starts with, if any."""
    if not _LABEL_START.match(line):
        return None  # most lines: one regex instead of a dozen
    for pattern, kind in _OTHER_LABELS:
        match = pattern.match(line)
        if match:
            return Label(kind=kind, value=(match.group(1) if match.groups() else "").strip(), colon=True)
    match = _ROLE_LABEL.match(line)
    if not match:
        return None
    words, number, colon, value = match.groups()
    if not colon and value and not number:
        # "Speakers are expected to..." is prose; only "Moderator" alone, "Speaker 1 Name" or
        # "Rapporteur Name" (seen on one page) count without a colon.
        return None
    for pattern, role, plural in _ROLE_PATTERNS:
        if pattern.fullmatch(words):
            return Label(
                kind="role",
                value=value.strip(),
                role=role,
                plural=plural,
                number=int(number) if number else None,
                colon=bool(colon),
            )
    return None


def split_crammed(line: str) -> list[tuple[Label, str]] | None:
    """A line holding several role labels, cut into (label, value) pieces; ``None`` otherwise."""
    first = match_label(line)
    if first is None or first.kind not in ("role", "ignore") or not first.value:
        return None
    starts = [m.start() for m in _INNER_LABEL.finditer(line)]
    if not starts:
        return None
    pieces: list[tuple[Label, str]] = []
    bounds = [0, *starts, len(line)]
    for begin, end in itertools.pairwise(bounds):
        chunk = line[begin:end].strip()
        label = match_label(chunk) or match_label(re.sub(r"^(Rapporteurs?)\s+", r"\1: ", chunk))
        if label is not None:
            pieces.append((label, label.value))
    return pieces if len(pieces) >= 2 else None


# ----- a run of labels on one line -----

_RUN_ROLE = (
    r"(?:(?:Onsite|On-site|Online|Remote)\s+)?"
    r"(?:[Mm]oderators?|(?:Co-?)?[Oo]rgani[sz]ers?|[Ss]peakers?|[Rr]apporteurs?)"
)
#: The labels of the 2024-25 open forum pages, which run on one line: "Organizational
#: Affiliation: X Moderator and Organizer: A (main), B (sub) Stakeholder: Government
#: Regional Group: Asia-Pacific".  A label starts the line or follows a space, and is
#: capitalised as the page prints it, so a word of a value is no label.
_RUN_LABEL = re.compile(
    rf"(?:^|(?<=\s))((?:Organi[sz]ational\s+)?Affiliation|{_RUN_ROLE}(?:\s*\d+)?(?:\s+(?:and|&)\s+{_RUN_ROLE})*"
    r"|Stakeholder(?:\s+[Gg]roup)?|Regional\s+[Gg]roup|Region|Country)\s*:\s*"
)
_RUN_START = re.compile(
    r"(?:Organi|Affiliation|Onsite|On-site|Online|Remote|Moderat|moderat|Co-?[Oo]rgani|organi|[Ss]peaker|[Rr]apporteur|Stakeholder|Region|Country)"
)
#: Labels no other form of page uses: one of them marks a run even when it stands alone.
_RUN_ONLY = re.compile(
    r"^(?:(?:Organi[sz]ational\s+)?Affiliation|Stakeholder|Regional\s+[Gg]roup|Region|.+\s(?:and|&)\s.+)$"
)
#: "(main)", "(sub)", "(TBC)": how a run marks its people; not part of their names.
_ANNOTATION = re.compile(
    r"\s*\((?:main|sub|lead|co-?lead|co-?moderator|online|onsite|on-site|remote|in person|tbc|tbd|confirmed|invited)\)",
    re.IGNORECASE,
)


@dataclass
class _Run:
    """What a run of labels on one line says: its people by role, and whose they are."""

    people: list[tuple[Person, list[Role]]] = field(default_factory=list)
    affiliation: str | None = None
    group: StakeholderGroup | None = None
    region: Region | None = None
    country: str | None = None


def read_run(line: str) -> _Run | None:
    """A line of several labels ("Organizational Affiliation: ... Moderator and Organizer: ...").

    ``None`` unless the line opens with such a label and holds two of them, or opens with
    one that only these runs use.
    """
    if ":" not in line or len(line) > 2000 or not _RUN_START.match(line):
        return None  # most lines: one cheap look instead of a search through the line
    found = list(_RUN_LABEL.finditer(line))
    if not found or found[0].start() != 0:
        return None
    labels = [" ".join(m.group(1).split()) for m in found]
    if len(found) < 2 and not _RUN_ONLY.match(labels[0]):
        return None
    if not any(_RUN_ONLY.match(label) for label in labels):
        return None  # "Moderator: A Speakers: B": the crammed Dynamic Coalition line, read elsewhere
    run = _Run()
    ends = [m.start() for m in found[1:]] + [len(line)]
    for match, label, end in zip(found, labels, ends, strict=True):
        value = line[match.end() : end].strip(" ,;")
        if not value:
            continue
        folded = label.casefold()
        if folded.endswith("affiliation"):
            run.affiliation = value
        elif folded.startswith("stakeholder"):
            run.group = _group(value)
        elif folded.startswith("region"):
            run.region = _region(value)  # the page names the region: a continent word will do
        elif folded == "country":
            run.country = value
        else:
            roles = _run_roles(label)
            for person in _run_people(value):
                run.people.append((person, roles))
    return run if run.people or run.affiliation or run.group or run.region or run.country else None


def _run_roles(label: str) -> list[Role]:
    roles = []
    for word in re.split(r"\s+(?:and|&)\s+", label):
        word = re.sub(r"\s*\d+$", "", word)
        for pattern, role, _plural in _ROLE_PATTERNS:
            if pattern.fullmatch(word):
                roles.append(role)
                break
    return roles


def _run_people(value: str) -> list[Person]:
    value = _ANNOTATION.sub("", value)
    if ";" in value:
        return _each(value.split(";"), True)  # "A, Org; B, Org"
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) >= 2 and all(plausible_name(clean_name(p)) for p in parts):
        return _each(parts, True)  # "A, B": names only
    return split_people(value, lenient=True)


# ----- the collector -----


_AVATAR = re.compile(r"^avatar\s+for\s+(\S.{1,80})$", re.IGNORECASE)
_NRI_ITEM = re.compile(r"^\d{1,2}[.)]\s+(.{2,60}?\b(?:IGF|Internet Governance Forum)(?:\s+\w+)?)\s*\.?$")
_ORDER = [Role.MODERATOR, Role.ONLINE_MODERATOR, Role.RAPPORTEUR]


@dataclass
class _TailItem:
    person: Person
    role: Role | None  # None: a bare line whose label the page lost


class PeopleCollector:
    """Reads the page's people line by line; see the module's docstring for the forms."""

    def __init__(self) -> None:
        self._people: list[Person] = []
        self._tail: list[_TailItem] = []
        self._pending: tuple[Role, bool] | None = None
        self._zone = False
        self._speakers_seen = False
        self._mode: str | None = None  # "free": unlabelled speaker lines; "bullets": a bulleted list
        self._last: Person | None = None
        self._continuable = False
        self._proposers: list[Person] = []
        self._cursor = 0
        self._named: Person | None = None
        # The one person of the line just taken, and the text read for them: a copy may
        # have wrapped that line ("Speaker 2: Name, Private Sector," / "African Group").
        self._wrap: tuple[Person, str] | None = None
        self._tail_labelled = False  # some moderator or rapporteur in the tail kept its label
        self._run = _Run()  # what the page's runs of labels said of the organising body
        self._prose = False  # the page's prose began
        self._following = ""  # the line below the one being read
        # Organisation lines read so far with no label above them, by their index: the
        # organisers, if unlabelled speakers follow them.
        self._organisations: list[tuple[int, Person]] = []
        #: Indexes of lines taken as people after they were passed over.
        self.claimed: set[int] = set()
        # The schedule's card being read ("avatar for <Name>" opens it), and the step it is at.
        self._avatar: tuple[Person, str] | None = None
        self._avatar_role = Role.SPEAKER

    # -- what the reader asks --

    @property
    def found_any(self) -> bool:
        return bool(self._people)

    def close_zone(self, *, prose: str = "") -> None:
        """The people part of the page is over (``prose``, a line of it, or another field began)."""
        self._zone = False
        self._pending = None
        self._continuable = False
        # A long "Organisation, Group, Region" line is no sentence: unlabelled people may follow it.
        sentence = prose.endswith((".", "!", "?")) or _reads_as_sentence(prose)
        self._prose = self._prose or sentence
        if sentence or not prose:
            self._organisations = []

    def feed(
        self, line: str, *, blanks_before: int = 0, in_text: bool = False, index: int = -1, following: str = ""
    ) -> bool:
        """Take a line if it is about people; return whether it was taken.

        ``index`` is the line's place on the page (the lines :attr:`claimed` later are
        named by it) and ``following`` the line below it.
        """
        wrap, self._wrap = self._wrap, None
        if wrap is not None and blanks_before == 0 and self._unwrap(wrap, line):
            return True
        self._following = following
        taken = self._feed(line, blanks_before, in_text)
        if not taken and line:
            self._continuable = False
            organiser = None if in_text or not self._unlabelled_yet() else organisation_line(line)
            if organiser is not None:
                self._organisations.append((index, organiser))
            else:
                self._organisations = []
        return taken

    def _unlabelled_yet(self) -> bool:
        """Nobody found and no prose yet: an unlabelled list of people may still begin."""
        return not self._people and not self._prose and not self._zone

    def _opens_unlabelled_list(self, person: Person) -> bool:
        """ "Name, Org" lines with no label above them (2020-22 open forums): the speakers.

        Only where nobody was found before and no prose began, and only for a line that
        gives both group and region, or that another such line follows.  Bare names
        count only below the organisations' lines, two of them at least.
        """
        if not self._unlabelled_yet() or _reads_as_sentence(person.organisation):
            return False
        if _names_an_organisation(person.name):
            return False  # "Orbital Education Trust, Civil Society, WEOG": an organiser
        if person.stakeholder_group and person.region:
            return True
        below = parse_person(self._following) if self._following else None
        if below is None or below.name is None or _names_an_organisation(below.name):
            return False
        if not person.described:
            return bool(self._organisations) and not below.described
        return below.described

    def take_unlabelled(self, organisers: list[Person], speakers: list[Person]) -> None:
        """The lists :func:`unlabelled_list` found at the end of the description: the reader
        sees where that text ends, which the lines alone do not tell."""
        for organiser in organisers:
            self._add(organiser, Role.ORGANIZER)
        for speaker in speakers:
            self._add(speaker, Role.SPEAKER)
        self._speakers_seen = True
        self._organisations = []

    def _claim_organisations(self) -> None:
        """The organisations listed just above unlabelled speakers are the session's organisers."""
        for index, organiser in self._organisations:
            self._add(organiser, Role.ORGANIZER)
            self.claimed.add(index)
        self._organisations = []

    def _feed(self, line: str, blanks: int, in_text: bool) -> bool:
        if not line:
            return False
        run = read_run(line) if not in_text else None
        if run is not None:
            self._take_run(run)
            return True
        if self._avatar is not None or (line[0] in "aA" and line[:7].casefold() == "avatar "):
            taken = self._avatar_card(line, blanks)
            if taken is not None:
                return taken
        label = match_label(line)
        if label is None and line.startswith("- ") and match_label(line[2:]) is not None:
            # A saved page's list: "- Speaker 1: ..." is the same line as "Speaker 1: ...".
            line = line[2:]
            label = match_label(line)
        if label is not None:
            return self._labelled(line, label, in_text)
        if in_text:
            return False
        csv = parse_csv_person(line)
        if csv:
            self._add(csv, Role.ORGANIZER)
            return True
        nri = _NRI_ITEM.match(line)
        if nri:
            self._add(Person(organisation=nri.group(1).strip()), Role.ORGANIZER)
            return True
        if self._pending is not None:
            role, plural = self._pending
            # Under "Confirmed Speakers:" each line is one person, unless it says otherwise.
            several = plural and any(sep in line for sep in (";", EMAIL_MARK, " | "))
            people = split_people(line, lenient=True) if several else _one(line, lenient=True)
            if people:
                for one in people:
                    self._add_role_person(one, role, labelled=True)
                if not plural:
                    self._pending = None
                self._continuable = line.endswith(",")
                return True
            self._pending = None
        if (
            self._continuable
            and blanks == 0
            and self._last is not None
            and not self._last.organisation_full
            and _continuation(line)
        ):
            self._last.add_organisation(line)
            self._continuable = line.endswith(",")
            return True
        if self._several(line):
            return True
        bulleted = line.startswith("- ")
        person = parse_person(line)
        if person is None or person.name is None:
            return False
        if not bulleted and not person.described and self._zone and self._tail_labelled:
            # "<Name>" alone after a labelled online moderator: the rapporteur, label lost.
            self._tail.append(_TailItem(self._keep(person), None))
            return True
        if bulleted and (_reads_as_sentence(person.organisation) or (not self._zone and not person.described)):
            # A bullet that goes on as a sentence ("- Name, Org (Confirmed) will discuss
            # ...") belongs to the description that lists it, not to the speakers.
            return False
        if bulleted:
            self._mode = "bullets"
            self._add(person, Role.SPEAKER)
            self._speakers_seen = True
        elif self._opens_unlabelled_list(person):
            self._claim_organisations()
            self._mode = "free" if person.described else "names"
            self._add(person, Role.SPEAKER)
            self._speakers_seen = True
        elif not self._zone or (not person.described and self._mode != "names"):
            return False
        elif self._mode in ("free", "names") or not self._speakers_seen:
            self._mode = self._mode if self._mode == "names" else "free"
            self._add(person, Role.SPEAKER)
            self._speakers_seen = True
        else:
            self._tail.append(_TailItem(self._keep(person), None))
        self._zone = True
        # Free "Name, role, organisation" lines wrap onto the next line; "Name, Group,
        # Region" lines do not.
        self._continuable = not (person.stakeholder_group and person.region) and self._mode != "names"
        return True

    def _avatar_card(self, line: str, blanks: int) -> bool | None:
        """The schedule's card for a person: "avatar for <Name>", the name, "<job>, <org>", a biography.

        Returns whether the line was taken, or ``None`` when it is not part of a card.
        """
        avatar = _AVATAR.match(line)
        if avatar is not None:
            person = parse_person(avatar.group(1), lenient=True)
            if person is None or person.name is None:
                self._avatar = None
                return None
            # Cards stand under "Speakers", "Moderators" or "Session Organizers".
            role = self._pending[0] if self._pending is not None else self._avatar_role
            self._avatar_role = role
            self._add_role_person(person, role, labelled=True)
            self._avatar = (person, "name")
            return True
        if self._avatar is None:
            return None
        person, step = self._avatar
        label = match_label(line)
        if label is not None or match_field(line) is not None or parse_date_line(line) is not None:
            self._avatar = None
            return None
        if step == "name" and normalise(clean_name(line) or "") == normalise(person.name or ""):
            self._avatar = (person, "job")
            return True
        if step in ("name", "job") and len(line) <= 150:
            person.add_organisation(line)
            self._avatar = (person, "biography")
            return True
        if step == "biography" and blanks == 0:
            return True  # about the person, not the session
        self._avatar = None
        return None

    def _labelled(self, line: str, label: Label, in_text: bool) -> bool:
        kind = label.kind
        if kind == "role" and label.role is not None:  # a role label always names its role
            role = label.role
            crammed = split_crammed(line)
            if crammed:
                for piece, value in crammed:
                    if piece.kind == "role" and piece.role is not None:
                        for person in split_people(value, lenient=True):
                            self._add_role_person(person, piece.role, labelled=True)
                self._zone = True
                return True
            if not label.value:
                if in_text and label.colon is False and label.number is None:
                    return False
                self._pending = (
                    role,
                    label.plural or (role is Role.SPEAKER and label.number is None and not label.colon),
                )
                self._zone = True
                self._mode = None
                return True
            people = split_people(label.value, lenient=True) if label.plural else _one(label.value, lenient=True)
            if not people and label.plural and label.role is Role.ORGANIZER:
                # "Co-organizers: Student Net Council, Open Campus Network": organisations.
                people = [Person(organisation=part.strip()) for part in label.value.split(",") if part.strip()]
            if not people:
                return False
            for person in people:
                self._add_role_person(person, role, labelled=True)
            if len(people) == 1 and not (people[0].stakeholder_group and people[0].region):
                self._wrap = (people[0], label.value)
            self._pending = None
            self._mode = None
            self._zone = True
            self._continuable = label.value.endswith(",")
            return True
        if in_text and kind in ("name", "organisation", "country", "group"):
            return False
        self._zone = True
        if kind == "proposer":
            proposer = parse_person(label.value, lenient=True) if label.value else None
            if proposer is not None:
                self._proposers.append(self._add(proposer, Role.ORGANIZER))
            return True
        if kind == "proposer_org":
            if self._proposers and label.value:
                self._proposers[-1].add_organisation(label.value)
            return True
        if kind in ("proposer_header", "coproposer_header"):
            # "Proposer:" then "Country:" and "Stakeholder Group:": the proposer, named above
            # or, when the page names nobody, an organiser known only by group and country.
            self._cursor = 0 if kind == "proposer_header" else 1
            while len(self._proposers) <= self._cursor:
                self._proposers.append(self._add(Person(), Role.ORGANIZER))
            return True
        if kind in ("country", "group"):
            target = self._proposer_at_cursor() or self._named
            if target is not None and label.value:
                if kind == "country":
                    target.country = target.country or label.value
                else:
                    target.stakeholder_group = target.stakeholder_group or _group(label.value)
                    if self._proposer_at_cursor() is target:
                        self._cursor += 1
            elif target is None and kind == "group" and _group(label.value):
                # A "Country:"/"Stakeholder Group:" pair for a proposer the page does not name.
                self._proposers.append(self._add(Person(stakeholder_group=_group(label.value)), Role.ORGANIZER))
                self._cursor = len(self._proposers)
            return True
        if kind == "name":
            named = parse_person(label.value, lenient=True) if label.value else None
            if named is not None:
                # "Name:", "Organization:", "Stakeholder Group:": the proposer's contact details.
                self._named = self._add(named, Role.ORGANIZER)
            return True
        if kind == "organisation":
            if self._named is not None and label.value:
                self._named.add_organisation(label.value)
            return True
        return kind == "ignore"

    def _take_run(self, run: _Run) -> None:
        """The people of a run; what it says of their organisation is settled at the end.

        The labels may also stand one to a line, the group and region after the people, so
        the organisation's details are gathered over the page and given out by
        :meth:`_resolve_runs`.
        """
        context = self._run
        context.affiliation = context.affiliation or run.affiliation
        context.group = context.group or run.group
        context.region = context.region or run.region
        context.country = context.country or run.country
        for person, roles in run.people:
            for role in roles:
                self._add_role_person(person, role, labelled=True)
            # The affiliation is the organising body's: its team (organisers, moderators,
            # rapporteur) belong to it; a speaker may come from anywhere.
            if person.organisation is None and set(roles) - {Role.SPEAKER}:
                context.people.append((person, roles))
        self._pending = None
        self._mode = None
        self._zone = True

    def _resolve_runs(self) -> None:
        context, self._run = self._run, _Run()
        if not context.affiliation:
            return
        for person, _roles in context.people:
            person.organisation = person.organisation or context.affiliation
            person.stakeholder_group = person.stakeholder_group or context.group
            person.region = person.region or context.region
            person.country = person.country or context.country
        if not context.people:
            # The organising body alone, as anonymised organisers are written.
            organiser = Person(organisation=context.affiliation, stakeholder_group=context.group, region=context.region)
            organiser.country = context.country
            self._add(organiser, Role.ORGANIZER)

    def _unwrap(self, wrap: tuple[Person, str], line: str) -> bool:
        """Join a wrapped "Name, Group, Region" line back when the two halves make one.

        Only when the joined text gives both the stakeholder group and the region: a
        free "<role, org>" line under "Moderator: Name," stays the organisation.
        """
        if match_label(line) is not None or match_field(line) is not None or len(line) > 120:
            return False
        person, value = wrap
        joined = parse_person(f"{value} {line}", lenient=True)
        if joined is None or joined.name != person.name or not (joined.stakeholder_group and joined.region):
            return False
        person.organisation, person.country = joined.organisation, joined.country or person.country
        person.stakeholder_group, person.region = joined.stakeholder_group, joined.region
        return True

    def _proposer_at_cursor(self) -> Person | None:
        return self._proposers[self._cursor] if self._cursor < len(self._proposers) else None

    def _several(self, line: str) -> bool:
        """A free-text line holding several people (the 2023 Day 0 form)."""
        if EMAIL_MARK not in line and " - " not in line and " – " not in line:
            return False
        people = split_people(line)
        described = [p for p in people if p.name and (p.stakeholder_group or p.region)]
        if len(described) < 2 and not (EMAIL_MARK in line and len(people) >= 2):
            return False
        dashed = EMAIL_MARK in line or all(re.search(r"\s[-–—]\s", piece) for piece in line.split(",")[:1])
        organisers = not self._speakers_seen and not dashed
        for person in people:
            self._add(person, Role.ORGANIZER if organisers else Role.SPEAKER)
        if not organisers:
            self._speakers_seen = True
        self._zone = True
        return True

    def _add_role_person(self, person: Person, role: Role, *, labelled: bool) -> None:
        if role in _ORDER:
            self._tail.append(_TailItem(self._keep(person), role))
            self._tail_labelled = True
            return
        self._add(person, role)
        if role is Role.SPEAKER:
            self._speakers_seen = True

    def _keep(self, person: Person) -> Person:
        self._people.append(person)
        self._last = person
        return person

    def _add(self, person: Person, role: Role) -> Person:
        person.add_role(role)
        return self._keep(person)

    # -- the result --

    def participants(self, page: str = "") -> list[Participant]:
        """Everyone found, one entry per person, with all their roles.

        ``page`` is the session's text: when a person is written in two orders ("Doe
        Jane", "Jane Doe"), it tells which the page uses for them (see :func:`given_name_first`).
        """
        self._resolve_tail()
        self._resolve_runs()
        merged: list[Person] = []
        by_key: dict[str, Person] = {}
        forms: dict[str, list[str]] = {}
        for person in self._people:
            if not person.roles:
                continue
            key = name_key(person.name) if person.name else None
            if key and person.name:
                forms.setdefault(key, []).append(person.name)
            if key and key in by_key:
                _merge(by_key[key], person)
                continue
            if key:
                by_key[key] = person
            merged.append(person)
        for key, written in forms.items():
            if len({tuple(name.casefold().split()) for name in written}) > 1:  # two orders, not two casings
                by_key[key].name = given_name_first(written, page)
        return [
            Participant(
                name=p.name,
                organisation=p.organisation,
                stakeholder_group=p.stakeholder_group,
                region=p.region,
                country=p.country,
                roles=list(p.roles),
                status=p.status,
                attendance=p.attendance,
            )
            for p in merged
        ]

    def _resolve_tail(self) -> None:
        """Give the bare lines their lost roles from where they stand among the labelled ones."""
        items = self._tail
        index = 0
        while index < len(items):
            known = items[index].role
            if known is not None:
                items[index].person.add_role(known)
                index += 1
                continue
            end = index
            while end < len(items) and items[end].role is None:
                end += 1
            before = items[index - 1].role if index > 0 else None
            after = items[end].role if end < len(items) else None
            low = _ORDER.index(before) + 1 if before in _ORDER else 0
            high = _ORDER.index(after) if after in _ORDER else len(_ORDER)
            allowed = _ORDER[low:high] or [before or Role.MODERATOR]
            gap = items[index:end]
            for position, item in enumerate(gap):
                item.person.add_role(_pick(allowed, position, len(gap)))
            index = end
        self._tail = []


def given_name_first(forms: list[str], page: str = "") -> str:
    """Of the ways a page writes one person's name ("Doe Jane", "Jane Doe"), the given-name-first one.

    A surname in capitals says which word it is ("DOE Jane"); otherwise the order the page
    uses more often, counting its prose; otherwise the later form, as the IGF's forms print
    a speaker's name surname first in the numbered list above the moderators and rapporteur.
    """
    for form in forms:
        words = form.split()
        capitals = [w for w in words if w.isupper() and len(w) > 1]
        if capitals and len(capitals) < len(words):
            rest = [w for w in words if w not in capitals]
            wanted = [w.casefold() for w in [*rest, *capitals]]
            for other in forms:
                if other.casefold().split() == wanted and other != form:
                    return other  # the page's own casing of that order
            return " ".join([*rest, *capitals])
    counts = {form: page.count(form) for form in forms}
    best = max(counts.values())
    return [form for form in forms if counts[form] == best][-1]


#: Words that make a line an organisation's name ("Ministry of Digital Affairs").
_ORGANISATION_WORDS = {
    "ministry",
    "government",
    "foundation",
    "university",
    "institute",
    "agency",
    "council",
    "commission",
    "association",
    "network",
    "society",
    "union",
    "centre",
    "center",
    "department",
    "office",
    "authority",
    "organization",
    "organisation",
    "forum",
    "coalition",
    "bank",
    "company",
    "corporation",
    "inc",
    "ltd",
    "federation",
    "secretariat",
    "regulator",
    "parliament",
    "consortium",
    "alliance",
    # Words a person's name never holds, though the name checks let them pass.
    "trust",
    "lab",
    "labs",
    "media",
    "partners",
    "services",
    "systems",
    "technologies",
    "solutions",
    "telecom",
    "school",
    "college",
    "academy",
    "observatory",
    "collective",
    "cooperative",
    "commons",
    "campaign",
    "watch",
    "hub",
    "education",
}


def _names_an_organisation(text: str | None) -> bool:
    return bool(text) and any(w.casefold() in _ORGANISATION_WORDS for w in _WORD.findall(text or ""))


def organisation_line(line: str) -> Person | None:
    """A line that names an organisation, perhaps with its group and region, and no person.

    "Ministry of Digital Affairs", "Open Lab, Civil Society, African Group".
    """
    text = unmark(line).strip().removeprefix("- ").strip()
    if not text or len(text) > 120 or text.endswith((".", "?", "!", ":")) or any(c in text for c in ":?;"):
        return None
    if match_label(text) is not None or match_field(text) is not None or parse_date_line(text) is not None:
        return None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or len(parts) > 3 or _group(parts[0]) or _region(parts[0]):
        return None
    if plausible_name(clean_name(parts[0])) and not _names_an_organisation(parts[0]):
        return None
    groups = [_group(p) for p in parts[1:]]
    regions = [_region(p) for p in parts[1:]]
    if any(g is None and r is None for g, r in zip(groups, regions, strict=True)):
        return None  # "Org, something else": not an organiser's line
    words = {w.casefold() for w in _WORD.findall(parts[0])}
    if not (words & _ORGANISATION_WORDS) and not any(groups) and not any(regions):
        return None
    return Person(
        organisation=parts[0],
        stakeholder_group=next((g for g in groups if g), None),
        region=next((r for r in regions if r), None),
    )


#: More people than a session lists: a longer run of "Name, Org" lines is something else.
MOST_LISTED = 40


def listed_person(line: str) -> Person | None:
    """A line of a list no label heads: "Name, Organisation" or "Name, Group, Region".

    A sentence is no such line, though it may start with a name and a comma ("Jane Doe,
    our host, opens the forum."): what follows the name is an organisation's words,
    capitalised but for the small ones that link them (a job title in lower case may
    add one word more), and it ends as no sentence does.
    """
    if "," not in line or len(line) > 200:
        return None
    text = unmark(line).strip()
    if text.endswith((":", "?", "!", ";")) or match_label(text) is not None or match_field(text) is not None:
        return None
    person = parse_person(text)
    if person is None or person.name is None or not person.described or _names_an_organisation(person.name):
        return None
    loose = _loose_words(text.split(",", 1)[1])
    return person if loose <= (0 if text.endswith(".") else 1) else None


def unlabelled_list(lines: list[str]) -> tuple[list[Person], list[Person]] | None:
    """The organisers and speakers a 2020-22 open forum lists below its description, with no labels.

    ``lines`` end with two or more "Name, Organisation" lines (:func:`listed_person`),
    the speakers; the lines above them are the organisers, each naming an organisation
    by its words or as the organisation one of the speakers comes from.  ``None`` when
    the lines are not such lists (a line of prose among them, a lone person).
    """
    speakers: list[Person] = []
    cut = len(lines)
    while cut > 0 and (person := listed_person(lines[cut - 1])) is not None:
        speakers.append(person)
        cut -= 1
    if len(speakers) < 2:
        return None
    speakers.reverse()
    theirs = {normalise(p.organisation) for p in speakers if p.organisation}
    organisers: list[Person] = []
    for line in lines[:cut]:
        organiser = organisation_line(line)
        if organiser is None and len(line) <= 120 and normalise(unmark(line)) in theirs:
            organiser = Person(organisation=unmark(line).strip())
        if organiser is None:
            return None
        organisers.append(organiser)
    return organisers, speakers


def _pick(allowed: list[Role], position: int, count: int) -> Role:
    """The role of the ``position``-th of ``count`` unlabelled lines where ``allowed`` roles fit.

    As many lines as roles: in order.  Fewer: the first and the last roles first (a page
    that lost two labels of three most often kept the moderator and the rapporteur).
    """
    if count >= len(allowed):
        return allowed[min(position, len(allowed) - 1)]
    if count == 1:
        return allowed[0]
    if position == count - 1:
        return allowed[-1]
    return allowed[position]


def _merge(into: Person, other: Person) -> None:
    for role in other.roles:
        into.add_role(role)
    into.organisation = into.organisation or other.organisation
    into.stakeholder_group = into.stakeholder_group or other.stakeholder_group
    into.region = into.region or other.region
    into.country = into.country or other.country
    into.status = into.status or other.status
    into.attendance = into.attendance or other.attendance


_SURNAME_FIRST = re.compile(r"^([^\s,]+),\s*([^\s,]+(?:\s+[^\s,]+)?)$")


def surname_first(value: str) -> Person | None:
    """ "Cath, Corinne", as the 2016 schedule lists speakers: the person, given name first.

    Only a lone surname and one or two given names: "Jane Doe, UNESCO" has two words
    before its comma, and an acronym ("Doe, ICANN") is an organisation.
    """
    match = _SURNAME_FIRST.match(unmark(value).strip(" .;"))
    if match is None:
        return None
    surname, given = match.groups()
    if any(len(word) > 1 and word.isupper() for word in given.split()):
        return None
    name = clean_name(f"{given} {surname}")
    if not plausible_name(name) or _group(given) or _region(given):
        return None
    return Person(name=name)


def _one(value: str, *, lenient: bool) -> list[Person]:
    reversed_name = surname_first(value) if value.count(",") == 1 else None
    if reversed_name is not None:
        return [reversed_name]
    person = _no_comma(value, capitals_only=True) if "," not in value else None
    person = person or parse_person(value, lenient=lenient)
    if person is None and "," not in value:
        person = _no_comma(value)
    return [person] if person else []


#: The most words a name and its salutations take ("H.E. Ambassador Dr Maria de la Cruz Lopez").
_NAME_WORDS = 12


def _no_comma(value: str, *, capitals_only: bool = False) -> Person | None:
    """ "Speaker: Jane Doe UNESCO" (the comma lost): an all-capitals tail is the organisation."""
    words = unmark(value).split()
    # Where the capitals at the end begin, and the first word not in capitals, found once:
    # trying every cut with its own scan would be quadratic in a long value.
    capitals = len(words)
    while capitals > 1 and words[capitals - 1].isupper() and len(words[capitals - 1]) > 1:
        capitals -= 1
    first_lower = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
    # A name is a few words, salutations included: no cut further in can give one.
    for cut in range(min(len(words) - 1, _NAME_WORDS), max(capitals, first_lower + 1) - 1, -1):
        name = clean_name(" ".join(words[:cut]))
        if plausible_name(name, lenient=True):
            return Person(name=name, organisation=" ".join(words[cut:]))
    if not capitals_only and len(words) > 3 and plausible_name(clean_name(" ".join(words[:2]))):
        return Person(name=clean_name(" ".join(words[:2])), organisation=" ".join(words[2:]))
    return None


#: Small words names of organisations hold in lower case ("Ministry of Foreign Affairs
#: and Trade", "Université de Montréal"); other lower-case words make a sentence.
_NAME_LINKS = {
    *_PARTICLES,
    "of",
    "and",
    "for",
    "the",
    "les",
    "des",
    "on",
    "in",
    "et",
    "und",
    "für",
    "at",
    "to",
    "a",
    "an",
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _reads_as_sentence(text: str | None) -> bool:
    """Whether text goes on as a sentence: an organisation's name has few lower-case words.

    Three of them make a sentence when it ends like one; a role written out in words
    ("researcher on digital rights at Open Lab") does not.
    """
    if not text:
        return False
    enough = 3 if text.rstrip().endswith((".", "!", "?", ";", ":")) else 5
    return _loose_words(text, stop=enough) >= enough


def _loose_words(text: str, *, stop: int = 10) -> int:
    """How many lower-case words of ``text`` are not the small words names hold (counted up to ``stop``)."""
    loose = 0
    for word in _WORD.finditer(text):
        found = word.group()
        if found[0].islower() and found.casefold() not in _NAME_LINKS:
            loose += 1
            if loose >= stop:
                break
    return loose


def _continuation(line: str) -> bool:
    """A line that carries on the organisation of the person above (a wrapped line)."""
    if len(line) > 100 or line.endswith(("?", ":")) or line.startswith("- "):
        return False
    if line.endswith((".", "!")) and _reads_as_sentence(line):
        return False  # a sentence of the description below the list, not a wrapped line
    if match_label(line) is not None or match_field(line) is not None or parse(Format, line):
        return False
    if parse_date_line(line) is not None or parse_sdg_line(line):
        return False
    if "," not in line:
        return True  # every person line of such a list has "Name, organisation"
    person = parse_person(line)
    return person is None or person.name is None
