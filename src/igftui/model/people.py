"""What kind of entry a participant is, and the one short label each entry goes by.

The IGF form lists people, but not only people: an organisation can be an
organiser on its own (the NRIs' collaborative sessions list national IGFs as
organisers), and a proposal often holds a place for a speaker whose name is not
known yet ("a speaker from the private sector, Africa, to be confirmed").  The
session JSON keeps all three as participant entries:

* a named entry is a person;
* an unnamed entry marked ``"to_be_confirmed": true`` is a place still to be
  filled (the mark is what tells it apart: see the last case);
* an unnamed entry whose only role is organiser is an organisation (or an
  organiser an IGF page left anonymous: the same thing to the checks, a group
  and a region but nobody to count as a person);
* any other unnamed entry is a person whose name was erased: ``igftui forget``
  keeps the entry, unnamed, so that the session's counts stay true.

The labels here are the only ones the table, the Markdown export, the people
screen and the checks use, so an unnamed entry reads the same everywhere and is
short enough not to push the other columns of a table away.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from igftui.model.vocabulary import Role
from igftui.model.wording import role_word

if TYPE_CHECKING:
    from igftui.model.session import Participant


class EntryKind(str, Enum):
    """What a participant entry stands for."""

    PERSON = "person"
    ORGANISATION = "organisation"
    TO_BE_CONFIRMED = "to_be_confirmed"


#: How the lead organiser, who is also the contact person the IGF writes to, is shown.
LEAD_ORGANISER = "Lead organiser"
#: The same flag on someone who is not an organiser: they are still whom the IGF writes to.
CONTACT = "Contact"


def entry_kind(person: Participant) -> EntryKind:
    """Whether ``person`` is a person, an organisation, or a place to be confirmed (see above)."""
    if person.name:
        return EntryKind.PERSON
    if person.to_be_confirmed:
        return EntryKind.TO_BE_CONFIRMED
    if person.roles and all(role is Role.ORGANIZER for role in person.roles):
        return EntryKind.ORGANISATION
    return EntryKind.PERSON


def is_person(person: Participant) -> bool:
    """An entry the people checks count as a person: named, or named once (erased)."""
    return entry_kind(person) is EntryKind.PERSON


def is_to_be_confirmed(person: Participant) -> bool:
    return entry_kind(person) is EntryKind.TO_BE_CONFIRMED


def entry_label(person: Participant) -> str:
    """The name; for an entry without one a short, plain label.

    "Argentina IGF" for an organisation, "Organiser (civil society)" for an
    anonymous organiser, "Speaker to be confirmed (private sector)" for a place
    still to fill, "Speaker (civil society)" for a person whose name was erased.
    """
    if person.name:
        return person.name
    kind = entry_kind(person)
    if kind is EntryKind.ORGANISATION:
        if person.organisation:
            return person.organisation
        return _with_detail(role_word(Role.ORGANIZER), _group_or_region(person))
    if kind is EntryKind.TO_BE_CONFIRMED:
        role = next((role for role in person.roles if role is not Role.ORGANIZER), Role.SPEAKER)
        return _with_detail(f"{role_word(role)} to be confirmed", person.organisation or _group_or_region(person))
    first = person.roles[0] if person.roles else None
    return _with_detail(role_word(first) if first else "Participant", _group_or_region(person))


def lead_label(person: Participant) -> str | None:
    """ "Lead organiser" (or "Contact" for a lead who is not an organiser); None when not the lead."""
    if not person.lead:
        return None
    return LEAD_ORGANISER if Role.ORGANIZER in person.roles else CONTACT


def roles_label(person: Participant) -> str:
    """The roles as the table and the export show them, the lead organiser marked as such."""
    labels = [role.label for role in person.roles]
    lead = lead_label(person)
    if lead == LEAD_ORGANISER:
        labels[person.roles.index(Role.ORGANIZER)] = LEAD_ORGANISER
    elif lead == CONTACT:
        labels.insert(0, CONTACT)
    return ", ".join(labels)


def can_lead(person: Participant) -> bool:
    """Only a person can be the contact the IGF writes to: not an organisation, not an empty place."""
    return entry_kind(person) is EntryKind.PERSON


def one_lead(people: Sequence[Participant], index: int) -> tuple[list[Participant], list[Participant]]:
    """``people`` with entry ``index`` the only lead, and the entries that were lead before.

    The IGF form has one lead organiser (the contact person): marking one unmarks
    the others, and the caller says so to the user.
    """
    kept: list[Participant] = []
    unmarked: list[Participant] = []
    for position, person in enumerate(people):
        if position != index and person.lead:
            unmarked.append(person)
            person = person.model_copy(update={"lead": False})
        kept.append(person)
    return kept, unmarked


def _with_detail(text: str, detail: str | None) -> str:
    return f"{text} ({detail})" if detail else text


def _group_or_region(person: Participant) -> str | None:
    if person.stakeholder_group is not None:
        return person.stakeholder_group.label.lower()
    if person.region is not None:
        label = person.region.label
        # "Western European and Others Group (WEOG)": the short form is in brackets.
        if label.endswith(")") and "(" in label:
            return label[label.rindex("(") + 1 : -1]
        return label
    return None
