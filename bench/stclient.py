"""Shared pieces of the benchmarks: start and stop a server, and a Streamlit client that speaks the browser's protocol.

What the browser does (read from streamlit 1.67's frontend bundle, static/js/index.*.js, and its server,
streamlit/web/server/starlette/starlette_websocket.py and starlette_routes.py):

1. GET /_stcore/health and /_stcore/host-config. With server.enableXsrfProtection=true the health answer sets
   the `_streamlit_xsrf` cookie ("2|mask|token|timestamp", not HttpOnly so the page's JS can read it).
2. Open ws://HOST:PORT/_stcore/stream with subprotocols ["streamlit", <xsrf cookie value or
   "PLACEHOLDER_AUTH_TOKEN">, <last session id, only when reconnecting>], sending the cookie and an Origin header.
   The server selects the first entry, checks the Origin against the Host, and when XSRF is on validates the second
   entry against the cookie (it only gates reading the auth cookie; the connection is accepted either way).
3. Send a BackMsg{rerun_script: ClientState{query_string, widget_states, page_script_hash: "" (first run),
   page_name: the URL path below the base ("scenarios"), context_info{timezone, timezone_offset, locale, url,
   is_embedded, color_scheme}, cached_message_hashes: []}}. Later reruns send page_script_hash = the hash the
   server named in new_session, page_name "", and the widget states.
4. The server answers with ForwardMsgs: new_session, page_config_changed/page_info_changed/navigation, deltas,
   then script_finished (and session_status_changed).

Streamlit 1.67 serves with Starlette + uvicorn, not tornado (tornado is not installed), so this client uses the
`websockets` package, which streamlit itself depends on. No other third-party package is used here.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ui.pages import HOME, PAGE_TABLE

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
HOST = "127.0.0.1"
_VENV_PY = ROOT / ".venv" / "bin" / "python"
PYTHON = str(_VENV_PY if _VENV_PY.exists() else Path(sys.executable))

# the app's url paths ("" is the default page, home)
# every listed page of the app's own table (ui/pages.py); "" is the default page, home
APP_PAGES = ["" if spec is HOME else spec.url_path for spec in PAGE_TABLE if spec.listed]
EMPTY_PAGES = [""]
XSRF_COOKIE = "_streamlit_xsrf"

STATUS_NAMES = {
    ForwardMsg.FINISHED_SUCCESSFULLY: "ok",
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile_error",
    ForwardMsg.FINISHED_EARLY_FOR_RERUN: "early_for_rerun",
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "fragment_ok",
}


# ----------------------------------------------------------------------------------------------- server process


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def add_server_args(parser: argparse.ArgumentParser) -> None:
    """The server flags every benchmark takes."""
    parser.add_argument(
        "--server-opt", action="append", default=[], metavar="KEY=VALUE",
        help="extra Streamlit option for both servers (repeatable), e.g. runner.postScriptGC=false",
    )  # fmt: skip
    parser.add_argument(
        "--streamlit-defaults", action="store_true",
        help="the 'before' figures: serve both pages as Streamlit does by default (Nagle's algorithm on, "
        "a garbage collection after every run, a file watcher), undoing serve.py's and the config's tuning",
    )  # fmt: skip


# What the repo's serve.py and .streamlit/config.toml change from Streamlit's defaults, for speed.
STREAMLIT_DEFAULTS = ["runner.postScriptGC=true", "server.fileWatcherType=auto"]


def server_for(kind: str, args: argparse.Namespace, *more_options: str) -> Server:
    """A server set up as --server-opt and --streamlit-defaults ask, plus any more Streamlit options."""
    opts = parse_server_opts((STREAMLIT_DEFAULTS if args.streamlit_defaults else []) + list(args.server_opt))
    return Server(kind, [*opts, *more_options], without_delay=not args.streamlit_defaults)


def describe_server_args(args: argparse.Namespace) -> str:
    tuning = "Streamlit's defaults (the 'before')" if args.streamlit_defaults else "the repo's serve.py and config"
    return ", ".join([tuning, *args.server_opt])


def parse_server_opts(opts: list[str] | None) -> list[str]:
    """["server.fileWatcherType=none", ...] -> ["--server.fileWatcherType", "none", ...]"""
    args: list[str] = []
    for opt in opts or []:
        key, sep, value = opt.partition("=")
        if not sep:
            raise SystemExit(f"--server-opt wants KEY=VALUE, got {opt!r}")
        args += [f"--{key.lstrip('-')}", value]
    return args


_LIVE_SERVERS: list[Server] = []


def _stop_all_servers(*_: object) -> None:
    for server in list(_LIVE_SERVERS):
        server.stop()


atexit.register(_stop_all_servers)


def _on_signal(signum: int, _frame: object) -> None:
    _stop_all_servers()
    raise SystemExit(128 + signum)


for _sig in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, _on_signal)


# What each kind of server runs: the app, the one-line empty page, or the empty page with N elements.
SCRIPTS = {"app": "app.py", "empty": "bench/empty_app.py", "elements": "bench/elements_app.py"}


class Server:
    """The app, bench/empty_app.py or bench/elements_app.py (see SCRIPTS), started by serve.main in the repo root.

    So both read the repo's .streamlit/config.toml and get serve.py's fixes: the same settings.
    """

    def __init__(
        self,
        kind: str,
        extra_args: list[str] | None = None,
        port: int | None = None,
        without_delay: bool = True,
        root: Path = ROOT,
    ) -> None:
        if kind not in SCRIPTS:
            raise ValueError(kind)
        self.kind = kind
        self.root = root  # another checkout of the app (e.g. a git worktree of an older commit) to compare with
        self.without_delay = without_delay  # False: Streamlit's default sockets (see serving/nodelay.py)
        self.port = port or free_port()
        self.extra_args = list(extra_args or [])
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-")) / "server.log"
        self.url = f"http://{HOST}:{self.port}"

    @property
    def command(self) -> list[str]:
        opts = [
            "--server.port", str(self.port), "--server.address", HOST, "--server.headless", "true",
            *self.extra_args,
        ]  # fmt: skip
        script = SCRIPTS[self.kind]
        launch = (
            f"import sys, serve; sys.exit(serve.main({script!r}, sys.argv[1:], without_delay={self.without_delay}))"
        )
        return [PYTHON, "-c", launch, *opts]

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, timeout: float = 90.0) -> Server:
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        with self.log_path.open("wb") as log:
            env["PYTHONPATH"] = str(self.root)
            self.process = subprocess.Popen(self.command, cwd=self.root, stdout=log, stderr=subprocess.STDOUT, env=env)
        _LIVE_SERVERS.append(self)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} server exited early; log:\n{self.log_path.read_text()[-3000:]}")
            try:
                with opener.open(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.kind} server not healthy after {timeout}s; log in {self.log_path}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self in _LIVE_SERVERS:
            _LIVE_SERVERS.remove(self)

    def status(self) -> dict[str, int]:
        """VmRSS, VmHWM (KiB) and Threads of the server process, from /proc/PID/status."""
        out: dict[str, int] = {}
        try:
            text = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return out
        for line in text.splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                out[key] = int(value.split()[0])
        return out

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def died_note(self) -> str:
        """Why the server is gone, from its log (another process may have signalled it)."""
        tail = self.log_path.read_text(errors="replace")[-400:] if self.log_path.exists() else ""
        code = self.process.poll() if self.process else None
        return f"{self.kind} server is not running (exit code {code}); log tail: {tail!r}"

    def rss_mib(self) -> float:
        return self.status().get("VmRSS", 0) / 1024

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# ----------------------------------------------------------------------------------------------- machine load


def _cpu_times() -> tuple[int, int]:
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields), idle


def cpu_busy(interval: float = 1.0) -> float:
    """Fraction of all cores busy over `interval` seconds (whole machine)."""
    t1, i1 = _cpu_times()
    time.sleep(interval)
    t2, i2 = _cpu_times()
    return 0.0 if t2 == t1 else 1 - (i2 - i1) / (t2 - t1)


def wait_for_quiet(limit: float = 0.25, max_wait: float = 60.0) -> str:
    """Wait (bounded) until the machine is mostly idle, since other work on 2 cores skews every figure."""
    deadline = time.monotonic() + max_wait
    busy = cpu_busy()
    while busy > limit and time.monotonic() < deadline:
        busy = cpu_busy(2.0)
    load = os.getloadavg()
    note = f"machine: {os.cpu_count()} cores, {busy:.0%} busy before start, loadavg {load[0]:.2f} {load[1]:.2f}"
    if busy > limit:
        note += "  (WARNING: other processes were busy; figures are skewed)"
    return note


# ----------------------------------------------------------------------------------------------- HTTP (asyncio)


async def http_get(
    port: int, path: str, cookie: str | None = None, timeout: float = 30.0
) -> tuple[int, list[tuple[str, str]], bytes]:
    """A minimal HTTP/1.1 GET to 127.0.0.1 (no thread pool, so 100 concurrent sessions stay concurrent)."""

    async def go() -> tuple[int, list[tuple[str, str]], bytes]:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            lines = [f"GET {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close", "Accept: */*"]
            if cookie:
                lines.append(f"Cookie: {cookie}")
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
            await writer.drain()
            raw = await reader.read()
        finally:
            writer.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        head_lines = head.decode("latin-1").split("\r\n")
        status = int(head_lines[0].split()[1])
        headers = [(k.strip().lower(), v.strip()) for k, _, v in (h.partition(":") for h in head_lines[1:])]
        return status, headers, body

    return await asyncio.wait_for(go(), timeout)


# ----------------------------------------------------------------------------------------------- websocket session


@dataclass
class RunResult:
    elapsed: float = math.nan  # seconds from sending rerun_script to script_finished
    status: str = "none"
    h1: str | None = None
    deltas: int = 0
    messages: int = 0
    bytes: int = 0
    texts: list[str] = field(default_factory=list)  # markdown this run drew
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.status in ("ok", "fragment_ok")


class SessionError(Exception):
    pass


class StreamlitSession:
    """One browser tab: connect like the frontend does, then rerun the script and wait for it to finish."""

    def __init__(self, port: int, timeout: float = 60.0, cookies: dict[str, str] | None = None) -> None:
        self.port = port
        self.timeout = timeout
        # a browser's cookie jar: sent with each request and the websocket, filled by Set-Cookie answers (behind
        # HAProxy this carries the sticky-session cookie, so the websocket reaches the replica that answered)
        self.cookies: dict[str, str] = dict(cookies or {})
        self.ws = None
        self.query_string = ""
        self.page_script_hash = ""
        self.session_id = ""
        self.widget_states: dict[str, WidgetState] = {}
        self.checkboxes: dict[str, str] = {}  # label -> widget id (checkbox and toggle)
        self.buttons: dict[str, tuple[str, str]] = {}  # label -> (widget id, fragment id or "")
        self.widgets: dict[str, list[str]] = {}  # element type (e.g. "selectbox") -> widget ids, in page order
        self.texts: list[str] = []  # markdown of the last run, in order
        self.auto_reruns: dict[str, float] = {}  # fragment id -> seconds, as st.fragment(run_every=...) asks
        self.connect_time = math.nan  # seconds for the HTTP pre-flight + websocket handshake

    async def open(self, resume: str = "") -> None:
        """Connect as a new tab, or as the frontend reconnects after a drop: naming the session to resume."""
        t0 = time.perf_counter()
        sent = self.cookie_header()
        health, host_config = await asyncio.gather(
            http_get(self.port, "/_stcore/health", cookie=sent, timeout=self.timeout),
            http_get(self.port, "/_stcore/host-config", cookie=sent, timeout=self.timeout),
        )
        if health[0] != 200:
            raise SessionError(f"health answered {health[0]}")
        if host_config[0] != 200:
            raise SessionError(f"host-config answered {host_config[0]}")
        for name, value in [*host_config[1], *health[1]]:
            if name == "set-cookie":
                key, _, rest = value.split(";", 1)[0].partition("=")
                self.cookies[key.strip()] = rest.strip()
        xsrf = self.cookies.get(XSRF_COOKIE)
        origin = f"http://{HOST}:{self.port}"
        headers = {"Cookie": self.cookie_header()} if self.cookies else {}
        self.ws = await connect(
            f"ws://{HOST}:{self.port}/_stcore/stream",
            subprotocols=["streamlit", xsrf or "PLACEHOLDER_AUTH_TOKEN", *([resume] if resume else [])],  # type: ignore[list-item]
            origin=origin,  # type: ignore[arg-type]
            additional_headers=headers,
            proxy=None,
            ping_interval=None,  # the browser does not ping; the server does
            max_size=None,
            open_timeout=self.timeout,
            close_timeout=5,
        )
        if self.ws.subprotocol != "streamlit":
            raise SessionError(f"server chose subprotocol {self.ws.subprotocol!r}")
        self.connect_time = time.perf_counter() - t0

    def cookie_header(self) -> str | None:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items()) or None

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(TimeoutError, WebSocketException, OSError):
                await asyncio.wait_for(self.ws.close(), 10)
            self.ws = None

    def _client_state(self, page_name: str | None, query_string: str | None, fragment_id: str = "") -> ClientState:
        state = ClientState()
        if fragment_id:  # what the frontend sends for a fragment's own rerun
            state.fragment_id = fragment_id
            state.is_auto_rerun = fragment_id in self.auto_reruns and not any(
                w.trigger_value for w in self.widget_states.values()
            )
        if query_string is not None:
            self.query_string = query_string
        state.query_string = self.query_string
        if page_name is not None:  # a first run, or a navigation by URL path
            state.page_name = page_name
            state.page_script_hash = ""
        else:
            state.page_script_hash = self.page_script_hash
        for widget in self.widget_states.values():
            state.widget_states.widgets.append(widget)
        url = f"http://{HOST}:{self.port}/{page_name or ''}" + (f"?{self.query_string}" if self.query_string else "")
        info = state.context_info
        info.timezone = "UTC"
        info.timezone_offset = 0
        info.locale = "en-US"
        info.url = url
        info.is_embedded = False
        info.color_scheme = "light"
        return state

    def set_bool(self, widget_id: str, value: bool) -> None:
        w = WidgetState(id=widget_id)
        w.bool_value = value
        self.widget_states[widget_id] = w

    def click(self, label: str) -> str:
        """Press a button for the next run (as the frontend does: a trigger sent once); its fragment id."""
        widget_id, fragment_id = self.buttons[label]
        w = WidgetState(id=widget_id)
        w.trigger_value = True
        self.widget_states[widget_id] = w
        return fragment_id

    async def run(
        self, page_name: str | None = None, query_string: str | None = None, fragment_id: str = ""
    ) -> RunResult:
        """Send rerun_script and read ForwardMsgs until this run's script_finished."""
        if self.ws is None:
            raise SessionError("not connected")
        msg = BackMsg()
        msg.rerun_script.CopyFrom(self._client_state(page_name, query_string, fragment_id))
        # triggers are sent once, like a click
        self.widget_states = {k: w for k, w in self.widget_states.items() if not w.HasField("trigger_value")}
        if not fragment_id:
            self.texts = []
        result = RunResult()
        t0 = time.perf_counter()
        deadline = t0 + self.timeout
        try:
            await self.ws.send(msg.SerializeToString())
        except WebSocketException as exc:
            result.errors.append(f"websocket closed: {exc!r}"[:200])
            result.elapsed = time.perf_counter() - t0
            return result
        started = False
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                result.errors.append("timeout")
                break
            try:
                data = await asyncio.wait_for(self.ws.recv(), remaining)
            except TimeoutError:
                result.errors.append("timeout")
                break
            except WebSocketException as exc:
                result.errors.append(f"websocket closed: {exc!r}"[:200])
                break
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            result.messages += 1
            result.bytes += len(data)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                started = True
                self.page_script_hash = fwd.new_session.page_script_hash
                self.session_id = fwd.new_session.initialize.session_id or self.session_id
            elif (
                kind == "navigation"
            ):  # with st.navigation the current page's hash comes here (as the frontend reads it)
                self.page_script_hash = fwd.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "auto_rerun":
                self.auto_reruns[fwd.auto_rerun.fragment_id] = fwd.auto_rerun.interval
            elif kind == "page_not_found":
                result.errors.append(f"page_not_found {fwd.page_not_found.page_name!r}")
            elif kind == "session_event" and fwd.session_event.WhichOneof("type") == "script_compilation_exception":
                result.errors.append("script compilation exception")
            elif kind == "delta" and started:
                result.deltas += 1
                self._read_delta(fwd, result)
            elif kind == "script_finished" and started:
                status = STATUS_NAMES.get(fwd.script_finished, str(fwd.script_finished))
                if status == "early_for_rerun":  # st.rerun() or a callback: the next run follows
                    started = False
                    continue
                result.status = status
                break
        result.elapsed = time.perf_counter() - t0
        if result.status not in ("ok", "fragment_ok", "none"):
            result.errors.append(f"script_finished {result.status}")
        return result

    def _read_delta(self, fwd: ForwardMsg, result: RunResult) -> None:
        if fwd.delta.WhichOneof("type") != "new_element":
            return
        element = fwd.delta.new_element
        etype = element.WhichOneof("type")
        widget_id = getattr(getattr(element, etype), "id", "") if etype else ""
        if isinstance(widget_id, str) and widget_id.startswith("$$ID"):
            ids = self.widgets.setdefault(etype, [])
            if widget_id not in ids:
                ids.append(widget_id)
        if etype == "heading" and element.heading.tag == "h1" and result.h1 is None:
            result.h1 = element.heading.body
        elif etype == "checkbox":
            self.checkboxes[element.checkbox.label] = element.checkbox.id
        elif etype == "button":
            self.buttons[element.button.label] = (element.button.id, fwd.delta.fragment_id)
        elif etype == "markdown":
            self.texts.append(element.markdown.body)
            result.texts.append(element.markdown.body)
        elif etype == "exception":
            result.errors.append(f"exception in script: {element.exception.type}: {element.exception.message}"[:200])


# ----------------------------------------------------------------------------------------------- statistics


def percentile(values: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    xs = sorted(v for v in values if not math.isnan(v))
    if not xs:
        return math.nan
    k = (len(xs) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def ms(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.1f}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]
    line = lambda cells: "| " + " | ".join(str(c).rjust(w) for c, w in zip(cells, widths, strict=False)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def label(page: str) -> str:
    return page or "(home)"
