"""The clinician report: one self-contained, printable HTML file over a period of her journal.

Plain and exact: counts, means and ranges with the number of days behind them, no medical claims.
The figures are prepared in Python (`report_sections`, `report_goals`, from core's rules); the
words and layout live in `templates/report.html.j2`, rendered by Jinja2 with autoescape on, so
her text is always text. Inline CSS and inline SVG only: no script, nothing from the network.
Jinja2 is imported here only, and this module only by the `report` command.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    Template,
)

from tui.core.dates import WEEKDAY_NAMES
from tui.core.earlier import NOTHING_EARLIER, Earlier
from tui.core.models import Journal
from tui.core.peg import CITATION, MEANINGFUL_PERCENT
from tui.core.words import MOOD_WORDS, PAIN_WORDS, SLEEP_QUALITY_WORDS, count, mood
from tui.io.report_goals import goal_blocks, notes, routines_section
from tui.io.report_period import Period, period_between, period_for
from tui.io.report_sections import (
    flare_section,
    legend,
    movement_section,
    pain_change_text,
    pain_section,
    peg_section,
    sleep_mood_section,
)

__all__ = [
    "pain_change_text",
    "period_between",
    "period_for",
    "render_between",
    "render_period",
    "render_report",
]


@cache
def _template() -> Template:
    env = Environment(
        loader=PackageLoader("tui.io", "templates"),
        # Compiling the template is a quarter of a report's time: Jinja keeps the compiled code
        # in its own per-user cache folder (0700, checked), keyed by the template's checksum.
        bytecode_cache=FileSystemBytecodeCache(),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name fails loudly, never renders as nothing
        keep_trailing_newline=True,
    )
    return env.get_template("report.html.j2")


def _overview(journal: Journal, period: Period, weeks: int | None) -> str:
    logged = sum(1 for d in journal.checkins if period.holds(d))
    days = count(period.days, "day")
    span = (
        f"{count(weeks, 'calendar week')}, {days}"
        if weeks is not None
        else f"{days} in {count(len(period.week_starts), 'calendar week')}"
    )
    weekday = WEEKDAY_NAMES[journal.week_start].capitalize()
    return (
        f"Period: {period.first.isoformat()} to {period.last.isoformat()} ({span}; weeks start "
        f"on {weekday}). Check-ins logged on {logged} of {days}."
    )


def _ends(words: dict[int, str]) -> str:
    """`0 (no pain) to 10 (worst)`: a scale's ends in core's words."""
    lo, hi = min(words), max(words)
    return f"{lo} ({words[lo]}) to {hi} ({words[hi]})"


def render_period(
    journal: Journal,
    period: Period,
    day: date,
    weeks: int | None = None,
    earlier: Earlier = NOTHING_EARLIER,
) -> str:
    """The whole report over `period`, prepared on `day`, as one HTML document.

    `journal` may hold only the entries from the period's first calendar week on, with `earlier`
    the years before in brief (`Store.recent`): the report reads nothing else from them."""
    return _template().render(
        first=period.first.isoformat(),
        last=period.last.isoformat(),
        overview=_overview(journal, period, weeks),
        prepared=f"{day.strftime('%a')} {day.isoformat()}",
        legend_items=legend(period),
        pain_scale=_ends(PAIN_WORDS),
        sleep_quality_scale=_ends(SLEEP_QUALITY_WORDS),
        mood_scale=", ".join(mood(value) for value in sorted(MOOD_WORDS)),
        pain=pain_section(journal, period),
        peg=peg_section(journal, period),
        meaningful=MEANINGFUL_PERCENT,
        citation=CITATION,
        sleep_mood=sleep_mood_section(journal, period),
        flares=flare_section(journal, period, earlier),
        movement=movement_section(journal, period),
        goals=goal_blocks(journal, period, day),
        routines=routines_section(journal, period, earlier),
        notes=notes(journal, period),
    )


def render_report(journal: Journal, day: date, weeks: int) -> str:
    """The report over the last `weeks` calendar weeks up to `day`."""
    return render_period(journal, period_for(day, weeks, journal.week_start), day, weeks)


def render_between(journal: Journal, first: date, last: date, day: date) -> str:
    """The report over the days `first` to `last` (inclusive), prepared on `day`."""
    return render_period(journal, period_between(first, last, journal.week_start), day)
