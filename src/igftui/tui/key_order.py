"""Keys are taken one at a time, in the order typed: none is lost while a screen opens.

Textual hands a key to the focused widget at once, but a binding that is not a
"priority" one (``n`` for a new draft, ``tab`` for the next field) only runs once
the key has bubbled from that widget up to the App, a few message queues later.
Keys typed meanwhile have already been handed to the widget being left: after
``n`` they went up through the catalogue's list and reached the App once the
editor was on top, where nothing took them (or ``e`` opened the export); after
``tab`` they went into the field being left.  That is the "first second after n"
in which typing was lost.

:class:`KeysInOrder` (mixed into the App) lets a key go on only when the one
before it has been dealt with: stopped by a widget, or come back up to the App
and its bindings run.  It follows each key up the widgets it passes through with
a callback queued behind it in each one's queue, so nothing here depends on
time.  Keys typed meanwhile wait, in order, and so do keys typed while a new
screen is not mounted yet (or, for a screen with ``takes_keys``, until it says
it is ready); they go on once it is.
"""

from __future__ import annotations

from collections import deque
from weakref import WeakSet

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer

from igftui.tui.delays import delays_of


class KeysInOrder(App):
    """An App that takes the keys typed one after the other, never two at a time."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: Keys (and pastes) typed but not yet handed to a widget, oldest first.
        self._waiting_keys: deque[events.Key | events.Paste] = deque()
        #: The key handed to a widget whose journey is not over yet.
        self._key_on_its_way: events.Key | None = None
        #: The widget (or screen) that key was handed to.
        self._key_given_to: MessagePump | None = None
        #: Where that key's journey is now: the node whose queue holds the next look at it.
        self._key_at: MessagePump | None = None
        #: Screens that are ready for keys (or were waited for long enough).
        self._screens_taking_keys: WeakSet[Screen] = WeakSet()
        self._screens_asked: WeakSet[Screen] = WeakSet()
        self._wait_timer: Timer | None = None
        #: How many keys have been handed over: the safety net steps in only when it stays put.
        self._handed = 0
        self._handed_when_timed = 0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            # Typed just now.
            if self._key_on_its_way is not None or self._waiting_keys or not self._screen_takes_keys():
                self._waiting_keys.append(event)
                self._start_wait_timer()
                return
            await self._hand_over(event)
            return
        await super().on_event(event)
        if isinstance(event, events.Key) and event is self._key_on_its_way and self._key_given_to is not None:
            # It came back up to the App and its bindings have run (a new screen may be on top).
            self._dealt_with(event)
        elif self._waiting_keys and self._key_on_its_way is None:
            # Keys wait for the screen on top: whatever just happened (a widget took the
            # cursor, the draft could not be read) may have made it ready.
            await self._let_keys_go()

    @property
    def keys_in_flight(self) -> bool:
        """Whether a key typed is still waiting or on its way up the widgets (a script, or a
        test, that typed keys waits for this to be False before it looks at the result)."""
        return bool(self._waiting_keys) or self._key_on_its_way is not None

    def _screen_takes_keys(self) -> bool:
        """Whether the screen on top is ready for keys: mounted (its auto-focus done), and
        ready by its own word (``takes_keys``: the editor once the cursor is in its first field)."""
        if not self.screen_stack:
            return False  # shutting down
        screen = self.screen
        if screen in self._screens_taking_keys:
            return True
        if screen.is_mounted and _says_when_ready(screen):
            # Asked each time: such a screen may stop taking keys for a while (the editor
            # while it builds a section of the form) and says when it takes them again.
            return bool(getattr(screen, "takes_keys", True))
        if screen.is_mounted:
            self._screens_taking_keys.add(screen)
            return True
        if not screen.is_mounted and screen not in self._screens_asked:
            # Queued behind the screen's mount: look again once it is mounted.
            self._screens_asked.add(screen)
            screen.call_later(self._screen_mounted)
        return False

    def screen_ready(self) -> None:
        """A screen with ``takes_keys`` says it takes keys again: the waiting ones go on."""
        self.call_later(self._let_keys_go)

    def _screen_mounted(self) -> None:
        # Runs in the screen's queue; the keys are handed over from the App's.
        self.call_later(self._let_keys_go)

    async def _hand_over(self, event: events.Key | events.Paste) -> None:
        """Give ``event`` to the focused widget (or a priority binding), and follow it."""
        target: MessagePump = self.focused or self.screen
        self._handed += 1
        if isinstance(event, events.Key):
            self._key_on_its_way = event
            self._key_given_to = target
            self._key_at = target
        await super().on_event(event)
        if not isinstance(event, events.Key):
            return
        if event.is_forwarded:
            # Handed to a widget rather than taken by a priority binding: follow it up.
            if not target.call_later(self._follow, event, target):
                self._dealt_with(event)
        else:
            self._dealt_with(event)

    def _follow(self, event: events.Key, node: MessagePump) -> None:
        """``node`` has dealt with ``event``; see whether it went on up to the parent."""
        if event is not self._key_on_its_way or self._key_given_to is None:
            return  # already dealt with (it reached the App before this look)
        parent = node._parent
        # A key stopped at the screen may still be passed to the App (Textual does so when
        # the App sent it), so below the App only a widget's stop settles it.
        if parent is None or node is self or (event._stop_propagation and parent is not self):
            # Taken by a widget (or lost on the way).
            self._dealt_with(event)
            return
        # Textual has put it in the parent's queue before this callback: follow it there.
        self._key_at = parent
        if not parent.call_later(self._follow, event, parent):
            self._dealt_with(event)

    def _dealt_with(self, event: events.Key) -> None:
        """``event`` has been taken; let what it set off settle before the next key goes.

        A key's action often posts a message that climbs the same widgets (a list's
        "add" asks its screen to open a dialog): one more pass up them, queued behind
        those messages, lets the dialog open before the next key is handed over.
        """
        start = self._key_given_to
        self._key_given_to = None
        self._key_at = start
        if start is None or not start.call_later(self._settled, event, start):
            self._finish(event)

    def _settled(self, event: events.Key, node: MessagePump) -> None:
        if event is not self._key_on_its_way:
            return
        parent = node._parent
        if parent is None or parent is self or node is self:
            self._finish(event)
            return
        self._key_at = parent
        if not parent.call_later(self._settled, event, parent):
            self._finish(event)

    def _finish(self, event: events.Key) -> None:
        if event is self._key_on_its_way:
            self._key_on_its_way = None
            self._key_at = None
            self.call_later(self._let_keys_go)

    async def _let_keys_go(self) -> None:
        while self._waiting_keys and self._key_on_its_way is None and self._screen_takes_keys():
            await self._hand_over(self._waiting_keys.popleft())
        if not self._waiting_keys and self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None

    def _start_wait_timer(self) -> None:
        if self._wait_timer is None:
            self._handed_when_timed = self._handed
            # How long keys may wait for a screen that never says it is ready (a safety net).
            self._wait_timer = self.set_timer(delays_of(self).keys_wait, self._waited_too_long, name="keys in order")

    async def _waited_too_long(self) -> None:
        self._wait_timer = None
        if self._handed != self._handed_when_timed:
            # Keys are going through, only slowly (a busy machine): keep waiting.
            if self._waiting_keys:
                self._start_wait_timer()
            return
        screen = self.screen
        at = self._key_at
        if self._key_on_its_way is not None and at is not None and (at is self or at.is_attached):
            # Slow, not lost: a busy machine can take seconds to pass a key up its widgets.
            # Letting the next keys go now handed them to the screen being left (the first
            # letters typed after n went to the catalogue's list, not the new draft's title).
            self._start_wait_timer()
            return
        if self._key_on_its_way is None and (self._still_opening(screen) or _says_when_ready(screen)):
            # The screen is still loading what it shows (a draft read on a busy machine can
            # take seconds), or it says itself when it takes keys (the editor, once the cursor
            # is in its title, or once it knows the draft cannot be read): its keys wait for
            # it.  Let go early, the first letter typed after n went to the editor before its
            # title had the cursor, and was lost.
            self._start_wait_timer()
            return
        # A screen that never says it is ready, or a key lost in a widget removed meanwhile:
        # better to let the keys go to the screen than to hold them for ever.
        if isinstance(screen, Screen) and screen.is_mounted:
            self._screens_taking_keys.add(screen)
        self._key_on_its_way = None
        self._key_given_to = None
        self._key_at = None
        await self._let_keys_go()
        if self._waiting_keys:
            self._start_wait_timer()

    def _still_opening(self, screen: Screen) -> bool:
        """Whether ``screen`` is not mounted yet or one of its workers is still running."""
        if not screen.is_mounted:
            return True
        return any(worker.is_running and worker.node is screen for worker in self.workers)


def _says_when_ready(screen: Screen) -> bool:
    """Whether ``screen`` has a ``takes_keys`` of its own: it promises to become ready."""
    return hasattr(type(screen), "takes_keys")
