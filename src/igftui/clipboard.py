"""Putting text on the system's clipboard, and saying honestly whether it got there.

The terminal app also sends the text to the terminal (OSC 52, Textual's
``copy_to_clipboard``), but a terminal may drop it without a word: tmux does by
default, macOS Terminal always does.  A clipboard tool of the system
(``wl-copy``, ``xclip``, ``xsel``, ``pbcopy``, ``clip.exe``) answers with its
exit status, so when one is there and succeeds the user can be told "Copied with
xclip"; when none is, the message says only what was sent and how to let it
through.  Nothing here claims a copy that did not happen.

Plain Python: no Textual, so the tests run real tools (small scripts on PATH)
without a terminal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field

#: Seconds a clipboard tool may take before it is given up on: a tool waiting for a
#: display that is not there must not hold the copy up.
TIMEOUT = 2.0

#: What tmux needs to pass OSC 52 on to the terminal outside it.
TMUX_SETTING = "set -g set-clipboard on"


@dataclass(frozen=True)
class ClipboardTool:
    """A command that reads the text to copy on its standard input."""

    name: str
    args: tuple[str, ...] = ()
    #: clip.exe reads UTF-16 (with its byte-order mark) to keep accents and other scripts.
    encoding: str = "utf-8"


WL_COPY = ClipboardTool("wl-copy")
XCLIP = ClipboardTool("xclip", ("-selection", "clipboard"))
XSEL = ClipboardTool("xsel", ("--clipboard", "--input"))
PBCOPY = ClipboardTool("pbcopy")
CLIP_EXE = ClipboardTool("clip.exe", (), "utf-16")


@dataclass(frozen=True)
class CopyResult:
    """What happened: ``tool`` is the one that copied (None when none did).

    ``problems`` says, tool by tool, why one that was found did not copy.
    """

    tool: str | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def copied(self) -> bool:
        return self.tool is not None


def tools_for(env: Mapping[str, str], platform: str = sys.platform) -> list[ClipboardTool]:
    """The clipboard tools worth trying where the app runs, best first.

    Wayland's tool when ``WAYLAND_DISPLAY`` is set, X11's when ``DISPLAY`` is (both:
    XWayland), ``pbcopy`` on macOS, ``clip.exe`` on Windows and under WSL.  Over SSH
    none of these variables is usually set, which is right: a tool there would copy
    to the remote machine's clipboard, not the user's.
    """
    tools: list[ClipboardTool] = []
    if env.get("WAYLAND_DISPLAY"):
        tools.append(WL_COPY)
    if env.get("DISPLAY"):
        tools += [XCLIP, XSEL]
    if platform == "darwin":
        tools.append(PBCOPY)
    if platform == "win32" or env.get("WSL_DISTRO_NAME") or env.get("WSL_INTEROP"):
        tools.append(CLIP_EXE)
    return tools


def copy_to_system_clipboard(
    text: str, env: Mapping[str, str] | None = None, *, platform: str = sys.platform, timeout: float = TIMEOUT
) -> CopyResult:
    """Copy ``text`` with the first clipboard tool that is installed and works.

    Each tool found on ``PATH`` is run in turn until one exits with 0 within
    ``timeout`` seconds.  The result names the tool that copied, if any, and why
    the others did not.  Never raises for a missing or failing tool.
    """
    env = dict(os.environ if env is None else env)
    problems: list[str] = []
    for tool in tools_for(env, platform):
        program = shutil.which(tool.name, path=env.get("PATH", os.defpath))
        if program is None:
            continue
        problem = _run(program, tool, text, env, timeout)
        if problem is None:
            return CopyResult(tool.name, tuple(problems))
        problems.append(problem)
    return CopyResult(None, tuple(problems))


def _run(program: str, tool: ClipboardTool, text: str, env: dict[str, str], timeout: float) -> str | None:
    """Run one tool; None when it copied, else why not (one line)."""
    # Standard output to nowhere and errors to a file, not pipes: xclip and wl-copy leave
    # a process behind that serves the clipboard, and it would hold a pipe open until
    # the timeout even though the copy worked.
    with tempfile.TemporaryFile() as errors:
        try:
            done = subprocess.run(
                [program, *tool.args],
                input=text.encode(tool.encoding),
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=env,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"{tool.name} did not finish within {timeout:g} seconds"
        except OSError as exc:
            return f"{tool.name} could not be run ({exc.strerror or exc})"
        if done.returncode == 0:
            return None
        errors.seek(0)
        said = errors.read(2000).decode("utf-8", "replace").strip().splitlines()
        reason = said[0].strip() if said else f"exit status {done.returncode}"
        return f"{tool.name} failed: {reason}"


def describe(result: CopyResult, what: str, *, sent_to_terminal: bool, in_tmux: bool) -> str:
    """The message a user reads after copying ``what`` ("the title", "the Markdown (51 lines)").

    It says what was done, and no more: "Copied the title with xclip." when a tool
    confirmed it; otherwise that the text was sent to the terminal (OSC 52), which
    may or may not pass it on, with the tmux setting to check when inside tmux, and
    why a tool that was found did not copy.
    """
    if result.copied:
        return f"Copied {what} with {result.tool}."
    if sent_to_terminal:
        message = f"Sent {what} to the terminal's clipboard (OSC 52); if pasting gives nothing, "
        if in_tmux:
            message += f"your terminal may not allow it: in tmux `{TMUX_SETTING}`."
        else:
            message += "your terminal may not allow it: look for clipboard access in its settings."
    else:
        message = f"Could not copy {what}: no clipboard tool worked."
    if result.problems:
        message += " (" + "; ".join(result.problems) + ".)"
    return message
