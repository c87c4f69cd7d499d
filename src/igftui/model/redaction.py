"""A draft about people at risk, made safe to share: names become roles, organisations groups.

``igftui export --redact`` and the export dialog's "Redact" tick box share a
draft with reviewers or funders without naming anyone: each person is called
by their role ("Speaker 2"), each organisation by its stakeholder group, and
the same replacements are made wherever a name or organisation appears in the
session's own text.  What stays is what the checks and the committee look at:
roles, stakeholder groups, regions, confirmation and attendance.
"""

from __future__ import annotations

import re
from typing import Any

from igftui.model.session import ForumSession, Participant

#: Text fields of a session where a name may have been written.
_TEXT_FIELDS = (
    "title",
    "short_title",
    "format_description",
    "relevance_to_theme",
    "relevance_to_internet_governance",
    "description",
    "expected_outcomes",
    "discussion_facilitation",
    "diversity_statement",
    "private_notes",
    "room",
    "venue",
)


def redacted(session: ForumSession) -> ForumSession:
    """A copy of ``session`` that names nobody (its e-mails and countries are dropped too)."""
    replacements: dict[str, str] = {}
    counts: dict[str, int] = {}
    people: list[Participant] = []
    for person in session.participants:
        role = person.roles[0].label if person.roles else "Participant"
        counts[role] = counts.get(role, 0) + 1
        alias = f"{role} {counts[role]}"
        group = person.stakeholder_group.label if person.stakeholder_group else "An organisation"
        if person.name:
            replacements[person.name] = alias
        if person.organisation:
            replacements[person.organisation] = group
        organisation = group if person.organisation else None
        if not person.name and person.stakeholder_group is not None:
            # An organisation (or a place to be confirmed) then goes by its group alone:
            # "Organiser (civil society)", not "Civil Society" standing for a name.
            organisation = None
        people.append(
            person.model_copy(
                update={
                    "name": alias if person.name else None,
                    "organisation": organisation,
                    "country": None,
                    "email": None,
                }
            )
        )
    # An e-mail link is someone's address: not shared.
    changes: dict[str, Any] = {
        "participants": people,
        "links": [link for link in session.links if not link.url.startswith("mailto:")],
    }
    pattern = _pattern(replacements)
    if pattern is not None:

        def swap(text: str | None) -> str | None:
            if not text:
                return text
            return pattern.sub(lambda found: replacements[_original(found.group(0), replacements)], text)

        for name in _TEXT_FIELDS:
            changes[name] = swap(getattr(session, name))
        changes["policy_questions"] = [swap(q) for q in session.policy_questions]
        changes["agenda"] = [item.model_copy(update={"title": swap(item.title) or ""}) for item in session.agenda]
        # A link's label may name someone too.
        changes["links"] = [link.model_copy(update={"label": swap(link.label)}) for link in changes["links"]]
        online = session.online_participation
        changes["online_participation"] = online.model_copy(
            update={
                "notes": swap(online.notes),
                "speaking_queue": swap(online.speaking_queue),
                "remote_hubs": [swap(hub) for hub in online.remote_hubs],
            }
        )
    # Where the session came from can name the organiser's files: not shared.
    changes["source"] = None
    return session.model_copy(update=changes)


def _pattern(replacements: dict[str, str]) -> re.Pattern[str] | None:
    if not replacements:
        return None
    # Longest first, so "Ana Costa Silva" is replaced whole before "Ana Costa".
    names = sorted(replacements, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


def _original(found: str, replacements: dict[str, str]) -> str:
    if found in replacements:
        return found
    folded = found.casefold()
    return next(name for name in replacements if name.casefold() == folded)
