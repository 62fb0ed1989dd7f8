"""Check-ins, movement sessions, goals and milestones: her journal's domain objects.

Every field is checked by the rules in tui/core/fields.py (re-exported here), whoever gives the
value: the CLI, the forms, the importers or a stored file. Check-ins and sessions live in
tui/core/entries.py (re-exported here too).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from tui.core.entries import Checkin, Session
from tui.core.errors import InputError
from tui.core.fields import (
    DIGITS_MAX,
    KINDS,
    MINUTES,
    MINUTES_PER_WEEK,
    MOOD,
    NAME_MAX,
    NOTE_MAX,
    PAIN,
    PER_WEEK,
    RAMP_EVERY,
    SESSION_FIELDS,
    SLEEP_HOURS_MAX,
    SLEEP_QUALITY,
    SLEEP_STEP,
    UNITS,
    IntRange,
    _optional,
    check_date,
    check_kind,
    check_name,
    check_sleep_hours,
    check_text,
    hours_from_text,
    routine_key,
)

if TYPE_CHECKING:
    from tui.core.peg import Peg


class Step(Struct, frozen=True):
    """A change of a goal's weekly target: when, from what, to what, and why."""

    date: date
    target: int
    reason: str  # "created", "up", "down", "edited"

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "target": self.target, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        """Build from stored or imported data, validating every field."""
        from tui.core.records import step_values

        return cls(**step_values(data))


class Goal(Struct, frozen=True):
    """A weekly goal: sessions or minutes, optionally only some kinds or one routine.

    `steps` records every change of target (the first is its creation), so past weeks are judged
    by the target that was in force then, and the clinician report can show the pacing.
    `declined` is the date the last step-up offer was declined: offers count again from there.
    """

    name: str
    unit: str
    target: int
    kinds: tuple[str, ...] = ()
    routine: str | None = None
    ramp_to: int | None = None
    ramp_every: int | None = None
    steps: tuple[Step, ...] = ()
    declined: date | None = None

    @classmethod
    def create(
        cls,
        *,
        name: Any,
        per_week: Any = None,
        minutes_per_week: Any = None,
        kinds: Any = (),
        routine: Any = None,
        ramp_to: Any = None,
        ramp_every: Any = None,
        created: date,
    ) -> Goal:
        """Validate and build a new goal; exactly one of `per_week` / `minutes_per_week`."""
        given_sessions = per_week not in (None, "")
        given_minutes = minutes_per_week not in (None, "")
        if given_sessions == given_minutes:
            raise InputError("per_week", "give either per_week or minutes_per_week (one of them)")
        if given_sessions:
            unit, target = "sessions", PER_WEEK.check("per_week", per_week)
            ramp_range = PER_WEEK
        else:
            unit, target = "minutes", MINUTES_PER_WEEK.check("minutes_per_week", minutes_per_week)
            ramp_range = MINUTES_PER_WEEK
        ramp = _optional(ramp_to, ramp_range, "ramp_to")
        every = _optional(ramp_every, RAMP_EVERY, "ramp_every")
        if ramp is not None and ramp <= target:
            raise InputError("ramp_to", f"must be above the current target {target}, got {ramp}")
        if (ramp is None) != (every is None):
            raise InputError("ramp_every", "give ramp_to and ramp_every together")
        kinds_clean = tuple(dict.fromkeys(check_kind(k) for k in (kinds or ())))
        return cls(
            name=check_name(name, "name"),
            unit=unit,
            target=target,
            kinds=kinds_clean,
            routine=check_text(routine, "routine", NAME_MAX),
            ramp_to=ramp,
            ramp_every=every,
            steps=(Step(created, target, "created"),),
        )

    @property
    def created(self) -> date:
        return self.steps[0].date if self.steps else date.min

    def target_on(self, day: date) -> int:
        """The target in force on `day` (the last step on or before it)."""
        target = self.steps[0].target if self.steps else self.target
        for step in self.steps:
            if step.date <= day:
                target = step.target
        return target

    def counts(self, session: Session) -> bool:
        """Whether a session counts toward this goal (kind and routine filters)."""
        if self.kinds and session.kind not in self.kinds:
            return False
        if self.routine is not None:
            return session.routine is not None and routine_key(session.routine) == routine_key(
                self.routine
            )
        return True

    def amount(self, session: Session) -> int:
        """What one session adds: 1 session, or its minutes."""
        return 1 if self.unit == "sessions" else session.minutes

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "target": self.target,
            "per_week": self.target if self.unit == "sessions" else None,
            "minutes_per_week": self.target if self.unit == "minutes" else None,
            "kinds": list(self.kinds),
            "routine": self.routine,
            "ramp_to": self.ramp_to,
            "ramp_every": self.ramp_every,
            "steps": [s.to_dict() for s in self.steps],
            "declined": self.declined.isoformat() if self.declined else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Goal:
        """Build from stored or imported data, validating every field as typed input is."""
        from tui.core.records import goal_values

        return cls(**goal_values(data))


class CustomMilestone(Struct, frozen=True):
    """A milestone the user added for a routine, with an optional reward note ("ice cream")."""

    routine: str
    count: int
    reward: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"routine": self.routine, "count": self.count, "reward": self.reward}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CustomMilestone:
        """Build from stored or imported data, validating every field."""
        from tui.core.records import milestone_values

        return cls(**milestone_values(data))


class Journal(Struct):
    """Everything the user recorded, as the domain functions read it."""

    checkins: dict[date, Checkin] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    milestones: list[CustomMilestone] = field(default_factory=list)
    celebrated: set[tuple[str, int]] = field(default_factory=set)
    week_start: int = 0
    pegs: list[Peg] = field(default_factory=list)  # weekly PEG checks, oldest first


# The fields' rules are re-exported: callers find them with the models.
__all__ = [
    "DIGITS_MAX",
    "KINDS",
    "MINUTES",
    "MINUTES_PER_WEEK",
    "MOOD",
    "NAME_MAX",
    "NOTE_MAX",
    "PAIN",
    "PER_WEEK",
    "RAMP_EVERY",
    "SESSION_FIELDS",
    "SLEEP_HOURS_MAX",
    "SLEEP_QUALITY",
    "SLEEP_STEP",
    "UNITS",
    "Checkin",
    "CustomMilestone",
    "Goal",
    "IntRange",
    "Journal",
    "Session",
    "Step",
    "check_date",
    "check_kind",
    "check_name",
    "check_sleep_hours",
    "check_text",
    "hours_from_text",
    "routine_key",
]
