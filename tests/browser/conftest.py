"""A real server (serve.py on a free local port) and a real Chromium, for browser tests.

Where no Chromium is found the tests skip with the reason, unless REQUIRE_BROWSER is set (as CI does),
which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import Server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).exists()), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots and the server log; printed at the end of the run."""
    folder = Path(os.environ.get("ARTIFACTS_DIR") or tempfile.mkdtemp(prefix="guide-browser-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def server(artifacts: Path) -> Iterator[Server]:
    port = free_port()
    log = artifacts / "server.log"
    workdir = Path(tempfile.mkdtemp(prefix="guide-server-cwd-"))  # to prove the app writes no files
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "serve.py"),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--logger.level",
                "info",
            ],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the app did not start; see {log}:\n{log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield Server(url=url, log=log, workdir=workdir)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        reason = "no Chromium found (install Debian's 'chromium' package or set CHROMIUM_PATH)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(reason + "; REQUIRE_BROWSER is set")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()
