"""Optional adjustments to how Streamlit 1.67 serves the app. The app is the same without them
(`streamlit run app.py` on a Streamlit that moved them); each one checks its target and warns instead of failing.

- nodelay: websocket frames go out at once (serve.py only: it must come before the server starts);
- offline: the server never asks an outside host for its public IP address;
- repo_info: a browser cannot read the repository name, branch and file names of a checkout;
- downloads: a made-on-demand PDF or calendar file leaves the server's memory within a minute;
- widget_values: a widget value no browser would send is dropped with one log line, not a traceback;
- wakeups: a page run's messages wake the server's event loop once per batch, not once per element.

serve.py applies them before the server starts; app.py applies all but the first on its first run, so a server
started the standard way (`streamlit run app.py`) has them from its first visitor on.
"""

from __future__ import annotations

from functools import cache


def apply_patches() -> None:
    """The replacements in Streamlit that may come before or after the server starts (not nodelay, which must
    come before, nor the download sweeper, which needs the running server). serve.py and app.py both call this."""
    from serving.offline import never_look_up_external_ip
    from serving.repo_info import hide_repository
    from serving.wakeups import one_wakeup_per_batch
    from serving.widget_values import refuse_unreadable_widget_values

    never_look_up_external_ip()
    hide_repository()
    refuse_unreadable_widget_values()
    one_wakeup_per_batch()


@cache
def apply_in_app() -> None:
    """The fixes that can still be applied once the server runs; called by app.py, once per process."""
    from serving.downloads import sweep_downloads

    apply_patches()
    sweep_downloads()
