"""Her goals and her own milestones in the data file: add, save, change under the lock, remove.

`Store` takes these methods from `GoalTables`. A change from a screen is applied to the goal as it
is in the file now (`update_goal`), so a change made meanwhile in another window is never
overwritten and a removed goal never comes back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from tui.core.dates import today
from tui.core.errors import InputError, StaleGoal
from tui.core.models import CustomMilestone, Goal, routine_key

if TYPE_CHECKING:
    from tinydb import TinyDB

    from tui.core.models import Journal


class GoalTables:
    """Goals and milestones, for `Store` (which provides the file, the lock and the record)."""

    if TYPE_CHECKING:

        @property
        def _db(self) -> TinyDB: ...

        def change(self, what: str) -> contextlib.AbstractContextManager[None]: ...
        def transaction(self) -> contextlib.AbstractContextManager[None]: ...
        def journal(self) -> Journal: ...
        def _forget_journal(self) -> None: ...
        def _read(self) -> dict[str, Any]: ...
        def _record(
            self, table: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
        ) -> None: ...

    def _goal_id(self, name: str) -> int | None:
        key = name.strip().casefold()
        for doc in self._db.table("goals").all():
            if str(doc["name"]).casefold() == key:
                return doc.doc_id
        return None

    def add_goal(self, goal: Goal) -> None:
        with self.change("goal add"):
            if self._goal_id(goal.name) is not None:
                raise InputError("name", f"a goal named {goal.name!r} exists already")
            self._db.table("goals").insert(goal.to_dict())
            self._record("goals", None, goal.to_dict())

    def save_goal(self, goal: Goal, old_name: str | None = None) -> None:
        """Replace the goal of that name (or `old_name`, when renaming); add it if absent."""
        with self.change("goal change"):
            doc_id = self._goal_id(old_name or goal.name)
            renamed = old_name and old_name.casefold() != goal.name.casefold()
            if renamed and self._goal_id(goal.name) is not None:
                raise InputError("name", f"a goal named {goal.name!r} exists already")
            table = self._db.table("goals")
            if doc_id is None:
                table.insert(goal.to_dict())
                self._record("goals", None, goal.to_dict())
            else:  # in place, so the goal keeps its position in her list
                self._record("goals", self._read()["goals"][str(doc_id)], goal.to_dict())
                table.update(goal.to_dict(), doc_ids=[doc_id])

    def update_goal(
        self, name: str, change: Callable[[Goal], Goal], *, expected: Goal | None = None
    ) -> Goal:
        """Apply `change` to the goal of that name as it is in the file now, under the lock.

        `expected` is the goal as a screen showed it: if another window or the CLI changed or
        removed it meanwhile, `StaleGoal` says so and nothing is written (no overwrite of their
        change, no resurrection of a removed goal). Returns the goal as saved.
        """
        with self.change("goal change"):
            doc_id = self._goal_id(name)
            if doc_id is None:
                if expected is None:
                    self.goal(name)  # raises the error naming the goals there are
                raise StaleGoal(f"{name} was removed meanwhile (in another window?): not changed.")
            current = Goal.from_dict(self._read()["goals"][str(doc_id)])
            if expected is not None and current != expected:
                raise StaleGoal(
                    f"{current.name} was changed meanwhile (in another window?): here it is now."
                )
            new = change(current)
            renamed = new.name.casefold() != current.name.casefold()
            if renamed and self._goal_id(new.name) is not None:
                raise InputError("name", f"a goal named {new.name!r} exists already")
            if new != current:
                self._record("goals", self._read()["goals"][str(doc_id)], new.to_dict())
                self._db.table("goals").update(new.to_dict(), doc_ids=[doc_id])
        return new

    def goal(self, name: str) -> Goal:
        """The goal of that name (case-insensitive), or InputError naming the known goals."""
        key = name.strip().casefold()
        goals = self.journal().goals
        for goal in goals:
            if goal.name.casefold() == key:
                return goal
        known = ", ".join(repr(g.name) for g in goals) or "none yet"
        raise InputError("name", f"no goal named {name!r} (goals: {known})")

    def remove_goal(self, name: str) -> str | None:
        """Remove the goal of that name (case-insensitive); returns its stored name, if any."""
        with self.change("goal remove"):
            doc_id = self._goal_id(name)
            if doc_id is None:
                return None
            table = self._db.table("goals")
            doc = table.get(doc_id=doc_id)
            self._record("goals", self._read()["goals"][str(doc_id)], None)
            table.remove(doc_ids=[doc_id])
            return str(doc["name"]) if isinstance(doc, dict) else name

    def add_milestone(self, milestone: CustomMilestone) -> None:
        with self.change("milestone add"):
            self._db.table("milestones").insert(milestone.to_dict())
            self._record("milestones", None, milestone.to_dict())

    def mark_celebrated(self, routine: str, count: int) -> None:
        with self.transaction():
            key = routine_key(routine)
            from tinydb import Query

            table = self._db.table("celebrated")

            q = Query()
            if not table.contains((q.routine == key) & (q.count == count)):
                self._forget_journal()  # not recorded, so the cached journal cannot follow it
                table.insert({"routine": key, "count": count, "date": today().isoformat()})
