"""Where igftui keeps things, and the user's settings.

The catalogue lives at ``platformdirs.user_data_path("igftui")/catalogue.db``
(which honours ``XDG_DATA_HOME``) unless ``--db`` or ``IGFTUI_DB`` says
otherwise.  Settings come from an optional TOML file at
``platformdirs.user_config_path("igftui")/config.toml``:

    theme = "textual-dark"        # any Textual theme
    rules = "igf-2025"            # default rule set: a name or a path to a TOML file
    export_folder = "~/Documents" # where exports go by default

Each setting can also be given in the environment as ``IGFTUI_THEME``,
``IGFTUI_RULES`` or ``IGFTUI_EXPORT_FOLDER``, which wins over the file.
"""

from __future__ import annotations

import os
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
        """The folder exports go to by default: the setting, else the current folder."""
        return Path(self.export_folder).expanduser() if self.export_folder else Path.cwd()


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
    """Write one setting back to the config file, keeping the others (e.g. the chosen theme)."""
    path = path or config_path()
    current: dict[str, object] = {}
    if path.exists():
        try:
            current = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
            current = {}
    current[name] = value
    lines = []
    for key, val in current.items():
        if isinstance(val, str):
            escaped = val.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{key} = "{escaped}"')
        elif isinstance(val, bool):
            lines.append(f"{key} = {'true' if val else 'false'}")
        elif isinstance(val, (int, float)):
            lines.append(f"{key} = {val}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
