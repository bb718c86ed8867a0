"""The emergency number where the reader is: which region a browser points to, and the content with every
{emergency_number} replaced by that region's number (or by meta.local_number when no region is chosen)."""

from __future__ import annotations

from typing import Any

from knowledge.schema import EMERGENCY_NUMBER, REGIONS, Knowledge, iter_words


def region_from_locale(k: Knowledge, locale: str | None) -> str | None:
    """The region a browser's locale names: by its country ('en-GB' -> 'UK', 'de-AT' -> 'EU'), else by a language
    that belongs to one region ('ko' -> 'KR'); None when it names neither (e.g. 'en')."""
    if not locale:
        return None
    parts = locale.replace("_", "-").split("-")
    language = parts[0].lower()
    country = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    for entry in k.emergency_numbers:
        if country is not None and country in entry.countries:
            return entry.region
    if country is None:
        return next((e.region for e in k.emergency_numbers if language in e.languages), None)
    return None


def known_region(k: Knowledge, region: str | None) -> str | None:
    """`region` if the guide covers it, else None."""
    return region if region in REGIONS and region in k.number_by_region else None


def number_words(k: Knowledge, region: str | None) -> str:
    """What {emergency_number} reads as: the region's number, or the content's words for 'your local number'."""
    chosen = known_region(k, region)
    return k.number_by_region[chosen].number if chosen else k.meta.local_number


def with_emergency_number(k: Knowledge, region: str | None) -> Knowledge:
    """The content with every {emergency_number} replaced, validated again as a whole."""
    words = number_words(k, region)
    raw: Any = k.model_dump(mode="python")
    for path, text in iter_words(k):
        if EMERGENCY_NUMBER in text:
            node = raw
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = text.replace(EMERGENCY_NUMBER, words)
    return Knowledge.model_validate(raw)
