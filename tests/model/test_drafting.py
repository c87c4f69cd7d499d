"""Starting a draft, from nothing or from a template, and summing up its people."""

from __future__ import annotations

from igftui.model import AgendaItem, ForumSession, OnlineParticipation, Participant
from igftui.model.drafting import draft_from_template, new_draft, people_mix
from igftui.model.vocabulary import Role, SessionStatus


def template() -> ForumSession:
    return ForumSession(
        id=7,
        status="catalogued",
        year=2019,
        session_type="workshop",
        number=153,
        code="WS #153",
        title="Old title",
        theme="Security",
        tags=["privacy"],
        format="break_out_groups",
        layout="circle",
        duration_minutes=90,
        description="Old description",
        policy_questions=["Old question?"],
        room="Room 3",
        agenda=[
            AgendaItem(title="Opening", minutes=10, kind="opening"),
            AgendaItem(title="Groups", minutes=60, kind="breakout", interactive=True),
        ],
        participants=[
            Participant(name="Ana", roles=["speaker"], status="confirmed", gender="woman", email="ana@example.org")
        ],
        online_participation=OnlineParticipation(platform="Zoom", captioning=True, notes="old notes"),
    )


def test_a_new_draft_is_a_draft_of_its_year_and_nothing_else():
    draft = new_draft(2026)
    assert draft.status is SessionStatus.DRAFT and draft.year == 2026
    assert draft.title is None and draft.participants == [] and draft.id is None


def test_a_template_gives_its_structure_but_not_its_words_or_slot():
    draft = draft_from_template(template(), year=2026)
    assert draft.id is None and draft.status is SessionStatus.DRAFT and draft.year == 2026
    assert draft.session_type.value == "workshop" and draft.format.value == "break_out_groups"
    assert draft.layout.value == "circle" and draft.duration_minutes == 90
    assert [item.title for item in draft.agenda] == ["Opening", "Groups"]
    assert draft.agenda[1].interactive
    assert draft.online_participation.platform == "Zoom" and draft.online_participation.captioning
    assert draft.online_participation.notes is None
    assert draft.title is None and draft.description is None and draft.policy_questions == []
    assert draft.number is None and draft.code is None and draft.room is None
    assert draft.participants == []


def test_people_come_from_a_template_only_when_asked_and_without_their_status():
    source = template()
    draft = draft_from_template(source, year=2026, with_people=True)
    assert [p.name for p in draft.participants] == ["Ana"]
    assert draft.participants[0].status is None
    assert draft.participants[0].email == "ana@example.org"
    # The template itself is untouched.
    assert source.participants[0].status.value == "confirmed"
    draft.agenda[0].minutes = 5
    assert source.agenda[0].minutes == 10


def test_people_mix_counts_roles_and_speakers_by_group_region_and_gender():
    session = ForumSession(
        participants=[
            Participant(name="A", roles=["organizer", "moderator"]),
            Participant(name="B", roles=["speaker"], stakeholder_group="civil_society", region="weog", gender="woman"),
            Participant(
                name="C", roles=["speaker"], stakeholder_group="civil_society", region="african", gender="woman"
            ),
            Participant(name="D", roles=["speaker"], stakeholder_group="government", region="weog"),
            Participant(name="E", roles=["speaker"], status="declined", region="grulac"),
        ]
    )
    mix = people_mix(session)
    assert mix.speakers == 3 and mix.roles[Role.SPEAKER] == 4
    lines = mix.lines()
    assert lines[0] == "1 organiser, 4 speakers, 1 moderator, 0 online moderators, 0 rapporteurs"
    assert lines[1] == "Speakers by group: Civil Society 2, Government 1"
    assert lines[2] == "Speakers by region: WEOG 2, African 1"
    assert lines[3] == "Speakers by gender: Woman 2, not given 1"
    assert all("A" not in line.split(": ")[-1].split() for line in lines[1:])
