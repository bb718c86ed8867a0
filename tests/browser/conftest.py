"""A real server (serve.py on a free local port) and a real Chromium, for browser tests.

Where no Chromium is found the tests skip with the reason, unless REQUIRE_BROWSER is set (as CI does),
which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM_ARGS, AppDidNotStart, Server, chromium_path, running_app


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots and the server log; printed at the end of the run."""
    folder = Path(os.environ.get("ARTIFACTS_DIR") or tempfile.mkdtemp(prefix="guide-browser-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


SWEEP = 2


@pytest.fixture(scope="session")
def server(artifacts: Path) -> Iterator[Server]:
    workdir = Path(tempfile.mkdtemp(prefix="guide-server-cwd-"))  # to prove the app writes no files
    try:
        # Made downloads swept every 2 s instead of 30, so a test can watch one leave the server.
        sweep = {"GUIDE_DOWNLOAD_SWEEP_SECONDS": str(SWEEP)}
        with running_app(artifacts / "server.log", workdir, env=sweep) as running:
            yield running
    except AppDidNotStart as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


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
