"""The person dialog on the real app and a real catalogue: completion, filling in, validation."""

from __future__ import annotations

from snapshot_apps import SIZE, catalogue_app, screen_text, settle
from textual.widgets import Button, Checkbox, Input, OptionList, Select, SelectionList, Static

from igftui.model import ForumSession, Participant
from igftui.model.people import EntryKind
from igftui.model.vocabulary import (
    Attendance,
    Gender,
    ParticipantStatus,
    Region,
    Role,
    StakeholderGroup,
)
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.dialogs.help import HelpScreen, keys_of
from igftui.tui.dialogs.person_dialog import (
    BAD_EMAIL,
    NAME_NEEDED,
    ORGANISATION_NEEDED,
    PLACE_ROLE_NEEDED,
    ROLE_NEEDED,
    PersonDialog,
)


async def open_dialog(pilot, person=None, **options) -> tuple[PersonDialog, list]:
    app = pilot.app
    await settle(pilot)
    results: list = []
    dialog = PersonDialog(person, app.catalogue if "catalogue" not in options else options.pop("catalogue"), **options)
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
        assert (
            "Person",
            "Filled in from the catalogue: organisation, stakeholder group, regional group.",
            "information",
        ) in notes
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [
            Participant(
                name="Amina Diallo",
                organisation="Digital Rights Network",
                stakeholder_group="civil_society",
                region="african",
                roles=["speaker"],
            )
        ]


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
        # Textual ignores a click on a button within 0.2 s of the last (its pressed look):
        # each click here comes after the user has read the error, so each must count,
        # however fast the test gets there.
        dialog.query_one("#person-save", Button).active_effect_duration = 0
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


async def test_escape_closes_at_once_when_nothing_was_changed(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert results == [None] and app.screen is not dialog


async def test_escape_after_typing_asks_and_keeps_editing_by_default(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        await pilot.press(*"Somebody")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and not results
        assert "Discard your changes to this speaker?" in screen_text(app)
        # Enter out of habit keeps editing: the focus is on "Keep editing".
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog and not results
        assert dialog.query_one("#person-name", Input).value == "Somebody"
        # So does escape in the question.
        await pilot.click("#person-cancel")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dialog and not results
        # "y" discards.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert results == [None] and app.screen is not dialog


async def test_editing_then_undoing_the_change_closes_without_asking(db):
    person = Participant(name="Amina Diallo", roles=["speaker"], status="invited")
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, person)
        await pilot.press("end", "x", "backspace", "escape")
        await settle(pilot)
        assert results == [None] and app.screen is not dialog


async def test_editing_keeps_every_field_and_the_private_ones(db):
    person = Participant(
        name="Amina Diallo",
        organisation="Digital Rights Network",
        stakeholder_group="civil_society",
        region="african",
        country="Senegal",
        roles=["organizer", "moderator"],
        status="provisional",
        attendance="online",
        first_time=True,
        gender="woman",
        email="amina@example.org",
    )
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
        await settle(pilot)  # (it scrolls there smoothly: settle waits for that too)
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


# ----- an organisation, a place to be confirmed, the lead organiser -----


def shown(dialog: PersonDialog, selector: str) -> bool:
    """Whether the field is on screen: its row (or itself) is displayed."""
    widget = dialog.query_one(selector)
    return all(
        node.display for node in [widget, *widget.ancestors_with_self] if node is not dialog and node is not dialog.app
    )


async def test_an_organisation_is_an_organiser_without_a_person_named(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, roles=(Role.ORGANIZER,))
        assert shown(dialog, "#person-name") and shown(dialog, "#person-gender")
        dialog.query_one("#person-kind", Select).focus()
        await pilot.press("enter", "down", "enter")  # the second choice: an organisation
        await settle(pilot)
        assert dialog.query_one("#person-kind", Select).value is EntryKind.ORGANISATION
        # A person's own fields go: name, roles, status, attendance, first time, lead, private ones.
        for field in (
            "#person-name",
            "#person-roles",
            "#person-status",
            "#person-attendance",
            "#person-first-time",
            "#person-lead",
            "#person-gender",
            "#person-email",
        ):
            assert not shown(dialog, field), field
        for field in ("#person-organisation", "#person-group", "#person-region", "#person-country"):
            assert shown(dialog, field), field
        assert "Gender" not in screen_text(app) and "Private" not in screen_text(app)
        # The dialog says what is being added.
        assert "Add an organisation" in screen_text(app) and "Add a person" not in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not results and error_text(dialog, "person-organisation") == ORGANISATION_NEEDED
        assert app.focused is dialog.query_one("#person-organisation", Input)
        await pilot.press(*"Argentina IGF")
        assert error_text(dialog, "person-organisation") == ""
        dialog.query_one("#person-region", Select).value = Region.GRULAC
        dialog.query_one("#person-country", Input).value = "Argentina"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [
            Participant(organisation="Argentina IGF", region="grulac", country="Argentina", roles=["organizer"])
        ]
        assert results[0].to_json()["name"] is None


async def test_an_organisation_keeps_none_of_a_persons_fields(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        # Typed as a person first, then said to be an organisation: the person's answers do not stay.
        dialog.query_one("#person-name", Input).value = "Argentina IGF"
        dialog.query_one("#person-organisation", Input).value = "Argentina IGF"
        dialog.query_one("#person-gender", Select).value = Gender.WOMAN
        dialog.query_one("#person-email", Input).value = "info@example.org"
        dialog.query_one("#person-first-time", Checkbox).value = True
        dialog.query_one("#person-kind", Select).value = EntryKind.ORGANISATION
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [Participant(organisation="Argentina IGF", roles=["organizer"])]


async def test_editing_an_organisation_opens_as_one(db):
    nri = Participant(organisation="Argentina IGF", region="grulac", roles=["organizer"])
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, nri)
        assert dialog.query_one("#person-kind", Select).value is EntryKind.ORGANISATION
        assert "Edit Argentina IGF" in screen_text(app)
        assert app.focused is dialog.query_one("#person-organisation", Input)
        assert not shown(dialog, "#person-name")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [nri]


async def test_a_speaker_to_be_confirmed_has_no_name_and_no_status(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot)
        dialog.query_one("#person-kind", Select).focus()
        await pilot.press("enter", "down", "down", "enter")
        await settle(pilot)
        assert dialog.query_one("#person-kind", Select).value is EntryKind.TO_BE_CONFIRMED
        for field in ("#person-name", "#person-status", "#person-lead", "#person-gender", "#person-email"):
            assert not shown(dialog, field), field
        for field in ("#person-roles", "#person-organisation", "#person-group", "#person-region", "#person-attendance"):
            assert shown(dialog, field), field
        dialog.query_one("#person-group", Select).value = StakeholderGroup.PRIVATE_SECTOR
        dialog.query_one("#person-region", Select).value = Region.AFRICAN
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [
            Participant(roles=["speaker"], stakeholder_group="private_sector", region="african", to_be_confirmed=True)
        ]
        assert results[0].display_name() == "Speaker to be confirmed (private sector)"


async def test_a_place_to_be_confirmed_needs_a_role_besides_organiser(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, roles=(Role.ORGANIZER,))
        dialog.query_one("#person-kind", Select).value = EntryKind.TO_BE_CONFIRMED
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not results and error_text(dialog, "person-roles") == PLACE_ROLE_NEEDED


async def test_the_lead_organiser_is_a_tick_box(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, roles=(Role.ORGANIZER,))
        await pilot.press(*"Lena Kowalski")
        lead = dialog.query_one("#person-lead", Checkbox)
        assert "Lead organiser" in str(lead.label) and not lead.value
        lead.focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [Participant(name="Lena Kowalski", roles=["organizer"], lead=True)]


async def test_completion_offers_and_picks_the_same_person(db):
    """ "Sara" once offered Sara Lindqvist-Mendoza and tab, enter filled in Haruto Kisaragi."""
    from igftui.config import Settings
    from igftui.store import Catalogue
    from igftui.tui.app import IgfApp
    from igftui.tui.delays import INSTANT

    catalogue = Catalogue(db)
    # Haruto is in more sessions, and "sara" is inside "Kisaragi".
    for number in range(3):
        catalogue.add(
            ForumSession(
                title=f"Session {number}", participants=[Participant(name="Haruto Kisaragi", roles=["speaker"])]
            )
        )
    catalogue.add(
        ForumSession(title="Another", participants=[Participant(name="Sara Lindqvist-Mendoza", roles=["speaker"])])
    )
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        dialog, _results = await open_dialog(pilot)
        await pilot.press(*"Sara")
        await settle(pilot)
        box = dialog.query_one("#person-name", Input)
        assert box._suggestion == "Sara Lindqvist-Mendoza"
        matches = dialog.query_one("#person-matches", OptionList)
        assert str(matches.get_option_at_index(0).prompt).startswith("Sara Lindqvist-Mendoza")
        assert str(matches.get_option_at_index(1).prompt).startswith("Haruto Kisaragi")
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert box.value == "Sara Lindqvist-Mendoza"
        # And right, the other way to accept, takes the same name.
        await pilot.press("ctrl+a", "ctrl+k", *"Sara", "right")
        await settle(pilot)
        assert box.value == "Sara Lindqvist-Mendoza"
        # A word start inside a name: listed, but never completed inline as something else.
        await pilot.press("ctrl+a", "ctrl+k", *"Kisa")
        await settle(pilot)
        assert box._suggestion == ""
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert box.value == "Haruto Kisaragi"
