"""The weekly PEG-3 check (Krebs et al. 2009), the three-item pain scale clinicians use.

Three questions about the past week, each 0-10: average pain (P), how much pain interfered with
enjoyment of life (E), and with general activity (G). The score is their mean. She answers once per
calendar week (her `week_start`); a second answer in the same week replaces the first.

Reference: Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG, a
three-item scale assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733-738.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from msgspec import Struct

from tui.core.dates import week_start
from tui.core.models import IntRange, Journal, check_date
from tui.core.words import scale_hint

#: Each item's range; the hint names the anchors of the scale (they differ between the items).
PAIN_ANCHORS = {0: "no pain", 10: "as bad as you can imagine"}
INTERFERENCE_ANCHORS = {0: "does not interfere", 10: "completely interferes"}
PEG_PAIN = IntRange(0, 10, scale_hint(0, 10, PAIN_ANCHORS))
PEG_INTERFERENCE = IntRange(0, 10, scale_hint(0, 10, INTERFERENCE_ANCHORS))
ITEMS: dict[str, IntRange] = {
    "pain": PEG_PAIN,
    "enjoyment": PEG_INTERFERENCE,
    "activity": PEG_INTERFERENCE,
}
#: The questions as a form or a report asks them (about the past week).
QUESTIONS: dict[str, str] = {
    "pain": "What number best describes your pain on average in the past week?",
    "enjoyment": "What number best describes how, during the past week, pain has interfered "
    "with your enjoyment of life?",
    "activity": "What number best describes how, during the past week, pain has interfered "
    "with your general activity?",
}
#: A change of at least this share of the first score is what clinicians usually count as
#: meaningful (30%, as for other pain scales).
MEANINGFUL_PERCENT = 30
CITATION = (
    "Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG, "
    "a three-item scale assessing pain intensity and interference. "
    "J Gen Intern Med 2009;24(6):733-738."
)


class Peg(Struct, frozen=True):
    """One weekly PEG check: the day she answered and the three items."""

    date: date
    pain: int
    enjoyment: int
    activity: int

    @classmethod
    def create(cls, *, date: Any, pain: Any, enjoyment: Any, activity: Any) -> Peg:
        """Validate every item (0-10) and the date (never after today)."""
        return cls(
            date=check_date(date),
            pain=PEG_PAIN.check("pain", pain),
            enjoyment=PEG_INTERFERENCE.check("enjoyment", enjoyment),
            activity=PEG_INTERFERENCE.check("activity", activity),
        )

    @property
    def total(self) -> int:
        """The three items added up (0-30): exact, unlike the mean."""
        return self.pain + self.enjoyment + self.activity

    @property
    def score(self) -> float:
        """The PEG score: the mean of the three items, 0-10."""
        return self.total / 3

    def week(self, first_weekday: int) -> datetime.date:  # `date` here is the field
        """The first day of the calendar week this answer belongs to."""
        return week_start(self.date, first_weekday)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "pain": self.pain,
            "enjoyment": self.enjoyment,
            "activity": self.activity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Peg:
        """Build from stored or exported data, checking every item (the date may be any day)."""
        return cls(
            date=date.fromisoformat(str(data["date"])),
            pain=PEG_PAIN.check("pain", data.get("pain")),
            enjoyment=PEG_INTERFERENCE.check("enjoyment", data.get("enjoyment")),
            activity=PEG_INTERFERENCE.check("activity", data.get("activity")),
        )


def by_week(pegs: Iterable[Peg], first_weekday: int) -> dict[date, Peg]:
    """One answer per calendar week, oldest week first; the latest answer of a week wins."""
    weeks: dict[date, Peg] = {}
    for peg in sorted(pegs, key=lambda p: p.date):  # stable: of one day, the last given wins
        weeks[peg.week(first_weekday)] = peg
    return dict(sorted(weeks.items()))


def with_answer(pegs: Iterable[Peg], new: Peg, first_weekday: int) -> list[Peg]:
    """The answers once `new` is given: any other answer of its week is replaced."""
    week = new.week(first_weekday)
    kept = [p for p in pegs if p.week(first_weekday) != week]
    return sorted([*kept, new], key=lambda p: p.date)


def new_weekly_answers(journal: Journal, incoming: Iterable[Peg]) -> list[Peg]:
    """Of `incoming` (an import), the answers for weeks she has not answered: hers are kept."""
    answered = by_week(journal.pegs, journal.week_start)
    return [p for w, p in by_week(incoming, journal.week_start).items() if w not in answered]


def peg_for_week(journal: Journal, day: date) -> Peg | None:
    """Her answer for the calendar week holding `day`, if she gave one (`by_week`'s pick, over
    that week's answers only: not twenty years of them)."""
    first = week_start(day, journal.week_start)
    end = first + timedelta(days=7)
    week = [p for p in journal.pegs if first <= p.date < end]
    return by_week(week, journal.week_start).get(first)


def invite_peg(journal: Journal, day: date) -> bool:
    """Whether the dashboard shows its one quiet line inviting this week's PEG check on `day`.

    Every day of a calendar week that has no answer yet: the line goes away once she answers
    and, unanswered, when the week ends (a new week asks about a new week, nothing carries
    over). Never on a day she marked as a flare (rest) day: rest days ask nothing of her.
    """
    checkin = journal.checkins.get(day)
    if checkin is not None and checkin.flare:
        return False
    return peg_for_week(journal, day) is None


class PegChange(Struct, frozen=True):
    """The change of the PEG score from a first week to a later one."""

    first: Peg
    last: Peg

    @property
    def points(self) -> float:
        """Score points, negative when lower (less pain and interference)."""
        return self.last.score - self.first.score

    @property
    def share(self) -> float | None:
        """The change as a share of the first score; None when the first score was 0."""
        return (self.last.total - self.first.total) / self.first.total if self.first.total else None

    @property
    def percent(self) -> int | None:
        """The size of the change in whole percent of the first score, rounded down (so a
        shown 30% is always a meaningful one); None when the first score was 0."""
        if not self.first.total:
            return None
        return abs(self.last.total - self.first.total) * 100 // self.first.total

    @property
    def meaningful(self) -> bool:
        """At least 30% of the first score (computed on the whole-number totals, exactly)."""
        if not self.first.total:
            return False
        return (
            abs(self.last.total - self.first.total) * 100 >= MEANINGFUL_PERCENT * self.first.total
        )


def peg_change(pegs: Mapping[date, Peg], week: date) -> PegChange | None:
    """The change from the first answered week of `pegs` to `week` (None for the first itself)."""
    if not pegs or week not in pegs:
        return None
    first = next(iter(pegs))
    if first == week:
        return None
    return PegChange(pegs[first], pegs[week])
