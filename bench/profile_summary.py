"""Summarise a py-spy "raw" (collapsed stacks) profile: where the server's busy time goes.

Usage:  .venv/bin/python bench/profile_summary.py PROFILE.txt [--top 25]
(py-spy is not a dependency of the app; install it into the venv to profile: .venv/bin/pip install py-spy.
 workshop_load.py --profile records one during the 50-session load.)

Prints: samples per thread kind, the share of samples whose stack contains each of a few known categories
(the page scripts, Streamlit's per-session work, the garbage collector, ...), then the top functions by
inclusive and by self share.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^():]+)(?::(?P<line>\d+))?\)$")
APP_FILES = ("app.py", "pages/", "ui/", "knowledge/")  # py-spy names files relative to their sys.path entry

# Leaf frames that are waits py-spy does not always flag as idle (sleeping pollers, blocked queues, select).
IDLE_LEAVES = (
    "PollingPathWatcher._schedule.<locals>.task (streamlit/watcher/polling_path_watcher.py:90)",
    "Condition.wait (threading.py",
    "EpollSelector.select (selectors.py",
    "_worker (concurrent/futures/thread.py",
    "InotifyFD._check_inotify_fd (watchdog/",
    "Event.wait (threading.py",
    "Queue.get (queue.py",
    "ScriptCache.get_bytecode (streamlit/runtime/scriptrunner/script_cache.py:61)",  # waiting for its lock
)


def is_app_frame(frame: str) -> bool:
    m = FRAME.match(frame)
    return bool(m) and m.group("file").startswith(APP_FILES)


def load(path: Path) -> Counter[tuple[str, ...]]:
    stacks: Counter[tuple[str, ...]] = Counter()
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        stacks[tuple(stack.split(";"))] += int(count)
    return stacks


def short(frame: str) -> str:
    m = FRAME.match(frame)
    if not m:
        return frame
    file = m.group("file")
    for marker in ("site-packages/", "/work/main/"):
        if marker in file:
            file = file.split(marker, 1)[1]
    return f"{m.group('func')} ({file})"


def thread_kind(stack: tuple[str, ...]) -> str:
    text = ";".join(stack)
    if "_run_script_thread" in text or "script_runner" in text:
        return "script threads (ScriptRunner)"
    if "asyncio" in text or "uvicorn" in text or "starlette" in text or "base_events" in text:
        return "event loop thread (uvicorn/asyncio)"
    if "watchdog" in text or "observers" in text or "path_watcher" in text:
        return "file watcher threads"
    return "other threads"


CATEGORIES = [
    # (name, predicate on the stack as a tuple of frames, leaf last)
    ("app code on the stack (app.py, pages/, ui/, knowledge/)", lambda st: any(is_app_frame(f) for f in st)),
    (
        "  of which constructing st.Page objects (app.py page())",
        lambda st: any(f.startswith("Page.__init__ (streamlit/navigation/page.py") for f in st),
    ),
    (
        "  of which element calls (streamlit/elements, delta_generator)",
        lambda st: (
            any(is_app_frame(f) for f in st) and any("streamlit/elements/" in f or "delta_generator" in f for f in st)
        ),
    ),
    (
        "gc.collect(2) after every run (runner.postScriptGC)",
        lambda st: (
            bool(st)
            and st[-1].startswith(
                "ScriptRunner._on_script_finished (streamlit/runtime/scriptrunner/script_runner.py:1055)"
            )
        ),
    ),
    (
        "per-session file watchers: sys.modules scan, realpath (server.fileWatcherType)",
        lambda st: (
            any("local_sources_watcher" in f or "streamlit/watcher/" in f for f in st)
            and not st[-1].startswith("PollingPathWatcher")
        ),
    ),
    (
        "new session setup (connect_session, AppSession.__init__)",
        lambda st: any(f.startswith(("WebsocketSessionManager.connect_session", "AppSession.__init__")) for f in st),
    ),
    (
        "new_session message per run (theme, config, page list)",
        lambda st: any(f.startswith("AppSession._create_new_session_message") for f in st),
    ),
    (
        "script runner start/stop outside the script (threads, session state)",
        lambda st: (
            any(f.startswith("ScriptRunner._run_script") for f in st)
            and not any(f.startswith("exec_func_with_error_handling") for f in st)
            and not st[-1].endswith("script_runner.py:1055)")
        ),
    ),
    (
        "waking the event loop per message (call_soon_threadsafe -> _write_to_self)",
        lambda st: any(f.startswith("BaseEventLoop.call_soon_threadsafe") for f in st),
    ),
    (
        "ForwardMsg serialisation and websocket I/O",
        lambda st: any(
            "serialize_forward_msg" in f or "websockets/" in f or "starlette_websocket" in f or "uvicorn/protocols" in f
            for f in st
        ),
    ),
    ("HTTP pre-flight (health, host-config)", lambda st: any("starlette_routes" in f for f in st)),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("profile", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    stacks = load(args.profile)
    idle = sum(n for st, n in stacks.items() if st and st[-1].startswith(IDLE_LEAVES))
    stacks = Counter({st: n for st, n in stacks.items() if not (st and st[-1].startswith(IDLE_LEAVES))})
    total = sum(stacks.values())
    if not total:
        print("no samples")
        return
    print(f"{total} busy samples in {args.profile} ({idle} more in waits/sleeps, left out); shares are of busy")
    kinds: Counter[str] = Counter()
    cats: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    self_: Counter[str] = Counter()
    for stack, n in stacks.items():
        kinds[thread_kind(stack)] += n
        for name, pred in CATEGORIES:
            if pred(stack):
                cats[name] += n
        for frame in {short(f) for f in stack if not f.startswith(("process ", "thread "))}:
            inclusive[frame] += n
        leaf = next((f for f in reversed(stack) if not f.startswith(("process ", "thread "))), "?")
        self_[short(leaf)] += n
    print("\nBy thread:")
    for k, n in kinds.most_common():
        print(f"  {n / total:6.1%}  {k}")
    print("\nBy category (a sample can be in several):")
    for name, _ in CATEGORIES:
        print(f"  {cats[name] / total:6.1%}  {name}")
    app_lines: Counter[str] = Counter()
    for stack, n in stacks.items():
        for frame in dict.fromkeys(f for f in stack if is_app_frame(f)):
            app_lines[frame] += n
    print(f"\nTop {args.top} app frames (file:line), inclusive:")
    for frame, n in app_lines.most_common(args.top):
        print(f"  {n / total:6.1%}  {frame}")
    print(f"\nTop {args.top} functions, inclusive:")
    for frame, n in inclusive.most_common(args.top):
        print(f"  {n / total:6.1%}  {frame}")
    print(f"\nTop {args.top} functions, self:")
    for frame, n in self_.most_common(args.top):
        print(f"  {n / total:6.1%}  {frame}")


if __name__ == "__main__":
    main()
