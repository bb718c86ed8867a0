"""A workshop's first loads, one replica against two behind HAProxy, in one run, over the real websocket protocol.

For each setup and each level N (default 100 and 200), N sessions open the app at once (HTTP pre-flight, websocket
handshake, first script run until script_finished), half of them through a workshop scenario link, then change a
widget every --interval seconds (+-50%) for --duration seconds: exactly what bench/workshop_load.py measures, and
with its code (run_level). Sessions keep the cookies they are given, like a browser, so behind HAProxy each one's
websocket reaches the replica its sticky cookie names.

Setups (--setups, in this order by default):
  empty-2    the one-line empty page on two replicas behind HAProxy: the floor this machine and Streamlit set
  direct     one replica (serve.py), no proxy: the baseline
  proxy-1    the same one replica behind HAProxy: what the proxy itself costs
  proxy-2    two replicas behind HAProxy, sharing rooms through Redis: `make cluster` as it runs

The replicas and HAProxy come from deploy/cluster.py, as `make cluster` starts them; the load generator runs on the
same machine and its CPU use is printed. On a 2-core machine two replicas, HAProxy and the load generator share
two cores, so a second replica adds no core of its own. The last column is the CPU that other processes on the
machine used during each level, in cores: above about 0.1, work this run did not start skewed its figures.

Usage (from the repo root): .venv/bin/python bench/cluster_load.py [--sessions 100,200] [--duration 20]
        [--interval 3] [--ttl 5] [--setups direct,proxy-1,proxy-2] [--leave-out sources]
Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from stclient import APP_PAGES, Server, StreamlitSession, ms, percentile, table, wait_for_quiet
from workshop_load import Level, add_load_args, probe, run_level, scenario_ids

from deploy.cluster import Cluster, Settings, free_port, start_cluster

SETUPS = {
    "empty-2": "empty page, 2 replicas behind HAProxy",
    "direct": "1 replica, direct",
    "proxy-1": "1 replica behind HAProxy",
    "proxy-2": "2 replicas behind HAProxy",
}
EMPTY_APP = "bench/empty_app.py"  # the one-line page every benchmark measures next to the app
TARGETS = "Targets, two replicas: 100 first loads p95 <= 0.5 s, 200 p95 <= 1.0 s, 0 errors; interactions p95 <= 150 ms."


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS (KiB) and Threads of one process, from /proc/PID/status."""
    out: dict[str, int] = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "Threads"):
                out[key] = int(value.split()[0])
    return out


class ClusterTarget:
    """What run_level needs of a server (port, status, rss_mib), for the replicas behind HAProxy taken together."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.port = cluster.settings.port
        self.pid = cluster.replicas[0].pid

    def status(self) -> dict[str, int]:
        statuses = [proc_status(p.pid) for p in self.cluster.replicas]
        return {key: sum(s.get(key, 0) for s in statuses) for key in ("VmRSS", "Threads")}

    def rss_mib(self) -> float:
        return self.status().get("VmRSS", 0) / 1024


def process_ticks(pids: list[int]) -> int:
    """CPU time (clock ticks, user + system) the given processes have used so far."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total


def machine_busy_ticks() -> int:
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]  # all but idle and iowait


class OtherLoad:
    """How many cores' worth of CPU other processes on the machine used while a level ran: the benchmark shares
    two cores with whatever else runs, and says so instead of hiding it."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = [*pids, os.getpid()]

    def __enter__(self) -> OtherLoad:
        self.start = (time.monotonic(), machine_busy_ticks(), process_ticks(self.pids))
        return self

    def __exit__(self, *exc: object) -> None:
        wall = time.monotonic() - self.start[0]
        others = (machine_busy_ticks() - self.start[1]) - (process_ticks(self.pids) - self.start[2])
        self.cores = max(others, 0) / os.sysconf("SC_CLK_TCK") / wall


@dataclass
class SetupResult:
    setup: str
    levels: list[Level] = field(default_factory=list)
    split: list[dict[str, int]] = field(default_factory=list)  # the level's websockets per replica
    other_cores: list[float] = field(default_factory=list)  # other processes' CPU during the level, in cores


async def warm_up(ports: list[int], ttl: int, pages: list[str]) -> None:
    """Every page once on every replica (imports, the knowledge cache), then let those sessions expire."""
    for port in ports:
        for page in pages:
            tab = StreamlitSession(port)
            await tab.open()
            await tab.run(page, "mode=workshop" if page == "scenarios" else "")
            await tab.close()
    await asyncio.sleep(ttl + 1.0)
    for port in ports:
        await probe(port)


async def websocket_split(cluster: Cluster | None, n: int, stop: asyncio.Event) -> dict[str, int]:
    """How the level's N websockets were spread over the replicas: HAProxy's open connections per replica, sampled
    every 0.2 s, at a moment when they added up to N (every session connected, no page request in flight)."""
    split: dict[str, int] = {}
    while cluster is not None and not stop.is_set():
        with contextlib.suppress(OSError):
            sessions = cluster.sessions()
            if sum(sessions.values()) == n:
                split = sessions
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.2)
    return split


async def measure(
    target, cluster: Cluster | None, ports: list[int], args, result: SetupResult, kind: str = "app"
) -> None:
    await warm_up(ports, args.ttl, APP_PAGES if kind == "app" else [""])
    ours = [p.pid for p in cluster.processes] if cluster else [target.pid]
    for n in args.levels:
        stop = asyncio.Event()
        watcher = asyncio.create_task(websocket_split(cluster, n, stop))
        with OtherLoad(ours) as other:
            level = await run_level(target, kind, n, args, scenario_ids(), None, args.leave_out)
        stop.set()
        result.levels.append(level)
        result.split.append(await watcher)
        result.other_cores.append(other.cores)
        print(f"[{result.setup}] {n} sessions: first loads p95 {ms(percentile(level.first, 95))} ms, interactions "
              f"p95 {ms(percentile(level.interactions, 95))} ms, errors {len(level.errors)}", flush=True)  # fmt: skip


def run_setup(setup: str, args) -> SetupResult:
    result = SetupResult(setup)
    ttl = ("--server.disconnectedSessionTTL", str(args.ttl))
    print(f"\n[{setup}] {SETUPS[setup]}; {wait_for_quiet()}", flush=True)
    if setup == "direct":
        with Server("app", list(ttl)) as server:
            asyncio.run(measure(server, None, [server.port], args, result))
        return result
    state = Path(tempfile.mkdtemp(prefix=f"bench-cluster-{setup}-"))
    settings = Settings(replicas=int(setup.split("-")[1]), port=free_port())
    kind = "empty" if setup.startswith("empty") else "app"
    cluster = start_cluster(settings, state, replica_options=ttl, script=EMPTY_APP if kind == "empty" else "app.py")
    try:
        ports = [p.port for p in cluster.replicas if p.port]
        asyncio.run(measure(ClusterTarget(cluster), cluster, ports, args, result, kind))
    finally:
        cluster.stop()
    return result


def report(results: list[SetupResult]) -> None:
    headers = ["setup", "sessions", "first p50 ms", "p95 ms", "max ms", "all loaded s", "errors", "interactions",
               "int p95 ms", "websockets per replica", "load-gen CPU s", "other processes, cores"]  # fmt: skip
    rows = []
    for result in results:
        for level, split, other in zip(result.levels, result.split, result.other_cores, strict=True):
            rows.append([
                SETUPS[result.setup], level.n, ms(percentile(level.first, 50)), ms(percentile(level.first, 95)),
                ms(max(level.first, default=math.nan)), f"{level.first_wall:.2f}", len(level.errors),
                len(level.interactions), ms(percentile(level.interactions, 95)),
                " / ".join(f"{k} {v}" for k, v in sorted(split.items())) or "-", f"{level.client_cpu:.1f}",
                f"{other:.2f}",
            ])  # fmt: skip
    print(table(headers, rows))
    for result in results:
        for level in result.levels:
            for error in level.errors[:3]:
                print(f"  {SETUPS[result.setup]}, {level.n} sessions, error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", default="100,200", help="comma-separated levels (default 100,200)")
    add_load_args(parser)
    parser.add_argument("--setups", default=",".join(SETUPS), help=f"comma-separated, of {', '.join(SETUPS)}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--leave-out", default="", metavar="PAGES",
        help="comma-separated pages no session opens (e.g. sources, to see what the other pages alone cost)",
    )  # fmt: skip
    args = parser.parse_args()
    args.leave_out = frozenset(p.strip() for p in args.leave_out.split(",") if p.strip())
    args.levels = [int(x) for x in args.sessions.split(",") if x.strip()]
    args.profile_all_threads = False  # run_level's profiler stays off here
    setups = [s.strip() for s in args.setups.split(",") if s.strip()]
    unknown = set(setups) - set(SETUPS)
    if unknown:
        raise SystemExit(f"unknown setups {sorted(unknown)}; choose from {', '.join(SETUPS)}")
    started = time.monotonic()
    results = [run_setup(setup, args) for setup in setups]
    left_out = ", ".join(sorted(args.leave_out)) or "none"
    print(f"\nCluster load, {time.monotonic() - started:.0f}s in all; interactions every {args.interval}s +-50% for "
          f"{args.duration}s; disconnectedSessionTTL {args.ttl}s; pages left out: {left_out}. First load = pre-flight "
          f"+ websocket handshake + first run until script_finished.")  # fmt: skip
    report(results)
    print(TARGETS)


if __name__ == "__main__":
    main()
