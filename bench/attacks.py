"""Two attacks on a running server, before and after the hardening, in one run.

1. clear_cache flood: one client sends `clear_cache` as fast as the server takes it while three other visitors
   rerun the timeline page (chart and knowledge come from the shared caches). Figure: the others' rerun time,
   quiet vs under the flood.
2. Oversized frames: four clients each send one 150 MB websocket frame at the same moment. Figure: the server's
   memory (VmHWM, the peak resident size) before and after, and how each connection ended.

"Before" is a git worktree of an earlier commit (by default the last one without the hardening), served from the
same virtual environment; "after" is this checkout. Both are started through their own serve.py on free ports.

Usage: .venv/bin/python bench/attacks.py [--before REF]
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import tempfile
import time
from pathlib import Path

from stclient import ROOT, Server, SessionError, StreamlitSession, http_get, ms, percentile, table, wait_for_quiet
from streamlit.proto.BackMsg_pb2 import BackMsg
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, WebSocketException

BEFORE = "b61f751"  # locks in place, shared caches and frame cap not yet: the last commit before the hardening
VISITORS = 3
RERUNS = 15
FRAME_MB = 150
FRAMES = 4


async def visitor_reruns(port: int, reruns: int) -> list[float]:
    tab = StreamlitSession(port)
    await tab.open()
    times = []
    first = await tab.run("timeline", "treatment=botox&date=2026-03-01")
    if not first.ok:
        raise SessionError(first.errors)
    for _ in range(reruns):
        result = await tab.run(None, None)
        if not result.ok:
            raise SessionError(result.errors)
        times.append(result.elapsed)
    await tab.close()
    return times


async def flood(port: int, stop: asyncio.Event) -> int:
    attacker = StreamlitSession(port)
    await attacker.open()
    message = BackMsg()
    message.clear_cache = True
    payload = message.SerializeToString()
    sent = 0
    while not stop.is_set():
        await attacker.ws.send(payload)
        sent += 1
        await asyncio.sleep(0.005)
    await attacker.close()
    return sent


async def others_rerun_times(port: int, flooded: bool) -> tuple[list[float], int]:
    stop = asyncio.Event()
    attack = asyncio.create_task(flood(port, stop)) if flooded else None
    if attack:
        await asyncio.sleep(0.5)
    runs = await asyncio.gather(*(visitor_reruns(port, RERUNS) for _ in range(VISITORS)))
    stop.set()
    sent = await attack if attack else 0
    return [t for times in runs for t in times], sent


async def oversized_frame(port: int) -> tuple[str, float]:
    """Send one FRAME_MB frame on a fresh connection; how the connection ended, and after how many seconds."""
    _, headers, _ = await http_get(port, "/_stcore/health")
    cookie = next((v.split(";", 1)[0] for k, v in headers if k == "set-cookie"), "")
    started = time.perf_counter()
    try:
        async with connect(
            f"ws://127.0.0.1:{port}/_stcore/stream",
            subprotocols=["streamlit", cookie.partition("=")[2] or "PLACEHOLDER_AUTH_TOKEN"],  # type: ignore[list-item]
            origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
            additional_headers={"Cookie": cookie} if cookie else {},
            max_size=None,
            open_timeout=30,
            close_timeout=5,
            ping_interval=None,
        ) as ws:
            await ws.send(bytes(FRAME_MB * 1_000_000))
            await asyncio.wait_for(ws.recv(), 60)
            ending = "answered"
    except ConnectionClosed as closed:
        ending = f"closed {closed.rcvd.code}" if closed.rcvd else "connection dropped by the server"
    except (InvalidStatus, WebSocketException, OSError, TimeoutError) as error:
        ending = type(error).__name__
    return ending, time.perf_counter() - started


def describe(endings: list[tuple[str, float]]) -> str:
    kinds = sorted({kind for kind, _ in endings})
    return f"{', '.join(kinds)} (all {len(endings)} within {max(s for _, s in endings):.1f} s)"


def measure(label: str, root: Path) -> list[list[str]]:
    rows = []
    with Server("app", root=root) as server:
        quiet, _ = asyncio.run(others_rerun_times(server.port, flooded=False))
        loud, sent = asyncio.run(others_rerun_times(server.port, flooded=True))
        rows.append([
            label, "clear_cache flood", f"{ms(percentile(quiet, 50))} / {ms(percentile(quiet, 95))}",
            f"{ms(percentile(loud, 50))} / {ms(percentile(loud, 95))}", f"{sent} clear_cache messages sent",
        ])  # fmt: skip
    with Server("app", root=root) as server:
        asyncio.run(visitor_reruns(server.port, 1))
        before = server.status()

        async def all_frames() -> list[tuple[str, float]]:
            return await asyncio.gather(*(oversized_frame(server.port) for _ in range(FRAMES)))

        endings = asyncio.run(all_frames())
        time.sleep(1)
        after = server.status()
        still = asyncio.run(visitor_reruns(server.port, 3))
        rows.append([
            label, f"{FRAMES} x {FRAME_MB} MB frames",
            f"peak {before.get('VmHWM', 0) // 1024} MiB", f"peak {after.get('VmHWM', 0) // 1024} MiB",
            f"{describe(endings)}; a rerun after: {ms(percentile(still, 50))} ms",
        ])  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default=BEFORE, help=f"git ref of the 'before' build (default {BEFORE})")
    args = parser.parse_args()
    print(wait_for_quiet())
    worktree = Path(tempfile.mkdtemp(prefix="bench-before-")) / "app"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.before], check=True)
    try:
        rows = measure(f"before ({args.before})", worktree) + measure("after (this checkout)", ROOT)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=True)
    print(f"{VISITORS} visitors x {RERUNS} reruns of the timeline page; times are p50 / p95 in ms.")
    print(table(["build", "attack", "quiet (others' rerun / memory)", "under attack", "notes"], rows))


if __name__ == "__main__":
    main()
