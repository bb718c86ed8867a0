"""serve.py's optional fixes, each through the real call path: connections send small frames at once
(TCP_NODELAY), nothing goes out, and a page run wakes the event loop once per batch."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.web.server.starlette import starlette_server

from serving.nodelay import send_frames_without_delay


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


@pytest.mark.parametrize(("mode", "expected"), [("with", "NODELAY [1]"), ("without", "NODELAY [0]")])
def test_serve_py_starts_a_server_whose_connections_send_without_delay(mode, expected):
    """The real call path: serve.main starts Streamlit, which binds and accepts; the probe reads the accepted
    connection's TCP_NODELAY inside that server process. Without the fix it is off, so the check can fail."""
    from services import free_port

    probe = Path(__file__).with_name("nodelay_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe), str(free_port()), mode], capture_output=True, text=True, timeout=90
    )
    assert expected in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]


def assert_left_alone_when_changed(monkeypatch, owner, name: str, changed, apply) -> None:
    """With `owner.name` replaced by `changed` (a new signature), `apply()` warns, reports False, changes nothing."""
    monkeypatch.setattr(owner, name, changed)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert apply() is False
    assert getattr(owner, name) is changed
    assert any("not applied" in str(w.message) for w in caught)


def test_a_moved_target_warns_and_leaves_streamlit_alone(monkeypatch):
    def changed(address, port, backlog, reuse_port):  # a new parameter: the patch no longer fits
        raise AssertionError("never called")

    assert_left_alone_when_changed(monkeypatch, starlette_server, "_bind_socket", changed, send_frames_without_delay)
    monkeypatch.delattr(starlette_server, "_bind_socket")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert send_frames_without_delay() is False
    assert any("moved" in str(w.message) for w in caught)


def run_outbound_probe(mode: str) -> dict:
    from services import free_port

    probe = Path(__file__).with_name("outbound_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe), str(free_port()), mode], capture_output=True, text=True, timeout=120
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("PROBE ")), None)
    assert line, done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads(line.removeprefix("PROBE "))


def test_the_server_sends_nothing_out_on_start_or_for_a_foreign_origin():
    """Started as replicas are (every address) and sent a websocket with a foreign Origin, the server looks up no
    outside name and opens no outside connection, and refuses the attempt at once."""
    seen = run_outbound_probe("serve")
    assert seen["refused"] is True
    assert [kind for kind, _host in seen["outbound"] if kind != "udp-route"] == []
    assert seen["seconds"] < 1.0


def test_without_the_fix_the_server_asks_an_outside_host_for_its_address():
    """The same probe on `streamlit run app.py` before any page ran (so app.py applied nothing): Streamlit asks
    checkip.amazonaws.com, which is what the fix stops. This keeps the test above able to fail."""
    seen = run_outbound_probe("plain")
    assert seen["refused"] is True
    assert ["lookup", "checkip.amazonaws.com"] in seen["outbound"]


def test_a_moved_widget_reader_warns_and_leaves_streamlit_alone(monkeypatch):
    from streamlit.runtime.state import session_state

    from serving.widget_values import fits, refuse_unreadable_widget_values

    def changed(self, k, default):  # a new parameter: the check no longer fits
        raise AssertionError("never called")

    assert_left_alone_when_changed(
        monkeypatch, session_state.WStates, "__getitem__", changed, refuse_unreadable_widget_values
    )
    assert fits("int_value", "double_value") and fits(None, "string_value")
    assert not fits("int_value", "string_value") and not fits("string_array_value", "string_value")


def run_wakeup_probe(mode: str, lines: int) -> dict:
    from services import free_port

    probe = Path(__file__).with_name("wakeup_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe), str(free_port()), mode, str(lines)],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    line = next((x for x in done.stdout.splitlines() if x.startswith("PROBE ")), None)
    assert line, done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads(line.removeprefix("PROBE "))


LINES = 60


def test_a_page_run_wakes_the_event_loop_per_batch_and_every_element_arrives_in_order():
    """Through serve.main, a run drawing 61 elements wakes the server's event loop far fewer times than it sends
    messages, and the page arrives whole and in order."""
    seen = run_wakeup_probe("serve", LINES)
    assert seen["status"] == "ok"
    assert seen["texts"] == ["Hello", *(f"Line {i}" for i in range(LINES))]
    assert seen["wakeups"] <= seen["messages"] / 2, seen


def test_without_the_fix_every_message_wakes_the_event_loop():
    """The same run under `streamlit run` as is: a wake-up for every element. Keeps the test above able to fail."""
    seen = run_wakeup_probe("plain", LINES)
    assert seen["texts"] == ["Hello", *(f"Line {i}" for i in range(LINES))]
    assert seen["wakeups"] >= LINES + 1, seen  # one per element; a few messages start on the loop itself


def test_a_moved_event_loop_hand_over_warns_and_leaves_streamlit_alone(monkeypatch):
    from streamlit.runtime.app_session import AppSession

    from serving.wakeups import one_wakeup_per_batch

    def changed(self, callback, when):  # a new parameter: the batching no longer fits
        raise AssertionError("never called")

    assert_left_alone_when_changed(monkeypatch, AppSession, "_call_soon_on_event_loop", changed, one_wakeup_per_batch)
