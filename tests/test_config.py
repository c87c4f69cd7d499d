"""Settings: saving one keeps the rest of config.toml exactly as the user wrote it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from igftui.config import Settings, SettingsError, config_path, load_settings, normalize_key, save_setting

WRITTEN_BY_HAND = (
    "# igftui settings, kept in my dotfiles\n"
    "\n"
    "theme = 'nord'   # the dark one\n"
    'rules   =   "igf-2025"\n'
    "\n"
    "# where the Markdown goes\n"
    'export_folder = "~/Documents/IGF"\n'
    "future_option = [1, 2, 3]  # a key this version does not know\n"
    "\n"
    "[keymap]\n"
    '"app.help" = "f1"\n'
)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_changing_a_setting_changes_only_its_value(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(WRITTEN_BY_HAND, encoding="utf-8")
    save_setting("theme", "gruvbox", path)
    assert path.read_text(encoding="utf-8") == WRITTEN_BY_HAND.replace("'nord'", '"gruvbox"')
    assert load_settings(path).theme == "gruvbox"


def test_a_new_setting_is_added_among_the_top_level_keys(tmp_path):
    path = tmp_path / "config.toml"
    without_theme = WRITTEN_BY_HAND.replace("theme = 'nord'   # the dark one\n", "")
    path.write_text(without_theme, encoding="utf-8")
    save_setting("theme", "gruvbox", path)
    saved = path.read_text(encoding="utf-8")
    # Above the [keymap] table (below it, it would be keymap.theme), the rest untouched.
    before, after = without_theme.split("\n[keymap]")
    assert saved == before.rstrip("\n") + '\ntheme = "gruvbox"\n\n[keymap]' + after
    assert load_settings(path).theme == "gruvbox"


def test_windows_line_endings_are_kept(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(WRITTEN_BY_HAND.replace("\n", "\r\n").encode())
    save_setting("theme", "gruvbox", path)
    assert path.read_bytes() == WRITTEN_BY_HAND.replace("'nord'", '"gruvbox"').replace("\n", "\r\n").encode()


def test_a_new_file_is_owner_only_in_an_owner_only_folder(tmp_path):
    path = tmp_path / "igftui" / "config.toml"
    save_setting("theme", "gruvbox", path)
    assert path.read_text(encoding="utf-8") == 'theme = "gruvbox"\n'
    assert mode_of(path) == 0o600
    assert mode_of(path.parent) == 0o700


def test_the_default_place_is_the_config_folder():
    save_setting("theme", "gruvbox")
    assert config_path().read_text(encoding="utf-8") == 'theme = "gruvbox"\n'
    assert load_settings().theme == "gruvbox"


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(WRITTEN_BY_HAND, encoding="utf-8")
    os.chmod(path, 0o640)
    save_setting("theme", "gruvbox", path)
    assert mode_of(path) == 0o640


def test_a_linked_config_file_stays_a_link(tmp_path):
    dotfiles = tmp_path / "dotfiles" / "igftui.toml"
    dotfiles.parent.mkdir()
    dotfiles.write_text(WRITTEN_BY_HAND, encoding="utf-8")
    link = tmp_path / "config.toml"
    link.symlink_to(dotfiles)
    save_setting("theme", "gruvbox", link)
    assert link.is_symlink()
    assert dotfiles.read_text(encoding="utf-8") == WRITTEN_BY_HAND.replace("'nord'", '"gruvbox"')


@pytest.mark.parametrize(
    "broken",
    [
        "theme = nord\n# a value without quotes\n",
        "theme = 'nord'\ntheme = 'gruvbox'\n",
        "[keymap\n",
        "theme = 'caf\xe9'\n".encode("latin-1"),  # not UTF-8
    ],
    ids=["bare word", "key twice", "open table", "not utf-8"],
)
def test_a_file_that_cannot_be_parsed_is_never_overwritten(tmp_path, broken):
    path = tmp_path / "config.toml"
    data = broken if isinstance(broken, bytes) else broken.encode()
    path.write_bytes(data)
    with pytest.raises(SettingsError) as raised:
        save_setting("theme", "gruvbox", path)
    assert path.read_bytes() == data
    assert str(path) in str(raised.value) and "theme setting was not saved" in str(raised.value)
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary file left


def test_a_folder_that_cannot_be_written_is_reported(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "config.toml"
    path.write_text(WRITTEN_BY_HAND, encoding="utf-8")
    os.chmod(folder, 0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(SettingsError, match=r"permission denied.*theme setting was not saved"):
            save_setting("theme", "gruvbox", path)
    finally:
        os.chmod(folder, 0o700)
    assert path.read_text(encoding="utf-8") == WRITTEN_BY_HAND


@settings(max_examples=100, deadline=None)
@given(value=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30))
def test_any_value_reads_back_as_saved(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("cfg") / "config.toml"
    path.write_text(WRITTEN_BY_HAND, encoding="utf-8")
    save_setting("export_folder", value, path)
    assert load_settings(path).export_folder == value
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith(WRITTEN_BY_HAND.split("export_folder")[0])
    assert saved.endswith(WRITTEN_BY_HAND.split("# where the Markdown goes\n")[1].split("\n", 1)[1])


def test_a_config_folder_that_is_a_file_is_reported(tmp_path):
    (tmp_path / "igftui").write_text("not a folder", encoding="utf-8")
    with pytest.raises(SettingsError, match="theme setting was not saved"):
        save_setting("theme", "gruvbox", tmp_path / "igftui" / "config.toml")
    assert (tmp_path / "igftui").read_text(encoding="utf-8") == "not a folder"


# ----- the export folder -----


def test_exports_go_to_the_documents_folder_by_default(tmp_path, monkeypatch):
    documents = tmp_path / "Documents of mine"
    documents.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    monkeypatch.chdir(tmp_path)
    assert load_settings(tmp_path / "none.toml").export_dir() == documents


def test_without_a_documents_folder_exports_go_home_not_to_the_current_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR")
    # No user-dirs.dirs here, so platformdirs falls back to ~/Documents, which does not exist.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    assert load_settings(tmp_path / "none.toml").export_dir() == home


def test_the_export_folder_setting_wins_and_expands_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    path = tmp_path / "config.toml"
    path.write_text('export_folder = "~/IGF exports"\n', encoding="utf-8")
    assert load_settings(path).export_dir() == tmp_path / "IGF exports"


def write(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_keymap_table_is_read_as_binding_id_to_keys():
    write(
        'theme = "nord"\n'
        "[keymap]\n"
        '"catalogue.new" = "ctrl+n"\n'
        'catalogue.quit = "Q, ctrl+x"\n'  # unquoted dotted id: a table in TOML, read as the id
        '"app.help" = ["f1", "h"]\n'
        '"editor.next_section" = "Shift+Ctrl+PageDown"\n'
    )
    settings = load_settings()
    assert settings.theme == "nord"
    assert dict(settings.keymap) == {
        "catalogue.new": "ctrl+n",
        "catalogue.quit": "Q,ctrl+x",
        "app.help": "f1,h",
        "editor.next_section": "ctrl+shift+pagedown",
    }
    assert settings.keymap_problems == ()


def test_without_a_keymap_no_key_changes():
    write('theme = "nord"\n')
    assert load_settings().keymap == {}
    assert load_settings().keymap_problems == ()
    assert Settings().keymap == {}


def test_a_bad_keymap_entry_is_one_message_and_the_others_are_kept():
    write(
        "[keymap]\n"
        '"catalogue.new" = 5\n'
        '"catalogue.people" = "ctrl+,"\n'
        '"catalogue.export" = "shift+e"\n'
        '"catalogue.import" = "hyperr+i"\n'
        '"catalogue.quit" = "ctrl+q"\n'
    )
    settings = load_settings()
    assert dict(settings.keymap) == {"catalogue.quit": "ctrl+q"}
    assert len(settings.keymap_problems) == 4
    new, people, export, import_ = settings.keymap_problems
    assert "'catalogue.new' must be a key in quotes" in new and "not 5" in new
    # A comma separates keys: the comma key has a name.
    assert "'catalogue.people'" in people and '"comma"' in people
    assert "'shift+e' never arrives" in export and "write 'E'" in export
    assert "'hyperr' in 'hyperr+i' is not a modifier" in import_
    assert all("usual keys" in problem for problem in settings.keymap_problems)


def test_a_keymap_that_is_not_a_table_is_one_message():
    path = write('keymap = "ctrl+n"\n')
    settings = load_settings()
    assert settings.keymap == {}
    [problem] = settings.keymap_problems
    assert str(path) in problem and "[keymap] must be a table" in problem and "no key was changed" in problem


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("n", "n"),
        ("N", "N"),
        (" ctrl+n ", "ctrl+n"),
        ("Ctrl+N", "ctrl+N"),
        ("F5", "f5"),
        ("shift+ctrl+up", "ctrl+shift+up"),
        ("alt+ctrl+x", "alt+ctrl+x"),
        ("?", "?"),
        ("plus", "plus"),
    ],
)
def test_keys_are_put_in_textuals_form(written, key):
    # Whether the key exists is the app's to say ("ctrl+N": it says write ctrl+n).
    assert normalize_key(written) == key


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("", "empty"),
        ("ctrl+", "ends with +"),
        ("ctrl+ n", "space"),
        ("ctrl+ctrl+n", "twice"),
        ("cmd+n", "not a modifier"),
        ("shift+1", "the character it types"),
    ],
)
def test_keys_no_terminal_sends_are_refused(written, says):
    with pytest.raises(ValueError, match=says):
        normalize_key(written)


def test_saving_the_theme_keeps_the_keymap(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"catalogue.new" = "ctrl+n"\n', encoding="utf-8")
    save_setting("theme", "nord", path)
    settings = load_settings(path)
    assert settings.theme == "nord" and dict(settings.keymap) == {"catalogue.new": "ctrl+n"}


# ----- where the catalogue is: --db, IGFTUI_DB, db in config.toml -----


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_catalogue_is_in_the_data_folder_unless_a_setting_says_otherwise():
    from igftui.config import catalogue_path, data_folder

    assert catalogue_path() == data_folder() / "catalogue.db"


def test_db_in_config_toml_names_the_catalogue_and_a_relative_path_is_from_the_files_folder(tmp_path):
    from igftui.config import catalogue_path

    path = write_config('db = "igf/catalogue.db"\n')
    assert load_settings().db == str(path.parent / "igf" / "catalogue.db")
    assert catalogue_path() == path.parent / "igf" / "catalogue.db"
    write_config(f'db = "{tmp_path / "shared.db"}"\n')
    assert catalogue_path() == tmp_path / "shared.db"


def test_igftui_db_wins_over_the_file_and_db_wins_over_both(tmp_path, monkeypatch):
    from igftui.config import catalogue_path

    write_config(f'db = "{tmp_path / "from-file.db"}"\n')
    monkeypatch.setenv("IGFTUI_DB", str(tmp_path / "from-env.db"))
    assert catalogue_path() == tmp_path / "from-env.db"
    assert catalogue_path(tmp_path / "given.db") == tmp_path / "given.db"


def test_a_url_in_the_settings_is_kept_as_written():
    from igftui.config import catalogue_location
    from igftui.store.location import ServerLocation

    write_config('db = "postgresql://ana@db/igf"\n')
    assert load_settings().db == "postgresql://ana@db/igf"
    location = catalogue_location()
    assert isinstance(location, ServerLocation)
    assert str(location) == "postgresql+psycopg://ana@db/igf"


def test_db_must_be_text():
    write_config("db = 3\n")
    with pytest.raises(SettingsError, match="db must be text"):
        load_settings()
