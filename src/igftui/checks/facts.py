"""Small facts about a session that several rules share, and the words they use.

Kept apart from the rules so that each rule reads as the check it makes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from igftui.model.people import is_person, is_to_be_confirmed
from igftui.model.session import ForumSession, Participant
from igftui.model.vocabulary import (
    Attendance,
    Format,
    ParticipantStatus,
    Region,
    Role,
    SessionType,
    StakeholderGroup,
    Term,
)
from igftui.model.wording import person_key as name_key
from igftui.model.wording import plural, session_code

#: The contract's values, for parameters that name formats, types, groups or regions.
FORMATS = tuple(m.value for m in Format)
SESSION_TYPES = tuple(m.value for m in SessionType)
STAKEHOLDER_GROUPS = tuple(m.value for m in StakeholderGroup)
#: UN regional groups proper: IGF pages also put "Intergovernmental Organization" in the
#: region slot, which says nothing about geography, so diversity rules leave it out.
REGIONS = tuple(m for m in Region if m is not Region.INTERGOVERNMENTAL_ORGANIZATION)
#: A rough stand-in for "from a developing country": the regional groups most developing
#: countries belong to.  The IGF speaks of developing countries, not of regions.
DEVELOPING_REGIONS = (Region.AFRICAN, Region.ASIA_PACIFIC, Region.GRULAC)

#: How many names a message lists before it says "and N more".
MAX_NAMES = 8


def name_of(person: Participant) -> str:
    return person.display_name()


def names(people: Iterable[Participant]) -> str:
    """'Ana Costa, Li Wei and Bob Okafor' — at most MAX_NAMES, then 'and N more'."""
    return join([name_of(p) for p in people])


def join(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    if len(items) > MAX_NAMES:
        shown, rest = items[:MAX_NAMES], len(items) - MAX_NAMES
        return ", ".join(shown) + f" {word} {rest} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def all_of(count: int, noun: str) -> str:
    """'Both speakers' for two, 'All 3 speakers' for more: "all 2" is not English."""
    return f"Both {noun}s" if count == 2 else f"All {plural(count, noun)}"


def active(people: Iterable[Participant]) -> list[Participant]:
    """People who have not declined: a declined speaker will not be in the room."""
    return [p for p in people if p.status is not ParticipantStatus.DECLINED]


def speakers(session: ForumSession) -> list[Participant]:
    """The speakers who may take part (not declined), each person once."""
    return unique(active(session.speakers))


def persons(people: Iterable[Participant]) -> list[Participant]:
    """Only entries that stand for a person: not an organisation, not a place to be confirmed.

    Gender balance and the counts of confirmed speakers are about people; an
    organisation has no gender, and a place to fill has nobody in it yet.
    """
    return [p for p in people if is_person(p)]


def to_be_confirmed(session: ForumSession) -> list[Participant]:
    """The speakers' places (and other roles') still to fill: no name, marked to be confirmed."""
    return [p for p in session.participants if is_to_be_confirmed(p)]


def unique(people: Iterable[Participant]) -> list[Participant]:
    """One entry per person: the contract says so, but a hand-edited file may not."""
    seen: set[str] = set()
    result = []
    for person in people:
        key = person_key(person)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        result.append(person)
    return result


def person_key(person: Participant) -> str | None:
    """The person's key as the catalogue keeps it (see igftui.model.wording); None for an unnamed person."""
    return name_key(person.name)


def with_role(session: ForumSession, *roles: Role) -> list[Participant]:
    return unique(active(p for p in session.participants if any(r in p.roles for r in roles)))


def is_online(person: Participant) -> bool:
    return person.attendance is Attendance.ONLINE


def is_hybrid(session: ForumSession) -> bool:
    """Someone takes part from afar: a participant attends online, or a platform or hub is set."""
    online = session.online_participation
    return (
        any(is_online(p) for p in active(session.participants))
        or online.platform is not None
        or bool(online.remote_hubs)
    )


def of_type(session: ForumSession, session_types: Sequence[str]) -> bool:
    """Whether a rule limited to ``session_types`` applies; an empty list means every type.

    A session without a type is taken to be a workshop: a new draft in igftui is a
    workshop proposal until the organiser says otherwise, and the workshop rules are
    the ones that help such a draft most.
    """
    if not session_types:
        return True
    kind = session.session_type.value if session.session_type else SessionType.WORKSHOP.value
    return kind in session_types


def has_format(session: ForumSession, formats: Sequence[str]) -> bool:
    return session.format is not None and session.format.value in formats


def text_words(text: str | None) -> int:
    return len(text.split()) if text else 0


def grouped(people: Iterable[Participant], attribute: str) -> dict[Term, list[Participant]]:
    """People by the value of ``attribute`` (e.g. region), leaving out those without one."""
    groups: dict[Term, list[Participant]] = {}
    for person in people:
        value = getattr(person, attribute)
        if value is not None:
            groups.setdefault(value, []).append(person)
    return groups


def describe_groups(groups: dict[Term, list[Participant]]) -> str:
    """'Civil Society: Ana Costa, Li Wei; Government: Bob Okafor'."""
    return "; ".join(f"{term.label}: {names(people)}" for term, people in groups.items())


def summary_label(code: str | None, session_id: int, title: str | None, year: int | None = None) -> str:
    """How a message names another catalogued session: 'WS #12 “Data and trust”'."""
    name = code or f"session #{session_id}"
    if year is not None and code is not None and str(year) not in name:
        name = session_code(year, name)
    if title:
        short = title if len(title) <= 50 else title[:49] + "…"
        name += f" “{short}”"
    return name


_YOUTH = re.compile(
    r"\byouth|\byoung (?:people|persons|leaders|women|men|activists)\b|"
    r"\bnext generation\b",
    re.IGNORECASE,
)


def mentions_youth(text: str | None) -> bool:
    return text is not None and _YOUTH.search(text) is not None
