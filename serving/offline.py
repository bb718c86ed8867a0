"""Keep the server from looking up its own public IP address on an outside host.

Streamlit 1.67 asks checkip.amazonaws.com for this machine's public address (a blocking HTTP request, up to
1 s for http and 1 s more for https) in two places:
- the origin check of a websocket whose `Origin` is not the page's own host: any visitor can send such an
  attempt, and while the lookup waits the whole server waits (it runs on the event loop); a failed lookup is
  not remembered, so every attempt waits again;
- the start-up banner when the server listens on every address (`--server.address 0.0.0.0`), as replicas do.

The app never needs the public address: a browser that opened the page sends its own host as the Origin, which
Streamlit accepts before it gets to the lookup. With this fix the lookup answers "unknown" at once, so a foreign
Origin is refused without any outbound request and the banner leaves out the "External URL" line.

Streamlit also reads the machine's network address once by "connecting" a UDP socket to 8.8.8.8: a UDP connect
only picks a route and sends nothing, so it is left alone (it gives the banner's "Network URL").
"""

from __future__ import annotations

from collections.abc import Callable

from serving.patching import replace


def _unknown(lookup: Callable[[], str | None]) -> Callable[[], str | None]:
    def get_external_ip() -> str | None:
        """'Unknown', without asking anyone (stands in for streamlit.net_util.get_external_ip)."""
        return None

    return get_external_ip


def never_look_up_external_ip() -> bool:
    """Replace Streamlit's public-IP lookup with an 'unknown' answer. Safe to call more than once.

    Returns whether the fix is in place. When Streamlit moved or changed the function, it warns and leaves
    Streamlit as it is: the app works the same, only a foreign Origin may make the server wait on the lookup."""
    return replace("streamlit.net_util", "get_external_ip", _unknown, parameters=[], what="External IP fix")
