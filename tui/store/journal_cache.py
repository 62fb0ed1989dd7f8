"""Her journal brought up to date by the store's own writes, instead of rebuilt from the file.

Rebuilding twenty years is 21,000 objects (~60 ms); a save changes one or two. Every change the
store makes is recorded as operations (tui/store/history.py), each a document before and after:
`patched` applies them to the journal and returns a new `Journal` (screens tell journals apart by
identity), sharing the containers no operation touched. It returns None whenever it cannot be sure
the result equals a rebuild from the file (an operation it does not know, a session moved to
another date, whose place among that date's sessions depends on the file's order): the store then
rebuilds. tests/store/test_journal_cache.py checks random sequences of writes against a rebuild.

The order kept is `build_journal`'s: check-ins by date; sessions and PEG checks by date, those of
one date in the file's order (a new document is the file's last); goals and milestones in the
file's order (a replaced document keeps its place).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from msgspec.structs import replace

from tui.core.changes import Op
from tui.core.models import CustomMilestone, Goal, Journal, Session, routine_key
from tui.core.peg import Peg
from tui.store.documents import checkin_of, session_of

Doc = Mapping[str, Any]


class CannotPatch(Exception):
    """The journal cannot be patched for sure: rebuild it."""


def patched(journal: Journal, ops: Iterable[Op]) -> Journal | None:
    """`journal` with `ops` applied (a new object), or None when only a rebuild is sure."""
    ops = list(ops)
    # Copy only the containers the operations touch: the journal itself stays as it was.
    tables = {op.table for op in ops}
    new = replace(
        journal,
        checkins=dict(journal.checkins) if "checkins" in tables else journal.checkins,
        sessions=list(journal.sessions) if "sessions" in tables else journal.sessions,
        goals=list(journal.goals) if "goals" in tables else journal.goals,
        milestones=list(journal.milestones) if "milestones" in tables else journal.milestones,
        celebrated=set(journal.celebrated) if "celebrated" in tables else journal.celebrated,
        pegs=list(journal.pegs) if "peg" in tables else journal.pegs,
    )
    resorted = False
    try:
        for op in ops:
            if op.clear:
                raise CannotPatch
            patch = PATCHES.get(op.table)
            if patch is None:
                raise CannotPatch
            resorted = patch(new, op.before, op.after) or resorted
    except (CannotPatch, KeyError, TypeError, ValueError):
        return None
    if resorted:
        new.checkins = dict(sorted(new.checkins.items()))
    return new


def _checkins(journal: Journal, before: Doc | None, after: Doc | None) -> bool:
    """Returns whether the check-ins must be sorted again."""
    checkins = journal.checkins
    if before is not None:
        old = date.fromisoformat(before["date"])
        if checkins[old].id != (before.get("id") or ""):
            raise CannotPatch
        if after is not None and after["date"] == before["date"]:
            checkins[old] = checkin_of(dict(after))  # in place: the same date, the same place
            return False
        del checkins[old]
    if after is None:
        return False
    new = checkin_of(dict(after))
    if new.date in checkins:
        raise CannotPatch  # two check-ins of one date: which one a rebuild keeps is the file's
    last = next(reversed(checkins), None)
    checkins[new.date] = new
    return last is not None and new.date < last


def _session_at(sessions: list[Session], doc: Doc) -> int:
    day = date.fromisoformat(doc["date"])
    wanted = doc.get("id") or ""
    lo = bisect_left(sessions, day, key=_date)
    hi = bisect_right(sessions, day, key=_date)
    found = [i for i in range(lo, hi) if sessions[i].id == wanted]
    if len(found) != 1:
        raise CannotPatch
    return found[0]


def _sessions(journal: Journal, before: Doc | None, after: Doc | None) -> bool:
    sessions = journal.sessions
    if before is not None:
        at = _session_at(sessions, before)
        if after is None:
            del sessions[at]
        elif after["date"] == before["date"]:
            sessions[at] = session_of(dict(after))
        else:
            raise CannotPatch  # its place among the new date's sessions is the file's order
        return False
    if after is not None:
        new = session_of(dict(after))
        sessions.insert(bisect_right(sessions, new.date, key=_date), new)
    return False


def _date(item: Session | Peg) -> date:
    return item.date


def _in_order(
    items: list[Any], key: Callable[[Any], Any], build: Callable[[Doc], Any]
) -> Callable[[Journal, Doc | None, Doc | None], bool]:
    """A patch for a table kept in the file's order (goals, milestones)."""

    def patch(_: Journal, before: Doc | None, after: Doc | None) -> bool:
        if before is None:
            if after is not None:
                items.append(build(after))
            return False
        wanted = key(build(before))
        found = [i for i, item in enumerate(items) if key(item) == wanted]
        if len(found) != 1:
            raise CannotPatch
        if after is None:
            del items[found[0]]
        else:
            items[found[0]] = build(after)
        return False

    return patch


def _goals(journal: Journal, before: Doc | None, after: Doc | None) -> bool:
    return _in_order(journal.goals, lambda g: g.name.strip().casefold(), Goal.from_dict)(
        journal, before, after
    )


def _milestones(journal: Journal, before: Doc | None, after: Doc | None) -> bool:
    key = _milestone_key
    return _in_order(journal.milestones, key, CustomMilestone.from_dict)(journal, before, after)


def _milestone_key(m: CustomMilestone) -> tuple[str, int]:
    return (routine_key(m.routine), m.count)


def _celebrated(journal: Journal, before: Doc | None, after: Doc | None) -> bool:
    if before is not None:
        raise CannotPatch  # another document may hold the same pair: the file knows
    if after is not None:
        journal.celebrated.add((after["routine"], after["count"]))
    return False


def _pegs(journal: Journal, before: Doc | None, after: Doc | None) -> bool:
    pegs = journal.pegs
    if before is not None:
        old = Peg.from_dict(before)
        found = [i for i, p in enumerate(pegs) if p.date == old.date]
        if len(found) != 1:
            raise CannotPatch
        if after is not None and after.get("date") == before.get("date"):
            pegs[found[0]] = Peg.from_dict(after)
            return False
        del pegs[found[0]]
    if after is not None:
        new = Peg.from_dict(after)
        pegs.insert(bisect_right(pegs, new.date, key=_date), new)
    return False


PATCHES: dict[str, Callable[[Journal, Doc | None, Doc | None], bool]] = {
    "checkins": _checkins,
    "sessions": _sessions,
    "goals": _goals,
    "milestones": _milestones,
    "celebrated": _celebrated,
    "peg": _pegs,
}
