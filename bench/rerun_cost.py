"""Server-side cost of each page's script run, next to an empty one-line Streamlit page served the same way.

Over Streamlit's real websocket protocol (see stclient.py): one session per page; after a first run and a few
warm-up reruns, every page is rerun in turn (round robin) --runs times, each time sending BackMsg.rerun_script
and timing until ForwardMsg.script_finished. Also times the first run of a brand-new session on each page
(HTTP pre-flight + websocket handshake + first rerun_script), on a warm server, --new-sessions times.
For calibration it also times the empty page with N more plain markdown elements (bench/elements_app.py, --elements):
what Streamlit itself costs per element, whatever the page says.

Usage (from the repo root):  .venv/bin/python bench/rerun_cost.py [--runs 30] [--new-sessions 10] [--gap 0.2]
                             [--streamlit-defaults] [--server-opt KEY=VALUE ...]   (both servers)
Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stclient import (
    APP_PAGES,
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

Row = tuple[str, str]  # (url path, query string)


def load_scenario_ids() -> list[str]:
    try:
        import yaml

        data = yaml.safe_load((Path(__file__).resolve().parents[1] / "knowledge/content/scenarios.yaml").read_text())
        items = data if isinstance(data, list) else data.get("scenarios", [])
        return [item["id"] for item in items if isinstance(item, dict) and "id" in item]
    except Exception:  # the benchmark still runs without a scenario in the link
        return []


def new_record() -> dict:
    return {"first": math.nan, "reruns": [], "new": [], "errors": [], "h1": None, "deltas": "-", "bytes": 0}


async def measure(server: Server, rows: list[Row], args: argparse.Namespace) -> dict[Row, dict]:
    deadline = time.monotonic() + args.budget
    out = {row: new_record() for row in rows}
    sessions: dict[Row, StreamlitSession] = {}
    try:
        for row in rows:
            s = StreamlitSession(server.port)
            try:
                await s.open()
            except Exception as exc:
                out[row]["errors"].append(f"connect: {exc!r}"[:200])
                continue
            first = await s.run(row[0], row[1])
            sessions[row] = s
            out[row].update(first=first.elapsed, h1=first.h1)
            out[row]["errors"] += first.errors
            for _ in range(args.warmup):
                await asyncio.sleep(args.gap)
                out[row]["errors"] += (await s.run()).errors
        for _ in range(args.runs):
            if time.monotonic() > deadline or not server.alive():
                break
            for row, s in sessions.items():
                await asyncio.sleep(args.gap)
                r = await s.run()
                if r.errors:
                    out[row]["errors"] += r.errors
                else:
                    out[row]["reruns"].append(r.elapsed)
                out[row].update(deltas=r.deltas, bytes=r.bytes)
    finally:
        for s in sessions.values():
            await s.close()
    for _ in range(args.new_sessions):  # brand-new sessions, one at a time
        if time.monotonic() > deadline or not server.alive():
            break
        for row in rows:
            s = StreamlitSession(server.port)
            try:
                await s.open()
                r = await s.run(row[0], row[1])
                if r.errors:
                    out[row]["errors"] += r.errors
                else:
                    out[row]["new"].append(s.connect_time + r.elapsed)
            except Exception as exc:
                out[row]["errors"].append(f"new session: {exc!r}"[:200])
            finally:
                await s.close()
    if time.monotonic() > deadline:
        print(f"  (time budget of {args.budget:.0f}s reached: fewer runs than asked)", flush=True)
    if not server.alive():
        print(f"  ({server.died_note()})", flush=True)
    return out


def ratio(a: float, b: float) -> str:
    return "-" if math.isnan(a) or math.isnan(b) or b == 0 else f"{a / b:.1f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="timed reruns per page (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed reruns per page first (default 3)")
    parser.add_argument("--new-sessions", type=int, default=10, help="timed new-session first runs per page")
    parser.add_argument("--gap", type=float, default=0.2,
                        help="pause between reruns in seconds, like a person between clicks (default 0.2); 0 sends"
                        " each rerun the moment the last finished")  # fmt: skip
    add_server_args(parser)
    parser.add_argument(
        "--elements", type=lambda v: [int(n) for n in v.split(",") if n], default=[10, 25, 50],
        help="calibration: the empty page plus N markdown elements (default 10,25,50; '' for none)",
    )  # fmt: skip
    parser.add_argument("--budget", type=float, default=200, help="seconds allowed per server (default 200)")
    args = parser.parse_args()

    scenario_ids = load_scenario_ids()
    workshop_query = "mode=workshop" + (f"&scenario={scenario_ids[0]}" if scenario_ids else "")
    app_rows: list[Row] = [(p, "") for p in APP_PAGES] + [("scenarios", workshop_query)]

    print(wait_for_quiet(), flush=True)
    results: dict[str, dict[Row, dict]] = {}
    element_rows: list[Row] = [("", f"n={n}") for n in args.elements]
    for kind, rows in (("empty", [("", "")]), ("elements", element_rows), ("app", app_rows)):
        if not rows:
            continue
        server = server_for(kind, args)
        print(f"[{kind}] starting: {' '.join(server.command)}", flush=True)
        t0 = time.monotonic()
        with server:
            print(f"[{kind}] healthy after {time.monotonic() - t0:.1f}s; RSS {server.rss_mib():.0f} MiB", flush=True)
            results[kind] = asyncio.run(measure(server, rows, args))
            print(f"[{kind}] done in {time.monotonic() - t0:.1f}s; RSS {server.rss_mib():.0f} MiB", flush=True)

    empty = results["empty"][("", "")]
    e_med, e_p95 = percentile(empty["reruns"], 50), percentile(empty["reruns"], 95)
    n_med = percentile(empty["new"], 50)

    headers = ["page", "h1 seen", "deltas", "KiB/run", "n", "rerun med ms", "p95 ms", "max ms", "x empty med",
               "x empty p95", "1st run ms", "new-session med ms", "p95 ms", "x empty", "errors"]  # fmt: skip
    named = (
        [("EMPTY APP", empty)]
        + [(f"empty + {r[1][2:]} markdown", results["elements"][r]) for r in element_rows]
        + [(label(r[0]) + (f"?{r[1]}" if r[1] else ""), results["app"][r]) for r in app_rows]
    )
    body = []
    for name, res in named:
        med, p95 = percentile(res["reruns"], 50), percentile(res["reruns"], 95)
        nmed, np95 = percentile(res["new"], 50), percentile(res["new"], 95)
        body.append([
            name, (res["h1"] or "-")[:28], res["deltas"], f"{res['bytes'] / 1024:.1f}",
            len(res["reruns"]), ms(med), ms(p95), ms(max(res["reruns"], default=math.nan)),
            ratio(med, e_med), ratio(p95, e_p95), ms(res["first"]),
            ms(nmed), ms(np95), ratio(nmed, n_med), len(res["errors"]),
        ])  # fmt: skip
    print()
    print("Rerun cost: BackMsg rerun_script -> ForwardMsg script_finished over the websocket, one run at a time.")
    print(f"reruns: {args.runs} per page, round robin, {args.gap}s apart, after {args.warmup} warm-up; '1st run' = the")
    print("session's first run (the app's very first one pays its imports); new session = pre-flight + handshake +")
    print(f"first run, {args.new_sessions} per page; server: {describe_server_args(args)}")
    print(table(headers, body))
    for name, res in named:
        for err in res["errors"][:5]:
            print(f"  error on {name}: {err}")
    print("\nTarget: each page's rerun <= 1.5x the empty page.")


if __name__ == "__main__":
    main()
