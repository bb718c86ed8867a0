"""A live workshop room under load, over Streamlit's websocket protocol: N participants join one room and vote
within 10 s while the trainer's page refreshes its count, with the in-memory store and with Redis.

What each client does (as the browser does, see stclient.py):
- the trainer opens /scenarios?mode=workshop, presses "Start a live room", reads the code,
  then reruns the count fragment every time the server's auto_rerun asks (1 s), reading "N of M answered";
- each participant opens /join?room=CODE at a random moment in the first 5 s (join time: HTTP pre-flight,
  websocket handshake and the first run until its answer buttons arrive), reruns its own fragment as the server
  asks (1.5 s), and taps one answer at a random moment before 10 s (a fragment rerun with the button's trigger).
Vote to count: from sending a tap to the first trainer count that includes it (the k-th tap sent is taken as
counted once the trainer's count reaches k). Server CPU is the server process's user+system time over the run;
memory is its RSS growth from before the first participant joins; both divided by N.

Baseline, measured in the same run against the same server: one participant alone in a room.

Usage (from the repo root): .venv/bin/python bench/live_room.py [--participants 100] [--stores memory,redis]
Prints figures only; asserts nothing. Needs redis-server for the Redis store (Debian package redis-server).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services import start_redis
from stclient import Server, StreamlitSession, ms, percentile, table, wait_for_quiet

from live import REDIS_URL_ENV

START = "Start a live room"
COUNT = re.compile(r"\*\*(\d+) of (\d+) answered\*\*")
CODE = re.compile(r"join\?room=([A-Z0-9]{6})")
JOIN_WINDOW, VOTE_BY = 5.0, 10.0


@dataclass
class Figures:
    joins: list[float] = field(default_factory=list)
    vote_sent: list[float] = field(default_factory=list)
    counts: list[tuple[float, int]] = field(default_factory=list)  # (time received, answered)
    errors: list[str] = field(default_factory=list)

    def vote_to_count(self) -> list[float]:
        sent = sorted(self.vote_sent)
        latencies = []
        for k, t_sent in enumerate(sent, start=1):
            seen = next((t for t, n in self.counts if n >= k and t >= t_sent), None)
            latencies.append(seen - t_sent if seen is not None else float("nan"))
        return latencies


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def poll(session: StreamlitSession, lock: asyncio.Lock, stop: asyncio.Event, on_run=None) -> None:
    """Rerun each fragment when the server's auto_rerun asks, like the browser's timer."""
    while not stop.is_set():
        interval = min(session.auto_reruns.values(), default=1.0)
        try:
            await asyncio.wait_for(stop.wait(), interval)
            return
        except TimeoutError:
            pass
        for fragment_id in list(session.auto_reruns):
            async with lock:
                result = await session.run(fragment_id=fragment_id)
            if on_run:
                on_run(result)


async def start_trainer(port: int) -> tuple[StreamlitSession, str]:
    trainer = StreamlitSession(port)
    await trainer.open()
    first = await trainer.run("scenarios", "mode=workshop")
    if not first.ok:
        raise RuntimeError(f"trainer page failed: {first.errors}")
    trainer.click(START)
    started = await trainer.run()
    code = next((m.group(1) for text in trainer.texts if (m := CODE.search(text))), None)
    if not started.ok or code is None:
        raise RuntimeError(f"no room started: {started.errors}")
    return trainer, code


async def participant(port: int, code: str, figures: Figures, stop: asyncio.Event, t0: float, rng) -> None:
    await asyncio.sleep(rng.uniform(0, JOIN_WINDOW))
    phone = StreamlitSession(port)
    lock = asyncio.Lock()
    begun = time.perf_counter()
    try:
        await phone.open()
        joined = await phone.run("join", f"room={code}")
        choices = [label for label in phone.buttons if re.match(r"[A-Z]\. ", label)]
        if not joined.ok or not choices:
            figures.errors.append(f"join: {joined.errors or 'no answer buttons'}")
            return
        figures.joins.append(time.perf_counter() - begun)
        poller = asyncio.create_task(poll(phone, lock, stop))
        await asyncio.sleep(max(0.0, rng.uniform(t0 + JOIN_WINDOW + 0.5, t0 + VOTE_BY) - time.perf_counter()))
        async with lock:
            fragment_id = phone.click(rng.choice(choices))
            figures.vote_sent.append(time.perf_counter())
            voted = await phone.run(fragment_id=fragment_id)
        if not voted.ok or any("cannot" in t or "closed" in t or "unavailable" in t for t in voted.texts):
            figures.errors.append(f"vote: {voted.errors or voted.texts[-1:]}")
        await poller
    except Exception as error:  # counted, never hidden
        figures.errors.append(f"{type(error).__name__}: {error}"[:200])
    finally:
        await phone.close()


async def one_room(port: int, n: int, seed: int, pid: int) -> tuple[Figures, float, float]:
    figures = Figures()
    trainer, code = await start_trainer(port)
    stop = asyncio.Event()
    trainer_lock = asyncio.Lock()

    def read_count(result) -> None:
        for text in result.texts:
            if m := COUNT.search(text):
                figures.counts.append((time.perf_counter(), int(m.group(1))))
        figures.errors.extend(f"trainer: {e}" for e in result.errors)

    watcher = asyncio.create_task(poll(trainer, trainer_lock, stop, read_count))
    rng = random.Random(seed)
    cpu0, rss0 = cpu_seconds(pid), rss_mib(pid)
    t0 = time.perf_counter()
    phones = [asyncio.create_task(participant(port, code, figures, stop, t0, rng)) for _ in range(n)]
    # stop once every vote is counted, or 10 s after the last vote was due
    while time.perf_counter() < t0 + VOTE_BY + 10:
        await asyncio.sleep(0.2)
        if len(figures.vote_sent) == n and figures.counts and figures.counts[-1][1] >= n:
            await asyncio.sleep(1.0)
            break
    cpu, rss = cpu_seconds(pid) - cpu0, rss_mib(pid) - rss0
    stop.set()
    await asyncio.gather(*phones, watcher)
    await trainer.close()
    if len(figures.vote_sent) < n:
        figures.errors.append(f"only {len(figures.vote_sent)} of {n} voted")
    return figures, cpu, rss


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def row(name: str, n: int, figures: Figures, cpu: float, rss: float) -> list[str]:
    latencies = figures.vote_to_count()
    return [
        name,
        str(n),
        ms(percentile(figures.joins, 50)),
        ms(percentile(figures.joins, 95)),
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        f"{cpu / n * 1000:.0f}",
        f"{rss / n * 1024:.0f}",
        str(len(figures.errors)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=100)
    parser.add_argument("--stores", default="memory,redis")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(wait_for_quiet())
    rows, notes = [], []
    for store in args.stores.split(","):
        redis = start_redis() if store == "redis" else None
        if redis:
            os.environ[REDIS_URL_ENV] = redis.url
        else:
            os.environ.pop(REDIS_URL_ENV, None)
        try:
            with Server("app") as server:
                asyncio.run(one_room(server.port, 3, args.seed, server.pid))  # warm up imports and caches
                for n in (1, args.participants):
                    figures, cpu, rss = asyncio.run(one_room(server.port, n, args.seed + n, server.pid))
                    rows.append(row(store if n > 1 else f"{store} (baseline: 1 alone)", n, figures, cpu, rss))
                    notes += [f"{store}, {n}: {e}" for e in figures.errors[:5]]
        finally:
            if redis:
                redis.stop()
                os.environ.pop(REDIS_URL_ENV, None)
    headers = ["store", "participants", "join p50 ms", "join p95 ms", "vote→count p50 ms", "vote→count p95 ms",
               "server CPU ms/participant", "server RSS KiB/participant", "errors"]  # fmt: skip
    print(table(headers, rows))
    print("targets on this machine: join p95 <= 1000 ms, vote→count p95 <= 2000 ms, 0 errors")
    for line in notes:
        print("error:", line)


if __name__ == "__main__":
    main()
