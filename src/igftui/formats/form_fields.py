"""The IGF's web form, field by field: what to paste in each box, as plain text.

The Markdown export is one document; the IGF's proposal form is a web page of
boxes.  :func:`form_entries` turns a session into the form's fields in the order
the workshop form asks for them (as the published 2022-2025 workshop pages show
them: title and theme, organisers, speakers, moderators and rapporteur, format
and duration, policy questions, then the long answers), each with its value as
plain text, ready to paste:

* no Markdown escapes ("SDG 16. Peace" stays as typed, never "16\\."), no trailing
  spaces, line breaks kept, runs of blank lines made one;
* people one a line, as the form lists them: "Name, Organisation, Stakeholder
  group, Region";
* a field's limit (the title's characters, the description's words) taken from the
  rule set in use through :func:`igftui.checks.limits.form_limits`, so the limits
  have one home.

Private fields (speakers' gender and e-mail, private notes) are left out unless
asked for, as in every export.  Plain Python: the terminal's form assistant shows
these entries, and tests read them without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from igftui.checks.limits import LIMIT_RULES
from igftui.model.form import FIELDS, word_count
from igftui.model.session import ForumSession, Participant
from igftui.model.vocabulary import SDG_NAMES, AgendaKind, Role, parse
from igftui.model.wording import minutes, plural, role_heading

#: How each limit rule's parameter counts: the unit its number is in.
_UNITS = {"max_chars": "characters", "max_words": "words"}


@dataclass(frozen=True)
class FormEntry:
    """One box of the web form: its label, the text to paste, and its limit if it has one.

    ``unit`` is how the box is counted ("characters", "words", or "lines" for a
    list); ``limit`` is in that unit, or None when the rule set holds none.
    """

    key: str
    label: str
    value: str
    unit: str = "characters"
    limit: int | None = None
    private: bool = False

    @property
    def count(self) -> int:
        """The value's length in :attr:`unit`."""
        if self.unit == "words":
            return word_count(self.value)
        if self.unit == "lines":
            return len(self.value.splitlines())
        return len(self.value)

    @property
    def over_by(self) -> int:
        """How far the value goes past the limit (0 when it fits or there is none)."""
        return max(0, self.count - self.limit) if self.limit is not None else 0

    def count_text(self) -> str:
        """The count in words: "42/60 characters", "263/250 words: 13 over the limit", "3 lines"."""
        if self.unit == "lines":
            return plural(self.count, "line")
        counted = f"{self.count}/{self.limit} {self.unit}" if self.limit is not None else f"{self.count} {self.unit}"
        if self.over_by:
            counted += f": {self.over_by} over the limit"
        return counted


def plain_text(text: str | None) -> str:
    """``text`` as a web form's box should get it.

    Every kind of line break becomes "\\n" (``str.splitlines``: also U+2028, form
    feeds...), each line loses its trailing spaces, blank lines at either end go and
    a run of blank lines inside becomes one.  Nothing is escaped.
    """
    if not text:
        return ""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def person_line(person: Participant, *, include_private: bool = False) -> str:
    """ "Name, Organisation, Stakeholder group, Region", leaving out what is not known.

    With ``include_private`` the person's gender and e-mail follow.
    """
    # An entry without a name goes by its organisation, or else by its group
    # ("Organiser (civil society)"): neither is said twice on the line.
    named = bool(person.name)
    bits = [
        person.display_name(),
        person.organisation if named else None,
        person.stakeholder_group.label if person.stakeholder_group and (named or person.organisation) else None,
        person.region.label if person.region else None,
    ]
    if include_private:
        bits += [person.gender.label if person.gender else None, person.email]
    return ", ".join(_one_line(bit) for bit in bits if bit and bit.strip())


def form_entries(
    session: ForumSession, limits: Mapping[str, int] | None = None, *, include_private: bool = False
) -> list[FormEntry]:
    """The form's fields for ``session``, in the form's order, every one of them (empty ones too).

    ``limits`` is what :func:`igftui.checks.limits.form_limits` gives for the rule
    set in use (``{"title": 60, "description": 250}``); a field with a limit is
    counted in that limit's unit.  Private fields only with ``include_private``.
    """
    limits = limits or {}

    def people(who: list[Participant]) -> list[str]:
        return [person_line(person, include_private=include_private) for person in who]

    def text(key: str, value: str | None, unit: str = "characters", label: str | None = None) -> FormEntry:
        limit = limits.get(key)
        if limit is not None and key in LIMIT_RULES:
            unit = _UNITS.get(LIMIT_RULES[key][1], unit)
        return FormEntry(key, label or FIELDS[key].label, plain_text(value), unit, limit)

    def block(key: str, label: str, lines: Iterable[str]) -> FormEntry:
        return FormEntry(key, label, "\n".join(line for line in lines if line), "lines")

    leads = [person for person in session.participants if person.lead]
    entries = [
        text("title", session.title),
        text("theme", session.theme),
        text("subtheme", session.subtheme),
        FormEntry("tags", FIELDS["tags"].label, ", ".join(_one_line(tag) for tag in session.tags if tag.strip())),
        # The form's own boxes: a list of organisers and of speakers, one of each other role.
        block("organisers", role_heading(Role.ORGANIZER, many=True), people(session.organisers)),
        block("speakers", role_heading(Role.SPEAKER, many=True), people(session.speakers)),
        block("moderator", role_heading(Role.MODERATOR), people(session.people_with(Role.MODERATOR))),
        block(
            "online_moderator", role_heading(Role.ONLINE_MODERATOR), people(session.people_with(Role.ONLINE_MODERATOR))
        ),
        block("rapporteur", role_heading(Role.RAPPORTEUR), people(session.people_with(Role.RAPPORTEUR))),
        # The contact person the IGF writes to; their e-mail only with private fields.
        block("lead", "Lead organiser (contact)", people(leads)),
        FormEntry("format", FIELDS["format"].label, session.format.label if session.format else ""),
        FormEntry(
            "duration_minutes",
            FIELDS["duration_minutes"].label,
            str(session.duration_minutes) if session.duration_minutes is not None else "",
        ),
        FormEntry(
            "languages", FIELDS["languages"].label, ", ".join(_one_line(language) for language in session.languages)
        ),
        text("format_description", session.format_description, "words", "Format description"),
        block("agenda", "Agenda", _agenda_lines(session)),
        block(
            "policy_questions",
            FIELDS["policy_questions"].label,
            (_one_line(question) for question in session.policy_questions),
        ),
        text("expected_outcomes", session.expected_outcomes, "words"),
        text("description", session.description, "words"),
        text("relevance_to_theme", session.relevance_to_theme, "words"),
        text("relevance_to_internet_governance", session.relevance_to_internet_governance, "words"),
        text("discussion_facilitation", session.discussion_facilitation, "words"),
        FormEntry("online_participation", "Online participation", _online_text(session), "words"),
        text("diversity_statement", session.diversity_statement, "words"),
        block("sdgs", "SDGs", (f"SDG {goal}: {SDG_NAMES[goal]}" for goal in session.sdgs)),
        # Plain addresses, one a line: a web form takes them as they are, no Markdown link.
        block(
            "links",
            FIELDS["links"].label,
            (f"{_one_line(link.label)}: {link.url}" if link.label else link.url for link in session.links),
        ),
    ]
    if include_private:
        entries.append(
            FormEntry(
                "private_notes", FIELDS["private_notes"].label, plain_text(session.private_notes), "words", private=True
            )
        )
    return entries


# ----- pieces -----


def _agenda_lines(session: ForumSession) -> list[str]:
    """ "Opening and framing: 10 minutes", with "interactive" and "not broadcast" where they apply."""
    lines = []
    for number, item in enumerate(session.agenda, start=1):
        title = _one_line(item.title) or f"Segment {number}"
        kind = parse(AgendaKind, item.kind) if item.kind else None
        notes = [minutes(item.minutes)]
        if kind is not None and kind.label.casefold() not in title.casefold():
            notes.append(kind.label.lower())
        if item.interactive:
            notes.append("interactive")
        if not item.public:
            notes.append("not broadcast")
        lines.append(f"{title}: {', '.join(notes)}")
    if session.agenda:
        total = f"Total: {minutes(session.agenda_minutes())}"
        if session.duration_minutes is not None:
            total += f" of {minutes(session.duration_minutes)}"
        lines.append(total)
    return lines


def _online_text(session: ForumSession) -> str:
    """The online participation plan as a few lines, then its notes; empty when nothing was chosen."""
    online = session.online_participation
    hidden = [
        _one_line(item.title) or f"segment {number}"
        for number, item in enumerate(session.agenda, start=1)
        if not item.public
    ]
    if online.is_empty() and not hidden:
        return ""
    lines = []
    if online.platform:
        lines.append(f"Platform: {_one_line(online.platform)}")
    hubs = ", ".join(_one_line(hub) for hub in online.remote_hubs if hub.strip())
    if hubs:
        lines.append(f"Remote hubs: {hubs}")
    if online.speaking_queue:
        lines.append(f"Speaking queue: {_one_line(online.speaking_queue)}")
    lines.append(f"Captioning: {'yes' if online.captioning else 'no'}")
    languages = ", ".join(_one_line(language) for language in online.interpretation if language.strip())
    lines.append(f"Interpretation: {languages or 'none'}")
    lines.append(f"Broadcast: {'yes' if online.broadcast else 'no'}")
    if hidden:
        lines.append("Not broadcast: " + "; ".join(hidden))
    notes = plain_text(online.notes)
    return "\n".join(lines) + (f"\n\n{notes}" if notes else "")


def _one_line(text: str | None) -> str:
    """Text that must stay on one line (a name, a question): its lines joined by spaces."""
    return " ".join(line.strip() for line in (text or "").splitlines() if line.strip())
