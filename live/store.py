"""What a live room store does, whichever store it is; its limits; and the errors a page turns into plain words.

A room holds: the trainer's secret (as a digest), the scenario ids in order, the position, a stage per scenario
(voting, spread shown, revealed), the voter ids that joined, and per scenario one vote per voter. Nothing else,
nothing about a person. Everything goes when the trainer ends the room or after `idle_seconds` without a join,
a vote or a trainer action (looking at a room is not activity).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class Stage(StrEnum):
    VOTING = "voting"
    SPREAD = "spread"
    REVEALED = "revealed"


@dataclass(frozen=True)
class Limits:
    max_rooms: int = 200
    max_participants: int = 300
    votes_per_second: int = 5
    idle_seconds: float = 3 * 3600
    max_scenarios: int = 200
    max_choice_length: int = 64

    @classmethod
    def from_env(cls) -> Limits:
        """`GUIDE_ROOM_IDLE_SECONDS` shortens or lengthens how long a quiet room is kept."""
        idle = os.environ.get("GUIDE_ROOM_IDLE_SECONDS")
        return cls(idle_seconds=float(idle)) if idle else cls()


@dataclass(frozen=True)
class RoomState:
    """A room as everyone sees it: which scenario, which stage, how many joined, and votes per choice."""

    code: str
    scenarios: tuple[str, ...]
    position: int
    stage: Stage
    participants: int
    counts: Mapping[str, int] = field(default_factory=dict)
    mine: str | None = None  # the asking voter's answer to the current scenario, if a voter asked

    @property
    def scenario(self) -> str:
        return self.scenarios[self.position]

    @property
    def answered(self) -> int:
        return sum(self.counts.values())


class RoomError(Exception):
    """Something a person can be told in plain words."""

    message = "The live room cannot do that right now."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)
        if message:
            self.message = message


class RoomNotFound(RoomError):
    message = "There is no live room with this code. It may have ended, or the code may be mistyped."


class TooManyRooms(RoomError):
    message = "Too many live rooms are open right now. Please try again in a while, or run the scenarios without one."


class RoomFull(RoomError):
    message = "This room is full. Ask the trainer to show the answers on the big screen."


class TooFast(RoomError):
    message = "That was a lot of taps at once. Wait a second, then tap your answer again."


class VotingClosed(RoomError):
    message = "Answers are closed for this scenario: the trainer has revealed the answer or moved on."


class NotJoined(RoomError):
    message = "This tab has not joined the room yet. Open the join link again."


class NotTrainer(RoomError):
    message = "Only the tab that started this room can change it."


class StoreUnavailable(RoomError):
    message = "The live room is unavailable right now. This page will try again by itself."


class RoomStore(Protocol):
    """The operations the pages use. Implementations: memory.MemoryStore and redis_store.RedisStore."""

    limits: Limits

    def create(self, scenarios: Sequence[str], position: int = 0) -> tuple[str, str]:
        """A new room: its code and the trainer's secret (kept by the store only as a digest)."""
        ...

    def state(self, code: str, voter: str | None = None) -> RoomState:
        """The room now; with `voter`, also that voter's answer to the current scenario (one call per poll)."""
        ...

    def join(self, code: str, voter: str) -> None: ...

    def vote(self, code: str, voter: str, scenario: str, choice: str) -> None:
        """One vote per voter and scenario; a new vote replaces the old one until the answer is revealed."""
        ...

    def vote_of(self, code: str, voter: str, scenario: str) -> str | None: ...

    def is_trainer(self, code: str, secret: str) -> bool: ...

    def move(self, code: str, secret: str, position: int) -> None: ...

    def set_stage(self, code: str, secret: str, stage: Stage) -> None: ...

    def end(self, code: str, secret: str) -> None: ...

    def ping(self) -> bool: ...


def check_scenarios(scenarios: Sequence[str], position: int, limits: Limits) -> tuple[str, ...]:
    ids = tuple(scenarios)
    if not ids or len(ids) > limits.max_scenarios or len(set(ids)) != len(ids):
        raise ValueError("a room needs between 1 and max_scenarios distinct scenario ids")
    if not 0 <= position < len(ids):
        raise ValueError("position out of range")
    return ids


def check_choice(choice: str, limits: Limits) -> None:
    if not isinstance(choice, str) or not choice or len(choice) > limits.max_choice_length:
        raise ValueError("a choice is a short id")
