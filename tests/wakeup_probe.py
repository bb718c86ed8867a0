"""Run inside a server process by tests/test_serving.py: serve bench/elements_app.py (a line of text plus N
markdown lines), open one session over the browser's websocket protocol, and print how many times the page's
run woke the server's event loop from another thread, with what the session received.

Usage: python tests/wakeup_probe.py PORT serve|plain LINES
  serve: start through serve.main (the real call path, with the fixes); plain: `streamlit run` as is.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
from pathlib import Path

from services import wait_for_health  # tests/, this script's own folder

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
# imported here, before the server thread starts importing Streamlit (two threads importing it at once fail)
from stclient import StreamlitSession  # noqa: E402

port, mode, lines = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
wakeups = [0]
counting = threading.Event()
original = asyncio.BaseEventLoop.call_soon_threadsafe


def counted(loop: asyncio.BaseEventLoop, *args, **kwargs):
    if counting.is_set() and threading.get_ident() != loop._thread_id:  # type: ignore[attr-defined]
        wakeups[0] += 1
    return original(loop, *args, **kwargs)


asyncio.BaseEventLoop.call_soon_threadsafe = counted  # type: ignore[method-assign]


def probe() -> None:
    async def one_run() -> dict:
        session = StreamlitSession(port)
        await session.open()
        await session.run("", f"n={lines}")  # warm: the first run compiles the script
        counting.set()
        result = await session.run()
        counting.clear()
        await session.close()
        return {"messages": result.messages, "texts": result.texts, "status": result.status}

    wait_for_health(port)
    seen = asyncio.run(one_run())
    print("PROBE " + json.dumps({"wakeups": wakeups[0], **seen}), flush=True)
    os._exit(0)


threading.Thread(target=probe, daemon=True).start()
options = ["--server.port", str(port), "--server.address", "127.0.0.1"]
script = ROOT / "bench" / "elements_app.py"
if mode == "serve":
    import serve

    serve.main(script, options)
else:
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(script), *options]
    cli.main()
