"""Start the app: `streamlit run app.py`, with optional fixes to how Streamlit 1.67 serves it applied first:
websocket frames are sent at once, not held for the browser's ACK (serving/nodelay.py), and the server never
asks an outside host for its public IP address, not even in the start-up banner (serving/offline.py), nor tells
a browser about the git checkout it runs from (serving/repo_info.py), nor fails a page on a widget value no
browser would send (serving/widget_values.py), and a page run wakes the event loop once per batch of
elements, not once per element (serving/wakeups.py). The app is the same without them; `streamlit run app.py` gives
the same pages (app.py applies all but the first on its first run).

Usage: python serve.py [streamlit run options, e.g. --server.port 8501]
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.web import cli

from serving import apply_patches
from serving.nodelay import send_frames_without_delay

APP = Path(__file__).with_name("app.py")


def main(script: Path = APP, options: list[str] | None = None, *, without_delay: bool = True) -> int:
    """Serve `script`. The benchmarks serve their empty page through here too, so both run the same way,
    and pass `without_delay=False` to measure Streamlit's default sockets."""
    apply_patches()
    if without_delay:
        send_frames_without_delay()
    sys.argv = ["streamlit", "run", str(script), *(sys.argv[1:] if options is None else options)]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
