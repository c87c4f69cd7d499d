"""Where igftui keeps things, and the user's settings.

The catalogue lives at ``platformdirs.user_data_path("igftui")/catalogue.db``
(which honours ``XDG_DATA_HOME``) unless ``--db`` or ``IGFTUI_DB`` says
otherwise.  Settings come from an optional TOML file at
``platformdirs.user_config_path("igftui")/config.toml``:

    theme = "textual-dark"        # any Textual theme
    rules = "igf-2025"            # default rule set: a name or a path to a TOML file
    export_folder = "~/Documents" # where exports go by default (else the documents folder)

Each setting can also be given in the environment as ``IGFTUI_THEME``,
``IGFTUI_RULES`` or ``IGFTUI_EXPORT_FOLDER``, which wins over the file.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

import platformdirs

APP_NAME = "igftui"


class SettingsError(ValueError):
    """The config file cannot be read; the message names the file and the line."""


def data_folder() -> Path:
    return platformdirs.user_data_path(APP_NAME)


def catalogue_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The catalogue file: ``override`` (``--db``), else ``IGFTUI_DB``, else the data folder's."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get("IGFTUI_DB")
    if from_env:
        return Path(from_env).expanduser()
    return data_folder() / "catalogue.db"


def config_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    rules: str | None = None
    export_folder: str | None = None

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
    values: dict[str, str] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: cannot be read ({exc})") from None
        for item in fields(Settings):
            value = raw.get(item.name)
            if value is not None:
                if not isinstance(value, str):
                    raise SettingsError(f"{path}: {item.name} must be text, not {value!r}")
                values[item.name] = value
    for item in fields(Settings):
        env = os.environ.get(f"IGFTUI_{item.name.upper()}")
        if env:
            values[item.name] = env
    return replace(Settings(), **values)


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
