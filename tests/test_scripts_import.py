"""The screenshot script and the benchmark use igftui's own modules: each name they import is there.

They run outside the test suite (`make screenshots`, `make bench`), so a module moved or a
function renamed would otherwise be found only by the next person to run them.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted([*ROOT.glob("scripts/*.py"), *ROOT.glob("bench/*.py")])


def igftui_imports(path: Path) -> list[tuple[str, str]]:
    """Every (module, name) that ``path`` imports from igftui, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "igftui":
            found += [(node.module, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_igftui_name_a_script_imports_exists(path):
    missing = []
    for module_name, name in igftui_imports(path):
        module = importlib.import_module(module_name)
        if not hasattr(module, name):
            try:
                importlib.import_module(f"{module_name}.{name}")
            except ModuleNotFoundError:
                missing.append(f"{module_name}.{name}")
    assert not missing, f"{path.name} imports what igftui no longer has: {missing}"


def test_the_scripts_are_found():
    assert {path.name for path in SCRIPTS} >= {"screenshots.py", "run.py"}
