"""The user's keys: the ``[keymap]`` of config.toml changes keys, and a wrong entry is one message.

The binding ids promised remappable keys, but no keymap was ever loaded.
"""

from __future__ import annotations

import pytest
from snapshot_apps import SIZE, catalogue_app, screen_text, settle
from textual.binding import Binding

from igftui.config import Settings, config_path, load_settings
from igftui.tui.dialogs.help import HelpScreen, keys_of
from igftui.tui.keymap import binding_classes, check_keymap, textual_key
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.proposal_editor import ProposalEditor


def write_config(text: str) -> Settings:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_settings()


def one(messages: list[str], part: str) -> str:
    [found] = [message for message in messages if part in message]
    return found


def keymap_notes(notes: list[tuple[str, str, str]]) -> list[str]:
    return [message for title, message, _severity in notes if title == "Keys not changed"]


async def test_a_remapped_key_works_and_the_old_one_no_longer_does(db, notes):
    settings = write_config('[keymap]\n"catalogue.new" = "ctrl+n"\n')
    app = catalogue_app(db, 3, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert keymap_notes(notes) == []
        # The footer and help name the new key, in the usual place (Textual puts it last).
        footer = screen_text(app).splitlines()[-1]
        assert footer.index("f Filters") < footer.index("^n New draft") < footer.index("q Quit")
        [new] = [line for line in keys_of(app.screen) if line.action == "new_draft"]
        assert new.keys == "^n"
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ProposalEditor)


async def test_help_keeps_a_remapped_key_in_its_place(db):
    settings = write_config('[keymap]\ncatalogue.new = "ctrl+n"\n')
    app = catalogue_app(db, 3, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        remapped = [line.action for line in keys_of(app.screen)]
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        usual = [line.action for line in keys_of(app.screen)]
    assert remapped == usual


async def test_each_bad_entry_is_one_message_and_the_app_starts_with_the_good_ones(db, notes):
    settings = write_config(
        "[keymap]\n"
        '"catalogue.nwe" = "z"\n'  # no such id
        '"catalogue.export" = "ctrl+nope"\n'  # no such key
        '"catalogue.people" = "q"\n'  # quit's key on the catalogue
        '"session.back" = 5\n'  # not a key at all
        '"catalogue.new" = "ctrl+n"\n'  # fine
    )
    app = catalogue_app(db, 3, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Keys are looked up at every press; the clash is still said once.
        await pilot.press("down", "up")
        await settle(pilot)
        messages = keymap_notes(notes)
        assert len(messages) == 4, messages
        unknown, not_a_key, clash, bad_key = (
            one(messages, part) for part in ("catalogue.nwe", "session.back", "catalogue.people", "nope")
        )
        assert "'catalogue.nwe' is not the id of any key" in unknown and "'catalogue.new'" in unknown
        assert "'session.back' must be a key in quotes" in not_a_key
        assert "'catalogue.people' and 'catalogue.quit' would both be 'q' in Catalogue" in clash
        assert "'nope' is not a key Textual knows" in bad_key
        assert all("Traceback" not in message for message in messages)
        # The good entry applies; the others keep their usual keys.
        await pilot.press("p")
        await settle(pilot)
        assert type(app.screen).__name__ == "PeopleScreen"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ProposalEditor)


async def test_help_shows_each_keys_id_on_i(db):
    settings = write_config('[keymap]\n"catalogue.new" = "ctrl+n"\n')
    app = catalogue_app(db, 3, settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "catalogue.new" not in screen_text(app)
        await pilot.press("i")
        await pilot.pause()
        shown = screen_text(app)
        assert "catalogue.new" in shown and "catalogue.quit" in shown and "sessions.down" in shown
        # Beside its key and what it does.
        assert any("^n" in line and "catalogue.new" in line and "New draft" in line for line in shown.splitlines())
        await pilot.press("i")
        await pilot.pause()
        assert "catalogue.new" not in screen_text(app)


def test_every_key_of_igftui_has_an_id_of_its_own():
    declared: dict[str, list[str]] = {}
    for cls in binding_classes():
        for binding in vars(cls).get("BINDINGS", []):
            assert isinstance(binding, Binding), (cls, binding)
            assert binding.id, f"{cls.__qualname__}: {binding.key} ({binding.action}) has no id"
            declared.setdefault(binding.id, []).append(cls.__qualname__)
    twice = {binding_id: where for binding_id, where in declared.items() if len(where) > 1}
    assert twice == {}
    assert "catalogue.new" in declared and "speakers.add" in declared


@pytest.mark.parametrize(
    ("written", "textual"),
    [
        ("n", "n"),
        ("N", "N"),
        ("?", "question_mark"),
        ("ctrl+/", "ctrl+slash"),
        ("f5", "f5"),
        ("question_mark", "question_mark"),
        ("pagedown", "pagedown"),
        ("ctrl+shift+up", "ctrl+shift+up"),
        ("space", "space"),
        ("escape", "escape"),
        ("enter", "enter"),
        ("delete", "delete"),
        ("plus", "plus"),
    ],
)
def test_keys_textual_knows(written, textual):
    assert textual_key(written) == textual


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("ctrl+nope", "'nope' is not a key Textual knows"),
        ("pgdown", "did you mean 'pagedown'?"),
        ("ctrl+N", "'ctrl+n'"),
        ("shift+question_mark", "never arrives"),
    ],
)
def test_keys_textual_does_not_know(written, says):
    with pytest.raises(ValueError, match=says.replace("?", r"\?").replace("+", r"\+")):
        textual_key(written)


def test_a_key_taken_from_textual_itself_is_a_clash(db):
    app = catalogue_app(db, 0)
    checked = check_keymap({"catalogue.export": "ctrl+q"}, app)
    assert checked.keymap == {}
    [message] = checked.problems
    assert "'catalogue.export' and Textual's 'Quit' would both be 'ctrl+q'" in message


def test_swapping_two_keys_is_no_clash(db):
    app = catalogue_app(db, 0)
    checked = check_keymap({"catalogue.new": "q", "catalogue.quit": "n"}, app)
    assert checked.problems == []
    assert checked.keymap == {"catalogue.new": "q", "catalogue.quit": "n"}


def test_help_closing_on_its_own_key_is_no_clash(db):
    # Help's ? closes help, as app.help's ? opens it: they shared the key before any keymap.
    app = catalogue_app(db, 0)
    checked = check_keymap({"help.close": "escape,question_mark,f1,w", "app.help": "question_mark,f1,h"}, app)
    assert [problem for problem in checked.problems if "'help.close'" in problem] == []


async def test_help_says_its_own_keys_as_remapped(db):
    settings = write_config('[keymap]\n"help.ids" = "I"\n"help.close" = "escape,x"\n')
    app = catalogue_app(db, 3, settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert "I shows the key ids · escape closes" in screen_text(app)
        await pilot.press("I")
        await pilot.pause()
        assert "catalogue.new" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
