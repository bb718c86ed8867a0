"""The guide through HAProxy in real Chromium: two real replicas sharing rooms through a real redis-server, started by
deploy/cluster.py on free local ports (as `make cluster` does) and stopped by their own pids.

Every page and deep link shows its heading with no exception and no Content-Security-Policy violation; a download
comes from the replica that holds the session; a live room works with the trainer and the phones on different
replicas; and when one replica stops, the sessions on the other go on and new visitors are sent to it.
A browser context is pinned to a replica the way a returning browser is: by the sticky cookie it already holds."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from chromium import (
    PAGES_WITH_RESULTS,
    READY,
    assert_no_exception,
    content_as_read,
    download_summary_pdf,
    settle,
    shoot,
)
from services import cluster_or_skip

from deploy.cluster import COOKIE_NAME, Cluster
from knowledge.queries import answer_scenario
from ui.pages import HOME, PAGE_TABLE

K = content_as_read()
pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
HEADINGS = {**{spec.url_path: spec.title for spec in PAGE_TABLE}, "": K.meta.title, HOME.url_path: K.meta.title,
            "join": "Live workshop"}  # fmt: skip
LINKS = list(dict.fromkeys(["", *(spec.url_path for spec in PAGE_TABLE), *PAGES_WITH_RESULTS.values()]))
# Records every CSP violation the page reports, from before its first script runs.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`));
"""


@pytest.fixture(scope="module")
def cluster():
    running = cluster_or_skip(Path(tempfile.mkdtemp(prefix="guide-cluster-browser-")))
    yield running
    running.stop()


class Tab:
    """A page in a browser context of its own, optionally pinned to a replica, with its console kept."""

    def __init__(self, browser, cluster: Cluster, replica: str | None = None, **context_options) -> None:
        self.cluster = cluster
        self.context = browser.new_context(**({"viewport": {"width": 1280, "height": 900}} | context_options))
        if replica:
            self.context.add_cookies([{"name": COOKIE_NAME, "value": replica, "url": cluster.url}])
        self.context.add_init_script(WATCH_CSP)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda message: self.console.append(message.text))

    def open(self, path: str) -> None:
        self.page.goto(f"{self.cluster.url}/{path}")
        self.page.wait_for_selector(READY, timeout=30_000)
        self.page.locator("h1").first.wait_for(timeout=30_000)

    def replica(self) -> str | None:
        """The replica HAProxy pinned this browser to (it rewrites the cookie when it has to move it)."""
        return next((c["value"] for c in self.context.cookies() if c["name"] == COOKIE_NAME), None)

    def csp_violations(self) -> list[str]:
        reported = self.page.evaluate("window.__cspViolations || []")
        return [*reported, *(m for m in self.console if "Content Security Policy" in m)]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tabs(browser, cluster):
    opened: list[Tab] = []

    def open_tab(replica: str | None = None, **context_options) -> Tab:
        opened.append(Tab(browser, cluster, replica, **context_options))
        return opened[-1]

    yield open_tab
    for tab in opened:
        tab.close()


@pytest.mark.parametrize("link", LINKS, ids=lambda link: link or "(home)")
def test_every_page_and_deep_link_works_through_the_proxy_within_the_policy(link, tabs, artifacts):
    tab = tabs()
    tab.open(link)
    path = link.split("?")[0]
    assert tab.page.locator("h1").first.inner_text() == HEADINGS[path]
    if path == "timeline":  # the chart draws under the policy (no eval)
        tab.page.locator("[data-testid=stVegaLiteChart] svg").first.wait_for(timeout=15_000)
    tab.page.wait_for_timeout(300)  # late fonts and images
    assert tab.page.get_by_text("Page not found").count() == 0
    assert_no_exception(tab.page)
    assert tab.csp_violations() == []
    assert tab.replica() in ("r1", "r2")
    if "?" in link or not link:
        shoot(tab.page, artifacts, f"cluster-{path or 'home'}-1280")


def test_the_take_home_pdf_downloads_from_the_replica_holding_the_session(tabs):
    tab = tabs()
    tab.open("reversibility?product=radiesse")
    page = tab.page
    assert Path(download_summary_pdf(page).path()).read_bytes().startswith(b"%PDF")
    assert_no_exception(page)
    assert tab.csp_violations() == []


def test_a_live_room_with_the_trainer_and_the_phones_on_different_replicas(tabs, cluster, artifacts):
    trainer = tabs("r1")
    phones = [tabs("r2", **PHONE) for _ in range(2)]
    trainer.open("scenarios?mode=workshop")
    trainer.page.get_by_role("button", name="Start a live room").click()
    settle(trainer.page)
    link = trainer.page.locator(".st-key-room-join a").first.get_attribute("href")
    assert link.startswith(f"{cluster.url}/join?room="), link
    for phone in phones:
        phone.page.goto(link)
        phone.page.wait_for_selector(READY, timeout=30_000)
    trainer.page.get_by_text("0 of 2 answered").wait_for(timeout=10_000)
    assert settled_sessions(cluster, {"r1": 1, "r2": 2}) == {"r1": 1, "r2": 2}, "each tab's websocket on its replica"

    scenario = K.scenarios[0]
    answer = answer_scenario(K, scenario)
    for i, phone in enumerate(phones):
        phone.page.get_by_text(scenario.title).first.wait_for(timeout=10_000)
        choice = answer.choices[i % len(answer.choices)]
        phone.page.locator(f".st-key-choice-{scenario.id}-{choice.id} button").click()
    trainer.page.get_by_text("2 of 2 answered").wait_for(timeout=10_000)
    trainer.page.get_by_role("button", name="Show the spread").click()
    settle(trainer.page)
    trainer.page.get_by_role("button", name="Reveal the answer").click()
    settle(trainer.page)
    for phone in phones:
        phone.page.locator(".st-key-scenario-answer").get_by_text(answer.headline, exact=True).wait_for(timeout=10_000)
    shoot(trainer.page, artifacts, "cluster-room-trainer-r1")
    shoot(phones[0].page, artifacts, "cluster-room-phone-r2")
    assert [t.replica() for t in (trainer, *phones)] == ["r1", "r2", "r2"]
    for tab in (trainer, *phones):
        assert_no_exception(tab.page)
        assert tab.csp_violations() == []


def settled_sessions(cluster: Cluster, wanted: dict[str, int], timeout: float = 5) -> dict[str, int]:
    """The connections HAProxy holds to each replica, once no image or download request is in flight with them."""
    deadline = time.monotonic() + timeout
    while (sessions := cluster.sessions()) != wanted and time.monotonic() < deadline:
        time.sleep(0.1)
    return sessions


# Stops a replica of this module's cluster: keep it the module's last test.
def test_when_a_replica_stops_its_sessions_elsewhere_go_on_and_new_visitors_reach_the_other(tabs, cluster, artifacts):
    staying, leaving = tabs("r1"), tabs("r2")
    staying.open("reversibility")
    leaving.open("")
    cluster.stop_replica("r2")
    cluster.wait_for_states({"r1": "UP", "r2": "DOWN"}, timeout=20)

    page = staying.page  # the session on r1 goes on, in the same tab
    page.get_by_label("Product name").click()
    page.keyboard.type("Radiesse")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_text("No: it cannot be dissolved").wait_for()
    assert_no_exception(page)
    assert staying.replica() == "r1"

    newcomer = tabs()
    newcomer.open("timeline?treatment=botox&date=2026-09-01")
    assert newcomer.page.locator("h1").first.inner_text() == "Recovery timeline"
    assert newcomer.replica() == "r1"

    leaving.open("")  # a browser pinned to the stopped replica gets a fresh session on the other one
    assert leaving.page.locator("h1").first.inner_text() == K.meta.title
    assert leaving.replica() == "r1"
    shoot(leaving.page, artifacts, "cluster-after-failover-1280")
