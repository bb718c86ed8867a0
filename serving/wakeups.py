"""Hand a page run's messages to the server's event loop in batches, not one wake-up each.

In Streamlit 1.67 every element a script draws reaches the event loop through
`AppSession._call_soon_on_event_loop`, which calls `loop.call_soon_threadsafe` once per message: one write to the
loop's wake-up socket, one loop iteration and one switch between the script's thread and the loop's thread for
every element. With dozens of people opening a page at once, those switches are a large share of the server's
time (bench/workshop_load.py --profile: "waking the event loop per message").

Here each session keeps its callbacks in one queue, in order, and wakes the loop only when the queue was empty:
the loop then runs everything queued so far in one go, and what came meanwhile on its next turn. The callbacks
are the same and run in the same order, on the same thread; only the number of wake-ups changes. When the loop
is closed, callbacks are dropped as Streamlit drops them.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from serving.patching import replace

_STATE = "_guide_batched_callbacks"  # per AppSession: [lock, queue, whether a drain is scheduled]


def _batched(original: Callable[[Any, Callable[[], None]], None]) -> Callable[[Any, Callable[[], None]], None]:
    def _call_soon_on_event_loop(self: Any, callback: Callable[[], None]) -> None:
        # dict.setdefault is atomic, so the script thread and the loop thread get the same state
        state = self.__dict__.get(_STATE) or self.__dict__.setdefault(_STATE, [threading.Lock(), deque(), False])
        lock, pending = state[0], state[1]
        with lock:
            pending.append(callback)
            if state[2]:
                return  # a drain is already scheduled and will run this one too
            state[2] = True

        def drain() -> None:
            with lock:
                batch = list(pending)
                pending.clear()
            for queued in batch:
                try:
                    queued()
                except Exception as error:  # as the loop itself treats a failing callback: log it, go on
                    self._event_loop.call_exception_handler({"message": "Exception in callback", "exception": error})
            with lock:
                if not pending:
                    state[2] = False
                    return
            self._event_loop.call_soon(drain)  # more came meanwhile: let the loop send and serve others first

        try:
            original(self, drain)
        except BaseException:
            with lock:
                pending.clear()
                state[2] = False
            raise

    return _call_soon_on_event_loop


def one_wakeup_per_batch() -> bool:
    """Patch Streamlit so a run's messages wake its event loop once per batch. Safe to call twice.

    Returns whether the patch is in place. When Streamlit has moved or changed what it patches, it warns and
    leaves Streamlit as it is: the app works the same, only busier servers answer more slowly."""
    return replace(
        "streamlit.runtime.app_session",
        "AppSession._call_soon_on_event_loop",
        _batched,
        parameters=["self", "callback"],
        what="event loop batching",
    )
