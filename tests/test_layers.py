"""The layer rule (DESIGN.md) and a light start.

Which package may import which is stated once, as import-linter contracts in pyproject.toml
(`make lint` runs them too); here they run in-process on the source, without importing it.
Only what can be seen by running Python is checked in new interpreters: that importing
igftui, its command line and its app loads no more than it should.
"""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def lint_imports(*contract_ids: str) -> bool:
    """Run these contracts on the source, as `lint-imports` does; its report goes to the output."""
    from importlinter import configuration
    from importlinter.application import use_cases

    configuration.configure()
    return use_cases.lint_imports(
        config_filename=str(ROOT / "pyproject.toml"), limit_to_contracts=contract_ids, cache_dir=None, no_logo=True
    )


def test_the_layer_contracts_are_kept():
    assert lint_imports(*(contract["id"] for contract in CONTRACTS))


# What each module may load when imported: the command line answers `igftui list` without
# SQLAlchemy's start-up cost until it opens the catalogue, the app paints its first
# screen before storage loads (it opens the catalogue in a worker), and the first page
# of sessions is read before it too.
LIGHT = {
    "igftui": {"textual", "sqlalchemy"},
    "igftui.cli": {"textual", "sqlalchemy"},
    "igftui.tui.app": {"sqlalchemy", "pydantic"},
    "igftui.store.first_page": {"textual", "sqlalchemy", "pydantic"},
}


def test_importing_igftui_its_command_line_and_its_app_stays_light():
    code = "import sys, {}; print('\\n'.join(sys.modules))"
    env = dict(os.environ, PYTHONPATH=str(SRC))
    # One fresh interpreter per module (what one import loads must not hide behind another's),
    # all three started at once.
    running = {
        module: subprocess.Popen(
            [sys.executable, "-c", code.format(module)],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for module in LIGHT
    }
    loaded = {}
    for module, process in running.items():
        out, err = process.communicate()
        assert process.returncode == 0, err
        loaded[module] = {name.partition(".")[0] for name in out.split()}
    assert "textual" in loaded["igftui.tui.app"]  # the check below can see what it looks for
    heavy = {module: sorted(LIGHT[module] & loaded[module]) for module in LIGHT}
    assert heavy == {module: [] for module in LIGHT}
