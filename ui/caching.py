"""Process-wide caches for what is the same for every visitor: the knowledge, chart specs, scenario answers,
QR codes and the room store.

Streamlit's own caches (st.cache_data, st.cache_resource) can be emptied by any client: the browser protocol has
a `clear_cache` message, and a flood of them made every other visitor's runs about 25 times slower. These
caches are plain Python, so no message from a browser reaches them. One lock per cached function makes each
value be built once, even when many sessions ask at the same moment (a room store built twice would lose rooms).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def per_process(maxsize: int = 16) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function's results for the life of the server process, keyed by its (hashable) arguments."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        cached = lru_cache(maxsize=maxsize)(function)
        lock = threading.Lock()

        @wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            with lock:
                return cached(*args, **kwargs)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]  # for tests only
        return call

    return decorate
