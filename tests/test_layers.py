"""The core never imports Textual, and importing igftui stays light (DESIGN.md)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
CORE_MODULES = sorted(
    ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
    for path in (SRC / "igftui").rglob("*.py")
    if "tui" not in path.relative_to(SRC).parts and path.name != "__main__.py"
)


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module):
    assert not any(name == "textual" or name.startswith("textual.") for name in _modules_after_import(module))


def test_importing_igftui_is_light():
    loaded = _modules_after_import("igftui")
    assert "sqlalchemy" not in loaded and "textual" not in loaded


def test_command_line_module_is_light():
    loaded = _modules_after_import("igftui.cli")
    assert "sqlalchemy" not in loaded and "textual" not in loaded


def test_the_app_paints_before_storage_loads():
    # The app's module loads Textual but not SQLAlchemy or pydantic: it paints its
    # first screen, then opens the catalogue in a worker (which loads them).
    loaded = _modules_after_import("igftui.tui.app")
    assert "textual" in loaded
    assert "sqlalchemy" not in loaded and "pydantic" not in loaded
