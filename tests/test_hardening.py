"""What an attack on a running server tried, refused: through a real server (serve.py on a free local port) and
the browser's own websocket protocol (bench/stclient.py speaks it)."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from chromium import running_app
from stclient import StreamlitSession
from streamlit.proto.BackMsg_pb2 import BackMsg

LOADED = "Loaded the knowledge from"


@pytest.fixture(scope="module")
def server():
    folder = Path(tempfile.mkdtemp(prefix="guide-hardening-"))
    with running_app(folder / "server.log", folder) as running:
        yield running


def port(server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def run(coroutine):
    # In a thread of its own: earlier tests (Playwright's sync API) may leave an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=120)


def test_a_visitor_cannot_empty_the_shared_caches(server):
    async def attack() -> None:
        attacker = StreamlitSession(port(server))
        await attacker.open()
        assert (await attacker.run("timeline", "treatment=botox")).ok
        clear = BackMsg()
        clear.clear_cache = True
        for _ in range(20):
            await attacker.ws.send(clear.SerializeToString())
        assert (await attacker.run("timeline", "treatment=botox")).ok
        await attacker.close()
        someone = StreamlitSession(port(server))
        await someone.open()
        assert (await someone.run("timeline", "treatment=filler_ha")).ok
        await someone.close()

    run(attack())
    assert server.log.read_text().count(LOADED) == 1, "the knowledge was loaded again after clear_cache"
