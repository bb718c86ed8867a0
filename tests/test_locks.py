"""Reproducible installs: the runtime and dev locks pin every package with hashes, and agree with each other."""

from __future__ import annotations

import re
from pathlib import Path

from serving.patching import WRITTEN_FOR

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", re.M)


def pins(name: str) -> dict[str, str]:
    return {p.lower().replace("_", "-"): v for p, v in PIN.findall((ROOT / name).read_text())}


def wanted(name: str) -> set[str]:
    lines = (ROOT / name).read_text().splitlines()
    return {re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0].lower() for line in lines if line and line[0].isalnum()}


def test_every_requirement_is_pinned_with_hashes():
    for lock, source in (("requirements.txt", "requirements.in"), ("requirements-dev.txt", "requirements-dev.in")):
        text = (ROOT / lock).read_text()
        blocks = [b for b in re.split(r"\n(?=[A-Za-z0-9])", text) if PIN.match(b)]
        assert blocks and all("--hash=sha256:" in b for b in blocks), lock
        assert wanted(source) <= set(pins(lock)), f"{source} lists a package {lock} does not pin"
        assert "file://" not in text and "/opt/" not in text, f"{lock} names this machine's package folders"


def test_the_dev_lock_installs_the_same_runtime_versions():
    runtime, dev = pins("requirements.txt"), pins("requirements-dev.txt")
    assert {p: dev.get(p) for p in runtime} == runtime


def test_streamlit_is_locked_to_the_minor_version_the_server_fix_was_written_for():
    assert pins("requirements.txt")["streamlit"].startswith(WRITTEN_FOR)
    assert "streamlit>=1.67,<1.68" in (ROOT / "requirements.in").read_text()
