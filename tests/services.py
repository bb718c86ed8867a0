"""Real services for tests and benchmarks: a `redis-server` on a free local port, stopped by its own process id;
the whole cluster (Redis, replicas, HAProxy) through deploy/cluster.py.

Where redis-server or haproxy is missing the tests that need it skip with the reason, unless REQUIRE_REDIS or
REQUIRE_HAPROXY is set (as CI does), which turns a missing server into a failure. `make test` installs Debian's
redis-server and haproxy when it can.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(port: int, timeout: float = 30) -> bool:
    """Wait until a server on this port answers /_stcore/health; whether it did within `timeout` seconds."""
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def redis_server_path() -> str | None:
    return shutil.which("redis-server") or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if os.path.exists(p)), None
    )


@dataclass
class RedisServer:
    url: str
    port: int
    process: subprocess.Popen

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def start_redis(port: int | None = None, timeout: float = 15) -> RedisServer:
    """A throwaway redis-server on 127.0.0.1: no persistence, no files outside a temporary folder."""
    path = redis_server_path()
    if path is None:
        raise FileNotFoundError("redis-server not found (install Debian's 'redis-server' package)")
    port = port or free_port()
    workdir = tempfile.mkdtemp(prefix="guide-redis-")
    process = subprocess.Popen(
        [path, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", workdir, "--protected-mode", "yes", "--loglevel", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"redis-server did not start on port {port}")
        time.sleep(0.05)
    return RedisServer(url=f"redis://127.0.0.1:{port}/0", port=port, process=process)


@contextmanager
def running_redis(port: int | None = None) -> Iterator[RedisServer]:
    server = start_redis(port)
    try:
        yield server
    finally:
        server.stop()


def redis_or_skip():
    """For fixtures: a started redis-server, or a skip (a failure when REQUIRE_REDIS is set)."""
    skip_unless_installed(redis_server_path(), "redis-server", "REQUIRE_REDIS")
    return start_redis()


def skip_unless_installed(found: str | None, package: str, required_by: str) -> None:
    """A skip naming the missing Debian package, or a failure when the `required_by` variable is set (as in CI)."""
    import pytest

    if found is None:
        reason = f"no {package} found (install Debian's '{package}' package; make services does)"
        if os.environ.get(required_by):
            pytest.fail(f"{reason}; {required_by} is set")
        pytest.skip(reason)


def haproxy_or_skip() -> None:
    from deploy.cluster import haproxy_path

    skip_unless_installed(haproxy_path(), "haproxy", "REQUIRE_HAPROXY")


def cluster_or_skip(state_dir, **settings):
    """For fixtures: Redis, two replicas and HAProxy started by deploy/cluster.py on free local ports (stopped by
    their pids with `.stop()`), or a skip where haproxy or redis-server is missing. `settings` override
    deploy.cluster.Settings (the proxy's port is a free one)."""
    from deploy.cluster import Settings, start_cluster

    haproxy_or_skip()
    skip_unless_installed(redis_server_path(), "redis-server", "REQUIRE_REDIS")
    return start_cluster(Settings(**{"port": free_port(), **settings}), state_dir)
