"""Print axe-core violations per page and impact, in light and dark themes and the consultation view.

Starts the app on a free local port, runs axe in the system Chromium, stops the app.
Usage: .venv/bin/python scripts/accessibility_report.py
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
PAGES = {
    "home": "",
    "self-check": "self-check",
    "reversibility": "reversibility?product=radiesse",
    "timeline": "timeline?treatment=botox&date=2026-09-01",
    "checklist": "checklist",
    "scenarios": "scenarios?mode=workshop&scenario=cheek-filler-pale-skin",
    "summary": "summary",
    "sources": "sources",
}
VIEWS = {"light": ("light", ""), "dark": ("dark", ""), "consult": ("light", "mode=consult")}

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(
    [sys.executable, str(ROOT / "serve.py"), "--server.port", str(port), "--server.address", "127.0.0.1"],
    cwd=ROOT,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
try:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    axe = Axe()
    print(f"{'page':<15}" + "".join(f"{view:>32}" for view in VIEWS))
    print(f"{'':<15}" + "".join(f"{'critical/serious/moderate/minor':>32}" for _ in VIEWS))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, path in PAGES.items():
            cells = []
            for scheme, extra in VIEWS.values():
                context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
                page = context.new_page()
                query = path + ("&" if "?" in path else "?") + extra if extra else path
                page.goto(f"http://127.0.0.1:{port}/{query}")
                page.wait_for_selector(READY, timeout=30_000)
                page.wait_for_timeout(1000)
                counts = Counter(v["impact"] for v in axe.run(page).response["violations"] for _ in v["nodes"])
                cells.append("/".join(str(counts[i]) for i in ("critical", "serious", "moderate", "minor")))
                context.close()
            print(f"{name:<15}" + "".join(f"{c:>32}" for c in cells))
        browser.close()
finally:
    server.terminate()
    server.wait(timeout=20)
