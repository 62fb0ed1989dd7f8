"""The clinician report: its sections and charts over demo data, exact figures, escaped text."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from msgspec.structs import replace

from tui.core.demo import generate
from tui.core.models import Checkin, Goal, Journal, Session
from tui.io.report import pain_change_text, period_for, render_report

TODAY = date(2026, 11, 23)  # a Monday


class Page(HTMLParser):
    """What a reader of the page sees: tags, attributes, headings and text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()
        self.attrs: list[tuple[str, str | None]] = []
        self.classes: Counter[str] = Counter()
        self.ids: set[str] = set()
        self.headings: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attrs += attrs
        for name, value in attrs:
            if name == "class" and value:
                self.classes.update(value.split())
            if name == "id" and value:
                self.ids.add(value)
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "h2":
            self.headings.append(data.strip())
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def demo() -> Journal:
    return generate(200, 3, TODAY)


@pytest.fixture(scope="module")
def page(demo: Journal) -> Page:
    return Page(render_report(demo, TODAY, 12))


def test_the_report_has_every_section_a_clinician_reads(page: Page) -> None:
    assert page.headings == [
        "Pain",
        "Weekly PEG check",
        "Sleep and mood",
        "Flares",
        "Movement",
        "Goals and pacing",
        "Routines and milestones",
        "Her notes",
    ]
    assert {"period", "pain-change"} <= page.ids


def test_the_charts_are_inline_svg_drawn_from_her_data(page: Page, demo: Journal) -> None:
    assert page.tags["svg"] == 5  # pain, the weekly PEG score, sleep, mood, movement
    period = period_for(TODAY, 12, 0)
    logged = [c for d, c in demo.checkins.items() if period.holds(d)]
    points = sum(c.pain is not None for c in logged)
    points += sum(c.sleep_hours is not None for c in logged)
    points += sum(c.mood is not None for c in logged)
    assert page.classes["day"] == points
    assert page.classes["mean"] >= 3 * 11  # a weekly mean bar per chart and week with data
    assert page.classes["rest"] == sum(c.flare for c in logged)
    assert page.classes["bar"] > 12


def test_the_report_loads_nothing_and_runs_nothing(page: Page) -> None:
    assert page.tags["script"] == 0 and page.tags["link"] == 0 and page.tags["img"] == 0
    assert not [v for k, v in page.attrs if k in ("src", "href")]
    assert page.tags["style"] == 1


def test_the_figures_match_the_data(page: Page, demo: Journal) -> None:
    period = period_for(TODAY, 12, 0)
    sessions = [s for s in demo.sessions if period.holds(s.date)]
    minutes = sum(s.minutes for s in sessions)
    assert f"{len(sessions)} sessions, {minutes} minutes in the period." in page.all_text
    flare_days = sum(c.flare for d, c in demo.checkins.items() if period.holds(d))
    assert f"Flare (rest) days in the period: {flare_days}." in page.all_text
    for goal in demo.goals:
        assert goal.name in page.all_text
    assert "Lower Body Strength" in page.all_text


def test_wording_is_plain_and_kind(page: Page) -> None:
    text = page.all_text.lower()
    for word in ("missed", "failed", "broken", "streak lost", "improve", "worse", "cure"):
        assert word not in text


def test_her_text_is_shown_as_text_never_as_markup(demo: Journal) -> None:
    hostile = "<script>alert('x')</script> & <b>bold</b>"
    journal = Journal(
        checkins={
            **demo.checkins,
            TODAY: replace(demo.checkins.get(TODAY, Checkin(TODAY)), note=hostile),
        },
        sessions=[
            *demo.sessions,
            Session(TODAY, "walk", 20, routine="<img src=x onerror=alert(1)>", note=hostile),
        ],
        goals=[Goal.create(name="<i>Walks</i>", per_week=2, created=TODAY)],
        milestones=demo.milestones,
        celebrated=demo.celebrated,
    )
    html = render_report(journal, TODAY, 4)
    page = Page(html)
    assert page.tags["script"] == 0 and page.tags["img"] == 0
    assert page.tags["b"] == 0 and page.tags["i"] == 0
    assert hostile in page.all_text
    assert "<img src=x onerror=alert(1)>" in page.all_text
    assert "<i>Walks</i>" in page.all_text


def _pain_journal(first: int, last: int, weeks: int = 4) -> Journal:
    start = period_for(TODAY, weeks, 0).first
    checkins = {}
    for i in range((TODAY - start).days + 1):
        day = start + timedelta(days=i)
        checkins[day] = Checkin(day, pain=first if i < 14 else last)
    return Journal(checkins=checkins)


def _change(journal: Journal, weeks: int = 4) -> str:
    period = period_for(TODAY, weeks, 0)
    pain = {d: float(c.pain) for d, c in journal.checkins.items() if c.pain is not None}
    return pain_change_text(period, pain)


def test_a_drop_of_two_points_reaches_the_threshold() -> None:
    text = _change(_pain_journal(6, 4))
    assert "Mean daily pain was 6.0 in the first two weeks (14 days logged)" in text
    assert "2.0 points lower (33% of the starting mean)" in text
    assert text.endswith("This change reaches 30% or 2 points.")


def test_a_thirty_percent_drop_reaches_the_threshold_under_two_points() -> None:
    text = _change(_pain_journal(3, 2))
    assert "1.0 points lower (33% of the starting mean)" in text
    assert text.endswith("reaches 30% or 2 points.")


def test_a_small_change_is_said_to_be_below_the_threshold() -> None:
    text = _change(_pain_journal(5, 4))
    assert "1.0 points lower (20% of the starting mean)" in text
    assert text.endswith("below 30% and below 2 points.")


def test_a_rise_is_called_higher() -> None:
    assert "2.0 points higher" in _change(_pain_journal(3, 5))


def test_no_comparison_in_a_period_under_four_weeks() -> None:
    assert "shorter than four weeks" in _change(_pain_journal(6, 4, weeks=3), weeks=3)


def test_the_period_is_whole_calendar_weeks_from_her_week_start() -> None:
    period = period_for(TODAY, 2, 6)  # weeks starting on Sunday
    assert period.first == date(2026, 11, 15) and period.last == TODAY
    assert period.week_starts == [date(2026, 11, 15), date(2026, 11, 22)]


def test_an_empty_journal_still_gives_a_readable_report() -> None:
    page = Page(render_report(Journal(), TODAY, 4))
    assert "Check-ins logged on 0 of 22 days." in page.all_text
    assert "No goals set." in page.all_text and "No notes in the period." in page.all_text


def test_a_year_long_report_tables_months_and_charts_weekly_means() -> None:
    journal = generate(400, 5, TODAY)
    page = Page(render_report(journal, TODAY, 52))
    assert "Month" in page.all_text and "2026-11" in page.all_text
    assert "Week of" in page.all_text  # the goals' recent weeks stay weekly
    assert page.classes["day"] == 0  # a year of single days would be noise: weekly means instead
    assert page.classes["mean"] == 3  # one line of weekly means per daily chart
    assert "The last 12 weeks:" in page.all_text
    assert "Minutes of movement per month, by kind" in render_report(journal, TODAY, 52)
