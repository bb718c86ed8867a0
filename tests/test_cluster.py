"""The guide behind HAProxy, over plain HTTP and the websocket: real haproxy, real redis-server and two real replicas,
started on free local ports by deploy/cluster.py (as `make cluster` does) and stopped by their own pids.

Where haproxy is missing these tests skip with the reason, unless REQUIRE_HAPROXY is set (as CI does)."""

from __future__ import annotations

import asyncio
import base64
import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from services import cluster_or_skip, free_port, haproxy_or_skip

from deploy.cluster import COOKIE_NAME, Cluster, Settings, check_config, render_config, start_proxy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from stclient import StreamlitSession

ROOT = Path(__file__).resolve().parents[1]
MANIFESTS = ROOT / "deploy" / "kubernetes"
KUBERNETES_VERSION = "1.30.0"  # the oldest Kubernetes release still commonly run; the schemas are strict
CONN_PER_CLIENT = 40  # low for this module only, to see the limit work; the default is 1000
EDGE_REFUSAL = "Refused by the proxy"  # HAProxy's own refusal; a replica refusing says nothing of the kind


@pytest.fixture(scope="module")
def cluster():
    running = cluster_or_skip(Path(tempfile.mkdtemp(prefix="guide-cluster-")), conn_per_client=CONN_PER_CLIENT)
    yield running
    running.stop()


def fetch(url: str, headers: dict[str, str] | None = None, context: ssl.SSLContext | None = None):
    """(status, headers, body) of a GET, errors included; never through an outside proxy."""
    handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler({})]
    if context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=context))
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def upgrade(port: int, host: str, origin: str | None, cookie: str | None = None) -> tuple[int, str]:
    """A browser's websocket handshake for /_stcore/stream, sent as raw HTTP so Host and Origin are exactly ours.
    Returns the status and the body of a refusal."""
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET /_stcore/stream HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13", "Sec-WebSocket-Protocol: streamlit",
        *([f"Origin: {origin}"] if origin else []), *([f"Cookie: {cookie}"] if cookie else []),
    ]  # fmt: skip
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        answer = conn.recv(4096).decode(errors="replace")
    head, _, body = answer.partition("\r\n\r\n")
    return int(head.split()[1]), body


def run(coroutine):
    # In a thread of its own: an earlier test (Playwright's sync API) may have left an event loop in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=120)


def test_health_answers_through_the_proxy_and_both_replicas_are_up(cluster: Cluster):
    status, _, body = fetch(f"{cluster.url}/_stcore/health")
    assert (status, body) == (200, "ok")
    assert cluster.server_states() == {"r1": "UP", "r2": "UP"}


def test_the_first_answer_pins_the_browser_to_a_replica_with_a_cookie(cluster: Cluster):
    _, headers, _ = fetch(f"{cluster.url}/")
    sticky = [c for c in headers.get_all("Set-Cookie") or [] if c.startswith(f"{COOKIE_NAME}=")]
    assert len(sticky) == 1, headers
    value = sticky[0].split(";")[0].split("=", 1)[1]
    assert value in ("r1", "r2")
    assert "HttpOnly" in sticky[0] and "SameSite=Lax" in sticky[0]
    _, again, _ = fetch(f"{cluster.url}/", {"Cookie": f"{COOKIE_NAME}={value}"})
    assert not [c for c in again.get_all("Set-Cookie") or [] if c.startswith(COOKIE_NAME)], "a pinned browser stays"


@pytest.mark.parametrize("replica", ["r1", "r2"])
def test_websockets_land_on_the_replica_their_cookie_names(cluster: Cluster, replica: str):
    """Whole sessions, websockets included, run on the pinned replica: HAProxy counts all of them there (unpinned,
    it would spread three tabs over both replicas, the one with the fewest connections first)."""

    async def tabs_on_replica() -> tuple[list[str | None], dict[str, int]]:
        tabs = [StreamlitSession(cluster.settings.port, cookies={COOKIE_NAME: replica}) for _ in range(3)]
        try:
            for tab in tabs:
                await tab.open()
            headings = [(await tab.run("reversibility", "product=radiesse")).h1 for tab in tabs]
            return headings, cluster.sessions()
        finally:
            await asyncio.gather(*(tab.close() for tab in tabs))

    headings, sessions = run(tabs_on_replica())
    assert headings == ["Can it be reversed?"] * 3
    other = "r2" if replica == "r1" else "r1"
    assert sessions[replica] == 3 and sessions[other] == 0, sessions


def test_a_websocket_from_another_site_is_refused_at_the_edge(cluster: Cluster):
    host = f"127.0.0.1:{cluster.settings.port}"
    for origin in ("http://evil.example", f"https://{host}", f"http://{host}.evil.example", None):
        status, body = upgrade(cluster.settings.port, host, origin)
        assert status == 403 and EDGE_REFUSAL in body, (origin, status, body)


def test_a_websocket_from_the_guide_s_own_pages_is_accepted(cluster: Cluster):
    for host in cluster.settings.allowed_hosts:
        status, _ = upgrade(cluster.settings.port, host, f"http://{host}")
        assert status == 101, host

    async def first_load() -> str | None:
        tab = StreamlitSession(cluster.settings.port)  # Origin http://127.0.0.1:PORT, like the browser
        await tab.open()
        try:
            return (await tab.run("", "")).h1
        finally:
            await tab.close()

    assert run(first_load()) == "Injectables reversal guide"


def test_a_foreign_host_is_refused_at_the_edge(cluster: Cluster):
    for host in ("evil.example", f"evil.example:{cluster.settings.port}", "127.0.0.1", f"localhost:{free_port()}"):
        status, _, body = fetch(f"{cluster.url}/", {"Host": host})
        assert status == 403 and EDGE_REFUSAL in body, host
    status, body = upgrade(cluster.settings.port, "evil.example", "http://evil.example")
    assert status == 403 and EDGE_REFUSAL in body
    assert fetch(f"http://localhost:{cluster.settings.port}/_stcore/health")[0] == 200


def test_the_metrics_and_the_agent_api_are_not_reachable_through_the_proxy(cluster: Cluster):
    replica = cluster.replicas[0].port
    assert "session_events" in fetch(f"http://127.0.0.1:{replica}/_stcore/metrics")[2], "the replica serves them"
    variants = ["/_stcore/metrics", "/_stcore/metrics/", "//_stcore/metrics", "/%5Fstcore/metrics", "/_STCORE/Metrics",
                "/_stcore//metrics", "/_stcore/agent/openapi.json", "/_stcore/agent/interact"]  # fmt: skip
    for path in variants:
        status, _, body = fetch(f"{cluster.url}{path}")
        assert status == 404 and "session_events" not in body and "openapi" not in body, path


def test_security_headers_on_pages_and_on_the_proxy_s_own_refusals(cluster: Cluster):
    for url, headers in ((f"{cluster.url}/", {}), (f"{cluster.url}/_stcore/health", {}),
                         (f"{cluster.url}/", {"Host": "evil.example"})):  # fmt: skip
        _, answer, _ = fetch(url, headers)
        policy = directives(answer["Content-Security-Policy"] or "")
        assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"], url
        scripts = policy["script-src"]
        assert scripts[0] == "'self'" and all(s.startswith(("'sha256-", "'wasm-unsafe-eval'")) for s in scripts[1:])
        assert answer["X-Content-Type-Options"] == "nosniff"
        assert answer["Referrer-Policy"] == "no-referrer"
        assert answer["X-Frame-Options"] == "DENY"
        assert answer["Strict-Transport-Security"] is None, "no HSTS over plain HTTP"
        assert answer["Server"] is None


def directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as {directive: its sources}."""
    return {name: sources for name, *sources in (part.split() for part in policy.split(";") if part.strip())}


def test_one_client_address_may_hold_only_the_configured_number_of_connections(cluster: Cluster):
    held = [socket.create_connection(("127.0.0.1", cluster.settings.port)) for _ in range(CONN_PER_CLIENT - 1)]
    try:
        assert _wait_for(lambda: cluster.client_connections() >= CONN_PER_CLIENT - 1)  # accepted and counted
        assert fetch(f"{cluster.url}/_stcore/health")[0] == 200, "the last connection allowed"
        held.append(socket.create_connection(("127.0.0.1", cluster.settings.port)))
        assert _wait_for(lambda: cluster.client_connections() >= CONN_PER_CLIENT)
        status, _, body = fetch(f"{cluster.url}/_stcore/health")
        assert status == 429 and "Too many connections" in body
    finally:
        for conn in held:
            conn.close()
    assert _eventually_ok(f"{cluster.url}/_stcore/health")


def _eventually_ok(url: str) -> bool:
    """The proxy counts a closed connection out as soon as it sees the close."""
    return _wait_for(lambda: fetch(url)[0] == 200)


def _wait_for(condition, timeout: float = 5) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> Path:
    """A self-signed certificate for 127.0.0.1 (certificate and key in one PEM, as HAProxy reads it)."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)], capture_output=True,
    )  # fmt: skip
    if made.returncode != 0:
        pytest.fail(f"openssl could not make a test certificate: {made.stderr.decode()}")
    pem = folder / "guide.pem"
    pem.write_text(cert.read_text() + key.read_text())
    return pem


def test_with_tls_the_proxy_sends_hsts_and_a_secure_sticky_cookie(cluster: Cluster, certificate: Path, tmp_path):
    """A second HAProxy, with the TLS switch on, in front of the same replicas."""
    settings = Settings(port=free_port(), tls_cert=certificate)
    proxy = start_proxy(settings, tmp_path, [p.port for p in cluster.replicas if p.port])
    try:
        unverified = ssl.create_default_context()
        unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE  # our own throwaway certificate
        status, headers, _ = fetch(f"{settings.url}/", context=unverified)
    finally:
        proxy.stop()
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    sticky = next(c for c in headers.get_all("Set-Cookie") if c.startswith(COOKIE_NAME))
    assert "; Secure" in sticky
    assert settings.allowed_origins[0] == f"https://127.0.0.1:{settings.port}"


@pytest.mark.parametrize("tls", [False, True], ids=["http", "tls"])
def test_the_haproxy_configuration_passes_haproxy_s_own_check(tls: bool, certificate: Path, tmp_path):
    haproxy_or_skip()
    settings = Settings(replicas=3, port=8500, tls_cert=certificate if tls else None,
                        hosts=("guide.example.org",))  # fmt: skip
    config = tmp_path / "haproxy.cfg"
    config.write_text(render_config(settings, [8501, 8502, 8503], tmp_path / "haproxy.sock"))
    checked = check_config(config)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    text = config.read_text()
    assert re.search(r"^\s+server r3 127\.0\.0\.1:8503 cookie r3$", text, re.M)
    assert "-m str https://guide.example.org" in text if tls else "-m str http://guide.example.org" in text


# ---------------------------------------------------------------------------------------------- Kubernetes


def manifests() -> list[dict]:
    return [doc for path in sorted(MANIFESTS.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc]


def test_the_kubernetes_manifests_validate_against_the_api_schemas():
    from kubernetes_validate.utils import validate

    docs = manifests()
    assert {d["kind"] for d in docs} >= {"Deployment", "Service", "Ingress", "ConfigMap", "NetworkPolicy"}
    for doc in docs:
        validate(doc, KUBERNETES_VERSION, strict=True)  # raises on any unknown or mistyped field


def by_kind_and_name(kind: str, name: str) -> dict:
    return next(d for d in manifests() if d["kind"] == kind and d["metadata"]["name"] == name)


def test_the_deployment_probes_health_runs_as_the_image_s_user_and_shares_rooms_through_redis():
    pod = by_kind_and_name("Deployment", "guide")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    port = int(re.search(r"^EXPOSE (\d+)$", dockerfile, re.M).group(1))
    assert f'"--server.port", "{port}"' in dockerfile and '"serve.py"' in dockerfile
    assert container["ports"] == [{"name": "http", "containerPort": port}]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}, probe
    user = int(re.search(r"^USER (\d+)$", dockerfile, re.M).group(1))
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] == user != 0
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["resources"]["requests"] and container["resources"]["limits"]
    env = {e["name"]: e for e in container["env"]}
    redis = by_kind_and_name("Service", "guide-redis")["spec"]["ports"][0]["port"]
    assert env["GUIDE_REDIS_URL"]["value"].endswith(f"@guide-redis:{redis}/0")
    assert env["STREAMLIT_SERVER_COOKIE_SECRET"]["valueFrom"]["secretKeyRef"]["key"] == "cookie-secret"


def test_the_image_holds_every_part_the_app_reads_and_the_korean_font():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for folder in ("knowledge", "ui", "live", "serving", "pages", "static", ".streamlit"):
        assert f"COPY {folder} {folder}" in dockerfile, folder
    assert "fonts-nanum" in dockerfile  # the summary PDF in Korean embeds Nanum Gothic


def test_the_ingress_pins_browsers_with_a_cookie_and_keeps_websockets_open():
    notes = by_kind_and_name("Ingress", "guide")["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "session-cookie-name"] == COOKIE_NAME
    assert int(notes[prefix + "proxy-read-timeout"]) >= 3 * 3600, "rooms stay open for hours"
    internal = by_kind_and_name("Ingress", "guide-internal")
    paths = {p["path"] for rule in internal["spec"]["rules"] for p in rule["http"]["paths"]}
    assert paths == {"/_stcore/metrics", "/_stcore/agent"}
    assert internal["metadata"]["annotations"][prefix + "whitelist-source-range"] == "127.0.0.1/32"


def test_the_ingress_sends_the_same_security_headers_as_haproxy():
    from deploy.cluster import TEMPLATE, content_security_policy

    headers = by_kind_and_name("ConfigMap", "guide-security-headers")["data"]
    assert headers["Content-Security-Policy"] == content_security_policy()
    template = TEMPLATE.read_text()
    for name, value in headers.items():
        if name != "Content-Security-Policy":
            assert re.search(rf'set-header {re.escape(name)} "?{re.escape(value)}"?$', template, re.M), name
