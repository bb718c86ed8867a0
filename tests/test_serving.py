"""serve.py's network fix: every connection the server accepts sends small frames at once (TCP_NODELAY)."""

from __future__ import annotations

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.web.server.starlette import starlette_server

from ui.network import send_frames_without_delay


@pytest.fixture
def patched_binding(monkeypatch):
    """The fix applied, and Streamlit's own binding put back after the test."""
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)
    send_frames_without_delay()
    send_frames_without_delay()  # a second call must not wrap twice
    return starlette_server._bind_socket


def accepted_socket_nodelay(listening: socket.socket) -> int:
    """Serve one connection the way uvicorn does (asyncio server on a pre-bound socket); report its TCP_NODELAY."""

    async def run() -> int:
        seen: asyncio.Future = asyncio.get_running_loop().create_future()

        def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listening)
        async with server:
            _, writer = await asyncio.open_connection(*listening.getsockname()[:2])
            result = await asyncio.wait_for(seen, timeout=10)
            writer.close()
        return result

    # In a thread of its own: earlier tests (Playwright's sync API) may leave an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result(timeout=30)


def test_connections_to_the_server_send_without_delay(patched_binding):
    listening = patched_binding("127.0.0.1", 0, 8)
    assert listening.proto == socket.IPPROTO_TCP
    assert listening.getblocking() is False
    assert accepted_socket_nodelay(listening) == 1


def test_the_fix_is_applied_once(patched_binding):
    wrapped = starlette_server._bind_socket
    send_frames_without_delay()
    assert starlette_server._bind_socket is wrapped is patched_binding
