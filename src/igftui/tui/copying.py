"""Copy text for the user, and tell them honestly what was done.

Two ways at once: the terminal's clipboard (OSC 52, Textual's
``copy_to_clipboard``), which works over SSH but which a terminal may drop
without a word (tmux by default), and the system's clipboard tool
(:mod:`igftui.clipboard`), which says whether it worked.  The tool runs in a
thread worker, so a slow one never holds up a keystroke; its answer becomes the
message the user reads.
"""

from __future__ import annotations

import os
from functools import partial

from textual.app import App
from textual.dom import DOMNode
from textual.notifications import SeverityLevel

#: Seconds the message stays: long enough to read the tmux hint.
MESSAGE_TIMEOUT = 8


def copy_and_tell(node: DOMNode, text: str, what: str, *, title: str) -> None:
    """Copy ``text`` (described as ``what``: "the title", "the Markdown (51 lines)") and say how.

    The app's ``clipboard`` holds the text at once; the message follows when the
    system's tool has answered.
    """
    app = node.app
    app.copy_to_clipboard(text)
    node.run_worker(
        partial(_copy_with_tool, app, text, what, title, dict(os.environ)),
        thread=True,
        group="clipboard",
        name="copy to the clipboard",
        exit_on_error=False,
    )


def _copy_with_tool(app: App, text: str, what: str, title: str, env: dict[str, str]) -> None:
    from igftui.clipboard import copy_to_system_clipboard, describe

    result = copy_to_system_clipboard(text, env)
    message = describe(result, what, sent_to_terminal=True, in_tmux=bool(env.get("TMUX")))
    # A tool that was there and failed is worth a warning; OSC 52 alone is the usual case.
    severity: SeverityLevel = "warning" if result.problems and not result.copied else "information"
    # notify posts a message, so it is safe from this thread.
    app.notify(message, title=title, severity=severity, timeout=MESSAGE_TIMEOUT, markup=False)
