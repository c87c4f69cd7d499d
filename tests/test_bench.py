"""`make bench` runs end to end: on a catalogue of 50 sessions, every figure is measured and written.

The harness runs outside the test suite and for minutes, so a change to the app
(a key, a screen, the search index) that breaks it would be found only by the
next person to run it.  Here it runs in its quick mode on a small catalogue, as
lightly as still runs every part: one launch of each app in a pseudo-terminal,
one query typed into the real app under Pilot, the real catalogue file.  No
figure is compared with anything but zero, and nothing waits for a set time:
speed is for people to read.  What it starts, it stops: no process and no
terminal is left behind.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_bench():
    spec = importlib.util.spec_from_file_location("igftui_bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def numbers(value, where: str = ""):
    """Every number in ``value`` (nested dicts and lists), with where it is."""
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield where, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from numbers(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from numbers(inner, f"{where}[{index}]")


def children() -> set[int]:
    """This process's children, running or not yet reaped (from /proc; empty where there is none)."""
    me = str(os.getpid())
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # "pid (command) state ppid ...": the command may hold spaces and brackets.
            state_and_parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, IndexError):
            continue  # gone meanwhile
        if state_and_parent[1:] == [me]:
            found.add(int(stat.parent.name))
    return found


def terminals_open() -> int:
    """How many pseudo-terminals this process holds open (from /proc; 0 where there is none)."""
    count = 0
    for fd in Path("/proc/self/fd").glob("*"):
        try:
            count += os.readlink(fd).endswith("ptmx")  # /dev/ptmx, or /dev/pts/ptmx
        except OSError:
            continue
    return count


def test_the_bench_measures_every_figure_and_writes_them(tmp_path):
    bench = load_bench()
    if not bench.pty_available():
        pytest.skip("needs a pseudo-terminal (os.openpty)")
    out = tmp_path / "results.json"
    before, terminals_before = children(), terminals_open()

    returned = bench.run_bench([50], cache=tmp_path / "cache", out=out, quick=True, runs=1, queries=1)

    # Every app it started in a terminal is gone (killed and reaped), every terminal closed.
    assert children() - before == set()
    assert terminals_open() == terminals_before

    results = json.loads(out.read_text(encoding="utf-8"))
    assert results == json.loads(json.dumps(returned))
    assert results["sizes"] == [50]
    assert {"platform", "cpus", "python", "textual", "sqlite"} <= results["machine"].keys()
    size = results["by_size"]["50"]
    assert size["sessions"] == 50
    assert {"app_seconds", "bare_seconds", "ratio", "app_peak_mib", "bare_peak_mib", "memory_ratio"} <= size[
        "launch"
    ].keys()
    assert len(size["search"]["queries"]) == 1
    assert len(bench.search_queries(bench.generate.vocabulary())) >= 10  # what `make bench` types
    for side in ("app", "fts5"):
        assert {"median_seconds", "p95_seconds"} <= size["search"][side].keys()
    assert set(size["search"]["app"]["per_query_median_seconds"]) == set(size["search"]["queries"])
    assert set(size["actions"]) == {"open_session", "open_editor", "checks", "export"}
    assert {"first_seconds", "median_seconds", "p95_seconds", "median_ratio"} <= size["similar"].keys()
    assert size["overlaps"]["sessions"] > 0 and results["overlaps"]["sessions"] == 100
    assert {"json_sessions_per_second", "pages_per_second"} <= results["import"].keys()
    assert size["catalogue"]["bytes_per_session"] > 0

    figures = [
        *numbers(results["by_size"], "by_size"),
        *numbers(results["import"], "import"),
        *numbers(results["bare"], "bare"),
        *numbers(results["overlaps"], "overlaps"),
    ]
    assert len(figures) > 30
    # How many pairs overlap is a count the generated text may make zero, not a measurement.
    measured = [(where, value) for where, value in figures if not where.endswith(".pairs")]
    not_positive = [(where, value) for where, value in measured if not (math.isfinite(value) and value > 0)]
    assert not not_positive, f"figures that are not positive numbers: {not_positive}"

    # The catalogue is kept for the next run, named by its size and the generator's version.
    assert (tmp_path / "cache" / f"catalogue-50-v{bench.generate.GENERATOR_VERSION}.db").exists()
    assert "launch to first rows" in bench.table(results)
