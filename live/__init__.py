"""Live workshop rooms: participants answer each scenario on their phones; the trainer shows the spread, then
reveals. The room store is in memory by default, or Redis when `GUIDE_REDIS_URL` is set (several replicas)."""

from __future__ import annotations

import os

from live.memory import MemoryStore
from live.store import (
    Limits,
    NotJoined,
    NotTrainer,
    RoomError,
    RoomFull,
    RoomNotFound,
    RoomState,
    RoomStore,
    Stage,
    StoreUnavailable,
    TooFast,
    TooManyRooms,
    VotingClosed,
)

REDIS_URL_ENV = "GUIDE_REDIS_URL"


def open_store(limits: Limits | None = None) -> RoomStore:
    """Redis when `GUIDE_REDIS_URL` is set, else a store in this process."""
    limits = limits or Limits.from_env()
    url = os.environ.get(REDIS_URL_ENV)
    if url:
        from live.redis_store import RedisStore

        return RedisStore.from_url(url, limits)
    return MemoryStore(limits)


__all__ = [
    "REDIS_URL_ENV",
    "Limits",
    "MemoryStore",
    "NotJoined",
    "NotTrainer",
    "RoomError",
    "RoomFull",
    "RoomNotFound",
    "RoomState",
    "RoomStore",
    "Stage",
    "StoreUnavailable",
    "TooFast",
    "TooManyRooms",
    "VotingClosed",
    "open_store",
]
