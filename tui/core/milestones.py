"""Routines and their milestones: the 150th time deserved ice cream, the 200th something bigger."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import chain

from msgspec import Struct

from tui.core.models import CustomMilestone, Journal, routine_key

DEFAULT_MILESTONES = (10, 25, 50, 100, 150, 200)
EVERY_AFTER = 50
PACE_DAYS = 56  # the recent pace is judged over the last eight weeks
#: A date is projected only from at least four weeks of that routine's history: after one
#: session, a pace (and so a date) would be a guess.
MIN_HISTORY_DAYS = 28


def is_default_milestone(count: int) -> bool:
    """10, 25, 50, 100, 150, 200 and every 50 after."""
    return count in DEFAULT_MILESTONES or (
        count > DEFAULT_MILESTONES[-1] and count % EVERY_AFTER == 0
    )


def next_default_milestone(count: int) -> int:
    """The first default milestone above `count`."""
    for m in DEFAULT_MILESTONES:
        if m > count:
            return m
    return (count // EVERY_AFTER + 1) * EVERY_AFTER


def _custom_for(routine: str, custom: list[CustomMilestone]) -> dict[int, str | None]:
    key = routine_key(routine)
    return {m.count: m.reward for m in custom if routine_key(m.routine) == key}


def next_milestone(
    routine: str, count: int, custom: list[CustomMilestone]
) -> tuple[int, str | None]:
    """The next milestone above `count` for this routine, with its reward note if she set one."""
    mine = _custom_for(routine, custom)
    candidates = [next_default_milestone(count), *(c for c in mine if c > count)]
    nxt = min(candidates)
    return nxt, mine.get(nxt)


def reward_for(routine: str, count: int, custom: list[CustomMilestone]) -> str | None:
    """Her reward note for this routine's milestone at `count`, if she set one."""
    return _custom_for(routine, custom).get(count)


def is_milestone(routine: str, count: int, custom: list[CustomMilestone]) -> bool:
    return is_default_milestone(count) or count in _custom_for(routine, custom)


class RoutineCount(Struct, frozen=True):
    """One routine: how often she has done it and what comes next."""

    routine: str  # the name as she last typed it
    count: int
    next_milestone: int
    reward: str | None
    projected: date | None  # when the next milestone comes at the recent pace (see `projection`)
    last_done: date

    @property
    def to_go(self) -> int:
        return self.next_milestone - self.count


def projection(first: date, recent: int, to_go: int, day: date) -> date | None:
    """When `to_go` more sessions come, at the pace of the `recent` sessions done in the last
    `PACE_DAYS` up to `day`, of a routine first done on `first`.

    None with less than `MIN_HISTORY_DAYS` of history (from `first` to `day`) or no recent
    session. A history shorter than `PACE_DAYS` is the window the pace is judged over.
    """
    history = (day - first).days
    if history < MIN_HISTORY_DAYS or not recent or to_go <= 0:
        return None
    window = min(PACE_DAYS, history + 1)
    return day + timedelta(days=round(to_go * window / recent))


def routine_sessions(
    journal: Journal, earlier: Iterable[tuple[date, str]] = ()
) -> Iterator[tuple[date, str, str]]:
    """Each session with a routine, `earlier` ones first (see tui/core/earlier.py): its date, the
    routine as typed and the routine's key."""
    keys: dict[str, str] = {}  # a routine is typed the same way thousands of times
    done = ((s.date, s.routine) for s in journal.sessions if s.routine)
    for day, routine in chain(earlier, done):
        key = keys.get(routine)
        if key is None:
            key = keys[routine] = routine_key(routine)
        yield day, routine, key


def routine_counts(
    journal: Journal, day: date, earlier: Iterable[tuple[date, str]] = ()
) -> list[RoutineCount]:
    """Every routine with its count up to `day`, most recently done first (`earlier`: the routine
    sessions before the journal's first, when it holds only recent entries)."""
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    recent: dict[str, int] = {}
    first: dict[str, date] = {}
    last: dict[str, date] = {}
    since = day - timedelta(days=PACE_DAYS)
    for done, routine, key in routine_sessions(journal, earlier):
        if done > day:
            continue
        if key not in counts:
            counts[key] = 0
            first[key] = done
        counts[key] += 1
        if done < first[key]:  # a journal not kept by date (the store's is)
            first[key] = done
        if done > since:
            recent[key] = recent.get(key, 0) + 1
        if key not in last or done >= last[key]:
            last[key] = done
            names[key] = routine
    result = []
    for key, count in counts.items():
        nxt, reward = next_milestone(names[key], count, journal.milestones)
        projected = projection(first[key], recent.get(key, 0), nxt - count, day)
        result.append(RoutineCount(names[key], count, nxt, reward, projected, last[key]))
    result.sort(key=lambda r: (r.last_done, r.count), reverse=True)
    return result


class Celebration(Struct, frozen=True):
    """A milestone reached, not celebrated yet (the CLI prints it, the movement form shows it)."""

    routine: str
    count: int
    reward: str | None

    @property
    def title(self) -> str:
        """'150 times: Lower Body Strength!' (plain text: the routine name is hers, literal)."""
        return f"{self.count} times: {self.routine}!"

    @property
    def body(self) -> str:
        """'Every one of them counts. Reward: ice cream.'"""
        text = "Every one of them counts."
        if self.reward:
            text += f" Reward: {self.reward.rstrip('.')}."
        return text

    def message(self) -> str:
        """The celebration in one line."""
        return f"{self.title} {self.body}"


def milestone_reached(
    routine: str,
    count: int,
    custom: Sequence[CustomMilestone],
    is_celebrated: Callable[[str, int], bool],
) -> Celebration | None:
    """The milestone a new session of `routine` reaches (`count` sessions now), if not celebrated.

    The CLI and the movement form call this right after adding a session, then mark it celebrated.
    """
    if not is_milestone(routine, count, list(custom)) or is_celebrated(routine, count):
        return None
    return Celebration(routine, count, reward_for(routine, count, list(custom)))


def pending_celebrations(journal: Journal) -> list[Celebration]:
    """Milestones her routines have reached that were not celebrated yet (each one once)."""
    found = []
    day = max((s.date for s in journal.sessions), default=None)
    if day is None:
        return []
    for rc in routine_counts(journal, day):
        key = routine_key(rc.routine)
        if (
            is_milestone(rc.routine, rc.count, journal.milestones)
            and (
                key,
                rc.count,
            )
            not in journal.celebrated
        ):
            reward = reward_for(rc.routine, rc.count, journal.milestones)
            found.append(Celebration(rc.routine, rc.count, reward))
    return found


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 11th, 169th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Reached(Struct, frozen=True):
    """A milestone a routine reached on a day, with her reward note if she set one."""

    date: date
    routine: str  # the name as typed on that session
    count: int
    reward: str | None


def milestones_between(
    journal: Journal, first: date, last: date, earlier: Iterable[tuple[date, str]] = ()
) -> list[Reached]:
    """The milestones her routines reached from `first` to `last`, inclusive, oldest first
    (`earlier`: as for `routine_counts`)."""
    running: dict[str, int] = {}
    reached = []
    custom = journal.milestones
    for done, routine, key in sorted(routine_sessions(journal, earlier), key=lambda s: s[0]):
        if done > last:
            continue
        running[key] = running.get(key, 0) + 1
        count = running[key]
        if done >= first and is_milestone(routine, count, custom):
            reached.append(Reached(done, routine, count, reward_for(routine, count, custom)))
    return reached
