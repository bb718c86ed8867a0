"""Time in Chromium from navigation start to each page's main heading (h1) being visible, next to an empty app.

Both servers run at once (the app with serve.py, the empty one-line page with `streamlit run`), and the loads are
interleaved round robin: empty, home, self-check, ... so that drift on the machine hits every page alike. Every
load uses a fresh browser context (no cache, no cookies). An init script records performance.now() (whose origin
is the navigation start) the first time the target element is in the DOM with a non-empty box, visible and not
transparent, and again at the next animation frame (about when it is painted); the latter is reported.
For the empty app the target is its "Hello" text. Chromium is told to resolve no host but 127.0.0.1.

Usage (from the repo root):  .venv/bin/python bench/first_content.py [--loads 5] [--server-opt KEY=VALUE ...]
Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stclient import (
    APP_PAGES,
    HOST,
    add_server_args,
    describe_server_args,
    label,
    ms,
    percentile,
    server_for,
    table,
    wait_for_quiet,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {HOST}",  # nothing leaves 127.0.0.1
]  # fmt: skip

# window.__benchTarget is set per load: "h1" or "hello".
INIT_SCRIPT = """
(() => {
  const target = %(target)s;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.display === "none" || s.visibility === "hidden" || parseFloat(s.opacity) === 0) return false;
    }
    return true;
  };
  const find = () => {
    if (target === "h1") {
      for (const el of document.querySelectorAll("h1")) if (el.textContent.trim() && shown(el)) return el;
    } else {
      for (const el of document.querySelectorAll("p")) if (el.textContent.trim() === "Hello" && shown(el)) return el;
    }
    return null;
  };
  const check = () => {
    if (window.__benchFound !== undefined) return;
    const el = find();
    if (!el) return;
    window.__benchFound = performance.now();
    window.__benchText = el.textContent.trim();
    requestAnimationFrame(() => { window.__benchPainted = performance.now(); });
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  const start = () => {
    observer.observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
    check();
  };
  if (document.documentElement) start(); else document.addEventListener("readystatechange", start, {once: true});
})();
"""


def load_once(browser, url: str, target: str, timeout_ms: int) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.add_init_script(INIT_SCRIPT % {"target": f'"{target}"'})
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_function("window.__benchPainted !== undefined", timeout=timeout_ms, polling=50)
        found = page.evaluate(
            """() => {
              const nav = performance.getEntriesByType("navigation")[0];
              return {found: window.__benchFound, painted: window.__benchPainted, text: window.__benchText,
                      ttfb: nav ? nav.responseStart : null, dcl: nav ? nav.domContentLoadedEventEnd : null};
            }"""
        )
        return found
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5, help="timed loads per page (default 5)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds allowed per load (default 30)")
    parser.add_argument("--budget", type=float, default=400, help="seconds allowed for all loads (default 400)")
    add_server_args(parser)
    args = parser.parse_args()
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    print(wait_for_quiet(), flush=True)
    empty = server_for("empty", args)
    app = server_for("app", args)
    targets = [("EMPTY APP", empty, "", "hello")] + [(label(p), app, p, "h1") for p in APP_PAGES]
    results: dict[str, dict] = {name: {"painted": [], "found": [], "dcl": [], "errors": [], "text": None}
                                for name, *_ in targets}  # fmt: skip
    deadline = time.monotonic() + args.budget
    with empty, app, sync_playwright() as pw:
        print(f"servers: {' '.join(empty.command)}\n         {' '.join(app.command)}", flush=True)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for round_no in range(args.loads + 1):  # round 0 warms up both servers and the browser
                if time.monotonic() > deadline:
                    print(f"  (time budget of {args.budget:.0f}s reached after {round_no - 1} timed rounds)")
                    break
                for name, server, path, target in targets:
                    url = f"{server.url}/{path}"
                    try:
                        r = load_once(browser, url, target, int(args.timeout * 1000))
                    except PlaywrightError as exc:
                        if round_no:
                            results[name]["errors"].append(str(exc).splitlines()[0][:160])
                        continue
                    if round_no == 0:
                        continue
                    res = results[name]
                    res["painted"].append(r["painted"] / 1000)
                    res["found"].append(r["found"] / 1000)
                    res["dcl"].append((r["dcl"] or math.nan) / 1000)
                    res["text"] = r["text"]
        finally:
            browser.close()

    e_med = percentile(results["EMPTY APP"]["painted"], 50)
    headers = ["page", "target text", "n", "visible med ms", "min ms", "max ms", "x empty (med)",
               "in DOM med ms", "DOMContentLoaded med ms", "errors"]  # fmt: skip
    rows = []
    for name, *_ in targets:
        res = results[name]
        med = percentile(res["painted"], 50)
        rows.append([
            name, (res["text"] or "-")[:28], len(res["painted"]), ms(med), ms(min(res["painted"], default=math.nan)),
            ms(max(res["painted"], default=math.nan)), "-" if math.isnan(med) else f"{med / e_med:.2f}x",
            ms(percentile(res["found"], 50)), ms(percentile(res["dcl"], 50)), len(res["errors"]),
        ])  # fmt: skip
    print()
    print("First content in Chromium: navigation start -> target visible (h1; 'Hello' for the empty app)")
    print(f"{args.loads} loads per page, fresh context each, after 1 warm-up round;", end=" ")
    print(f"server: {describe_server_args(args)}")
    print(table(headers, rows))
    for name, *_ in targets:
        for err in results[name]["errors"][:3]:
            print(f"  error on {name}: {err}")


if __name__ == "__main__":
    main()
