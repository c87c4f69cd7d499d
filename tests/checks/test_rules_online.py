"""IGF-O…: online moderators, onsite people, private segments, captions."""

import pytest
from checks_helpers import good_workshop, only, person, run_rule

from igftui.checks import Severity
from igftui.checks.rules.online import notes_keep_private_parts_off
from igftui.model import AgendaItem, OnlineParticipation


def without_online_moderator(**changes):
    people = [p for p in good_workshop().participants if "online_moderator" not in p.roles]
    return good_workshop(participants=people, **changes)


# ----- IGF-O001: hybrid sessions -----


def test_o001_hybrid_without_online_moderator_names_who_is_online():
    finding = only(run_rule(without_online_moderator(), "IGF-O001"))
    assert finding.severity is Severity.WARNING
    assert "Mei Chen joins online" in finding.message and "Zoom" in finding.message


@pytest.mark.parametrize(
    "session",
    [
        good_workshop(),
        good_workshop(participants=[person("Ana Costa")], online_participation=OnlineParticipation()),
    ],
)
def test_o001_quiet(session):
    assert run_rule(session, "IGF-O001") == []


def test_o001_remote_hubs_make_a_session_hybrid():
    session = good_workshop(
        participants=[person("Ana Costa")], online_participation=OnlineParticipation(remote_hubs=["Lagos"])
    )
    assert "remote hub" in only(run_rule(session, "IGF-O001")).message


# ----- IGF-O002: online moderator (2023) -----


def test_o002_no_online_moderator():
    session = without_online_moderator(online_participation=OnlineParticipation())
    finding = only(run_rule(session, "IGF-O002"))
    assert finding.severity is Severity.ERROR and "online moderator" in finding.message


@pytest.mark.parametrize("session", [good_workshop(), without_online_moderator(session_type="open_forum")])
def test_o002_quiet(session):
    assert run_rule(session, "IGF-O002") == []


# ----- IGF-O003: onsite moderator and speakers (2023) -----


def test_o003_names_speakers_and_moderators_who_are_not_onsite():
    session = good_workshop(
        participants=[
            person("Ana Costa"),
            person("Li Wei", attendance="online"),
            person("Kim Lee", attendance=None),
            person("Lucia Mendes", "moderator", attendance="online"),
        ]
    )
    speakers, moderator = run_rule(session, "IGF-O003")
    assert speakers.severity is Severity.ERROR and moderator.severity is Severity.ERROR
    assert "Only 1 speaker (Ana Costa) is marked onsite" in speakers.message
    assert "Kim Lee" in speakers.message
    assert "Lucia Mendes: online" in moderator.message


def test_o003_no_moderator_at_all():
    finding = only(run_rule(good_workshop(participants=[person("A B"), person("C D")]), "IGF-O003"))
    assert "No moderator" in finding.message


def test_o003_quiet():
    assert run_rule(good_workshop(), "IGF-O003") == []
    assert run_rule(good_workshop(participants=[], session_type="town_hall"), "IGF-O003") == []


# ----- IGF-O004: private segments must not be broadcast -----


def private_session(notes=None, broadcast=True):
    return good_workshop(
        agenda=[
            AgendaItem(title="Case", minutes=10),
            AgendaItem(title="Rotations with responders", minutes=40, interactive=True, public=False),
            AgendaItem(title="Wrap-up", minutes=10),
        ],
        online_participation=OnlineParticipation(platform="Zoom", broadcast=broadcast, notes=notes, captioning=True),
    )


def test_o004_private_segment_on_a_broadcast():
    finding = only(run_rule(private_session(notes="Questions via the chat."), "IGF-O004"))
    assert finding.severity is Severity.WARNING and finding.field == "online_participation"
    assert "“Rotations with responders” (40 min)" in finding.message


@pytest.mark.parametrize(
    "session",
    [
        private_session(notes="The rotations are not streamed or recorded."),
        private_session(broadcast=False),
        good_workshop(),
    ],
)
def test_o004_quiet(session):
    assert run_rule(session, "IGF-O004") == []


@pytest.mark.parametrize(
    "notes, kept_off",
    [
        ("We will pause the stream during the rotations.", True),
        ("Audio of the case is broadcast; the discussion stays off the record.", True),
        ("The break-out part is private and won't be streamed.", True),
        ("Chatham House rule applies; no recording.", True),
        ("The rotations won’t be streamed.", True),
        ("Everything is streamed live.", False),
        ("Questions come in via Twitter.", False),
        (None, False),
    ],
)
def test_o004_reads_the_notes_loosely(notes, kept_off):
    assert notes_keep_private_parts_off(notes) is kept_off


# ----- IGF-O005: captioning and interpretation -----


def test_o005_interpretation_without_captions():
    session = good_workshop(online_participation=OnlineParticipation(interpretation=["French", "Spanish"]))
    finding = only(run_rule(session, "IGF-O005"))
    assert finding.severity is Severity.INFO and "French, Spanish" in finding.message


def test_o005_participants_from_many_regions_without_captions():
    session = good_workshop(online_participation=OnlineParticipation(platform="Zoom"))
    finding = only(run_rule(session, "IGF-O005"))
    assert "5 regional groups" in finding.message and "African Group" in finding.message


@pytest.mark.parametrize(
    "session",
    [
        good_workshop(),  # captioning is planned
        good_workshop(
            participants=[person("A B", region="weog"), person("C D", region="african")],
            online_participation=OnlineParticipation(),
        ),
    ],
)
def test_o005_quiet(session):
    assert run_rule(session, "IGF-O005") == []
