"""The clinician report's period and its plain building blocks: weeks or months, daily-value
statistics, and tables as rows of text (the template escapes them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from statistics import mean

from msgspec import Struct, field

from tui.core.dates import week_start
from tui.core.models import Checkin

MONTHLY_AFTER_WEEKS = 26


class Bucket(Struct, frozen=True):
    """A row of the report's tables: a calendar week, or a month for long periods."""

    label: str
    start: date
    end: date  # exclusive

    def holds(self, day: date) -> bool:
        return self.start <= day < self.end


class Period(Struct, frozen=True):
    """The report's days, `first` to `last` inclusive, and the calendar weeks they touch."""

    first: date
    last: date
    week_starts: list[date]

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def monthly(self) -> bool:
        """Long periods are tabled by month, so a year's report stays a few pages."""
        return len(self.week_starts) > MONTHLY_AFTER_WEEKS

    def weeks(self) -> list[Bucket]:
        """The calendar weeks, cut to the period (a period may begin or end mid-week)."""
        end = self.last + timedelta(days=1)
        out = []
        for s in self.week_starts:
            start = max(s, self.first)
            out.append(Bucket(start.isoformat(), start, min(s + timedelta(days=7), end)))
        return out

    def buckets(self) -> list[Bucket]:
        """Weeks (or months, for long periods) covering the period, oldest first."""
        if not self.monthly:
            return self.weeks()
        end = self.last + timedelta(days=1)
        out = []
        start = self.first
        while start < end:
            nxt = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
            out.append(Bucket(start.strftime("%Y-%m"), start, min(nxt, end)))
            start = nxt
        return out

    @property
    def bucket_name(self) -> str:
        return "Month" if self.monthly else "Week of"


def period_for(day: date, weeks: int, first_weekday: int) -> Period:
    """The `weeks` calendar weeks up to and including the week holding `day`."""
    current = week_start(day, first_weekday)
    starts = [current - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    return Period(starts[0], day, starts)


def period_between(first: date, last: date, first_weekday: int) -> Period:
    """The days `first` to `last` (inclusive) and the calendar weeks they touch."""
    start = week_start(first, first_weekday)
    starts = [start + timedelta(weeks=i) for i in range((last - start).days // 7 + 1)]
    return Period(first, last, starts)


class Stat(Struct, frozen=True):
    """Daily values over a week or month: how many days had one, their mean and range."""

    bucket: Bucket
    days: int
    mean: float | None
    low: float | None
    high: float | None


def stats(buckets: Iterable[Bucket], values: dict[date, float]) -> list[Stat]:
    """Each bucket's count, mean, lowest and highest of the daily values."""
    rows = []
    for bucket in buckets:
        found = [v for d, v in values.items() if bucket.holds(d)]
        if found:
            rows.append(Stat(bucket, len(found), mean(found), min(found), max(found)))
        else:
            rows.append(Stat(bucket, 0, None, None, None))
    return rows


def daily_values(
    checkins: dict[date, Checkin], period: Period, pick: Callable[[Checkin], float | None]
) -> dict[date, float]:
    """One check-in field, by day, over the period (days without a value left out)."""
    out = {}
    # The period's days, not every check-in of her history (twenty years are 7,000 of them).
    for day in (period.first + timedelta(days=i) for i in range(period.days)):
        checkin = checkins.get(day)
        value = pick(checkin) if checkin is not None else None
        if value is not None:
            out[day] = float(value)
    return out


def fmt(value: float | None, digits: int = 1) -> str:
    """A figure for a table cell; a dash when there is none."""
    return "–" if value is None else f"{value:.{digits}f}"


def signed(value: float, digits: int = 1) -> str:
    """A change with its sign (a true minus sign), e.g. `−1.3`, `+0.7`, `0.0`."""
    text = f"{abs(value):.{digits}f}"
    if float(text) == 0:
        return text
    return ("−" if value < 0 else "+") + text


class Table(Struct, frozen=True):
    """A table as text: the template escapes every cell; `numeric` columns align right."""

    header: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, header: list[str], rows: list[list[str]], numeric: Iterable[int] = ()) -> Table:
        return cls(header, rows, frozenset(numeric))
