"""Room codes, trainer secrets and voter ids.

A room code is 6 characters from an alphabet without look-alikes: no 0/O/Q, 1/I/L, 2/Z, 5/S, and no B, E, G
or V, which look like digits or sound like other letters when read aloud. 22 characters give 22**6, about 113
million codes, drawn with `secrets`, so a code is easy to read out and hard to guess.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ALPHABET = "346789ACDFHJKMNPRTUWXY"
LENGTH = 6
_SEPARATORS = re.compile(r"[\s\-_.·]+")
_CODE = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")
_VOTER = re.compile(r"[A-Za-z0-9_-]{16,64}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{32,64}")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normal_code(raw: object) -> str | None:
    """The code as typed or linked ("k7p 4mx", "K7P-4MX"), or None if it cannot be a room code."""
    if not isinstance(raw, str) or len(raw) > 20:
        return None
    code = _SEPARATORS.sub("", raw).upper()
    return code if _CODE.fullmatch(code) else None


def spaced(code: str) -> str:
    """How the code is shown: two groups of three, easier to read aloud and type."""
    return f"{code[:3]} {code[3:]}"


def spelled(code: str) -> str:
    """The code spelled out for reading aloud, e.g. "K, 7, P ... 4, M, X"."""
    return ", ".join(code[:3]) + " … " + ", ".join(code[3:])


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def new_voter() -> str:
    """A random id for one browser tab; nothing about the person."""
    return secrets.token_urlsafe(16)


def is_voter(value: object) -> bool:
    return isinstance(value, str) and _VOTER.fullmatch(value) is not None


def is_secret(value: object) -> bool:
    return isinstance(value, str) and _SECRET.fullmatch(value) is not None


def digest(secret: str) -> str:
    """What the store keeps instead of the trainer's secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def same_secret(secret: str, kept_digest: str) -> bool:
    return hmac.compare_digest(digest(secret), kept_digest)
