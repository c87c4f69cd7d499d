"""``formats/`` turns text into model objects and back: it never loads the catalogue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
FORMATS = [
    *sorted(
        f"igftui.formats.{path.stem}" for path in (SRC / "igftui" / "formats").glob("*.py") if path.stem != "__init__"
    ),
    "igftui.formats.pages",
]


def test_no_format_module_loads_the_store():
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in FORMATS)
        + "print('\\n'.join(sorted(m for m in sys.modules if m.startswith(('igftui.store', 'sqlalchemy')))))"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == []
