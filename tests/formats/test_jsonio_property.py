"""Property tests: any session survives export and import exactly, through files and the catalogue."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igftui.formats.jsonio import parse_sessions_json, sessions_to_json
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
from igftui.store import Catalogue

# Text as people type it, with the characters that matter to JSON and Markdown.
texts = st.one_of(st.none(), st.text(max_size=30),
                  st.sampled_from(['"quoted"', "back\\slash", "# heading", "Zoë Müller", "line\nbreak"]))
moments = st.one_of(st.none(), st.datetimes(min_value=datetime(1990, 1, 2), max_value=datetime(2200, 12, 30),
                                            timezones=st.just(timezone.utc)))


def maybe(kind):
    return st.one_of(st.none(), st.sampled_from(list(kind)))


participants = st.builds(
    Participant, name=texts, organisation=texts, stakeholder_group=maybe(StakeholderGroup),
    region=maybe(Region), country=texts, roles=st.lists(st.sampled_from(list(Role)), max_size=5),
    status=maybe(ParticipantStatus), attendance=maybe(Attendance), first_time=st.booleans(),
    gender=maybe(Gender), email=texts)

sessions = st.builds(
    ForumSession,
    id=st.one_of(st.none(), st.integers(1, 10**6)), status=st.sampled_from(list(SessionStatus)),
    year=st.one_of(st.none(), st.integers(1990, 2200)), session_type=maybe(SessionType),
    code=texts, number=st.one_of(st.none(), st.integers(0, 10**6)), title=texts,
    short_title=texts, theme=texts, subtheme=texts, tags=st.lists(st.text(max_size=15), max_size=4),
    format=maybe(Format), format_description=texts, layout=maybe(Layout),
    duration_minutes=st.one_of(st.none(), st.integers(0, 24 * 60 * 7)),
    starts_at=moments, ends_at=moments, room=texts, venue=texts,
    policy_questions=st.lists(st.text(max_size=40), max_size=4), relevance_to_theme=texts,
    relevance_to_internet_governance=texts, description=texts, expected_outcomes=texts,
    discussion_facilitation=texts, diversity_statement=texts,
    sdgs=st.lists(st.integers(1, 17), max_size=5),
    participants=st.lists(participants, max_size=6),
    agenda=st.lists(st.builds(AgendaItem, title=texts, minutes=st.integers(0, 24 * 60), kind=texts,
                              interactive=st.booleans(), public=st.booleans()), max_size=5),
    online_participation=st.builds(
        OnlineParticipation, platform=texts, remote_hubs=st.lists(st.text(max_size=12), max_size=3),
        speaking_queue=texts, captioning=st.booleans(),
        interpretation=st.lists(st.text(max_size=12), max_size=3), broadcast=st.booleans(), notes=texts),
    private_notes=texts)


@settings(max_examples=100, deadline=None)
@given(st.lists(sessions, max_size=3))
def test_export_then_import_gives_the_same_file(batch):
    for include_private in (False, True):
        exported = sessions_to_json(batch, include_private=include_private)
        again = sessions_to_json(parse_sessions_json(exported, "x.json"), include_private=include_private)
        assert again == exported


@settings(max_examples=100, deadline=None)
@given(sessions)
def test_a_file_read_back_is_the_same_session(session):
    # What a file holds is the session: reading it twice changes nothing.
    (first,) = parse_sessions_json(sessions_to_json([session], include_private=True), "x.json")
    (second,) = parse_sessions_json(sessions_to_json([first], include_private=True), "x.json")
    assert second == first


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions)
def test_the_catalogue_gives_back_what_it_was_given(tmp_path, session):
    (from_file,) = parse_sessions_json(sessions_to_json([session], include_private=True), "x.json")
    with Catalogue(tmp_path / "c.db") as catalogue:
        stored = catalogue.add(from_file.model_copy(update={"id": None}))
        assert catalogue.get(stored.id) == stored
        assert stored.to_document() | {"id": None} == from_file.to_document() | {"id": None}
