"""Run inside a server process by tests/test_serving.py: start the server listening on every address, try a
websocket with a foreign Origin, and print every attempt the process made to reach a host other than this one.

An audit hook sees each name lookup and each socket connect in the process. Lookups of outside names and TCP
connects to outside addresses are blocked (as a firewall would), so the test itself never sends anything out.
UDP connects are listed apart: connecting a UDP socket only picks a route and sends nothing (Streamlit does it
once to learn the machine's network address).

Usage: python tests/outbound_probe.py PORT serve|plain
  serve: start through serve.main (the real call path, with the fixes); plain: `streamlit run app.py` as is.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import sys
import threading
import time
from pathlib import Path

from services import wait_for_health  # tests/, this script's own folder

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


port, mode = int(sys.argv[1]), sys.argv[2]
outbound: list[list[str]] = []


def _is_local(host: object) -> bool:
    if host is None:
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name in {"localhost", ""}:
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _watch(event: str, args: tuple) -> None:
    if event == "socket.getaddrinfo" and not _is_local(args[0]):
        outbound.append(["lookup", str(args[0])])
        raise OSError("outside lookups are blocked in this test")
    if event == "socket.connect" and isinstance(args[1], tuple) and not _is_local(args[1][0]):
        if args[0].type == socket.SOCK_DGRAM:
            outbound.append(["udp-route", str(args[1][0])])
            return
        outbound.append(["connect", str(args[1][0])])
        raise OSError("outside connections are blocked in this test")


sys.addaudithook(_watch)


def probe() -> None:
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    wait_for_health(port)
    time.sleep(0.5)  # the start-up banner is printed after the server answers
    started = time.monotonic()
    try:
        with connect(f"ws://127.0.0.1:{port}/_stcore/stream", origin="http://attacker.example", open_timeout=10):
            refused = False
    except InvalidStatus:
        refused = True
    waited = time.monotonic() - started
    print("PROBE " + json.dumps({"refused": refused, "seconds": round(waited, 3), "outbound": outbound}), flush=True)
    os._exit(0)


threading.Thread(target=probe, daemon=True).start()
options = ["--server.port", str(port), "--server.address", "0.0.0.0"]
if mode == "serve":
    import serve

    serve.main(options=options)
else:
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *options]
    cli.main()
