"""What an import adds to her journal: only what is new, never a duplicate.

Pure functions over models, so every importer plans its writes the same way and the command then
writes the plan in one transaction (all or nothing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from msgspec import Struct, field

from tui.core.models import Checkin, CustomMilestone, Goal, Journal, Session, routine_key
from tui.core.words import count as count  # the one plural rule, re-exported for the importers


def new_sessions(
    existing: Iterable[Session], incoming: Iterable[Session]
) -> tuple[list[Session], int]:
    """The incoming sessions not already recorded, and how many were.

    Sessions compare on every field. Counted as a multiset: two identical 20-minute walks on one
    day in the file are two walks, and a re-import finds both already present.
    """
    have = Counter(existing)
    added: list[Session] = []
    present = 0
    for session in incoming:
        if have[session] > 0:
            have[session] -= 1
            present += 1
        else:
            added.append(session)
    return added, present


class CheckinMerge(Struct):
    """The check-ins to write (whole, merged) and what happened to each date."""

    write: list[Checkin] = field(default_factory=list)
    added: int = 0  # dates that had no check-in
    updated: int = 0  # dates whose check-in gained or changed a value
    present: int = 0  # dates where nothing changed
    without_checkin: int = 0  # dates left out by `only_existing` (no check-in that day)


def _absent(value: Any) -> bool:
    return value is None or value is False


def merge_checkins(
    existing: Mapping[date, Checkin],
    incoming: Mapping[date, Mapping[str, Any]],
    *,
    overwrite: bool = False,
    only_existing: bool = False,
) -> CheckinMerge:
    """Fold validated check-in fields into the journal's check-ins.

    A value she already has is kept unless `overwrite`; an absent one (None, or no flare) is
    filled. `only_existing` touches only dates that already have a check-in (sleep from Apple
    Health fills her check-ins, it does not invent new days).
    """
    result = CheckinMerge()
    for day in sorted(incoming):
        values = {k: v for k, v in incoming[day].items() if not _absent(v)}
        old = existing.get(day)
        if old is None:
            if only_existing and values:
                result.without_checkin += 1
            if only_existing or not values:
                continue
            result.write.append(Checkin(date=day).merged(values))
            result.added += 1
            continue
        changes = {
            k: v
            for k, v in values.items()
            if getattr(old, k) != v and (overwrite or _absent(getattr(old, k)))
        }
        if changes:
            result.write.append(old.merged(changes))
            result.updated += 1
        else:
            result.present += 1
    return result


class JournalMerge(Struct):
    """A JSON export folded into a journal that already holds data."""

    checkins: CheckinMerge
    sessions: list[Session]
    sessions_present: int
    goals: list[Goal]
    goals_present: int
    milestones: list[CustomMilestone]
    celebrated: set[tuple[str, int]]


def merge_journal(existing: Journal, incoming: Journal) -> JournalMerge:
    """Everything in `incoming` that `existing` lacks: no duplicates, her values kept."""
    checkins = merge_checkins(
        existing.checkins,
        {d: {k: getattr(c, k) for k in Checkin.FIELDS} for d, c in incoming.checkins.items()},
    )
    for checkin in checkins.write:
        if (
            checkin.date not in existing.checkins
        ):  # a new entry keeps its id, as on her other device
            checkin.id = incoming.checkins[checkin.date].id
    sessions, sessions_present = new_sessions(existing.sessions, incoming.sessions)
    names = {g.name.casefold() for g in existing.goals}
    goals = []
    for goal in incoming.goals:
        if goal.name.casefold() not in names:
            goals.append(goal)
            names.add(goal.name.casefold())
    have = {(routine_key(m.routine), m.count) for m in existing.milestones}
    milestones = []
    for m in incoming.milestones:
        key = (routine_key(m.routine), m.count)
        if key not in have:
            milestones.append(m)
            have.add(key)
    return JournalMerge(
        checkins=checkins,
        sessions=sessions,
        sessions_present=sessions_present,
        goals=goals,
        goals_present=len(incoming.goals) - len(goals),
        milestones=milestones,
        celebrated=incoming.celebrated - existing.celebrated,
    )


def describe_ignored(ignored: Counter[str]) -> str:
    """`3 ignored (2 shorter than half a minute, 1 dated after today)` or `0 ignored`."""
    total = sum(ignored.values())
    if not total:
        return "0 ignored"
    reasons = ", ".join(f"{n} {why}" for why, n in ignored.most_common())
    return f"{total} ignored ({reasons})"
