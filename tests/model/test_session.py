import json
import re

import pytest

from igftui.model import (
    SCHEMA,
    AgendaItem,
    ContractError,
    ForumSession,
    Participant,
    Region,
    Role,
    SessionStatus,
)

CONTRACT_KEYS = [
    "schema",
    "id",
    "status",
    "year",
    "session_type",
    "code",
    "number",
    "title",
    "short_title",
    "theme",
    "subtheme",
    "tags",
    "format",
    "format_description",
    "layout",
    "duration_minutes",
    "starts_at",
    "ends_at",
    "room",
    "venue",
    "policy_questions",
    "relevance_to_theme",
    "relevance_to_internet_governance",
    "description",
    "expected_outcomes",
    "discussion_facilitation",
    "diversity_statement",
    "sdgs",
    "participants",
    "agenda",
    "online_participation",
    "source",
]
PARTICIPANT_KEYS = [
    "name",
    "organisation",
    "stakeholder_group",
    "region",
    "country",
    "roles",
    "status",
    "attendance",
    "first_time",
    "gender",
    "email",
]


def full_session() -> ForumSession:
    return ForumSession.from_json(
        {
            "schema": SCHEMA,
            "id": 12,
            "status": "draft",
            "year": 2018,
            "session_type": "workshop",
            "code": "WS #153",
            "number": 153,
            "title": "Help We Are Under Attack",
            "format": "break_out_groups",
            "duration_minutes": 60,
            "starts_at": "2018-11-13T09:00:00+01:00",
            "policy_questions": ["Who helps defenders under attack?"],
            "sdgs": [16, 5],
            "participants": [
                {
                    "name": "Ana Souza",
                    "roles": ["speaker", "moderator"],
                    "region": "grulac",
                    "stakeholder_group": "civil_society",
                    "gender": "woman",
                    "email": "ana@example.org",
                    "status": "confirmed",
                    "attendance": "onsite",
                }
            ],
            "agenda": [
                {"title": "Case", "minutes": 10, "kind": "presentation", "interactive": False, "public": True},
                {"title": "Rotations", "minutes": 50, "kind": "breakout", "interactive": True, "public": False},
            ],
            "online_participation": {
                "platform": "Zoom",
                "remote_hubs": ["Nairobi"],
                "captioning": True,
                "broadcast": False,
            },
            "source": {"kind": "igf_page", "path": "ws153.txt", "imported_at": "2026-01-01T00:00:00Z"},
            "private_notes": "call Ana first",
        }
    )


def test_json_has_every_contract_key_in_order():
    data = full_session().to_json()
    assert list(data) == CONTRACT_KEYS
    assert list(data["participants"][0]) == PARTICIPANT_KEYS
    assert list(data["agenda"][0]) == ["title", "minutes", "kind", "interactive", "public"]
    assert list(data["online_participation"]) == [
        "platform",
        "remote_hubs",
        "speaking_queue",
        "captioning",
        "interpretation",
        "broadcast",
        "notes",
    ]
    assert data["schema"] == "igftui.session/1"


def test_empty_session_uses_null_and_empty_lists():
    data = ForumSession().to_json()
    assert data["status"] == "draft"
    assert data["title"] is None and data["tags"] == [] and data["participants"] == []
    assert data["online_participation"]["broadcast"] is True


def test_private_fields_only_when_asked():
    public = full_session().to_json()
    assert public["participants"][0]["gender"] is None
    assert public["participants"][0]["email"] is None
    assert "private_notes" not in public
    private = full_session().to_json(include_private=True)
    assert private["participants"][0]["gender"] == "woman"
    assert private["participants"][0]["email"] == "ana@example.org"
    assert private["private_notes"] == "call Ana first"


def test_round_trip_is_exact():
    data = full_session().to_json(include_private=True)
    again = ForumSession.from_json(json.loads(json.dumps(data))).to_json(include_private=True)
    assert again == data


def test_times_are_utc():
    assert full_session().to_json()["starts_at"] == "2018-11-13T08:00:00Z"


def test_sdgs_sorted_and_checked():
    assert full_session().sdgs == [5, 16]
    with pytest.raises(ContractError, match="sdgs: 18 is not a goal"):
        ForumSession.from_json({"sdgs": [18]})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"session_type": "symposium"}, "session_type: 'symposium' is not one of workshop"),
        ({"year": "last year"}, 'year: "last year" is not a whole number'),
        ({"year": 99999}, "year: 99999 is too large (at most 2200)"),
        ({"starts_at": "0999-01-01T10:00:00Z"}, "starts_at: 999 is not a plausible year"),
        ({"starts_at": "tomorrow"}, 'starts_at: "tomorrow" is not a date and time (ISO 8601'),
        ({"participants": [{}, {"first_time": "maybe"}]}, 'participants[1].first_time: "maybe" is not true or false'),
        ({"participants": [{"roles": ["juggler"]}]}, "participants[0].roles"),
        ({"agenda": [{"title": "x", "minutes": -5}]}, "agenda[0].minutes: -5 is too small (at least 0)"),
        ({"schema": "other/2"}, "unknown schema"),
        ([], "must be a JSON object"),
    ],
)
def test_contract_errors_say_where(data, message):
    with pytest.raises(ContractError, match=re.escape(message)):
        ForumSession.from_json(data)


def test_labels_are_accepted_on_input():
    session = ForumSession.from_json({"participants": [{"region": "WEOG", "roles": ["Online Moderator"]}]})
    assert session.participants[0].region is Region.WEOG
    assert session.participants[0].roles == [Role.ONLINE_MODERATOR]


def test_derived_facts():
    session = full_session()
    assert [p.name for p in session.speakers] == ["Ana Souza"]
    assert session.agenda_minutes() == 60
    assert session.interactive_minutes() == 50
    assert session.interactive_share() == pytest.approx(50 / 60)
    assert ForumSession().interactive_share() is None
    assert session.display_code() == "WS #153"
    assert ForumSession(session_type="open_forum", number=56).display_code() == "OF #56"


def test_unnamed_organiser_displays_a_short_label():
    # Short enough for a table column: the region has a column of its own.
    person = Participant(stakeholder_group="civil_society", region="weog", roles=["organizer"])
    assert person.display_name() == "Organiser (civil society)"


def test_blank_text_is_none_and_duplicate_roles_collapse():
    person = Participant(name="   ", roles=["speaker", "Speaker"])
    assert person.name is None and person.roles == [Role.SPEAKER]
    assert AgendaItem(title="  Q&A  ", kind="Q&A").kind == "questions"
    assert ForumSession(status=None).status is SessionStatus.DRAFT
