"""How long the app waits before doing something by itself, given to it when it is built.

Every wait igftui makes on its own (saving a draft after a pause in typing,
checking it again, looking for changes made elsewhere, the key-order safety net,
the blinking cursor) is read from one :class:`Delays`, handed to
``IgfApp(..., delays=...)``.  The defaults are the ones a user gets; tests build
the app with :data:`INSTANT`, so no test ever waits for a length of time: what
would happen after a pause happens at once, on the app's message queue, and a
test waits for that (a worker, a message) instead.

Plain Python on purpose: a test or a script can build one without Textual.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Delays:
    """The app's waits, in seconds."""

    #: After the last change, before a draft is saved; None: DraftKeeper's own PAUSE (its
    #: home: importing it here would load SQLAlchemy before the first screen is painted).
    save_pause: float | None = None
    #: After the first unsaved change, by which a save starts even while typing goes on;
    #: None: DraftKeeper's own AT_MOST.
    save_at_most: float | None = None
    #: After the last keystroke, before the editor's checks run again (0: at once).
    checks: float = 0.25
    #: Between two looks for changes made elsewhere; None: only when a test asks (or a
    #: screen comes back on top).
    watch_every: float | None = 0.5
    #: How long typed keys may wait for a screen that never says it is ready, or for a key
    #: lost on its way.  A safety net only: nothing waits for it when all goes well.
    keys_wait: float = 2.0
    #: Whether text cursors blink.  A snapshot must never catch one mid-blink.
    cursor_blinks: bool = True


#: For tests (and scripted screenshots): saves and checks follow at once, nothing looks for
#: changes unasked, the cursor is steady.  The key-order safety net keeps its length: at zero
#: it would hand keys to a screen not ready for them, the very thing it guards against.
INSTANT = Delays(save_pause=0.0, save_at_most=0.0, checks=0.0, watch_every=None, cursor_blinks=False)


def delays_of(app: object) -> Delays:
    """The delays of ``app``: its own when it is an igftui app, else the user's defaults."""
    delays = getattr(app, "delays", None)
    return delays if isinstance(delays, Delays) else Delays()
