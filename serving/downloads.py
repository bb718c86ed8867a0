"""Remove made-on-demand downloads from the server's memory soon after they are made.

A download button whose file is made on the click (the "For my clinic" PDF and calendar file) leaves that file
in Streamlit's in-memory media store under a `/media/...` address. Streamlit 1.67 deletes such a file only on
the second clean-up after no tab uses it, and clean-ups run only at the end of somebody's page run: on a quiet
server the file stayed readable by anyone holding its address long after its tab was closed.

This sweeper runs the same clean-up on a timer, so a made file is gone between one and two periods after it was
made (30 s by default, `GUIDE_DOWNLOAD_SWEEP_SECONDS`), whatever else the server is doing. The browser fetches
the file the moment it is made, so a period of even a few seconds leaves it plenty of time.
"""

from __future__ import annotations

import os
import threading
import time
import warnings

from serving.patching import WRITTEN_FOR

DEFAULT_SECONDS = 30.0
_started: threading.Event = threading.Event()
_lock = threading.Lock()


def sweep_seconds() -> float:
    """The period from GUIDE_DOWNLOAD_SWEEP_SECONDS; a value that is not a positive number falls back to 30."""
    try:
        seconds = float(os.environ.get("GUIDE_DOWNLOAD_SWEEP_SECONDS", DEFAULT_SECONDS))
    except ValueError:
        return DEFAULT_SECONDS
    return seconds if 0 < seconds < float("inf") else DEFAULT_SECONDS


def _sweep_forever(clean_up, period: float) -> None:
    while True:
        time.sleep(period)
        try:
            clean_up()
        except Exception as error:  # a failed sweep must not end the sweeper; the next one retries
            warnings.warn(f"Download sweep failed: {error}", stacklevel=1)


def sweep_downloads() -> bool:
    """Start the sweeper once per server process (call it from a page run: it needs Streamlit's runtime).

    Returns whether it runs. Without a runtime or when Streamlit moved its media store it warns and does
    nothing: the app works the same, only a made file stays until Streamlit's own clean-up."""
    with _lock:
        if _started.is_set():
            return True
        try:
            from streamlit import runtime

            clean_up = runtime.get_instance().media_file_mgr.remove_orphaned_files
        except (ImportError, AttributeError, RuntimeError) as error:
            warnings.warn(f"Download sweep not started: Streamlit's media store moved ({error})", stacklevel=2)
            return False
        import streamlit

        if not streamlit.__version__.startswith(WRITTEN_FOR):
            warnings.warn(f"Download sweep written for Streamlit {WRITTEN_FOR}x", stacklevel=2)
        threading.Thread(
            target=_sweep_forever, args=(clean_up, sweep_seconds()), name="download-sweep", daemon=True
        ).start()
        _started.set()
        return True
