"""The guide as a cluster on one machine: a redis-server, N replicas (serve.py) and HAProxy in front, all on 127.0.0.1.

`make cluster` / `make cluster-stop`, the tests (tests/test_cluster.py, tests/browser/test_cluster_in_chromium.py)
and bench/cluster_load.py all start and stop it through this module, so they run the same thing.

Every process started is recorded in a state folder (`cluster.json`: pid, and the start time the kernel gives it in
/proc, since a pid can be reused once its process is gone). Stopping ends exactly those processes, by pid, and only
while each is still the process that was started; nothing is ever looked up or stopped by name.

Usage (settings from the environment, see `Settings.from_env`):
  python -m deploy.cluster start  [--state .cluster]   # prints the URL once HAProxy reports every replica healthy
  python -m deploy.cluster stop   [--state .cluster]
  python -m deploy.cluster status [--state .cluster]
  python -m deploy.cluster render                       # the HAProxy configuration these settings give
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import csv
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
STATE_FILE = "cluster.json"
COOKIE_NAME = "guide_replica"  # the sticky-session cookie; its value names a replica (r1, r2, ...), nothing else
BACKEND = "replicas"
FRONTEND = "guide"
HOST = "127.0.0.1"
DEFAULT_CONN_PER_CLIENT = 1000
DEFAULT_MAX_CONNECTIONS = 4096
REDIS_URL_ENV = "GUIDE_REDIS_URL"  # read by live/ (the room store); not imported, so this module needs no app code
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
HOST_PATTERN = re.compile(r"^[a-z0-9.-]+(:[0-9]{1,5})?$")


class MissingPackage(FileNotFoundError):
    """haproxy or redis-server is not installed (Debian packages `haproxy`, `redis-server`)."""


# ------------------------------------------------------------------------------------------------------ settings


@dataclass(frozen=True)
class Settings:
    """What a cluster looks like from outside. `from_env` reads them as `make cluster` passes them."""

    replicas: int = 2
    port: int = 8500
    hosts: tuple[str, ...] = ()  # Host header values served; empty: 127.0.0.1:PORT and localhost:PORT
    conn_per_client: int = DEFAULT_CONN_PER_CLIENT
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    tls_cert: Path | None = None  # a PEM with certificate and key: HTTPS, secure cookie and HSTS
    bind_address: str = HOST

    def __post_init__(self) -> None:
        if self.replicas < 1:
            raise ValueError("REPLICAS must be at least 1")
        bad = [h for h in self.hosts if not HOST_PATTERN.match(h)]
        if bad:
            raise ValueError(f"CLUSTER_HOSTS wants host or host:port in lower case, got {bad}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        """REPLICAS, CLUSTER_PORT, CLUSTER_HOSTS (comma-separated), CLUSTER_CONN_PER_CLIENT,
        CLUSTER_MAX_CONNECTIONS, CLUSTER_TLS_CERT and CLUSTER_BIND; unset or empty ones keep their defaults."""

        def number(name: str, default: int) -> int:
            return int(env.get(name) or default)

        hosts = tuple(h.strip().lower() for h in (env.get("CLUSTER_HOSTS") or "").split(",") if h.strip())
        cert = env.get("CLUSTER_TLS_CERT")
        return cls(
            replicas=number("REPLICAS", 2),
            port=number("CLUSTER_PORT", 8500),
            hosts=hosts,
            conn_per_client=number("CLUSTER_CONN_PER_CLIENT", DEFAULT_CONN_PER_CLIENT),
            max_connections=number("CLUSTER_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS),
            tls_cert=Path(cert) if cert else None,
            bind_address=env.get("CLUSTER_BIND") or HOST,
        )

    @property
    def scheme(self) -> str:
        return "https" if self.tls_cert else "http"

    @property
    def allowed_hosts(self) -> tuple[str, ...]:
        return self.hosts or (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """A page's Origin is its scheme and its Host, so the origin list follows from the host list."""
        return tuple(f"{self.scheme}://{host}" for host in self.allowed_hosts)

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.allowed_hosts[0]}"


def replica_names(count: int) -> list[str]:
    return [f"r{i}" for i in range(1, count + 1)]


# ------------------------------------------------------------------------------------- the HAProxy configuration


def inline_script_hashes(index_html: Path) -> list[str]:
    """CSP hashes of the inline scripts in Streamlit's index.html (today one line, `window.prerenderReady = false`).

    Read from the installed Streamlit, so the policy allows exactly the inline code this version ships and no other."""
    scripts = re.findall(r"<script>(.*?)</script>", index_html.read_text(encoding="utf-8"), re.S)
    return [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts]


def streamlit_index() -> Path:
    import streamlit

    return Path(streamlit.__file__).parent / "static" / "index.html"


def content_security_policy(index_html: Path | None = None) -> str:
    """What the app's pages need, checked in Chromium on every page (tests/browser/test_cluster_in_chromium.py).

    Styles stay 'unsafe-inline': Streamlit's components set their styles at run time (Emotion) and the app adds two
    fixed style sheets; scripts do not: only Streamlit's own bundle and its one inline line, by hash. Charts need no
    'unsafe-eval' (Streamlit renders Vega with its expression interpreter). 'wasm-unsafe-eval' lets WebAssembly
    compile, never JavaScript: the protobuf decoder's 64-bit arithmetic (long.js) builds a tiny module on every
    page, and blocked it falls back but reports a violation each time. The websocket is same-origin ('self')."""
    hashes = " ".join(f"'sha256-{h}'" for h in inline_script_hashes(index_html or streamlit_index()))
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}".rstrip(),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        "frame-src 'none'",  # the guide embeds nothing (no components, no iframes)
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])  # fmt: skip


class _Fields(Template):
    delimiter = "@"  # HAProxy's own syntax uses $ and %; @{name} is free


def render_config(settings: Settings, replica_ports: list[int], stats_socket: Path) -> str:
    """The HAProxy configuration for these settings and replicas (r1 on the first port, and so on)."""
    tls = settings.tls_cert is not None
    bind = f"{settings.bind_address}:{settings.port}" + (f" ssl crt {settings.tls_cert} alpn http/1.1" if tls else "")
    servers = [
        f"    server {name} {HOST}:{port} cookie {name}"
        for name, port in zip(replica_names(len(replica_ports)), replica_ports, strict=True)
    ]
    hsts = '    http-after-response set-header Strict-Transport-Security "max-age=31536000"' if tls else ""
    return _Fields(TEMPLATE.read_text(encoding="utf-8")).substitute(
        bind=bind,
        max_connections=settings.max_connections,
        conn_per_client=settings.conn_per_client,
        stats_socket=stats_socket,
        hosts=" ".join(settings.allowed_hosts),
        origins=" ".join(settings.allowed_origins),
        csp=content_security_policy(),
        hsts=hsts,
        cookie_name=COOKIE_NAME,
        cookie_secure=" secure" if tls else "",
        health_host=HOST,
        servers="\n".join(servers),
    )


def haproxy_path() -> str | None:
    return shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if os.path.exists(p)), None)


def redis_server_path() -> str | None:
    return shutil.which("redis-server") or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if os.path.exists(p)), None
    )


def check_config(path: Path) -> subprocess.CompletedProcess[str]:
    """`haproxy -c -f PATH`: HAProxy's own check of a configuration (exit code 0 when valid)."""
    return subprocess.run([_need(haproxy_path(), "haproxy"), "-c", "-f", str(path)], capture_output=True, text=True)


def _need(path: str | None, package: str) -> str:
    if path is None:
        raise MissingPackage(f"{package} not found: install Debian's '{package}' package (make services does)")
    return path


# ----------------------------------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_time(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (/proc/PID/stat, field 22), or None if it is gone
    or a zombie. With the pid it names one process: a later process given the same pid starts later."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces and brackets
    return None if fields[0] == "Z" else int(fields[19])


@dataclass
class Started:
    """One process this module started."""

    name: str
    pid: int
    started_at: int
    port: int | None = None
    popen: subprocess.Popen | None = field(default=None, compare=False, repr=False)

    def running(self) -> bool:
        if self.popen is not None and self.popen.poll() is not None:
            return False
        return start_time(self.pid) == self.started_at

    def stop(self, timeout: float = 15) -> bool:
        """SIGTERM, then SIGKILL after `timeout`; True if it was still running."""
        if not self.running():
            return False
        self._signal(signal.SIGTERM)
        if not self._wait_gone(timeout):
            self._signal(signal.SIGKILL)
            self._wait_gone(10)
        return True

    def _signal(self, signum: int) -> None:
        if self.running():  # checked again at once: never a signal to a later process given the same pid
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)

    def _wait_gone(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen is not None:
                try:
                    self.popen.wait(timeout=0.1)
                    return True
                except subprocess.TimeoutExpired:
                    continue
            if not self.running():
                return True
            time.sleep(0.1)
        return False

    def record(self) -> dict[str, object]:
        return {"name": self.name, "pid": self.pid, "started_at": self.started_at, "port": self.port}


def spawn(
    name: str, argv: list[str], log: Path, env: Mapping[str, str], *, detach: bool, port: int | None = None
) -> Started:
    """Start one process with its output in `log`. `detach` puts it in a session of its own, so it outlives the
    terminal that ran `make cluster` (and its Ctrl-C)."""
    with log.open("wb") as out:
        popen = subprocess.Popen(
            argv, cwd=ROOT, env=dict(env), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=detach,
        )  # fmt: skip
    started_at = start_time(popen.pid)
    return Started(name=name, pid=popen.pid, started_at=started_at or -1, port=port, popen=popen)


def wait_until(ready: Callable[[], bool], process: Started, what: str, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if not process.running() or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{what} did not become ready; log {log}:\n{tail}")
        time.sleep(0.1)


def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def http_ok(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # only ever 127.0.0.1
    try:
        with opener.open(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


# ------------------------------------------------------------------------------------------------------- cluster


def _state(row: Mapping[str, str]) -> str:
    """HAProxy counts a server UP before its first check; "UP" here means a check has passed."""
    return "UP" if row["status"] == "UP" and row["check_status"] == "L7OK" else row["status"]


@dataclass
class Cluster:
    """A started cluster: its settings, its state folder and its processes in start order."""

    settings: Settings
    state_dir: Path
    processes: list[Started] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.settings.url

    @property
    def stats_socket(self) -> Path:
        return self.state_dir / "haproxy.sock"

    @property
    def replicas(self) -> list[Started]:
        return [p for p in self.processes if p.name.startswith("r") and p.name[1:].isdigit()]

    def process(self, name: str) -> Started:
        return next(p for p in self.processes if p.name == name)

    def admin(self, command: str) -> str:
        """One command on HAProxy's admin socket (a file in the state folder, mode 600), and its answer."""
        with socket.socket(socket.AF_UNIX) as conn:
            conn.settimeout(5)
            conn.connect(str(self.stats_socket))
            conn.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def stats(self) -> list[dict[str, str]]:
        """HAProxy's `show stat`, one dict per proxy and server."""
        return list(csv.DictReader(self.admin("show stat").lstrip("# ").splitlines()))

    def client_connections(self, address: str = HOST) -> int:
        """Connections HAProxy counts for one client address now (its per-client limit's stick table)."""
        found = re.search(rf"key={re.escape(address)} .*?conn_cur=(\d+)", self.admin(f"show table {FRONTEND}"))
        return int(found.group(1)) if found else 0

    def server_rows(self) -> dict[str, dict[str, str]]:
        return {
            row["svname"]: row
            for row in self.stats()
            if row["pxname"] == BACKEND and row["svname"] not in ("FRONTEND", "BACKEND")
        }

    def server_states(self) -> dict[str, str]:
        """{replica: "UP" | "DOWN" | ...} as HAProxy's health checks see them ("UP" only after a passed check)."""
        rows = self.server_rows()
        return {name: _state(row) for name, row in rows.items()}

    def sessions(self) -> dict[str, int]:
        """{replica: connections HAProxy has open to it now}: a websocket counts while it is open."""
        return {name: int(row["scur"]) for name, row in self.server_rows().items()}

    def wait_for_states(self, wanted: Mapping[str, str], timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            states = self.server_states()
            if all(states.get(name) == state for name, state in wanted.items()):
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"HAProxy reports {states}, wanted {dict(wanted)}")
            time.sleep(0.2)

    def stop_replica(self, name: str) -> None:
        self.process(name).stop()

    def stop(self) -> list[tuple[Started, bool]]:
        """Stop every recorded process, newest first (the proxy before the replicas, Redis last)."""
        return [(p, p.stop()) for p in reversed(self.processes)]

    def save(self) -> None:
        record = {
            "url": self.url,
            "settings": {**asdict(self.settings), "tls_cert": str(self.settings.tls_cert or "") or None},
            "processes": [p.record() for p in self.processes],
        }
        (self.state_dir / STATE_FILE).write_text(json.dumps(record, indent=2))

    @classmethod
    def load(cls, state_dir: Path) -> Cluster:
        record = json.loads((state_dir / STATE_FILE).read_text())
        values = record["settings"]
        cert = values.pop("tls_cert")
        settings = Settings(**{**values, "hosts": tuple(values["hosts"]), "tls_cert": Path(cert) if cert else None})
        return cls(settings, state_dir, [Started(**p) for p in record["processes"]])


def start_cluster(
    settings: Settings, state_dir: Path, *, detach: bool = False, replica_options: tuple[str, ...] = (),
    timeout: float = 90, script: str = "app.py",
) -> Cluster:  # fmt: skip
    """Redis, then the replicas, then HAProxy; returns once HAProxy's checks report every replica healthy.
    `script` (from the repo root) is what the replicas serve: the app, or a benchmark's baseline page.

    Each replica gets GUIDE_REDIS_URL (live rooms are shared through Redis) and the same cookie secret, made for
    this start only, so the XSRF cookie one replica sets is valid on every other. If any step fails, whatever
    was already started is stopped before the error is raised."""
    _need(haproxy_path(), "haproxy")
    redis = _need(redis_server_path(), "redis-server")
    state_dir.mkdir(parents=True, exist_ok=True)
    _refuse_if_running(state_dir)
    cluster = Cluster(settings, state_dir)
    try:
        redis_port = _start_redis(cluster, redis, detach)
        _start_replicas(cluster, redis_port, replica_options, detach, timeout, script)
        _start_haproxy(cluster, detach, timeout)
    except BaseException:
        cluster.stop()
        cluster.save()
        raise
    return cluster


def _refuse_if_running(state_dir: Path) -> None:
    if not (state_dir / STATE_FILE).exists():
        return
    running = [p for p in Cluster.load(state_dir).processes if p.running()]
    if running:
        names = ", ".join(f"{p.name} (pid {p.pid})" for p in running)
        raise RuntimeError(
            f"a cluster recorded in {state_dir} is still running: {names}; stop it first (make cluster-stop)"
        )


def _add(cluster: Cluster, process: Started) -> Started:
    cluster.processes.append(process)
    cluster.save()  # recorded at once, so a failed start can still be stopped by pid
    return process


def _start_redis(cluster: Cluster, binary: str, detach: bool) -> int:
    """A redis-server with nothing on disk: rooms are short-lived, and a restart ending them is what people expect."""
    port, log = free_port(), cluster.state_dir / "redis.log"
    argv = [binary, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no",
            "--dir", str(cluster.state_dir), "--protected-mode", "yes", "--loglevel", "warning"]  # fmt: skip
    process = _add(cluster, spawn("redis", argv, log, os.environ, detach=detach, port=port))
    wait_until(lambda: redis_answers(port), process, "redis-server", 15, log)
    return port


def _replica_command(script: str) -> list[str]:
    """serve.py for the app; for another page, serve.py's main on that script (as bench/stclient.py does)."""
    if script == "app.py":
        return [sys.executable, str(ROOT / "serve.py")]
    return [sys.executable, "-c", f"import sys, serve; sys.exit(serve.main({script!r}, sys.argv[1:]))"]


def _start_replicas(
    cluster: Cluster, redis_port: int, options: tuple[str, ...], detach: bool, timeout: float, script: str = "app.py"
) -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env |= {REDIS_URL_ENV: f"redis://{HOST}:{redis_port}/0", COOKIE_SECRET_ENV: secrets.token_hex(32)}
    hostnames = sorted({h.rsplit(":", 1)[0] for h in cluster.settings.allowed_hosts})
    started = []
    for name in replica_names(cluster.settings.replicas):
        port = _port_other_than(cluster.settings.port)
        argv = [*_replica_command(script), "--server.port", str(port), "--server.address", HOST,
                "--server.headless", "true", *_allowed_hosts_options(hostnames), *options]  # fmt: skip
        log = cluster.state_dir / f"{name}.log"
        started.append((_add(cluster, spawn(name, argv, log, env, detach=detach, port=port)), log))
    for process, log in started:  # they start side by side; wait for each in turn
        url = f"http://{HOST}:{process.port}/_stcore/health"
        wait_until(lambda url=url: http_ok(url), process, f"replica {process.name}", timeout, log)


def _allowed_hosts_options(hostnames: list[str]) -> list[str]:
    """The replicas check the websocket's Host themselves too (server.allowedHosts), behind the proxy's check."""
    return [option for name in hostnames for option in ("--server.allowedHosts", name)]


def _port_other_than(taken: int) -> int:
    while (port := free_port()) == taken:
        pass
    return port


def _start_haproxy(cluster: Cluster, detach: bool, timeout: float) -> None:
    ports = [p.port for p in cluster.replicas if p.port is not None]
    start_proxy(cluster.settings, cluster.state_dir, ports, detach=detach, timeout=timeout,
                record=lambda process: _add(cluster, process))  # fmt: skip


def start_proxy(
    settings: Settings, state_dir: Path, replica_ports: list[int], *, detach: bool = False, timeout: float = 90,
    record: Callable[[Started], Started] = lambda process: process,
) -> Started:  # fmt: skip
    """HAProxy alone, in front of replicas already listening on `replica_ports`; returns once its health checks
    report every one of them up. Its configuration, admin socket and log go to `state_dir`."""
    binary = _need(haproxy_path(), "haproxy")
    state_dir.mkdir(parents=True, exist_ok=True)
    config, log, stats_socket = state_dir / "haproxy.cfg", state_dir / "haproxy.log", state_dir / "haproxy.sock"
    config.write_text(render_config(settings, replica_ports, stats_socket))
    checked = check_config(config)
    if checked.returncode != 0:
        raise RuntimeError(f"haproxy -c refused {config}:\n{checked.stdout}{checked.stderr}")
    # -db: stay in the foreground, as one process whose pid is the one recorded (no daemon, no master)
    process = record(spawn("haproxy", [binary, "-db", "-f", str(config)], log, os.environ, detach=detach))
    view = Cluster(settings, state_dir)
    wanted = dict.fromkeys(replica_names(len(replica_ports)), "UP")
    wait_until(lambda: _all_up(view, wanted), process, "HAProxy's health checks of every replica", timeout, log)
    return process


def _all_up(cluster: Cluster, wanted: Mapping[str, str]) -> bool:
    try:
        states = cluster.server_states()
    except OSError:
        return False
    return all(states.get(name) == state for name, state in wanted.items())


# ----------------------------------------------------------------------------------------------------------- CLI


def _cli_start(state_dir: Path) -> int:
    settings = Settings.from_env()
    cluster = start_cluster(settings, state_dir, detach=True)
    for p in cluster.processes:
        print(f"  {p.name:8} pid {p.pid:<8} {f'{HOST}:{p.port}' if p.port else ''}")
    print(f"Every replica is healthy behind HAProxy. The guide: {cluster.url}")
    print(f"Logs and pids in {state_dir}/; stop with: make cluster-stop")
    return 0


def _cli_stop(state_dir: Path) -> int:
    if not (state_dir / STATE_FILE).exists():
        print(f"No cluster recorded in {state_dir}/: nothing to stop.")
        return 0
    for process, was_running in Cluster.load(state_dir).stop():
        print(f"  {process.name:8} pid {process.pid:<8} {'stopped' if was_running else 'was no longer running'}")
    (state_dir / STATE_FILE).unlink()
    (state_dir / "haproxy.sock").unlink(missing_ok=True)  # left behind by a stopped HAProxy
    return 0


def _cli_status(state_dir: Path) -> int:
    cluster = Cluster.load(state_dir)
    for p in cluster.processes:
        print(f"  {p.name:8} pid {p.pid:<8} {'running' if p.running() else 'not running'}")
    if any(p.name == "haproxy" and p.running() for p in cluster.processes):
        print(f"HAProxy's checks: {cluster.server_states()}  ({cluster.url})")
    return 0


def _cli_render() -> int:
    settings = Settings.from_env()
    ports = [settings.port + i for i in range(1, settings.replicas + 1)]
    print(render_config(settings, ports, Path("/run/haproxy/guide.sock")), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["start", "stop", "status", "render"])
    parser.add_argument("--state", type=Path, default=ROOT / ".cluster", help="state folder (default .cluster/)")
    args = parser.parse_args(argv)
    if args.command == "render":
        return _cli_render()
    state_dir = args.state.resolve()
    try:
        return {"start": _cli_start, "stop": _cli_stop, "status": _cli_status}[args.command](state_dir)
    except (MissingPackage, RuntimeError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
