"""Make the server send each websocket frame at once instead of holding it for the browser's ACK.

Streamlit 1.67 creates its listening socket with `socket.socket(family=...)`, so the socket's `proto` is 0.
asyncio only turns on TCP_NODELAY for accepted sockets whose proto is IPPROTO_TCP, so every connection ran
with Nagle's algorithm: a small frame written while an earlier one was still unacknowledged waited for the
client's delayed ACK, about 40 ms on Linux, several times per page run. Measured with
`bench/workshop_load.py`, this alone made 50 simultaneous first loads several times slower.

Re-wrapping the bound socket's file descriptor lets the operating system report the real protocol (TCP),
and asyncio then sets TCP_NODELAY on every accepted connection. Nothing else about the socket changes.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from functools import wraps

from serving.patching import replace


def _with_real_protocol(bind: Callable[..., socket.socket]) -> Callable[..., socket.socket]:
    @wraps(bind)
    def bind_socket(*args, **kwargs) -> socket.socket:
        bound = bind(*args, **kwargs)
        if bound.proto != 0:
            return bound
        # With only a file descriptor, Python asks the kernel for family, type and protocol.
        rewrapped = socket.socket(fileno=bound.detach())
        rewrapped.setblocking(False)
        rewrapped.set_inheritable(True)
        return rewrapped

    return bind_socket


def send_frames_without_delay() -> bool:
    """Patch Streamlit's socket binding so accepted connections get TCP_NODELAY. Safe to call twice.

    Returns whether the patch is in place. When Streamlit has moved or changed what it patches, it warns and
    leaves Streamlit as it is: the app works the same, only small frames may wait for the browser's ACK."""
    return replace(
        "streamlit.web.server.starlette.starlette_server",
        "_bind_socket",
        _with_real_protocol,
        parameters=["address", "port", "backlog"],
        what="TCP_NODELAY fix",
    )
