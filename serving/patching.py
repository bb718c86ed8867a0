"""The one way the fixes in serving/ replace something in Streamlit: check the target, warn when it moved."""

from __future__ import annotations

import importlib
import inspect
import warnings
from collections.abc import Callable
from typing import Any

import streamlit

# Written for these Streamlit versions (requirements.in pins the minor version).
WRITTEN_FOR = "1.67."
_MARK = "_guide_replacement"


def replace(module_name: str, attribute: str, make: Callable[[Any], Any], *, parameters: list[str], what: str) -> bool:
    """Set `module.attribute` (or `module.Class.method`) to `make(original)` once, if the original still takes
    `parameters`.

    Returns whether the replacement is in place. A missing target or a changed signature warns and leaves
    Streamlit alone, so the app runs as Streamlit ships it; another Streamlit version warns but applies."""
    try:
        owner: Any = importlib.import_module(module_name)
        *path, attribute = attribute.split(".")
        for name in path:
            owner = getattr(owner, name)
        original = getattr(owner, attribute)
        if getattr(original, _MARK, False):
            return True
        found = list(inspect.signature(original).parameters)
    except (ImportError, AttributeError, TypeError, ValueError) as error:
        warnings.warn(f"{what}: not applied, {module_name}.{attribute} moved ({error})", stacklevel=3)
        return False
    if found != parameters:
        warnings.warn(f"{what}: not applied, {module_name}.{attribute} now takes {found}", stacklevel=3)
        return False
    if not streamlit.__version__.startswith(WRITTEN_FOR):
        warnings.warn(f"{what}: written for Streamlit {WRITTEN_FOR}x, applied to {streamlit.__version__}", stacklevel=3)
    replacement = make(original)
    setattr(replacement, _MARK, True)
    setattr(owner, attribute, replacement)
    return True
