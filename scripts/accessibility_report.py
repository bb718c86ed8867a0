"""Print axe-core violations per page and impact, in light and dark themes and the consultation view.

Starts the app on a free local port, runs axe in the system Chromium, stops the app. It opens the same pages,
in the same states, as the accessibility test (tests/browser/chromium.py).
Usage: .venv/bin/python scripts/accessibility_report.py
"""

import sys
import tempfile
from collections import Counter
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from chromium import CHROMIUM_ARGS, PAGES_WITH_RESULTS, READY, chromium_path, running_app

VIEWS = {"light": ("light", ""), "dark": ("dark", ""), "consult": ("light", "mode=consult")}

folder = Path(tempfile.mkdtemp(prefix="accessibility-report-"))
with running_app(folder / "server.log", folder) as server, sync_playwright() as playwright:
    axe = Axe()
    print(f"{'page':<15}" + "".join(f"{view:>32}" for view in VIEWS))
    print(f"{'':<15}" + "".join(f"{'critical/serious/moderate/minor':>32}" for _ in VIEWS))
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    for name, path in PAGES_WITH_RESULTS.items():
        cells = []
        for scheme, extra in VIEWS.values():
            context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            query = path + ("&" if "?" in path else "?") + extra if extra else path
            page.goto(f"{server.url}/{query}")
            page.wait_for_selector(READY, timeout=30_000)
            page.wait_for_timeout(1000)
            counts = Counter(v["impact"] for v in axe.run(page).response["violations"] for _ in v["nodes"])
            cells.append("/".join(str(counts[i]) for i in ("critical", "serious", "moderate", "minor")))
            context.close()
        print(f"{name:<15}" + "".join(f"{c:>32}" for c in cells))
    browser.close()
