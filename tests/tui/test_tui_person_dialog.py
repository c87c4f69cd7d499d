"""The person dialog on the real app and a real catalogue: completion, filling in, validation."""

from __future__ import annotations

from snapshot_apps import SIZE, catalogue_app, screen_text, settle
from textual.widgets import Checkbox, Input, OptionList, Select, SelectionList, Static

from igftui.model import Participant
from igftui.model.vocabulary import (
    Attendance,
    Gender,
    ParticipantStatus,
    Region,
    Role,
    StakeholderGroup,
)
from igftui.tui.screens.help import HelpScreen, keys_of
from igftui.tui.screens.person_dialog import (
    BAD_EMAIL,
    NAME_NEEDED,
    ROLE_NEEDED,
    PersonDialog,
)


async def open_dialog(pilot, person=None, **options) -> tuple[PersonDialog, list]:
    app = pilot.app
    await settle(pilot)
    results: list = []
    dialog = PersonDialog(person, app.catalogue if "catalogue" not in options else options.pop("catalogue"),
                          **options)
    app.push_screen(dialog, results.append)
    await settle(pilot)
    assert app.screen is dialog
    return dialog, results


def error_text(dialog: PersonDialog, field: str) -> str:
    return str(dialog.query_one(f"#{field}-error", Static).content)


async def test_typing_a_name_offers_the_people_of_the_catalogue(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, _ = await open_dialog(pilot)
        assert app.focused is dialog.query_one("#person-name", Input)
        await pilot.press(*"amina")
        await settle(pilot)
        matches = dialog.query_one("#person-matches", OptionList)
        assert matches.display and matches.option_count == 1
        sessions = app.catalogue.people("Amina Diallo")[0].sessions
        assert str(matches.get_option_at_index(0).prompt) == f"Amina Diallo · {sessions} sessions"
        assert f"Amina Diallo · {sessions} sessions" in screen_text(app)


async def test_picking_a_match_fills_in_what_the_catalogue_knows(db, notes):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        await pilot.press(*"amina")
        await settle(pilot)
        await pilot.press("down")
        assert app.focused is dialog.query_one("#person-matches", OptionList)
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.query_one("#person-name", Input).value == "Amina Diallo"
        assert not dialog.query_one("#person-matches", OptionList).display
        assert app.focused is dialog.query_one("#person-name", Input)
        assert dialog.query_one("#person-organisation", Input).value == "Digital Rights Network"
        assert dialog.query_one("#person-group", Select).value is StakeholderGroup.CIVIL_SOCIETY
        assert dialog.query_one("#person-region", Select).value is Region.AFRICAN
        assert ("Person", "Filled in from the catalogue: organisation, stakeholder group, regional group.",
                "information") in notes
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [Participant(name="Amina Diallo", organisation="Digital Rights Network",
                                       stakeholder_group="civil_society", region="african",
                                       roles=["speaker"])]


async def test_what_the_user_typed_is_never_overwritten(db, notes):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, roles=(Role.MODERATOR, Role.ORGANIZER))
        dialog.query_one("#person-organisation", Input).value = "Her Own Organisation"
        dialog.query_one("#person-region", Select).value = Region.WEOG
        dialog.query_one("#person-name", Input).focus()
        await pilot.press(*"amina", "down", "enter")
        await settle(pilot)
        assert dialog.query_one("#person-organisation", Input).value == "Her Own Organisation"
        assert dialog.query_one("#person-region", Select).value is Region.WEOG
        assert dialog.query_one("#person-group", Select).value is StakeholderGroup.CIVIL_SOCIETY
        assert notes[-1][1] == "Filled in from the catalogue: stakeholder group."
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = results[0]
        assert saved.organisation == "Her Own Organisation" and saved.region is Region.WEOG
        # The roles asked for, in the order the form lists them.
        assert saved.roles == [Role.ORGANIZER, Role.MODERATOR]


async def test_right_accepts_the_inline_completion(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, _ = await open_dialog(pilot)
        await pilot.press(*"kenj")
        await settle(pilot)
        assert "kenji Sato" in screen_text(app)  # what is typed, then the rest of the name
        await pilot.press("right")
        await settle(pilot)
        assert dialog.query_one("#person-name", Input).value == "Kenji Sato"
        # The whole name is the only match: no list under it.
        assert not dialog.query_one("#person-matches", OptionList).display


async def test_escape_in_the_list_goes_back_to_the_name(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        await pilot.press(*"amina", "down", "escape")
        await settle(pilot)
        assert app.screen is dialog and not results
        assert app.focused is dialog.query_one("#person-name", Input)
        assert not dialog.query_one("#person-matches", OptionList).display
        assert dialog.query_one("#person-name", Input).value == "amina"


async def test_a_person_without_a_role_is_not_saved(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        await pilot.press(*"Nadia Okonkwo")
        roles = dialog.query_one("#person-roles", SelectionList)
        roles.focus()
        await pilot.press("down", "space")  # Speaker, the one chosen, off
        assert roles.selected == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog and not results
        assert error_text(dialog, "person-roles") == ROLE_NEEDED
        assert ROLE_NEEDED in screen_text(app)
        assert app.focused is roles
        await pilot.press("space")
        assert error_text(dialog, "person-roles") == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [p.roles for p in results] == [[Role.SPEAKER]]


async def test_a_name_is_needed_unless_an_organiser_stays_anonymous(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, roles=(Role.ORGANIZER,))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not results and error_text(dialog, "person-name") == NAME_NEEDED
        assert app.focused is dialog.query_one("#person-name", Input)
        dialog.query_one("#person-group", Select).value = StakeholderGroup.CIVIL_SOCIETY
        await settle(pilot)
        assert error_text(dialog, "person-name") == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [Participant(roles=["organizer"], stakeholder_group="civil_society")]


async def test_an_email_must_look_like_one(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        await pilot.press(*"Nadia Okonkwo")
        await settle(pilot)
        email = dialog.query_one("#person-email", Input)
        for bad in ("nadia", "nadia@", "@example.org", "nadia @example.org", "a@b@example.org"):
            email.value = bad
            await settle(pilot)  # the old error goes, and the button moves up with it
            await pilot.click("#person-save")
            await settle(pilot)
            assert not results, bad
            assert error_text(dialog, "person-email") == BAD_EMAIL
            assert app.focused is email
        await pilot.press("ctrl+a", "ctrl+k", *"nadia@example.org")
        assert error_text(dialog, "person-email") == ""
        await pilot.press("ctrl+s")  # from inside the e-mail box
        await settle(pilot)
        assert results[0].email == "nadia@example.org"


async def test_escape_cancels(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        await pilot.press(*"Somebody")
        await pilot.press("escape")
        await settle(pilot)
        assert results == [None] and app.screen is not dialog


async def test_editing_keeps_every_field_and_the_private_ones(db):
    person = Participant(name="Amina Diallo", organisation="Digital Rights Network",
                         stakeholder_group="civil_society", region="african", country="Senegal",
                         roles=["organizer", "moderator"], status="provisional", attendance="online",
                         first_time=True, gender="woman", email="amina@example.org")
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, person)
        assert dialog.query_one("#person-dialog").border_title == "Edit Amina Diallo"
        assert dialog.query_one("#person-status", Select).value is ParticipantStatus.PROVISIONAL
        assert dialog.query_one("#person-attendance", Select).value is Attendance.ONLINE
        assert dialog.query_one("#person-gender", Select).value is Gender.WOMAN
        assert dialog.query_one("#person-first-time", Checkbox).value is True
        # The name is already known: no list pops up over the form.
        assert not dialog.query_one("#person-matches", OptionList).display
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [person]


async def test_without_a_catalogue_there_is_no_completion(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, catalogue=None)
        assert dialog.query_one("#person-name", Input).suggester is None
        await pilot.press(*"amina")
        await settle(pilot)
        assert not dialog.query_one("#person-matches", OptionList).display
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [Participant(name="amina", roles=["speaker"])]


async def test_at_80_by_24_everything_can_be_reached(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog, results = await open_dialog(pilot, roles=())
        dialog.query_one("#person-email", Input).value = "not an address"
        await pilot.press("ctrl+s")  # every error at once, and the list of names open
        await pilot.press(*"en")
        await settle(pilot)
        assert dialog.query_one("#person-matches", OptionList).display
        form = dialog.query_one("#person-form")
        assert form.max_scroll_y > 0  # more than fits: the form scrolls
        screen = dialog.region
        for button in ("#person-save", "#person-cancel"):
            assert screen.contains_region(dialog.query_one(button).region)
        # Tabbing to the e-mail box brings it into view.
        dialog.query_one("#person-email", Input).focus()
        await settle(pilot)
        assert form.scroll_y > 0
        assert form.region.contains_region(dialog.query_one("#person-email", Input).region)
        await pilot.press("ctrl+a", "ctrl+k")
        dialog.query_one("#person-roles", SelectionList).select(Role.RAPPORTEUR)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [(p.name, p.roles) for p in results] == [("en", [Role.RAPPORTEUR])]


async def test_help_lists_the_dialog_keys(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, _ = await open_dialog(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = {(line.group, line.keys): line.description for line in keys_of(dialog)}
        assert lines[("Person", "^s")] == "Save"
        assert lines[("Person", "esc")] == "Cancel"
        assert lines[("Name", "↓")] == "People of that name"


def test_snapshot_adding_a_person(snap_compare, db):
    async def pick_amina(pilot) -> None:
        await open_dialog(pilot)
        await pilot.press(*"amin")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 10), terminal_size=SIZE, run_before=pick_amina)
