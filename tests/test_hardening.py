"""What an attack on a running server tried, refused: through a real server (serve.py on a free local port) and
the browser's own websocket protocol (bench/stclient.py speaks it)."""

from __future__ import annotations

import asyncio
import math
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from chromium import running_app
from stclient import StreamlitSession
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

LOADED = "Loaded the knowledge from"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def server():
    folder = Path(tempfile.mkdtemp(prefix="guide-hardening-"))
    with running_app(folder / "server.log", folder) as running:
        yield running


def port(server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def run(coroutine):
    # In a thread of its own: earlier tests (Playwright's sync API) may leave an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=120)


def test_a_visitor_cannot_empty_the_shared_caches(server):
    async def attack() -> None:
        attacker = StreamlitSession(port(server))
        await attacker.open()
        assert (await attacker.run("timeline", "treatment=botox")).ok
        clear = BackMsg()
        clear.clear_cache = True
        for _ in range(20):
            await attacker.ws.send(clear.SerializeToString())
        assert (await attacker.run("timeline", "treatment=botox")).ok
        await attacker.close()
        someone = StreamlitSession(port(server))
        await someone.open()
        assert (await someone.run("timeline", "treatment=filler_ha")).ok
        await someone.close()

    run(attack())
    assert server.log.read_text().count(LOADED) == 1, "the knowledge was loaded again after clear_cache"


async def repository_details_sent(port_number: int) -> list[str]:
    """Ask as any client can (`load_git_info`) before running a page; return the file names the answer lists."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    client = StreamlitSession(port_number)
    await client.open()
    ask = BackMsg()
    ask.load_git_info = True
    await client.ws.send(ask.SerializeToString())
    seen: list[str] = []
    try:
        while True:
            message = ForwardMsg()
            message.ParseFromString(await asyncio.wait_for(client.ws.recv(), 3))
            if message.WhichOneof("type") == "git_info_changed":
                info = message.git_info_changed
                seen = [info.repository, info.branch, *info.untracked_files, *info.uncommitted_files]
                break
    except TimeoutError:
        pass
    await client.close()
    return seen


APP_PARTS = [".streamlit", "app.py", "serve.py", "knowledge", "live", "pages", "serving", "ui"]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A copy of the app in a git checkout that tracks a GitHub remote, with an untracked file: what Streamlit's
    git lookup reports on (it stays silent without a GitHub remote)."""
    root = tmp_path_factory.mktemp("checkout")
    for part in APP_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / part)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "app")
    git("remote", "add", "origin", "https://github.com/example-clinic/injectables-guide.git")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    git("branch", "-q", "--set-upstream-to=origin/main", "main")
    (root / "private-notes.txt").write_text("not for visitors\n")
    return root


@pytest.mark.parametrize("standard", [False, True], ids=["serve.py", "streamlit run"])
def test_a_visitor_cannot_read_the_repository_details(checkout, standard):
    """Served from that checkout either way, a `load_git_info` before or after a page run gets no answer."""
    folder = Path(tempfile.mkdtemp(prefix="guide-gitinfo-"))
    with running_app(folder / "server.log", folder, standard=standard, root=checkout) as served:
        if standard:  # app.py applies the fix on its first run
            run(first_run(port(served)))
        assert run(repository_details_sent(port(served))) == []


async def first_run(port_number: int) -> None:
    client = StreamlitSession(port_number)
    await client.open()
    assert (await client.run("", "")).ok
    await client.close()


def test_without_the_fix_streamlit_tells_any_visitor_about_the_checkout(checkout):
    """`streamlit run app.py` before any page ran: the answer names the repository and the untracked file. This
    keeps the test above able to fail."""
    folder = Path(tempfile.mkdtemp(prefix="guide-gitinfo-"))
    with running_app(folder / "server.log", folder, standard=True, root=checkout) as plain:
        seen = run(repository_details_sent(port(plain)))
    assert "example-clinic/injectables-guide" in seen
    assert "private-notes.txt" in seen


async def summary_after_reconnect(port_number: int, wait: float) -> list[str]:
    """Explore a product, drop the connection, reconnect `wait` seconds later as the frontend does (naming the
    old session), and return what the summary page offers to include."""
    tab = StreamlitSession(port_number)
    await tab.open()
    assert (await tab.run("reversibility", "product=radiesse")).ok
    await tab.close()
    await asyncio.sleep(wait)
    again = StreamlitSession(port_number)
    await again.open(resume=tab.session_id)
    assert (await again.run("summary", "")).ok
    await again.close()
    return list(again.checkboxes)


def test_a_closed_tab_can_be_taken_back_only_for_the_configured_time():
    """With the time set to 2 s: a reconnect after 0.5 s finds what was explored; after 4 s it is gone."""
    folder = Path(tempfile.mkdtemp(prefix="guide-ttl-"))
    with running_app(folder / "server.log", folder, env={"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "2"}) as short:
        assert "The product and whether it can be dissolved" in run(summary_after_reconnect(port(short), 0.5))
        assert run(summary_after_reconnect(port(short), 4)) == []


def test_the_time_a_closed_tab_is_kept_is_the_one_the_readme_and_the_summary_page_state(open_page):
    import tomllib

    seconds = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["disconnectedSessionTTL"]
    assert 0 < seconds <= 60
    assert f"for {seconds} seconds" in (ROOT / "README.md").read_text()
    summary = open_page("pages/summary.py")
    assert any(f"keeps what you entered for {seconds} seconds" in m.value for m in summary.markdown)


def crafted(widget_id: str) -> list[WidgetState]:
    """Values a browser never sends: wrong fields, out-of-range indexes, NaN and infinity, huge strings."""
    wrong: list[tuple[str, object]] = [
        ("int_value", 10_000), ("int_value", -1), ("double_value", math.nan), ("double_value", math.inf),
        ("double_value", -1e308), ("string_value", "z" * 5000), ("string_array_value", ["not-a-date"]),
        ("string_array_value", ["9999-12-31", "0001-01-01", "x"]), ("int_array_value", [99, -5]),
        ("double_array_value", [math.nan]), ("bool_value", True),
    ]  # fmt: skip
    states = []
    for field, value in wrong:
        state = WidgetState(id=widget_id)
        if field.endswith("array_value"):
            getattr(state, field).data.extend(value)
        else:
            setattr(state, field, value)
        states.append(state)
    return states


# Every page in a state that shows its widgets (the view switch is in every page's sidebar).
CRAFT_PAGES = {
    "": "", "self-check": "", "reversibility": "product=radiesse", "timeline": "treatment=botox&date=2026-03-01",
    "checklist": "", "scenarios": "mode=workshop", "summary": "", "sources": "", "join": "",
}  # fmt: skip


def test_crafted_widget_values_are_refused_without_a_traceback(server):
    """For each kind of widget on each page, each crafted value: the run finishes without an error on screen,
    and the server log holds no traceback, only one-line refusals. Before the fix the same values logged 180
    tracebacks and left sessions that failed on every later run."""
    tried: dict[str, int] = {}

    async def attack() -> None:
        for page, query in CRAFT_PAGES.items():
            tab = StreamlitSession(port(server))
            await tab.open()
            assert (await tab.run(page, query)).ok
            for kind, ids in dict(tab.widgets).items():
                for state in crafted(ids[0]):
                    tab.widget_states = {ids[0]: state}
                    result = await tab.run(None, None)
                    assert result.ok, (page, kind, state.WhichOneof("value"), result.errors)
                    tried[kind] = tried.get(kind, 0) + 1
            await tab.close()

    run(attack())
    log = server.log.read_text()
    assert "Traceback" not in log
    assert "A widget value from a browser was refused" in log
    assert {"selectbox", "radio", "number_input", "date_input", "text_input", "checkbox"} <= set(tried)


def peak_kib(pid: int) -> int:
    """The process's peak resident memory (VmHWM), in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))


async def send_frame(port_number: int, size: int) -> int | None:
    """Send one websocket frame of `size` bytes as a browser connection; the close code the server answers with."""
    from websockets.exceptions import ConnectionClosed

    tab = StreamlitSession(port_number)
    await tab.open()
    try:
        await tab.ws.send(bytes(size))
        await asyncio.wait_for(tab.ws.recv(), 10)
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None
    finally:
        await tab.close()
    return None


def test_an_oversized_frame_is_refused_without_being_kept(server):
    """A 3 MB frame (the app's largest message is 18.6 KB) closes the connection with 1009 'too big', the
    server's peak memory does not grow by the frame's size, and the next visitor is served as before."""
    peak_before = peak_kib(server.pid)
    codes = [run(send_frame(port(server), 3_000_000)) for _ in range(4)]
    assert codes == [1009] * 4
    assert peak_kib(server.pid) - peak_before < 3_000, "the server kept a refused frame in memory"
    assert run(summary_after_reconnect(port(server), 0)) != []
