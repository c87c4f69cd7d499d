"""igftui import on IGF pages, run as a user runs it: warnings, skipped files, the JSON shape."""

import json
import os
import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "formats" / "pages" / "fixtures"


def test_pages_import_with_warnings_on_stderr_and_contract_json(igftui, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("c_2018_ws.txt", "unknown_layout_title_only.txt", "news_item.txt", "html_2023_ws.html"):
        shutil.copyfile(FIXTURES / name, folder / name)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    result = igftui("import", str(folder), "--json")
    assert result.code == 1 and "Traceback" not in result.err
    report = result.json()
    assert set(report) == {"imported", "skipped"}
    assert sorted(s["title"] for s in report["imported"]) == [
        "Open Doors for Online Organisers",
        "Postal Services in the Digital Age",
        "The Carbon Cost of Computing",
    ]
    assert all(s["status"] == "catalogued" and s["source"]["kind"] == "igf_page" for s in report["imported"])
    reasons = {os.path.basename(s["path"]): s["reason"] for s in report["skipped"]}
    assert set(reasons) == {"news_item.txt", "empty.txt", "binary.txt"}
    assert "not an IGF session" in reasons["news_item.txt"]
    warning = next(line for line in result.err.splitlines() if "unknown_layout_title_only.txt" in line)
    assert "imported, but these fields were not found: " in warning and "format" in warning

    again = igftui("import", str(folder))
    assert "imported 0, merged 0, unchanged 3, skipped 3" in again.out
    assert sum(line.startswith("unchanged #") for line in again.out.splitlines()) == 3
    skipped = [line for line in again.out.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 3


def test_year_fills_what_the_page_does_not_say(igftui, tmp_path):
    page = tmp_path / "m.txt"
    shutil.copyfile(FIXTURES / "m_2024_ws.txt", page)
    result = igftui("import", str(page), "--year", "2024", "--json")
    assert result.code == 0, result.err
    [session] = result.json()["imported"]
    assert session["year"] == 2024 and session["format"] == "round_table"
    assert json.loads(igftui("show", str(session["id"]), "--json").out)["duration_minutes"] == 60


def test_progress_line_only_for_many_files(capsys):
    from igftui.cli import _ProgressLine

    small = _ProgressLine()
    small(3, 20, Path("x.txt"))
    small.clear()
    assert capsys.readouterr().err == ""
    large = _ProgressLine()
    large(120, 500, Path("x.txt"))
    large.clear()
    err = capsys.readouterr().err
    assert "\rImporting 120/500 files…" in err and err.endswith("\r\033[K")


def test_progress_line_for_the_sessions_of_a_large_file(capsys):
    from igftui.cli import _ProgressLine

    now = [0.0]
    line = _ProgressLine(clock=lambda: now[0])
    for stored in range(1, 201):
        line.sessions(Path("catalogue.json"), stored)
    assert capsys.readouterr().err == ""  # a small file needs no progress line
    line.sessions(Path("catalogue.json"), 201)
    line.sessions(Path("catalogue.json"), 202)  # not rewritten within a tenth of a second
    now[0] = 0.5
    line.sessions(Path("catalogue.json"), 12_000)
    line.clear()
    err = capsys.readouterr().err
    assert err == (
        "\rImporting catalogue.json: 201 sessions…\033[K\rImporting catalogue.json: 12,000 sessions…\033[K\r\033[K"
    )


def test_a_json_file_larger_than_the_page_limit(igftui, tmp_path):
    from igftui.formats.files import DEFAULT_MAX_BYTES
    from igftui.model import ForumSession

    sessions = [
        ForumSession(status="catalogued", year=2024, session_type="workshop", number=n, title=f"Workshop {n}").to_json()
        for n in (1, 2, 3)
    ]
    sessions[1]["relevance_to_theme"] = "A long answer. " * (DEFAULT_MAX_BYTES // 15 + 1000)
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(sessions, indent=2), encoding="utf-8")
    result = igftui("import", str(path), "--json")
    assert result.code == 0, result.err
    assert [s["title"] for s in result.json()["imported"]] == ["Workshop 1", "Workshop 2", "Workshop 3"]
    page = tmp_path / "page.txt"
    page.write_text("IGF 2018 WS #1 A page\n" + "Words.\n" * 800_000, encoding="utf-8")
    refused = igftui("import", str(page))
    assert refused.code == 1 and "igftui reads files up to 5 MB" in refused.out


def test_a_page_without_title_year_or_type_is_imported_with_a_warning_naming_them(igftui, tmp_path):
    page = tmp_path / "unnamed.txt"
    page.write_text(
        "Speaker 1: Wanjiru Kamau, Civil Society, African Group\n\nRound Table - 60 Min\n\n"
        "Farmers keep notes on seeds, soil and rain that nobody else ever reads.\n",
        encoding="utf-8",
    )
    result = igftui("import", str(page), "--json")
    assert result.code == 0, result.err
    [session] = result.json()["imported"]
    assert (session["title"], session["year"], session["session_type"]) == (None, None, None)
    [warning] = [line for line in result.err.splitlines() if "unnamed.txt" in line]
    assert warning.endswith("imported without its title, year and session type, which the page does not give")


def test_a_percent_progress_line_is_rewritten_a_few_times_a_second_and_ends_at_100(capsys):
    """What `igftui overlaps` shows on a terminal while it compares a year's sessions."""
    from igftui.cli import _Progress

    now = [0.0]
    line = _Progress("Comparing the sessions of 2026", clock=lambda: now[0])
    line.counted(0, 200)
    line.counted(50, 200)  # not rewritten within a tenth of a second
    now[0] = 0.5
    line.counted(100, 200)
    line.counted(200, 200)  # the end is always shown
    line.clear()
    assert capsys.readouterr().err == (
        "\rComparing the sessions of 2026: 0%…\033[K"
        "\rComparing the sessions of 2026: 50%…\033[K"
        "\rComparing the sessions of 2026: 100%…\033[K\r\033[K"
    )
