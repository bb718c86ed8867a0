"""A workshop's load: N sessions open the app at once, then interact every few seconds, over the real websocket.

For each level N (default 10, 50, 100): N sessions start together (HTTP pre-flight, websocket handshake, first
rerun_script; timed to script_finished). Half of them open the case scenarios page as a workshop link
(?mode=workshop&scenario=<random id>), the rest one of the other pages. Then for --duration seconds each session
interacts every --interval seconds (+-50% jitter): a rerun with a changed widget value in its WidgetStates (the
"Reveal the answer" toggle on the scenarios page, the first checkbox on pages that have one; a plain rerun
elsewhere). Then all sessions close; after server.disconnectedSessionTTL (set to --ttl) two probe sessions
connect and close, which is what makes Streamlit drop expired sessions (they are reaped on the next write to
its session store), and memory is read again. The server's RSS comes from /proc/PID/status, sampled every 0.2 s.
The empty one-line app gets the same treatment (all its sessions open its only page, and interactions are plain
reruns), for comparison.

With --profile, py-spy (in requirements-dev.txt) records the app server during level
--profile-level (default 50), separately for the first loads and for the interactions, and the summaries of
bench/profile_summary.py are printed. By default only the thread holding the GIL is sampled (py-spy --gil), so
the shares are of the one core's worth of Python work the server can do; threads waiting for the GIL are not
counted. Profiling takes CPU from the server, so the latencies of the profiled level are inflated.

Usage (from the repo root):  .venv/bin/python bench/workshop_load.py [--sessions 10,50,100] [--duration 20]
        [--interval 3] [--ttl 5] [--skip-empty] [--profile] [--streamlit-defaults] [--server-opt KEY=VALUE ...]
Prints figures only; asserts nothing. The load generator runs on the same machine and its CPU use is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stclient import (
    APP_PAGES,
    BENCH,
    PYTHON,
    ROOT,
    RunResult,
    Server,
    StreamlitSession,
    add_server_args,
    describe_server_args,
    label,
    ms,
    percentile,
    server_for,
    table,
    wait_for_quiet,
)

REVEAL = "Reveal the answer"


def scenario_ids() -> list[str]:
    try:
        import yaml

        data = yaml.safe_load((ROOT / "knowledge/content/scenarios.yaml").read_text())
        items = data if isinstance(data, list) else data.get("scenarios", [])
        return [i["id"] for i in items if isinstance(i, dict) and "id" in i]
    except Exception:
        return []


@dataclass
class Level:
    n: int
    first: list[float] = field(default_factory=list)  # connect + first run, seconds
    first_run_only: list[float] = field(default_factory=list)
    interactions: list[float] = field(default_factory=list)
    interaction_kinds: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    rss_before: float = math.nan
    rss_peak: float = math.nan
    rss_all_connected: float = math.nan
    rss_closed_before_ttl: float = math.nan
    rss_after: float = math.nan
    threads_peak: int = 0
    first_wall: float = math.nan  # seconds until the last first load finished
    client_cpu: float = math.nan


class Sampler:
    """Samples the server's RSS and thread count every `period` seconds in the background."""

    def __init__(self, server: Server, period: float = 0.2) -> None:
        self.server, self.period = server, period
        self.peak_kib, self.threads_peak = 0, 0
        self._task: asyncio.Task | None = None

    async def _run(self) -> None:
        while True:
            st = self.server.status()
            self.peak_kib = max(self.peak_kib, st.get("VmRSS", 0))
            self.threads_peak = max(self.threads_peak, st.get("Threads", 0))
            await asyncio.sleep(self.period)

    def __enter__(self) -> Sampler:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task:
            self._task.cancel()


class Profiler:
    """py-spy record on the server for one phase, if asked for and installed."""

    def __init__(self, pid: int, out: Path | None, gil_only: bool = True) -> None:
        self.pid, self.out, self.proc, self.gil_only = pid, out, None, gil_only

    async def __aenter__(self) -> Profiler:
        if self.out is not None:
            self.proc = subprocess.Popen(
                [str(Path(PYTHON).parent / "py-spy"), "record", "-p", str(self.pid), "-o", str(self.out),
                 "-f", "raw", "-r", "100", "--threads", "-d", "600", *(["--gil"] if self.gil_only else [])],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            await asyncio.sleep(1.0)  # let it attach
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGINT)  # py-spy writes its output on Ctrl-C
            for _ in range(100):
                if self.proc.poll() is not None:
                    break
                await asyncio.sleep(0.2)
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=10)


def pick_page(
    kind: str, rng: random.Random, ids: list[str], leave_out: frozenset[str] = frozenset()
) -> tuple[str, str]:
    """Half the sessions open a workshop scenario link, the rest one of the other pages (less any left out)."""
    if kind == "empty":
        return "", ""
    if rng.random() < 0.5:
        return "scenarios", "mode=workshop" + (f"&scenario={rng.choice(ids)}" if ids else "")
    return rng.choice([p for p in APP_PAGES if p != "scenarios" and p not in leave_out]), ""


async def one_session(
    port: int, page: tuple[str, str], start: asyncio.Event, end_at: list[float], lv: Level, rng: random.Random,
    interval: float, first_done: asyncio.Event, counter: list[int],
) -> StreamlitSession | None:  # fmt: skip
    s = StreamlitSession(port, timeout=90)
    await start.wait()
    t0 = time.perf_counter()
    try:
        await s.open()
        r = await s.run(page[0], page[1])
    except Exception as exc:
        lv.errors.append(f"first load {label(page[0])}: {exc!r}"[:200])
        r = None
    finally:
        counter[0] += 1
        if counter[0] == lv.n:
            first_done.set()
    if r is None:
        await s.close()
        return None
    if r.errors:
        lv.errors += [f"first load {label(page[0])}: {e}" for e in r.errors]
    else:
        lv.first.append(time.perf_counter() - t0)
        lv.first_run_only.append(r.elapsed)
    await first_done.wait()  # interactions start once every session has loaded
    state = False
    while True:
        await asyncio.sleep(interval * rng.uniform(0.5, 1.5))
        if time.monotonic() >= end_at[0]:
            break
        widget = s.checkboxes.get(REVEAL) or next(iter(s.checkboxes.values()), None)
        if widget:
            state = not state
            s.set_bool(widget, state)
            kind = "toggle" if widget == s.checkboxes.get(REVEAL) else "checkbox"
        else:
            kind = "plain rerun"
        try:
            ir: RunResult = await s.run()
        except Exception as exc:
            lv.errors.append(f"interaction: {exc!r}"[:200])
            break
        lv.interaction_kinds[kind] = lv.interaction_kinds.get(kind, 0) + 1
        if ir.errors:
            lv.errors += [f"interaction {label(page[0])}: {e}" for e in ir.errors]
        else:
            lv.interactions.append(ir.elapsed)
    return s


async def probe(port: int) -> None:
    s = StreamlitSession(port, timeout=60)
    try:
        await s.open()
        await s.run("", "")
    finally:
        await s.close()


async def run_level(
    server: Server, kind: str, n: int, args, ids: list[str], profile_dir: Path | None,
    leave_out: frozenset[str] = frozenset(),
) -> Level:  # fmt: skip
    lv = Level(n)
    rng = random.Random(args.seed + n)
    lv.rss_before = server.rss_mib()
    start, first_done = asyncio.Event(), asyncio.Event()
    end_at = [math.inf]
    counter = [0]
    pages = [pick_page(kind, rng, ids, leave_out) for _ in range(n)]
    for p in pages:
        key = label(p[0]) + (" (workshop link)" if p[1] else "")
        lv.pages[key] = lv.pages.get(key, 0) + 1
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    with Sampler(server) as sampler:
        tasks = [
            asyncio.create_task(one_session(server.port, p, start, end_at, lv, random.Random(rng.random()),
                                            args.interval, first_done, counter))
            for p in pages
        ]  # fmt: skip
        await asyncio.sleep(0.2)
        gil = not args.profile_all_threads
        async with Profiler(server.pid, profile_dir / f"{kind}-{n}-first-loads.txt" if profile_dir else None, gil):
            t0 = time.perf_counter()
            start.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(first_done.wait(), 180)
            lv.first_wall = time.perf_counter() - t0
        async with Profiler(server.pid, profile_dir / f"{kind}-{n}-interactions.txt" if profile_dir else None, gil):
            end_at[0] = time.monotonic() + args.duration
            done, pending = await asyncio.wait(tasks, timeout=args.duration + 120)
        lv.rss_all_connected = server.rss_mib()
        for t in pending:
            t.cancel()
            lv.errors.append("session did not finish in time")
        sessions = [t.result() for t in done if not t.cancelled() and t.exception() is None]
        lv.errors += [f"session crashed: {t.exception()!r}"[:200] for t in done if t.exception() is not None]
        await asyncio.gather(*(s.close() for s in sessions if s is not None))
        lv.rss_peak = sampler.peak_kib / 1024
        lv.threads_peak = sampler.threads_peak
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    lv.client_cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    await asyncio.sleep(1.0)
    lv.rss_closed_before_ttl = server.rss_mib()
    await asyncio.sleep(args.ttl + 1.0)  # let the disconnected sessions expire
    await probe(server.port)  # its disconnect writes to the session store, which reaps the expired sessions
    await asyncio.sleep(1.0)
    await probe(server.port)  # a second run, so anything left for the garbage collector can go too
    await asyncio.sleep(2.0)
    lv.rss_after = server.rss_mib()
    return lv


async def run_server(kind: str, args, levels: list[int], profile_dir: Path | None) -> tuple[float, float, list[Level]]:
    server = server_for(kind, args, "--server.disconnectedSessionTTL", str(args.ttl))
    print(f"[{kind}] starting: {' '.join(server.command)}", flush=True)
    with server:
        rss_start = server.rss_mib()
        for page in APP_PAGES if kind == "app" else [""]:  # warm up: imports and the knowledge cache
            s = StreamlitSession(server.port)
            await s.open()
            await s.run(page, "mode=workshop" if page == "scenarios" else "")
            await s.close()
        await asyncio.sleep(args.ttl + 1.0)
        await probe(server.port)
        await asyncio.sleep(1.0)
        rss_warm = server.rss_mib()
        print(f"[{kind}] RSS at start {rss_start:.0f} MiB, after warm-up {rss_warm:.0f} MiB", flush=True)
        results = []
        for n in levels:
            prof = profile_dir if (profile_dir and kind == "app" and n == args.profile_level) else None
            lv = await run_level(server, kind, n, args, scenario_ids(), prof)
            print(f"[{kind}] {n} sessions: first loads p95 {ms(percentile(lv.first, 95))} ms, interactions p95 "
                  f"{ms(percentile(lv.interactions, 95))} ms, errors {len(lv.errors)}, RSS peak {lv.rss_peak:.0f} "
                  f"MiB", flush=True)  # fmt: skip
            results.append(lv)
            if not server.alive():
                print(f"  ({server.died_note()})")
                break
    return rss_start, rss_warm, results


def report(kind: str, rss_start: float, rss_warm: float, levels: list[Level]) -> None:
    print(f"\n== {kind.upper()}: RSS at start {rss_start:.1f} MiB, after warm-up and cleanup {rss_warm:.1f} MiB")
    headers = ["sessions", "first p50 ms", "p95 ms", "max ms", "all loaded s", "run-only p95", "interactions",
               "int p50 ms", "p95 ms", "max ms", "errors"]  # fmt: skip
    rows = []
    for lv in levels:
        rows.append([
            lv.n, ms(percentile(lv.first, 50)), ms(percentile(lv.first, 95)), ms(max(lv.first, default=math.nan)),
            f"{lv.first_wall:.2f}", ms(percentile(lv.first_run_only, 95)), len(lv.interactions),
            ms(percentile(lv.interactions, 50)), ms(percentile(lv.interactions, 95)),
            ms(max(lv.interactions, default=math.nan)), len(lv.errors),
        ])  # fmt: skip
    print("Latency (first = pre-flight + websocket handshake + first run until script_finished):")
    print(table(headers, rows))
    headers = ["sessions", "RSS before MiB", "peak MiB", "peak-before per session KiB", "all connected MiB",
               "closed, in TTL MiB", "after TTL+reap MiB", "after - warm MiB", "threads peak",
               "load-gen CPU s"]  # fmt: skip
    rows = []
    for lv in levels:
        rows.append([
            lv.n, f"{lv.rss_before:.1f}", f"{lv.rss_peak:.1f}", f"{(lv.rss_peak - lv.rss_before) * 1024 / lv.n:.0f}",
            f"{lv.rss_all_connected:.1f}", f"{lv.rss_closed_before_ttl:.1f}", f"{lv.rss_after:.1f}",
            f"{lv.rss_after - rss_warm:+.1f}", lv.threads_peak, f"{lv.client_cpu:.1f}",
        ])  # fmt: skip
    print("Server memory (VmRSS):")
    print(table(headers, rows))
    for lv in levels:
        mix = ", ".join(f"{k}: {v}" for k, v in sorted(lv.pages.items()))
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(lv.interaction_kinds.items()))
        print(f"  {lv.n} sessions opened {mix}; interactions {kinds or 'none'}")
        for err in lv.errors[:5]:
            print(f"    error: {err}")
        if len(lv.errors) > 5:
            print(f"    ... {len(lv.errors) - 5} more errors")


def add_load_args(parser: argparse.ArgumentParser) -> None:
    """How long sessions interact, how often, and how long a closed one is kept: the same in every load script."""
    parser.add_argument("--duration", type=float, default=20, help="seconds of interactions per level (default 20)")
    parser.add_argument("--interval", type=float, default=3, help="mean seconds between interactions (default 3)")
    parser.add_argument("--ttl", type=int, default=5, help="server.disconnectedSessionTTL for the run (default 5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", default="10,50,100", help="comma-separated levels (default 10,50,100)")
    add_load_args(parser)
    parser.add_argument("--empty-duration", type=float, default=10, help="interaction seconds for the empty app")
    parser.add_argument("--skip-empty", action="store_true", help="do not run the empty app")
    parser.add_argument("--profile", action="store_true", help="py-spy record the app server at --profile-level")
    parser.add_argument("--profile-level", type=int, default=50)
    parser.add_argument(
        "--profile-all-threads",
        action="store_true",
        help="sample every thread, not only the one holding the GIL (py-spy --gil is the default)",
    )
    parser.add_argument("--profile-dir", type=Path, default=None, help="where profiles go (default: a temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    add_server_args(parser)
    args = parser.parse_args()
    levels = [int(x) for x in args.sessions.split(",") if x.strip()]
    profile_dir = None
    if args.profile:
        if not (Path(PYTHON).parent / "py-spy").exists() and not shutil.which("py-spy"):
            raise SystemExit("--profile needs py-spy: .venv/bin/pip install py-spy")
        profile_dir = args.profile_dir or Path(tempfile.mkdtemp(prefix="bench-profile-"))
        profile_dir.mkdir(parents=True, exist_ok=True)

    print(wait_for_quiet(), flush=True)
    t0 = time.monotonic()
    app = asyncio.run(run_server("app", args, levels, profile_dir))
    empty = None
    if not args.skip_empty:
        duration = args.duration
        args.duration = args.empty_duration
        empty = asyncio.run(run_server("empty", args, levels, None))
        args.duration = duration
    print(f"\nWorkshop load, {time.monotonic() - t0:.0f}s in all; interactions every {args.interval}s +-50% for "
          f"{args.duration}s (empty app: {args.empty_duration}s); server: {describe_server_args(args)}; "
          f"disconnectedSessionTTL {args.ttl}s")  # fmt: skip
    report("app", *app)
    if empty:
        report("empty app", *empty)
    print(
        "\nTargets: 50 first loads p95 <= 1.0 s, 0 errors; 100 -> p95 <= 2.0 s; interactions with 50 sessions"
        " p95 <= 150 ms; <= 1 MiB per session; memory back near baseline after close."
    )
    if profile_dir:
        sys.path.insert(0, str(BENCH))
        for f in sorted(profile_dir.glob("*.txt")):
            print(f"\n---- profile {f.name} (summary by bench/profile_summary.py) ----", flush=True)
            subprocess.run([PYTHON, str(BENCH / "profile_summary.py"), str(f), "--top", "20"], check=False)


if __name__ == "__main__":
    main()
