"""The room stores: the in-memory store and the Redis store (a real redis-server) pass the same tests."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from live import (
    Limits,
    MemoryStore,
    NotJoined,
    NotTrainer,
    RoomFull,
    RoomNotFound,
    Stage,
    StoreUnavailable,
    TooFast,
    TooManyRooms,
    VotingClosed,
    codes,
)

SCENARIOS = ("one", "two", "three")
CHOICES = ("a", "b", "c", "d")


@pytest.fixture(params=["memory", "redis"])
def make_store(request):
    """make_store(limits) -> a fresh, empty store of the kind under test."""
    if request.param == "memory":
        return lambda limits=None: MemoryStore(limits)
    server = request.getfixturevalue("redis_server")
    from live.redis_store import RedisStore

    def make(limits=None):
        store = RedisStore.from_url(server.url, limits)
        store._r.flushdb()
        return store

    return make


def voters(n: int) -> list[str]:
    return [codes.new_voter() for _ in range(n)]


def test_a_new_room_starts_on_the_chosen_scenario_with_nobody_in_it(make_store):
    store = make_store()
    code, secret = store.create(SCENARIOS, position=1)
    assert codes.normal_code(code) == code
    state = store.state(code)
    assert (state.scenario, state.stage, state.participants, state.answered) == ("two", Stage.VOTING, 0, 0)
    assert store.is_trainer(code, secret)
    assert not store.is_trainer(code, codes.new_secret())


def test_one_vote_per_voter_and_changing_it_moves_it(make_store):
    store = make_store()
    code, _ = store.create(SCENARIOS)
    amy, ben = voters(2)
    for voter in (amy, ben):
        store.join(code, voter)
        store.join(code, voter)  # a second join (a reload) is the same person
    store.vote(code, amy, "one", "a")
    store.vote(code, amy, "one", "a")  # a double tap
    store.vote(code, ben, "one", "a")
    assert store.state(code).counts == {"a": 2}
    store.vote(code, amy, "one", "b")
    state = store.state(code)
    assert (state.counts, state.answered, state.participants) == ({"a": 1, "b": 1}, 2, 2)
    assert store.vote_of(code, amy, "one") == "b"
    assert store.vote_of(code, ben, "two") is None
    assert (store.state(code, amy).mine, store.state(code, ben).mine, store.state(code).mine) == ("b", "a", None)


def test_votes_belong_to_their_scenario_and_follow_the_trainer(make_store):
    store = make_store()
    code, secret = store.create(SCENARIOS)
    (amy,) = voters(1)
    store.join(code, amy)
    store.vote(code, amy, "one", "a")
    store.move(code, secret, 1)
    assert store.state(code).scenario == "two" and store.state(code).answered == 0
    with pytest.raises(VotingClosed):
        store.vote(code, amy, "one", "b")  # the trainer has moved on
    store.vote(code, amy, "two", "c")
    store.move(code, secret, 0)
    assert store.state(code).counts == {"a": 1}


def test_after_the_reveal_a_vote_is_refused_and_the_counts_stay(make_store):
    store = make_store()
    code, secret = store.create(SCENARIOS)
    amy, ben = voters(2)
    for voter in (amy, ben):
        store.join(code, voter)
    store.vote(code, amy, "one", "a")
    store.set_stage(code, secret, Stage.SPREAD)
    store.vote(code, ben, "one", "b")  # showing the spread does not close voting
    store.set_stage(code, secret, Stage.REVEALED)
    with pytest.raises(VotingClosed):
        store.vote(code, ben, "one", "a")
    state = store.state(code)
    assert (state.stage, state.counts) == (Stage.REVEALED, {"a": 1, "b": 1})


def test_only_the_trainer_changes_the_room(make_store):
    store = make_store()
    code, _ = store.create(SCENARIOS)
    stranger = codes.new_secret()
    for change in (lambda: store.move(code, stranger, 1), lambda: store.set_stage(code, stranger, Stage.REVEALED)):
        with pytest.raises(NotTrainer):
            change()
    with pytest.raises(NotTrainer):
        store.end(code, stranger)
    assert store.state(code).position == 0


def test_unknown_and_ended_rooms_are_not_found(make_store):
    store = make_store()
    code, secret = store.create(SCENARIOS)
    (amy,) = voters(1)
    store.join(code, amy)
    store.vote(code, amy, "one", "a")
    store.end(code, secret)
    for call in (
        lambda: store.state(code),
        lambda: store.join(code, amy),
        lambda: store.vote(code, amy, "one", "a"),
        lambda: store.vote_of(code, amy, "one"),
        lambda: store.state(codes.new_code()),
    ):
        with pytest.raises(RoomNotFound):
            call()


def test_a_vote_needs_a_joined_voter(make_store):
    store = make_store()
    code, _ = store.create(SCENARIOS)
    with pytest.raises(NotJoined):
        store.vote(code, codes.new_voter(), "one", "a")


def test_a_quiet_room_expires_with_everything_in_it(make_store):
    store = make_store(Limits(idle_seconds=2))  # seconds: margins wide enough for a busy machine
    code, _ = store.create(SCENARIOS)
    (amy,) = voters(1)
    store.join(code, amy)
    store.vote(code, amy, "one", "a")
    time.sleep(1.0)
    store.state(code)  # looking is not activity...
    store.vote(code, amy, "one", "b")  # ...but a vote is
    time.sleep(1.0)
    assert store.state(code).counts == {"b": 1}
    time.sleep(2.6)
    with pytest.raises(RoomNotFound):
        store.state(code)
    if hasattr(store, "_r"):
        assert store._r.keys("guide:room:*") == [], "every key of the room expired with it"
    else:
        assert len(store) == 0


def test_caps_hold_with_a_clear_message(make_store):
    store = make_store(Limits(max_rooms=2, max_participants=3, votes_per_second=2))
    code, _ = store.create(SCENARIOS)
    store.create(SCENARIOS)
    with pytest.raises(TooManyRooms, match="Too many live rooms"):
        store.create(SCENARIOS)
    people = voters(4)
    for voter in people[:3]:
        store.join(code, voter)
    with pytest.raises(RoomFull, match="This room is full"):
        store.join(code, people[3])
    store.join(code, people[0])  # someone already in can come back
    accepted = refused = 0
    for choice in "abcabc":
        try:
            store.vote(code, people[0], "one", choice)
            accepted += 1
        except TooFast as error:
            assert "Wait a second" in error.message
            refused += 1
    assert (accepted, refused) == (2, 4)
    time.sleep(1.05)
    store.vote(code, people[0], "one", "d")
    assert store.state(code).counts == {"d": 1}


def test_many_threads_voting_at_once_count_each_voter_once(make_store):
    store = make_store()
    code, _ = store.create(SCENARIOS)
    people = voters(60)
    for voter in people:
        store.join(code, voter)
    final = {voter: CHOICES[i % 4] for i, voter in enumerate(people)}

    def vote(voter: str) -> None:
        store.vote(code, voter, "one", "a")
        store.vote(code, voter, "one", final[voter])

    threads = [threading.Thread(target=vote, args=(v,)) for v in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.state(code).counts == Counter(final.values())


# One step of a workshop: a voter joins or votes, or the trainer moves or changes the stage.
steps = st.lists(
    st.one_of(
        st.tuples(st.just("join"), st.integers(0, 5)),
        st.tuples(st.just("vote"), st.integers(0, 5), st.sampled_from(CHOICES)),
        st.tuples(st.just("move"), st.integers(0, len(SCENARIOS) - 1)),
        st.tuples(st.just("stage"), st.sampled_from(list(Stage))),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_counts_always_equal_the_voters_who_voted(make_store, steps):
    store = make_store(Limits(votes_per_second=10_000))
    code, secret = store.create(SCENARIOS)
    people = voters(6)
    joined: set[str] = set()
    position, stages = 0, {s: Stage.VOTING for s in SCENARIOS}
    model: dict[str, dict[str, str]] = {s: {} for s in SCENARIOS}
    for step in steps:
        match step:
            case ("join", i):
                store.join(code, people[i])
                joined.add(people[i])
            case ("vote", i, choice):
                scenario = SCENARIOS[position]
                allowed = people[i] in joined and stages[scenario] != Stage.REVEALED
                try:
                    store.vote(code, people[i], scenario, choice)
                    assert allowed
                    model[scenario][people[i]] = choice
                except (NotJoined, VotingClosed):
                    assert not allowed
            case ("move", p):
                store.move(code, secret, p)
                position = p
            case ("stage", stage):
                store.set_stage(code, secret, stage)
                stages[SCENARIOS[position]] = stage
        state = store.state(code)
        scenario = SCENARIOS[position]
        assert state.counts == Counter(model[scenario].values())
        assert state.answered == len(model[scenario]) <= state.participants == len(joined)
        assert state.stage == stages[scenario]


def test_redis_going_away_says_unavailable_and_recovers(redis_server):  # needs redis-server, started here
    from services import start_redis

    from live.redis_store import RedisStore

    server = start_redis()
    store = RedisStore.from_url(server.url)
    code, _ = store.create(SCENARIOS)
    server.stop()
    for call in (lambda: store.state(code), lambda: store.create(SCENARIOS), lambda: store.join(code, "x" * 20)):
        with pytest.raises(StoreUnavailable, match="unavailable right now"):
            call()
    assert store.ping() is False
    back = start_redis(server.port)
    try:
        new_code, _ = store.create(SCENARIOS)  # a fresh server: the old room is gone, the store works again
        assert store.state(new_code).scenario == "one"
        with pytest.raises(RoomNotFound):
            store.state(code)
    finally:
        back.stop()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("k7p 4mx", "K7P4MX"), ("KCP-4MX", "KCP4MX"), (" kcp4mx ", "KCP4MX"), ("KCP4M", None), ("<b>KCP4MX</b>", None),
     ("O0O0O0", None), ("KCP4MXX", None), (None, None), ("K" * 500, None)],
)  # fmt: skip
def test_room_codes_as_people_type_them(raw, expected):
    assert codes.normal_code(raw) == expected


def test_codes_avoid_look_alikes_and_vary():
    drawn = {codes.new_code() for _ in range(2000)}
    assert len(drawn) == 2000
    assert not set("".join(drawn)) & set("0O1IL2Z5SBEGVQ")
