"""The room store for several replicas: Redis (set `GUIDE_REDIS_URL`, e.g. redis://127.0.0.1:6379/0).

Keys, all under `guide:room:CODE` and all expiring with the room:
- `guide:room:CODE`              hash: secret (digest), scenarios (JSON), position, stage:<scenario id>
- `guide:room:CODE:voters`       set of voter ids
- `guide:room:CODE:votes:<id>`   hash voter id -> choice id, one per scenario
- `guide:room:CODE:recent:<voter>` sorted set of recent vote times (the per-voter rate limit), gone after 1 s
- `guide:rooms`                  sorted set code -> expiry time, for the cap on rooms

Votes and reads are Lua scripts, so a vote can never land after the reveal and a read sees one moment.
When Redis cannot be reached, every call raises StoreUnavailable, and works again once Redis is back.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import redis
from redis.exceptions import RedisError

from live import codes
from live.store import (
    Limits,
    NotJoined,
    NotTrainer,
    RoomFull,
    RoomNotFound,
    RoomState,
    Stage,
    StoreUnavailable,
    TooFast,
    TooManyRooms,
    VotingClosed,
    check_choice,
    check_scenarios,
)

PREFIX = "guide:room:"
ROOMS = "guide:rooms"

_STATE = """
local room = redis.call('HGETALL', KEYS[1])
if #room == 0 then return false end
local fields = {}
for i = 1, #room, 2 do fields[room[i]] = room[i + 1] end
local scenarios = cjson.decode(fields['scenarios'])
local current = scenarios[tonumber(fields['position']) + 1]
local votes = redis.call('HVALS', KEYS[1] .. ':votes:' .. current)
local mine = false
if ARGV[1] ~= '' then mine = redis.call('HGET', KEYS[1] .. ':votes:' .. current, ARGV[1]) end
return {fields['scenarios'], fields['position'], fields['stage:' .. current] or 'voting',
        redis.call('SCARD', KEYS[1] .. ':voters'), votes, mine}
"""

# Keep every key of a room for another ARGV[1] seconds; the room's hash names its scenarios.
_TOUCH = """
local function touch(room, ttl, code, expires)
  local scenarios = cjson.decode(redis.call('HGET', room, 'scenarios'))
  redis.call('EXPIRE', room, ttl)
  redis.call('EXPIRE', room .. ':voters', ttl)
  redis.call('EXPIRE', room .. ':seq', ttl)
  for _, s in ipairs(scenarios) do redis.call('EXPIRE', room .. ':votes:' .. s, ttl) end
  redis.call('ZADD', KEYS[2], expires, code)
end
"""

_VOTE = _TOUCH + """
local voter, scenario, choice = ARGV[1], ARGV[2], ARGV[3]
local now, per_second, ttl = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if redis.call('EXISTS', KEYS[1]) == 0 then return 'gone' end
if redis.call('SISMEMBER', KEYS[1] .. ':voters', voter) == 0 then return 'stranger' end
local scenarios = cjson.decode(redis.call('HGET', KEYS[1], 'scenarios'))
if scenarios[tonumber(redis.call('HGET', KEYS[1], 'position')) + 1] ~= scenario then return 'closed' end
if redis.call('HGET', KEYS[1], 'stage:' .. scenario) == 'revealed' then return 'closed' end
local recent = KEYS[1] .. ':recent:' .. voter
redis.call('ZREMRANGEBYSCORE', recent, '-inf', now - 1)
if redis.call('ZCARD', recent) >= per_second then return 'busy' end
redis.call('ZADD', recent, now, now .. ':' .. redis.call('INCR', KEYS[1] .. ':seq'))
redis.call('PEXPIRE', recent, 1000)
redis.call('HSET', KEYS[1] .. ':votes:' .. scenario, voter, choice)
touch(KEYS[1], ttl, ARGV[7], ARGV[8])
return 'ok'
"""

_JOIN = _TOUCH + """
if redis.call('EXISTS', KEYS[1]) == 0 then return 'gone' end
local voters = KEYS[1] .. ':voters'
if redis.call('SISMEMBER', voters, ARGV[1]) == 0 then
  if redis.call('SCARD', voters) >= tonumber(ARGV[2]) then return 'full' end
  redis.call('SADD', voters, ARGV[1])
end
touch(KEYS[1], tonumber(ARGV[3]), ARGV[4], ARGV[5])
return 'ok'
"""

T = TypeVar("T")


def _unavailable_when_down(method: Callable[..., T]) -> Callable[..., T]:
    @wraps(method)
    def call(*args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except (RedisError, OSError) as error:  # connection lost, timed out, or refused
            raise StoreUnavailable from error

    return call


class RedisStore:
    def __init__(self, client: redis.Redis, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._r = client
        self._state = client.register_script(_STATE)
        self._vote = client.register_script(_VOTE)
        self._join = client.register_script(_JOIN)

    @classmethod
    def from_url(cls, url: str, limits: Limits | None = None) -> RedisStore:
        client = redis.Redis.from_url(
            url,
            decode_responses=True,
            socket_timeout=1.0,
            socket_connect_timeout=1.0,
            health_check_interval=10,
        )
        return cls(client, limits)

    # -- helpers
    def _ttl(self) -> int:
        return max(1, round(self.limits.idle_seconds))

    def _touch(self, code: str, scenarios: Sequence[str]) -> None:
        """Keep every key of the room for another `idle_seconds` (votes and joins do this in their script)."""
        key = PREFIX + code
        ttl = self._ttl()
        pipe = self._r.pipeline(transaction=False)
        for name in (key, f"{key}:voters", f"{key}:seq", *(f"{key}:votes:{s}" for s in scenarios)):
            pipe.expire(name, ttl)
        pipe.zadd(ROOMS, {code: time.time() + ttl})
        pipe.execute()

    def _check_trainer(self, code: str, secret: str) -> dict[str, str]:
        room = self._r.hgetall(PREFIX + code)
        if not room:
            raise RoomNotFound
        if not codes.same_secret(secret, room["secret"]):
            raise NotTrainer
        return room

    # -- the interface
    @_unavailable_when_down
    def create(self, scenarios: Sequence[str], position: int = 0) -> tuple[str, str]:
        ids = check_scenarios(scenarios, position, self.limits)
        self._r.zremrangebyscore(ROOMS, "-inf", time.time())
        if self._r.zcard(ROOMS) >= self.limits.max_rooms:
            raise TooManyRooms
        secret = codes.new_secret()
        code = codes.new_code()
        while not self._r.hsetnx(PREFIX + code, "secret", codes.digest(secret)):
            code = codes.new_code()
        self._r.hset(PREFIX + code, mapping={"scenarios": json.dumps(ids), "position": position})
        self._touch(code, ids)
        return code, secret

    @_unavailable_when_down
    def state(self, code: str, voter: str | None = None) -> RoomState:
        found = self._state(keys=[PREFIX + code], args=[voter or ""])
        if not found:
            raise RoomNotFound
        scenarios, position, stage, participants, votes, mine = found
        return RoomState(
            code=code,
            scenarios=tuple(json.loads(scenarios)),
            position=int(position),
            stage=Stage(stage),
            participants=int(participants),
            counts=dict(Counter(votes)),
            mine=mine or None,
        )

    @_unavailable_when_down
    def join(self, code: str, voter: str) -> None:
        ttl = self._ttl()
        outcome = self._join(
            keys=[PREFIX + code, ROOMS], args=[voter, self.limits.max_participants, ttl, code, time.time() + ttl]
        )
        if outcome == "gone":
            raise RoomNotFound
        if outcome == "full":
            raise RoomFull

    @_unavailable_when_down
    def vote(self, code: str, voter: str, scenario: str, choice: str) -> None:
        check_choice(choice, self.limits)
        now, ttl = time.time(), self._ttl()
        outcome = self._vote(
            keys=[PREFIX + code, ROOMS],
            args=[voter, scenario, choice, now, self.limits.votes_per_second, ttl, code, now + ttl],
        )
        errors = {"gone": RoomNotFound, "stranger": NotJoined, "closed": VotingClosed, "busy": TooFast}
        if outcome in errors:
            raise errors[outcome]

    @_unavailable_when_down
    def vote_of(self, code: str, voter: str, scenario: str) -> str | None:
        key = PREFIX + code
        pipe = self._r.pipeline(transaction=False)
        pipe.exists(key)
        pipe.hget(f"{key}:votes:{scenario}", voter)
        exists, choice = pipe.execute()
        if not exists:
            raise RoomNotFound
        return choice

    @_unavailable_when_down
    def is_trainer(self, code: str, secret: str) -> bool:
        kept = self._r.hget(PREFIX + code, "secret")
        if kept is None:
            raise RoomNotFound
        return codes.same_secret(secret, kept)

    @_unavailable_when_down
    def move(self, code: str, secret: str, position: int) -> None:
        room = self._check_trainer(code, secret)
        scenarios = json.loads(room["scenarios"])
        if not 0 <= position < len(scenarios):
            raise ValueError("position out of range")
        self._r.hset(PREFIX + code, "position", position)
        self._touch(code, scenarios)

    @_unavailable_when_down
    def set_stage(self, code: str, secret: str, stage: Stage) -> None:
        room = self._check_trainer(code, secret)
        scenarios = json.loads(room["scenarios"])
        self._r.hset(PREFIX + code, f"stage:{scenarios[int(room['position'])]}", Stage(stage).value)
        self._touch(code, scenarios)

    @_unavailable_when_down
    def end(self, code: str, secret: str) -> None:
        room = self._check_trainer(code, secret)
        key = PREFIX + code
        names = [key, f"{key}:voters", f"{key}:seq", *(f"{key}:votes:{s}" for s in json.loads(room["scenarios"]))]
        names += list(self._r.scan_iter(match=f"{key}:recent:*", count=500))
        pipe = self._r.pipeline(transaction=False)
        pipe.delete(*names)
        pipe.zrem(ROOMS, code)
        pipe.execute()

    def ping(self) -> bool:
        try:
            return bool(self._r.ping())
        except RedisError:
            return False
