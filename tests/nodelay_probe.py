"""Run inside a server process by tests/test_serving.py: start the app through serve.main (the real call path),
connect once, and print the TCP_NODELAY of the connection as the server accepted it.

Usage: python tests/nodelay_probe.py PORT with|without
"""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import sys
import threading
import time
from pathlib import Path

from services import wait_for_health  # tests/, this script's own folder

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import serve

port, mode = int(sys.argv[1]), sys.argv[2]


def probe() -> None:
    wait_for_health(port)
    client = socket.create_connection(("127.0.0.1", port))
    mine = client.getsockname()
    seen: list[int] = []
    for _ in range(50):
        time.sleep(0.1)
        for obj in gc.get_objects():
            if isinstance(obj, asyncio.Transport):
                sock = obj.get_extra_info("socket")
                try:
                    if sock is not None and sock.getpeername() == mine:
                        seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                except OSError:
                    continue
        if seen:
            break
    print(f"NODELAY {seen}", flush=True)
    os._exit(0)


threading.Thread(target=probe, daemon=True).start()
serve.main(options=["--server.port", str(port), "--server.address", "127.0.0.1"], without_delay=mode == "with")
