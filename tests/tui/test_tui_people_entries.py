"""Organisations, places to be confirmed and the lead organiser in the proposal editor's people table."""

from __future__ import annotations

from snapshot_apps import SIZE, catalogue_app, screen_text, settle, show_section
from test_tui_editor import new_draft
from textual.widgets import Checkbox, Input, Select, SelectionList

from igftui.model.people import EntryKind
from igftui.model.vocabulary import Region, Role, StakeholderGroup
from igftui.tui.widgets.people_editor import SpeakerTable


async def add_entry(
    pilot,
    *,
    kind=EntryKind.PERSON,
    name="",
    organisation="",
    roles=(Role.ORGANIZER,),
    group=None,
    region=None,
    lead=False,
) -> None:
    """Add an entry through the people table and the person dialog, as a user would."""
    editor = pilot.app.screen
    await show_section(pilot, "people", focus=False)
    await pilot.pause()
    editor.query_one(SpeakerTable).focus()
    await pilot.press("a")
    await settle(pilot)
    dialog = pilot.app.screen
    dialog.query_one("#person-kind", Select).value = kind
    dialog.query_one("#person-name", Input).value = name
    dialog.query_one("#person-organisation", Input).value = organisation
    chosen = dialog.query_one("#person-roles", SelectionList)
    chosen.deselect_all()
    for role in roles:
        chosen.select(role)
    for widget_id, value in (("#person-group", group), ("#person-region", region)):
        if value is not None:
            dialog.query_one(widget_id, Select).value = value
    dialog.query_one("#person-lead", Checkbox).value = lead
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert pilot.app.screen is editor, "the person dialog should close on ctrl+s"


def table_rows(editor) -> list[list[str]]:
    table = editor.query_one(SpeakerTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_organisations_and_places_show_by_their_short_label(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await add_entry(pilot, kind=EntryKind.ORGANISATION, organisation="Argentina IGF", region=Region.GRULAC)
        await add_entry(pilot, kind=EntryKind.ORGANISATION, group=StakeholderGroup.CIVIL_SOCIETY, region=Region.WEOG)
        await add_entry(
            pilot,
            kind=EntryKind.TO_BE_CONFIRMED,
            roles=(Role.SPEAKER,),
            group=StakeholderGroup.PRIVATE_SECTOR,
            region=Region.AFRICAN,
        )
        rows = table_rows(editor)
        assert [row[0] for row in rows] == [
            "Argentina IGF",
            "Organiser (civil society)",
            "Speaker to be confirmed (private sector)",
        ]
        assert [p.name for p in editor.draft.participants] == [None, None, None]
        assert [p.to_be_confirmed for p in editor.draft.participants] == [False, False, True]
        assert "Argentina IGF" in screen_text(app)


async def test_one_lead_organiser_marking_another_unmarks_the_first(db, notes):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await add_entry(pilot, name="Lena Kowalski", lead=True)
        await add_entry(pilot, name="Tomás Rivera", roles=(Role.SPEAKER,))
        assert [p.lead for p in editor.draft.participants] == [True, False]
        assert table_rows(editor)[0][1] == "Lead organiser"
        assert not notes
        await add_entry(pilot, name="Amina Okafor", roles=(Role.ORGANIZER, Role.SPEAKER), lead=True)
        assert [p.lead for p in editor.draft.participants] == [False, False, True]
        assert (
            "Lead organiser",
            "Amina Okafor is now the lead organiser, instead of Lena Kowalski.",
            "information",
        ) in notes
        rows = table_rows(editor)
        assert rows[0][1] == "Organizer" and rows[2][1] == "Lead organiser, Speaker"
