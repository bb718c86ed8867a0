"""The default room store: in this process, thread-safe, bounded by `Limits`."""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from live import codes
from live.store import (
    Limits,
    NotJoined,
    NotTrainer,
    RoomFull,
    RoomNotFound,
    RoomState,
    Stage,
    TooFast,
    TooManyRooms,
    VotingClosed,
    check_choice,
    check_scenarios,
)


@dataclass
class _Room:
    secret_digest: str
    scenarios: tuple[str, ...]
    position: int
    expires: float
    stages: dict[str, Stage] = field(default_factory=dict)
    voters: set[str] = field(default_factory=set)
    votes: dict[str, dict[str, str]] = field(default_factory=dict)
    recent: dict[str, deque[float]] = field(default_factory=dict)


class MemoryStore:
    def __init__(self, limits: Limits | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits or Limits()
        self._clock = clock
        self._rooms: dict[str, _Room] = {}
        self._lock = threading.Lock()
        self._purged = -1.0

    # -- helpers, called with the lock held
    def _purge(self, now: float) -> None:
        for code in [c for c, room in self._rooms.items() if room.expires <= now]:
            del self._rooms[code]

    def _room(self, code: str, now: float) -> _Room:
        if now - self._purged >= 1.0:  # quiet rooms leave memory within a second of expiring
            self._purge(now)
            self._purged = now
        room = self._rooms.get(code)
        if room is None or room.expires <= now:
            self._rooms.pop(code, None)
            raise RoomNotFound
        return room

    def _touch(self, room: _Room, now: float) -> None:
        room.expires = now + self.limits.idle_seconds

    def _trainer_room(self, code: str, secret: str, now: float) -> _Room:
        room = self._room(code, now)
        if not codes.same_secret(secret, room.secret_digest):
            raise NotTrainer
        return room

    # -- the interface
    def create(self, scenarios: Sequence[str], position: int = 0) -> tuple[str, str]:
        ids = check_scenarios(scenarios, position, self.limits)
        secret = codes.new_secret()
        with self._lock:
            now = self._clock()
            self._purge(now)
            if len(self._rooms) >= self.limits.max_rooms:
                raise TooManyRooms
            code = codes.new_code()
            while code in self._rooms:
                code = codes.new_code()
            self._rooms[code] = _Room(codes.digest(secret), ids, position, now + self.limits.idle_seconds)
        return code, secret

    def state(self, code: str, voter: str | None = None) -> RoomState:
        with self._lock:
            room = self._room(code, self._clock())
            scenario = room.scenarios[room.position]
            return RoomState(
                code=code,
                scenarios=room.scenarios,
                position=room.position,
                stage=room.stages.get(scenario, Stage.VOTING),
                participants=len(room.voters),
                counts=dict(Counter(room.votes.get(scenario, {}).values())),
                mine=room.votes.get(scenario, {}).get(voter) if voter else None,
            )

    def join(self, code: str, voter: str) -> None:
        with self._lock:
            now = self._clock()
            room = self._room(code, now)
            if voter not in room.voters:
                if len(room.voters) >= self.limits.max_participants:
                    raise RoomFull
                room.voters.add(voter)
            self._touch(room, now)

    def vote(self, code: str, voter: str, scenario: str, choice: str) -> None:
        check_choice(choice, self.limits)
        with self._lock:
            now = self._clock()
            room = self._room(code, now)
            if voter not in room.voters:
                raise NotJoined
            if room.scenarios[room.position] != scenario or room.stages.get(scenario) == Stage.REVEALED:
                raise VotingClosed
            recent = room.recent.setdefault(voter, deque())
            while recent and recent[0] <= now - 1.0:
                recent.popleft()
            if len(recent) >= self.limits.votes_per_second:
                raise TooFast
            recent.append(now)
            room.votes.setdefault(scenario, {})[voter] = choice
            self._touch(room, now)

    def vote_of(self, code: str, voter: str, scenario: str) -> str | None:
        with self._lock:
            return self._room(code, self._clock()).votes.get(scenario, {}).get(voter)

    def is_trainer(self, code: str, secret: str) -> bool:
        with self._lock:
            return codes.same_secret(secret, self._room(code, self._clock()).secret_digest)

    def move(self, code: str, secret: str, position: int) -> None:
        with self._lock:
            now = self._clock()
            room = self._trainer_room(code, secret, now)
            if not 0 <= position < len(room.scenarios):
                raise ValueError("position out of range")
            room.position = position
            self._touch(room, now)

    def set_stage(self, code: str, secret: str, stage: Stage) -> None:
        with self._lock:
            now = self._clock()
            room = self._trainer_room(code, secret, now)
            room.stages[room.scenarios[room.position]] = Stage(stage)
            self._touch(room, now)

    def end(self, code: str, secret: str) -> None:
        with self._lock:
            self._trainer_room(code, secret, self._clock())
            del self._rooms[code]

    def ping(self) -> bool:
        return True

    def __len__(self) -> int:
        with self._lock:
            self._purge(self._clock())
            return len(self._rooms)
