"""Helpers for driving the app in Chromium: the browser tests and scripts/accessibility_report.py use them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from knowledge import Knowledge, load_knowledge
from knowledge.queries.emergency import region_from_locale, with_emergency_number
from ui.pages import HOME, PAGE_TABLE  # the app's own page table

ROOT = Path(__file__).resolve().parents[2]
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
# The browser's language and country: the guide guesses the reader's region (the emergency number) from it.
BROWSER_LOCALE = "en-US"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", f"--lang={BROWSER_LOCALE}",
]  # fmt: skip


def content_as_read(locale: str = BROWSER_LOCALE) -> Knowledge:
    """The content as this browser's reader sees it: {emergency_number} as the number of the locale's region."""
    written = load_knowledge()
    return with_emergency_number(written, region_from_locale(written, locale))


# The link that opens a page showing its main content (results included), where the bare path does not.
RESULT_QUERIES = {
    "reversibility": "product=radiesse",
    "timeline": "treatment=botox&date=2026-09-01",
    "scenarios": "mode=workshop&scenario=cheek-filler-pale-skin",
}


def result_link(url_path: str) -> str:
    query = RESULT_QUERIES.get(url_path)
    return url_path + (f"?{query}" if query else "")


# Every page of the menu (ui/pages.py's one table), by URL path, with the link that shows its results.
PAGES_WITH_RESULTS = {
    spec.url_path: "" if spec is HOME else result_link(spec.url_path) for spec in PAGE_TABLE if spec.listed
}
assert set(RESULT_QUERIES) <= set(PAGES_WITH_RESULTS), "a result link names a page the table does not have"


class AppDidNotStart(RuntimeError):
    pass


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).exists()), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """The running app: its address, its log file, and the folder it was started in."""

    url: str
    log: Path
    workdir: Path
    pid: int = 0  # the server process, e.g. to read its memory from /proc


@contextmanager
def running_app(
    log: Path,
    workdir: Path,
    timeout: float = 60,
    env: dict[str, str] | None = None,
    *,
    standard: bool = False,
    root: Path = ROOT,
) -> Iterator[Server]:
    """serve.py on a free local port, started in `workdir` with its output in `log`; stopped on exit.
    `env` adds environment variables (e.g. GUIDE_REDIS_URL for the Redis room store). `standard` starts it the
    way every Streamlit host does instead: `streamlit run app.py`. `root` serves a copy of the app."""
    port = free_port()
    start = [sys.executable, "-m", "streamlit", "run", str(root / "app.py")] if standard else [
        sys.executable, str(root / "serve.py")]  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(
            [*start, "--server.port", str(port), "--server.address", "127.0.0.1", "--logger.level", "info"],
            cwd=workdir, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(root), **(env or {})},
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AppDidNotStart(f"the app did not start; see {log}:\n{log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield Server(url=url, log=log, workdir=workdir, pid=process.pid)
    finally:
        process.terminate()
        process.wait(timeout=20)


def settle(page) -> None:
    """Wait for the script run a click started to finish."""
    page.wait_for_timeout(250)
    page.wait_for_selector(READY, timeout=30_000)


def open_app(page, server: Server, path: str = "") -> None:
    page.goto(f"{server.url}/{path}")
    page.wait_for_selector(READY, timeout=30_000)
    page.locator("h1").first.wait_for(timeout=30_000)


def shoot(page, artifacts: Path, name: str) -> Path:
    """Screenshot the whole page: Streamlit scrolls inside its own container, so grow the viewport to fit."""
    target = artifacts / f"{name}.png"
    viewport = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=stMain]')?.scrollHeight || 0")
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], min(height, 12_000))})
    page.wait_for_timeout(300)
    page.screenshot(path=str(target))
    page.set_viewport_size(viewport)
    return target


def download_summary_pdf(page):
    """From a page showing a checked product, go to For my clinic in the same tab (the session keeps what was
    explored) and download the PDF; Playwright's Download."""
    page.get_by_text("No: it cannot be dissolved").wait_for()
    page.get_by_role("link", name="For my clinic").click()
    page.wait_for_url("**/summary")
    settle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my summary (PDF)").click()
    return download.value


def assert_no_exception(page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0


BLOCKING = {"serious", "critical"}


def blocking_violations(axe, page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    page.wait_for_timeout(800)  # let theme colour transitions finish before measuring contrast
    report = axe.run(page).response
    return [
        f"{v['id']} ({v['impact']}): {node['target']}"
        for v in report["violations"]
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]
