"""Helpers for driving the app in Chromium."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

READY = "[data-testid=stApp][data-test-script-state=notRunning]"


@dataclass
class Server:
    """The running app: its address, its log file, and the folder it was started in."""

    url: str
    log: Path
    workdir: Path


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


def assert_no_exception(page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0
