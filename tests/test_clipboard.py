"""The clipboard helper with real processes: small scripts on PATH stand in for xclip and friends."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from igftui.clipboard import (
    CopyResult,
    copy_to_system_clipboard,
    describe,
    tools_for,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the fake tools are shell scripts")

# Named in full: the tools run with only their own folder on PATH.
CAT, SLEEP, TOUCH = (shutil.which(name) or name for name in ("cat", "sleep", "touch"))


def fake_tool(folder: Path, name: str, body: str) -> Path:
    """A real executable called ``name`` in ``folder``."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    return tmp_path / "bin"


def env_with(bin_dir: Path, **values: str) -> dict[str, str]:
    # Only the fake tools' folder on PATH, so a real xclip on this machine is never run.
    return {"PATH": str(bin_dir), **values}


def test_xclip_gets_the_text_on_its_input_and_is_named(bin_dir, tmp_path):
    got = tmp_path / "got.txt"
    fake_tool(bin_dir, "xclip", f'[ "$1 $2" = "-selection clipboard" ] || exit 3\n{CAT} > "{got}"\n')
    text = "SDG 16. Peace — “Justice”\nsecond line\n"
    result = copy_to_system_clipboard(text, env_with(bin_dir, DISPLAY=":0"), platform="linux")
    assert result == CopyResult("xclip", ())
    assert got.read_bytes() == text.encode("utf-8")
    assert describe(result, "the title", sent_to_terminal=True, in_tmux=True) == "Copied the title with xclip."


def test_wayland_is_tried_first(bin_dir, tmp_path):
    got = tmp_path / "got.txt"
    fake_tool(bin_dir, "wl-copy", f'{CAT} > "{got}"\n')
    fake_tool(bin_dir, "xclip", "exit 0\n")
    result = copy_to_system_clipboard(
        "hello", env_with(bin_dir, WAYLAND_DISPLAY="wayland-0", DISPLAY=":0"), platform="linux"
    )
    assert result.tool == "wl-copy" and got.read_text(encoding="utf-8") == "hello"


def test_a_failing_tool_is_not_taken_for_a_copy_and_the_next_one_is_tried(bin_dir, tmp_path):
    got = tmp_path / "got.txt"
    fake_tool(bin_dir, "xclip", 'echo "Error: Can\'t open display: :0" >&2\nexit 1\n')
    fake_tool(bin_dir, "xsel", f'[ "$1 $2" = "--clipboard --input" ] || exit 3\n{CAT} > "{got}"\n')
    result = copy_to_system_clipboard("text", env_with(bin_dir, DISPLAY=":0"), platform="linux")
    assert result.tool == "xsel"
    assert result.problems == ("xclip failed: Error: Can't open display: :0",)
    assert got.read_text(encoding="utf-8") == "text"


def test_when_every_tool_fails_nothing_is_claimed(bin_dir):
    fake_tool(bin_dir, "xclip", "exit 1\n")
    result = copy_to_system_clipboard("text", env_with(bin_dir, DISPLAY=":0"), platform="linux")
    assert not result.copied
    assert result.problems == ("xclip failed: exit status 1",)
    message = describe(result, "the title", sent_to_terminal=True, in_tmux=False)
    assert message.startswith("Sent the title to the terminal's clipboard (OSC 52); if pasting gives nothing")
    assert "Copied" not in message and "xclip failed: exit status 1" in message


def test_a_tool_that_hangs_is_given_up_on(bin_dir):
    # exec: the shell becomes sleep, so the timeout's kill ends it rather than orphaning it.
    fake_tool(bin_dir, "xclip", f"exec {SLEEP} 30\n")
    result = copy_to_system_clipboard("text", env_with(bin_dir, DISPLAY=":0"), platform="linux", timeout=0.2)
    assert not result.copied
    assert result.problems == ("xclip did not finish within 0.2 seconds",)


def test_a_tool_left_serving_the_clipboard_does_not_hold_the_copy_up(bin_dir, tmp_path):
    # Like xclip: the command exits at once and leaves a process behind holding its output.
    got = tmp_path / "got.txt"
    fake_tool(bin_dir, "xclip", f'{CAT} > "{got}"\n({SLEEP} 10 &)\nexit 0\n')
    result = copy_to_system_clipboard("text", env_with(bin_dir, DISPLAY=":0"), platform="linux", timeout=3)
    assert result.tool == "xclip" and got.read_text(encoding="utf-8") == "text"


def test_no_tool_on_path(bin_dir):
    bin_dir.mkdir()
    result = copy_to_system_clipboard("text", env_with(bin_dir, DISPLAY=":0", WAYLAND_DISPLAY="w"), platform="linux")
    assert result == CopyResult(None, ())
    message = describe(result, "the Markdown (3 lines)", sent_to_terminal=True, in_tmux=True)
    assert message == (
        "Sent the Markdown (3 lines) to the terminal's clipboard (OSC 52); if pasting gives "
        "nothing, your terminal may not allow it: in tmux `set -g set-clipboard on`."
    )


def test_no_display_means_no_tool_is_run(bin_dir, tmp_path):
    # Over SSH: xclip would copy to the remote machine's clipboard, not the user's.
    ran = tmp_path / "ran"
    fake_tool(bin_dir, "xclip", f'{TOUCH} "{ran}"\n')
    assert copy_to_system_clipboard("text", env_with(bin_dir), platform="linux") == CopyResult(None, ())
    assert not ran.exists()


def test_clip_exe_under_wsl_gets_utf16(bin_dir, tmp_path):
    got = tmp_path / "got.bin"
    fake_tool(bin_dir, "clip.exe", f'{CAT} > "{got}"\n')
    result = copy_to_system_clipboard("Lucía", env_with(bin_dir, WSL_DISTRO_NAME="Ubuntu"), platform="linux")
    assert result.tool == "clip.exe"
    assert got.read_bytes().decode("utf-16") == "Lucía"


@pytest.mark.parametrize(
    ("env", "platform", "names"),
    [
        ({}, "linux", []),
        ({"DISPLAY": ":0"}, "linux", ["xclip", "xsel"]),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", ["wl-copy"]),
        ({}, "darwin", ["pbcopy"]),
        ({}, "win32", ["clip.exe"]),
        ({"WSL_INTEROP": "/run/WSL/1_interop"}, "linux", ["clip.exe"]),
    ],
)
def test_which_tools_are_tried_where(env, platform, names):
    assert [tool.name for tool in tools_for(env, platform)] == names


def test_outside_tmux_the_message_does_not_speak_of_tmux():
    message = describe(CopyResult(), "the title", sent_to_terminal=True, in_tmux=False)
    assert "tmux" not in message and "OSC 52" in message


def test_the_real_environment_is_used_by_default(bin_dir, tmp_path, monkeypatch):
    got = tmp_path / "got.txt"
    fake_tool(bin_dir, "xclip", f'{CAT} > "{got}"\n')
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("DISPLAY", ":0")
    assert copy_to_system_clipboard("from the environment", platform="linux").tool == "xclip"
    assert got.read_text(encoding="utf-8") == "from the environment"
