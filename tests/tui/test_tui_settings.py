"""Settings saved from the app: the theme picked is kept, and the user's config file with it."""

from __future__ import annotations

from snapshot_apps import SIZE, catalogue_app, settle

from igftui.config import config_path, load_settings

BY_HAND = "# mine\ntheme = 'nord'  # dark\nfuture_option = true\n"


async def test_picking_a_theme_keeps_the_rest_of_the_config_file(db):
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(BY_HAND, encoding="utf-8")
    app = catalogue_app(db, 1, load_settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await settle(pilot)
    assert path.read_text(encoding="utf-8") == BY_HAND.replace("'nord'", '"gruvbox"')


async def test_a_config_file_broken_meanwhile_is_left_alone_and_the_user_told(db, notes):
    app = catalogue_app(db, 1, load_settings())
    path = config_path()
    path.parent.mkdir(parents=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        path.write_text("theme = nord\n", encoding="utf-8")  # edited by hand while the app runs
        app.theme = "gruvbox"
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == "theme = nord\n"
        [(_title, message, severity)] = [note for note in notes if note[0] == "Theme not saved"]
        assert severity == "warning"
        assert str(path) in message and "not valid TOML" in message and "was not saved" in message
