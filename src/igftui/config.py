"""Where igftui keeps things, and the user's settings.

The catalogue lives at ``platformdirs.user_data_path("igftui")/catalogue.db``
(which honours ``XDG_DATA_HOME``) unless ``--db``, ``IGFTUI_DB`` or ``db`` in the
settings says otherwise.  Settings come from an optional TOML file at
``platformdirs.user_config_path("igftui")/config.toml``:

    db = "~/igf/catalogue.db"     # the catalogue: a path, or a PostgreSQL URL (not yet supported)
    theme = "textual-dark"        # any Textual theme
    rules = "igf-2025"            # default rule set: a name or a path to a TOML file
    export_folder = "~/Documents" # where exports go by default (else the documents folder)

    [keymap]                      # the user's own keys: binding id = key(s)
    "catalogue.new" = "ctrl+n"
    "app.help" = "question_mark,f12"

Each text setting can also be given in the environment as ``IGFTUI_DB``,
``IGFTUI_THEME``, ``IGFTUI_RULES`` or ``IGFTUI_EXPORT_FOLDER``, which wins over the file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from igftui.store.location import ServerLocation

APP_NAME = "igftui"


class SettingsError(ValueError):
    """The config file cannot be read; the message names the file and the line."""


def data_folder() -> Path:
    return platformdirs.user_data_path(APP_NAME)


def catalogue_location(
    override: str | os.PathLike[str] | None = None, settings: Settings | None = None
) -> Path | ServerLocation:
    """Where the catalogue is: ``override`` (``--db``), else ``IGFTUI_DB``, else ``db`` in the
    settings (read from the config file unless given), else the data folder's ``catalogue.db``.

    A path is a catalogue file (SQLite); a URL a catalogue on a PostgreSQL server.  Raises
    :class:`igftui.store.location.BadLocation` for a URL igftui cannot use, and
    :class:`SettingsError` for a config file it cannot read.
    """
    from igftui.store.location import read_location

    text = os.fspath(override) if override else os.environ.get("IGFTUI_DB")
    if not text:
        text = (settings if settings is not None else load_settings()).db
    if not text:
        return data_folder() / "catalogue.db"
    return read_location(text)


def catalogue_path(override: str | os.PathLike[str] | None = None, settings: Settings | None = None) -> Path:
    """The catalogue file (see :func:`catalogue_location`).

    A PostgreSQL URL is :class:`igftui.store.location.ServerNotSupported` until the store
    runs on PostgreSQL (issue 17): read as a path, it would make a file named after the URL.
    """
    from igftui.store.location import ServerNotSupported

    location = catalogue_location(override, settings)
    if not isinstance(location, Path):
        raise ServerNotSupported(location)
    return location


def config_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


#: The modifiers a key may have, in the order Textual names them ("ctrl+shift+up").
KEY_MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")

#: The settings that are one piece of text, each also an ``IGFTUI_...`` variable.
_TEXT_SETTINGS = ("db", "theme", "rules", "export_folder")


@dataclass(frozen=True)
class Settings:
    #: The catalogue: a path or a PostgreSQL URL, as ``--db`` takes (see :func:`catalogue_location`).
    #: A relative path written in the config file is taken from the file's folder.
    db: str | None = None
    theme: str | None = None
    rules: str | None = None
    export_folder: str | None = None
    #: The ``[keymap]`` table: binding id -> its keys ("ctrl+n", or "f1,h" for two).
    #: Only checked for form here; the app checks the ids and keys exist.
    keymap: Mapping[str, str] = field(default_factory=dict)
    #: What was wrong with entries of ``[keymap]`` (each left out of :attr:`keymap`), one
    #: message each: the app shows them, since a wrong key must not stop it from starting.
    keymap_problems: tuple[str, ...] = ()

    def export_dir(self) -> Path:
        """The folder exports go to by default: the setting, else the user's documents folder.

        Not the current folder: started from a source checkout (``make run``) that put
        proposals, private fields and all, among the code.  The documents folder is
        platformdirs' (``XDG_DOCUMENTS_DIR`` on Linux); where there is none, the home folder.
        """
        if self.export_folder:
            return Path(self.export_folder).expanduser()
        return default_export_dir()


def default_export_dir() -> Path:
    """The user's documents folder if it exists, else the home folder."""
    documents = platformdirs.user_documents_path()
    return documents if documents.is_dir() else Path.home()


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file (absent is fine) and the environment overrides."""
    path = path or config_path()
    values: dict[str, object] = {}
    if path.exists():
        # Loaded only when there is a file to read: its patterns cost a launch milliseconds.
        import tomllib

        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: cannot be read ({exc})") from None
        for name in _TEXT_SETTINGS:
            value = raw.get(name)
            if value is not None:
                if not isinstance(value, str):
                    raise SettingsError(f"{path}: {name} must be text, not {value!r}")
                values[name] = value
        if values.get("db"):
            values["db"] = _from_folder_of(path, str(values["db"]))
        if "keymap" in raw:
            values["keymap"], values["keymap_problems"] = read_keymap(raw["keymap"], path)
    for name in _TEXT_SETTINGS:
        env = os.environ.get(f"IGFTUI_{name.upper()}")
        if env:
            values[name] = env
    return replace(Settings(), **values)  # type: ignore[arg-type]


def _from_folder_of(config: Path, db: str) -> str:
    # A relative path in a file means relative to that file, not to wherever igftui starts.
    from igftui.store.location import is_url

    if is_url(db) or Path(db).expanduser().is_absolute():
        return db
    return str(config.parent / db)


def read_keymap(table: object, path: Path | None = None) -> tuple[dict[str, str], tuple[str, ...]]:
    """The ``[keymap]`` table as binding id -> keys, and one message for each entry left out.

    An entry's value is a key (``"ctrl+n"``), several separated by commas
    (``"f1,h"``) or a list of them; each key is written the way Textual names
    keys, its modifiers put in Textual's order.  A dotted id written without
    quotes (``catalogue.new = "n"``) is a table in TOML: it is read as the id.
    Whether an id or a key name exists is for the app to say (it knows both).
    """
    where = f"{path}: " if path is not None else ""
    if not isinstance(table, dict):
        problem = f'{where}[keymap] must be a table of lines like "catalogue.new" = "ctrl+n"'
        problem += "; no key was changed"
        return {}, (problem,)
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in _flatten(table):
        if isinstance(value, str):
            written = value.split(",")
        elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            written = [key for item in value for key in item.split(",")]
        else:
            problems.append(
                f'keymap: {binding_id!r} must be a key in quotes, like "ctrl+n", not {value!r}; it keeps its usual keys'
            )
            continue
        try:
            keys = [normalize_key(key) for key in written]
        except ValueError as exc:
            problems.append(f"keymap: {binding_id!r} = {value!r}: {exc}; it keeps its usual keys")
            continue
        keymap[binding_id] = ",".join(dict.fromkeys(keys))
    return keymap, tuple(problems)


def _flatten(table: dict, prefix: str = "") -> list[tuple[str, object]]:
    entries: list[tuple[str, object]] = []
    for name, value in table.items():
        if isinstance(value, dict):
            entries += _flatten(value, f"{prefix}{name}.")
        else:
            entries.append((f"{prefix}{name}", value))
    return entries


def normalize_key(written: str) -> str:
    """One key as Textual names it: ``"Ctrl+Shift+Up"`` and ``"shift+ctrl+up"`` are ``"ctrl+shift+up"``.

    Raises :class:`ValueError` saying what is wrong with a key no terminal could
    send in that form (an empty one, an unknown modifier, ``shift+a`` for ``A``).
    """
    key = written.strip()
    if not key:
        raise ValueError("a key is empty (two commas, or one at the end?)")
    if any(character.isspace() for character in key):
        raise ValueError(f'{key!r} has a space in it (the space bar is "space")')
    *modifiers, name = key.split("+")
    if not name:
        raise ValueError(f'{key!r} ends with + (the plus key is "plus", the comma key "comma")')
    modifiers = [modifier.lower() for modifier in modifiers]
    for modifier in modifiers:
        if modifier not in KEY_MODIFIERS:
            raise ValueError(f"{modifier!r} in {key!r} is not a modifier ({', '.join(KEY_MODIFIERS)})")
    if len(set(modifiers)) < len(modifiers):
        raise ValueError(f"{key!r} names a modifier twice")
    if len(name) > 1:
        name = name.lower()  # names of keys ("F5", "Escape"); a single letter keeps its case
    elif "shift" in modifiers:
        instead = f"{name.upper()!r}" if name.isalpha() else "the character it types"
        raise ValueError(f"{key!r} never arrives: a terminal sends the shifted character itself (write {instead})")
    return "+".join([*sorted(modifiers), name])


def save_setting(name: str, value: str, path: Path | None = None) -> None:
    """Write one setting (e.g. the chosen theme) to the config file, leaving the rest as it was.

    Only that setting's value changes, or it is added; every other byte of the file
    (comments, blank lines, quoting, keys igftui does not know) stays as the user
    wrote it.  The file is replaced atomically, keeping its mode; a new file gets
    mode 0600 in a folder made 0700.  A file that cannot be read or parsed is left
    alone: :class:`SettingsError` says why and that nothing was saved.
    """
    # tomlkit round-trips a document (tomllib only reads, and writing from a dict
    # loses comments and layout); imported here so that starting the app does not
    # load it.
    import tomllib

    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from igftui.formats.errors import FormatError
    from igftui.formats.files import write_atomically

    path = path or config_path()
    # A config file linked from elsewhere (a dotfiles repository) is written where it
    # lives, so the link stays a link.
    target = path.resolve() if path.is_symlink() else path
    not_saved = f"it was left as it is and the {name} setting was not saved"
    try:
        # Bytes, not read_text(): its newline translation would turn "\r\n" into "\n".
        original = target.read_bytes().decode("utf-8")
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        original, mode = "", None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path} cannot be read ({exc}); {not_saved}") from None
    try:
        # tomllib too: it is what reads the file back, and it is the stricter of the two.
        tomllib.loads(original)
        document = tomlkit.parse(original)
    except (tomllib.TOMLDecodeError, TOMLKitError) as exc:
        raise SettingsError(f"{path} is not valid TOML ({exc}); {not_saved}") from None
    document[name] = value
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(target, tomlkit.dumps(document), overwrite=True)
        if mode is not None and mode != stat.S_IMODE(target.stat().st_mode):
            os.chmod(target, mode)
    except (FormatError, OSError) as exc:
        raise SettingsError(f"{exc}; the {name} setting was not saved") from None
