"""Two builds of the app, the same first loads, taken in turns: is a change to first loads real?

On a shared 2-core machine the speed of one run drifts by tens of percent from hour to hour, so two figures taken
at different times cannot show a change of 10 %. Here "before" (a git worktree of an earlier commit, served from
the same virtual environment) and "after" (this checkout) run side by side, each through its own serve.py on a
free port, with the one-line empty page (bench/empty_app.py) as the floor. Each round opens N sessions at once on
one build (the workshop mix of bench/workshop_load.py: half a workshop scenario link, the rest another page),
waits until all have finished their first run, closes them, then does the same on the next build. Figures: the
p95 first load of each round (pre-flight + websocket handshake + first run), and the server CPU per session during
the round (from /proc: what limits how many sessions one replica can start at once). The medians over the rounds
are the result.

Usage: .venv/bin/python bench/first_load_ab.py [--before REF] [--sessions 50] [--rounds 6] [--page scenarios]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import tempfile
from pathlib import Path

from stclient import ROOT, Server, StreamlitSession, percentile, table, wait_for_quiet
from workshop_load import pick_page, scenario_ids

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def first_load(port: int, page: tuple[str, str]) -> tuple[StreamlitSession, float, bool]:
    session = StreamlitSession(port)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await session.open()
    result = await session.run(*page)
    return session, loop.time() - started, result.ok


async def one_round(server: Server, n: int, pages: list[tuple[str, str]]) -> tuple[float, float, int]:
    """p95 first load (s), server CPU per session (ms), failed sessions."""
    before = cpu_seconds(server.pid)
    done = await asyncio.gather(*(first_load(server.port, page) for page in pages[:n]))
    used = cpu_seconds(server.pid) - before
    await asyncio.gather(*(session.close() for session, _, _ in done))
    await asyncio.sleep(3)  # closed sessions leave; the next round starts on a quiet server
    return percentile([t for _, t, _ in done], 95), used * 1000 / n, sum(not ok for *_, ok in done)


EMPTY = "empty page (baseline)"


def mix(args: argparse.Namespace, seed: int, name: str = "") -> list[tuple[str, str]]:
    if name == EMPTY:
        return [("", "")] * args.sessions
    rng = random.Random(seed)
    if args.page:
        return [(args.page, "mode=workshop" if args.page == "scenarios" else "")] * args.sessions
    ids = scenario_ids()
    return [pick_page("app", rng, ids) for _ in range(args.sessions)]


async def compare(args: argparse.Namespace, builds: dict[str, Path]) -> list[list[str]]:
    options = ["--server.disconnectedSessionTTL", "1"]
    servers = {name: Server("app", options, root=root) for name, root in builds.items()}
    servers[EMPTY] = Server("empty", options)  # the floor: a one-line page, served the same way, same rounds
    figures: dict[str, list[tuple[float, float, int]]] = {name: [] for name in servers}
    try:
        for server in servers.values():
            server.start()
        for name, server in servers.items():
            await one_round(server, 5, mix(args, 0, name))  # warm: imports, the knowledge, compiled scripts
        for round_number in range(args.rounds):
            order = list(servers.items()) if round_number % 2 == 0 else list(reversed(servers.items()))
            for name, server in order:
                figures[name].append(await one_round(server, args.sessions, mix(args, round_number + 1, name)))
                p95, cpu, failed = figures[name][-1]
                print(f"round {round_number + 1} {name}: p95 {p95 * 1000:.0f} ms, server CPU {cpu:.1f} ms a session,"
                      f" {failed} failed", flush=True)  # fmt: skip
    finally:
        for server in servers.values():
            server.stop()
    rows = []
    for name, rounds in figures.items():
        p95s = [p for p, _, _ in rounds]
        cpus = [c for _, c, _ in rounds]
        rows.append([
            name, f"{statistics.median(p95s) * 1000:.0f} ms", f"{min(p95s) * 1000:.0f} to {max(p95s) * 1000:.0f} ms",
            f"{statistics.median(cpus):.1f} ms", str(sum(f for _, _, f in rounds)),
        ])  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="HEAD~1", help="git ref of the 'before' build (default HEAD~1)")
    parser.add_argument("--sessions", type=int, default=50, help="sessions opened at once per round (default 50)")
    parser.add_argument("--rounds", type=int, default=6, help="rounds per build, taken in turns (default 6)")
    parser.add_argument("--page", default="", help="open only this page (scenarios as a workshop link)")
    args = parser.parse_args()
    print(wait_for_quiet(), flush=True)
    worktree = Path(tempfile.mkdtemp(prefix="bench-before-")) / "app"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.before], check=True)
    try:
        rows = asyncio.run(compare(args, {f"before ({args.before})": worktree, "after (this checkout)": ROOT}))
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=True)
    what = f"the page {args.page}" if args.page else "the workshop mix"
    print(f"\n{args.sessions} first loads at once on one replica, {what}, {args.rounds} rounds per build in turns.")
    print(table(["build", "p95 first load, median", "range over rounds", "server CPU a session", "failed"], rows))


if __name__ == "__main__":
    main()
