"""The bundled sample catalogue: it follows the contract and gives every part of the app something to show."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources

import pytest

from igftui.formats.samples import sample_sessions
from igftui.model.session import SCHEMA, ForumSession
from igftui.model.vocabulary import (
    AgendaKind,
    Attendance,
    Format,
    Gender,
    Layout,
    ParticipantStatus,
    Region,
    Role,
    SessionStatus,
    SessionType,
    StakeholderGroup,
)
from igftui.services.samples import load_samples
from igftui.store.catalogue import Catalogue, identity_of, person_key

INTERACTIVE_KINDS = {"discussion", "breakout", "questions"}


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    text = resources.files("igftui.formats").joinpath("data/samples.json").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def sessions() -> list[ForumSession]:
    return sample_sessions()


def everyone(sessions):
    return [p for s in sessions for p in s.participants]


def find(sessions, year, session_type, *words):
    found = [
        s
        for s in sessions
        if s.year == year
        and s.session_type == session_type
        and all(w.casefold() in (s.title or "").casefold() for w in words)
    ]
    assert len(found) == 1, f"{year} {session_type} {words}: {[s.title for s in found]}"
    return found[0]


# ----- the file and the contract -----


def test_the_file_is_a_list_of_contract_sessions(raw, sessions):
    assert isinstance(raw, list)
    assert len(raw) == len(sessions) >= 28
    assert all(item["schema"] == SCHEMA for item in raw)
    assert all(item["source"] == {"kind": "sample", "path": None, "imported_at": None} for item in raw)


def test_the_file_is_exactly_what_to_json_writes(raw, sessions):
    # Same keys, same order, same values: the file follows the contract to the letter.
    for item, session in zip(raw, sessions, strict=True):
        written = session.to_json(include_private=True)
        assert list(item) == list(written), item["title"]
        assert item == written, item["title"]
        for person, written_person in zip(item["participants"], written["participants"], strict=True):
            assert list(person) == list(written_person)
        for segment, written_segment in zip(item["agenda"], written["agenda"], strict=True):
            assert list(segment) == list(written_segment)
        assert list(item["online_participation"]) == list(written["online_participation"])


def test_every_session_survives_a_json_round_trip(sessions):
    for session in sessions:
        assert ForumSession.from_json(session.to_json(include_private=True)) == session
        assert ForumSession.from_json(json.loads(json.dumps(session.to_json(include_private=True)))) == session


def test_no_two_sessions_share_an_identity(sessions):
    identities = [identity_of(s) for s in sessions]
    assert None not in identities
    assert len(set(identities)) == len(identities)


# ----- coverage of the vocabulary -----


def test_years_span_the_forums_history(sessions):
    years = {s.year for s in sessions}
    assert {2006, 2025} <= years
    assert all(2006 <= y <= 2025 for y in years)
    assert len(years) >= 15


def test_every_session_type_format_and_layout_appears(sessions):
    assert {s.session_type for s in sessions} == set(SessionType)
    assert {s.format for s in sessions} == set(Format)
    assert {s.layout for s in sessions if s.layout} == set(Layout)


def test_every_participant_value_appears(sessions):
    people = everyone(sessions)
    assert {p.stakeholder_group for p in people if p.stakeholder_group} == set(StakeholderGroup)
    assert {p.region for p in people if p.region} == set(Region)
    assert {r for p in people for r in p.roles} == set(Role)
    assert {p.status for p in people if p.status} == set(ParticipantStatus)
    assert {p.attendance for p in people if p.attendance} == set(Attendance)
    assert {p.gender for p in people if p.gender} == set(Gender)
    assert any(p.first_time for p in people)


def test_some_people_hold_two_roles_and_some_organisers_are_unnamed(sessions):
    people = everyone(sessions)
    assert sum(1 for p in people if len(p.roles) >= 2) >= 5
    unnamed = [p for p in people if p.name is None]
    assert unnamed and all(p.roles == [Role.ORGANIZER] for p in unnamed)
    assert any(p.stakeholder_group and p.region and p.organisation is None for p in unnamed)


def test_one_participant_entry_per_person_and_session(sessions):
    for session in sessions:
        keys = [person_key(p.name) for p in session.participants if p.name]
        assert len(keys) == len(set(keys)), session.title


def test_emails_only_at_example_org(sessions, raw):
    emails = [p.email for p in everyone(sessions) if p.email]
    assert len(emails) >= 5
    assert all(re.fullmatch(r"[a-z0-9._-]+@example\.org", e) for e in emails), emails
    # And no address hides anywhere else in the file.
    text = json.dumps(raw, ensure_ascii=False)
    assert set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)) == set(emails)


def test_people_recur_and_one_speaks_four_times_in_2019(sessions):
    per_year: Counter = Counter()
    years_of: dict[str, set[int]] = {}
    for session in sessions:
        for person in session.participants:
            if not person.name:
                continue
            key = person_key(person.name)
            years_of.setdefault(key, set()).add(session.year)
            if Role.SPEAKER in person.roles:
                per_year[(key, session.year)] += 1
    busy = {key for key, count in per_year.items() if count > 3}
    assert busy == {(person_key("Thandiwe Banda-Castellanos"), 2019)}
    assert per_year[(person_key("Thandiwe Banda-Castellanos"), 2019)] == 4
    assert sum(1 for years in years_of.values() if len(years) >= 3) >= 5


# ----- agendas, times and online participation -----


def test_agenda_kinds_and_interaction_flags(sessions):
    kinds = {a.kind for s in sessions for a in s.agenda}
    assert kinds <= {k.value for k in AgendaKind}
    assert kinds == {k.value for k in AgendaKind}
    for session in sessions:
        for item in session.agenda:
            assert item.interactive == (item.kind in INTERACTIVE_KINDS), (session.title, item.title)


def test_exactly_two_agendas_do_not_add_up(sessions):
    with_agenda = [s for s in sessions if s.agenda and s.duration_minutes]
    off = [s for s in with_agenda if s.agenda_minutes() != s.duration_minutes]
    assert len(off) == 2, [s.title for s in off]
    assert len(with_agenda) - len(off) >= 20


def test_a_private_segment_is_not_streamed(sessions):
    private = [s for s in sessions if any(not a.public for a in s.agenda)]
    assert private
    for session in private:
        assert session.online_participation.broadcast
        assert "not streamed" in (session.online_participation.notes or "")


def test_times_are_utc_and_match_the_duration(sessions):
    timed = [s for s in sessions if s.starts_at and s.ends_at]
    assert len(timed) >= 10
    for session in sessions:
        for moment in (session.starts_at, session.ends_at):
            if moment is not None:
                assert moment.utcoffset().total_seconds() == 0
                assert moment.year == session.year
        if session.starts_at and session.ends_at:
            minutes = (session.ends_at - session.starts_at).total_seconds() / 60
            assert minutes == session.duration_minutes, session.title


def test_online_participation_plans(sessions):
    plans = [s.online_participation for s in sessions if not s.online_participation.is_empty()]
    assert len(plans) >= 8
    assert any(p.platform for p in plans)
    assert any(p.remote_hubs for p in plans)
    assert any(p.speaking_queue for p in plans)
    assert any(p.captioning for p in plans)
    assert any(p.interpretation for p in plans)
    assert any(p.notes for p in plans)


def test_the_proposal_fields_are_filled_in_for_many(sessions):
    def count(test):
        return sum(1 for s in sessions if test(s))

    assert count(lambda s: s.sdgs) >= 15
    assert all(1 <= goal <= 17 for s in sessions for goal in s.sdgs)
    assert count(lambda s: s.tags) == len(sessions)
    assert count(lambda s: s.theme) >= 20
    assert count(lambda s: s.subtheme) >= 10
    assert count(lambda s: s.policy_questions) >= 20
    assert count(lambda s: s.relevance_to_theme or s.relevance_to_internet_governance) >= 4
    assert count(lambda s: s.expected_outcomes) == len(sessions)
    assert count(lambda s: s.description) == len(sessions)
    assert count(lambda s: s.discussion_facilitation) >= 5
    assert count(lambda s: s.diversity_statement) >= 3
    assert count(lambda s: s.room) >= 8
    catalogued = [s for s in sessions if s.status == SessionStatus.CATALOGUED]
    assert all(s.venue for s in catalogued)


# ----- statuses and titles -----


def test_two_own_proposals_and_the_rest_catalogued(sessions):
    own = [s for s in sessions if s.status != SessionStatus.CATALOGUED]
    assert sorted(s.status.value for s in own) == ["draft", "submitted"]
    assert all(s.year == 2025 and s.number is None for s in own)
    assert any(s.private_notes for s in own)


def test_a_title_that_needs_markdown_escaping(sessions):
    assert any(all(ch in (s.title or "") for ch in "#*[<") for s in sessions)


# ----- the five sessions modelled on the seed documents -----


def test_the_irpc_meeting_of_2016(sessions):
    irpc = find(sessions, 2016, SessionType.DYNAMIC_COALITION, "Internet Rights and Principles")
    assert irpc.venue and "Guadalajara" in irpc.venue
    assert irpc.format == Format.ROUND_TABLE
    assert "7 December 2016" in irpc.description and "nine languages" in irpc.description
    assert irpc.agenda_minutes() == irpc.duration_minutes
    assert any("general meeting" in a.title.casefold() for a in irpc.agenda)


def test_the_nri_session_on_human_rights_2019(sessions):
    nri = find(sessions, 2019, SessionType.NRI_SESSION, "Human Rights")
    assert nri.format == Format.ROUND_TABLE
    assert len(nri.policy_questions) == 4
    nris = [p for p in nri.organisers if p.name is None]
    assert len(nris) == 9 and all(p.organisation.endswith("IGF") for p in nris)
    assert nri.people_with(Role.ONLINE_MODERATOR) and nri.people_with(Role.MODERATOR)
    assert "queue" in (nri.online_participation.speaking_queue or "")


def test_the_external_freedom_of_expression_roundtable(sessions):
    [roundtable] = [s for s in sessions if s.session_type == SessionType.OTHER]
    assert "Freedom of expression" in roundtable.title
    assert roundtable.year == 2013 and roundtable.code == "WP1216"
    assert roundtable.format == Format.ROUND_TABLE


def test_the_freedom_online_coalition_open_forum_2017(sessions):
    forum = find(sessions, 2017, SessionType.OPEN_FORUM, "Freedom Online Coalition")
    assert forum.display_code() == "OF #33"
    assert forum.duration_minutes == 60
    assert any(p.stakeholder_group == StakeholderGroup.GOVERNMENT for p in forum.speakers)


def test_ws_153_help_we_are_under_attack(sessions):
    ws = find(sessions, 2018, SessionType.WORKSHOP, "Help We Are Under Attack")
    assert (ws.number, ws.code, ws.display_code()) == (153, "WS #153", "WS #153")
    assert ws.format == Format.BREAK_OUT_GROUPS and ws.duration_minutes == 60
    assert ws.agenda_minutes() == 60
    rotations = [a for a in ws.agenda if a.kind == "breakout"]
    assert len(rotations) >= 4 and all(not a.public and a.interactive for a in rotations)
    assert all(a.public for a in ws.agenda if a.kind != "breakout")
    assert (ws.interactive_share() or 0) > 0.8
    unnamed = [p for p in ws.organisers if p.name is None]
    assert len(unnamed) == 4
    assert all(
        (p.stakeholder_group, p.region) == (StakeholderGroup.CIVIL_SOCIETY, Region.WEOG) for p in ws.participants
    )
    assert len(ws.speakers) == 4
    assert ws.online_participation.broadcast


def test_no_real_names_from_the_seed_documents(raw):
    text = json.dumps(raw, ensure_ascii=False).casefold()
    for surname in (
        "o’carroll",
        "o'carroll",
        "escorcio",
        "gutierrez",
        "toledo",
        "leonardi",
        "boujemi",
        "franklin",
        "hellegren",
        "kummerlowe",
        "de groot",
        "eriksson",
        "cutrupi",
        "puddephatt",
        "purcell",
    ):
        assert surname not in text, surname


# ----- loading into a real catalogue -----


def test_load_samples_adds_them_once(tmp_path, sessions):
    with Catalogue(tmp_path / "c.db") as catalogue:
        first = load_samples(catalogue)
        assert (first.added, first.already_there) == (len(sessions), 0)
        assert catalogue.count() == len(sessions)
        again = load_samples(catalogue)
        assert (again.added, again.already_there) == (0, len(sessions))
        assert catalogue.count() == len(sessions)
        stored = {identity_of(s): s for s in catalogue.all_sessions()}
        for session in sessions:
            kept = stored[identity_of(session)]
            assert kept.model_copy(update={"id": None, "uid": None, "version": None}) == session
