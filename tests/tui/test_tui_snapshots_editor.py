"""What the proposal editor looks like, section by section (SVG snapshots in __snapshots__/).

The draft is made up and fixed, and never edited here, so nothing on screen
depends on the clock (no "Saved at").  Regenerate on purpose, after looking:
    PYTHONPATH=src .venv/bin/python -m pytest tests/tui/test_tui_snapshots_editor.py --snapshot-update
"""

from __future__ import annotations

import pytest
from snapshot_apps import catalogue_app, settle, show_section, wait_until

from igftui.model import AgendaItem, ForumSession, OnlineParticipation, Participant
from igftui.tui.screens.proposal_editor import ProposalEditor

WIDE = (130, 40)


def workshop_draft() -> ForumSession:
    """A half-finished workshop proposal: enough filled in for every section to show something."""
    people = [
        Participant(
            name="Rosa Ibarra",
            organisation="Red de Defensoras",
            stakeholder_group="civil_society",
            region="grulac",
            roles=["organizer", "moderator"],
            status="confirmed",
            attendance="onsite",
            gender="woman",
            email="rosa@example.org",
        ),
        Participant(
            name="Marta Quispe",
            organisation="Universidad Andina",
            stakeholder_group="academia",
            region="grulac",
            roles=["speaker"],
            status="provisional",
            attendance="online",
            gender="woman",
        ),
        Participant(
            name="Kwame Mensah",
            organisation="Ministry of ICT",
            stakeholder_group="government",
            region="african",
            roles=["speaker"],
            status="invited",
            attendance="onsite",
            gender="man",
        ),
        Participant(
            name="Lena Vogel",
            organisation="Open Source Lab",
            stakeholder_group="technical_community",
            region="weog",
            roles=["online_moderator"],
            status="confirmed",
            attendance="online",
        ),
    ]
    return ForumSession(
        status="draft",
        year=2026,
        session_type="workshop",
        title="Safe online spaces for human rights defenders",
        theme="Human rights and freedoms",
        subtheme="Safety of human rights defenders",
        tags=["privacy", "digital security"],
        policy_questions=[
            "How can platforms respond faster when defenders are attacked online?",
            "What should states do to protect defenders' data?",
        ],
        description="A round table on what keeps defenders safe online, with people who have lived it.",
        expected_outcomes="A short list of practices for platforms and states.",
        format="round_table",
        layout="u_shape",
        duration_minutes=90,
        participants=people,
        agenda=[
            AgendaItem(title="Opening", minutes=10, kind="opening"),
            AgendaItem(title="Stories from defenders", minutes=25, kind="presentation"),
            AgendaItem(title="Round table with the room and online", minutes=35, kind="discussion", interactive=True),
            AgendaItem(title="Safety check-in (closed)", minutes=10, kind="other", public=False),
        ],
        online_participation=OnlineParticipation(
            platform="IGF Zoom", remote_hubs=["Lima hub"], captioning=True, interpretation=["Spanish"]
        ),
    )


def editor_on(section: str):
    async def show(pilot) -> None:
        await settle(pilot)
        app = pilot.app
        app.push_screen(ProposalEditor(app.catalogue, draft=workshop_draft()))
        # A new draft is checked at once: settling waits for that worker and its findings.
        await settle(pilot)
        await wait_until(pilot, lambda: app.screen.findings, "the checks' first run is on screen")
        await settle(pilot)
        await show_section(pilot, section)
        await settle(pilot)
        # A text cursor blinks, and a snapshot could catch it either way: the findings have the focus.
        app.screen.query_one("#live-findings").focus()
        await settle(pilot)

    return show


@pytest.mark.parametrize("section", ["basics", "content", "format", "people", "online"])
def test_editor_section(snap_compare, db, section):
    assert snap_compare(catalogue_app(db, 4), terminal_size=WIDE, run_before=editor_on(section))


def test_editor_at_80_by_24(snap_compare, db):
    assert snap_compare(catalogue_app(db, 4), terminal_size=(80, 24), run_before=editor_on("people"))


def crowded_draft() -> ForumSession:
    """Thirty people and thirty agenda items: more than any window shows at once."""
    regions = ["african", "asia_pacific", "eastern_european", "grulac", "weog", "intergovernmental_organization"]
    groups = [
        "civil_society",
        "government",
        "intergovernmental_organization",
        "private_sector",
        "technical_community",
        "academia",
    ]
    statuses = ["invited", "provisional", "confirmed", "declined"]
    people = [
        Participant(
            name=f"Speaker {n:02d} of the crowded proposal",
            organisation=f"Organisation {n} for the long-term study of Internet governance",
            stakeholder_group=groups[n % 6],
            region=regions[n % 6],
            roles=["speaker", "online_moderator"] if n % 3 else ["organizer"],
            status=statuses[n % 4],
            attendance="online" if n % 2 else "onsite",
        )
        for n in range(1, 31)
    ]
    agenda = [
        AgendaItem(
            title=f"Item {n:02d}: a segment with a long and descriptive title",
            minutes=3,
            kind="questions" if n % 2 else "presentation",
            interactive=bool(n % 2),
            public=bool(n % 3),
        )
        for n in range(1, 31)
    ]
    return ForumSession(
        status="draft",
        year=2026,
        session_type="workshop",
        title="A crowded proposal",
        duration_minutes=90,
        participants=people,
        agenda=agenda,
    )


def crowded_table(section: str, table_id: str):
    """The editor on ``section`` with the cursor on row 20 of its table (no text cursor to blink)."""

    async def show(pilot) -> None:
        await settle(pilot)
        app = pilot.app
        app.push_screen(ProposalEditor(app.catalogue, draft=crowded_draft()))
        # A new draft is checked at once (no delay): settling waits for that worker and the
        # findings it posts, not for a length of time.
        await settle(pilot)
        await settle(pilot)
        assert app.screen.findings, "the checks' first run is on screen"
        await show_section(pilot, section, focus=False)
        await settle(pilot)
        table = app.screen.query_one(f"#{table_id}")
        table.focus()
        await settle(pilot)
        await pilot.press(*["down"] * 19)
        await settle(pilot)

    return show


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize(
    ("section", "table_id"), [("people", "people-table"), ("format", "agenda-table")], ids=["people", "agenda"]
)
def test_editor_tables_with_many_rows(snap_compare, db, size, section, table_id):
    assert snap_compare(catalogue_app(db, 4), terminal_size=size, run_before=crowded_table(section, table_id))


def like_this_draft():
    """The editor on Content, with the cursor in the sessions like the draft (ctrl+l)."""

    async def show(pilot) -> None:
        await editor_on("content")(pilot)
        app = pilot.app
        await wait_until(pilot, lambda: app.screen.query_one("#similar-list").option_count, "sessions like the draft")
        await pilot.press("ctrl+l")
        await settle(pilot)

    return show


def test_editor_with_sessions_like_the_draft(snap_compare, db):
    # Among twelve made-up sessions, those on human rights defenders come first, with the words shared.
    assert snap_compare(catalogue_app(db, 12), terminal_size=WIDE, run_before=like_this_draft())
