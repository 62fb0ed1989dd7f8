"""The report's weekly PEG table, its pacing tables (planned beside actual), a period given by
dates, and the print styles that keep charts and tables whole."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from msgspec.structs import replace

from tui.core.demo import generate
from tui.core.goals import accept_step_up
from tui.core.models import Goal, Journal, Session
from tui.core.pacing import planned_target
from tui.core.peg import Peg, by_week, peg_change
from tui.io.report import period_between, period_for, render_between, render_report

TODAY = date(2026, 11, 23)  # a Monday


class Tables(HTMLParser):
    """Every table of one section (by its id) as rows of cell texts, header row first."""

    def __init__(self, html: str, section: str) -> None:
        super().__init__()
        self.section = section
        self.inside = False
        self.depth = 0
        self.tables: list[list[list[str]]] = []
        self.paragraphs: list[str] = []
        self._cell: list[str] | None = None
        self._para: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.inside = dict(attrs).get("id") == self.section
        if not self.inside:
            return
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "p":
            self._para = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.inside = False
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        if tag == "p" and self._para is not None:
            self.paragraphs.append(" ".join("".join(self._para).split()))
            self._para = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._para is not None:
            self._para.append(data)

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)


@pytest.fixture(scope="module")
def demo() -> Journal:
    return generate(200, 3, TODAY)


@pytest.fixture(scope="module")
def demo_html(demo: Journal) -> str:
    return render_report(demo, TODAY, 12)


# -- the weekly PEG check ----------------------------------------------------------------------


def test_the_peg_table_has_a_row_for_each_answered_week_of_the_period(
    demo: Journal, demo_html: str
) -> None:
    period = period_for(TODAY, 12, 0)
    weeks = {w: p for w, p in by_week(demo.pegs, 0).items() if period.holds(p.date)}
    assert len(weeks) >= 8  # the demo answers most weeks
    (table,) = Tables(demo_html, "peg").tables
    header, *rows = table
    assert header[:6] == ["Week of", "Answered", "Pain", "Enjoyment", "Activity", "Score"]
    assert [r[0] for r in rows] == [w.isoformat() for w in weeks]
    for row, (week, peg) in zip(rows, weeks.items(), strict=True):
        assert row[2:6] == [
            str(peg.pain),
            str(peg.enjoyment),
            str(peg.activity),
            f"{peg.score:.1f}",
        ]
        change = peg_change(weeks, week)
        assert row[7] == ("yes" if change and change.meaningful else "")
    assert rows[0][6] == "–"  # the first week is where the change is counted from


def test_the_peg_change_says_plainly_what_clinicians_count_as_meaningful(demo_html: str) -> None:
    text = Tables(demo_html, "peg").text
    assert (
        "Clinicians usually count a change of 30% or more from the first score as meaningful"
        in text
    )
    assert "Krebs" in text and "2009" in text


def _journal_with_pegs(*answers: tuple[int, int, int]) -> Journal:
    first = period_for(TODAY, 4, 0).first
    return Journal(
        pegs=[Peg(first + timedelta(weeks=i, days=1), *a) for i, a in enumerate(answers)]
    )


def test_a_third_lower_is_reported_as_reaching_thirty_percent() -> None:
    html = render_report(_journal_with_pegs((6, 6, 6), (5, 6, 6), (4, 4, 4)), TODAY, 4)
    section = Tables(html, "peg")
    assert "score 6.0" in section.text and "score 4.0" in section.text
    assert "2.0 points lower (33% of the first score)" in section.text
    assert "as meaningful; this change reaches it." in section.text
    rows = section.tables[0][1:]
    assert [r[6] for r in rows] == ["–", "−0.3 (−5%)", "−2.0 (−33%)"]
    assert [r[7] for r in rows] == ["", "", "yes"]


def test_a_smaller_change_is_reported_as_below_thirty_percent() -> None:
    html = render_report(_journal_with_pegs((5, 5, 5), (4, 5, 4)), TODAY, 4)
    text = Tables(html, "peg").text
    assert "0.7 points lower (13% of the first score)" in text
    assert "as meaningful; this change is below it." in text


def test_a_period_without_answers_says_so() -> None:
    html = render_report(Journal(), TODAY, 4)
    assert "No weekly PEG check was answered in the period." in Tables(html, "peg").text
    assert Tables(html, "peg").tables == []


def test_answers_outside_the_period_are_left_out() -> None:
    journal = _journal_with_pegs((6, 6, 6), (5, 5, 5))
    journal.pegs.insert(0, Peg(TODAY - timedelta(weeks=10), 9, 9, 9))
    rows = Tables(render_report(journal, TODAY, 4), "peg").tables[0][1:]
    assert len(rows) == 2 and rows[0][5] == "6.0"


# -- pacing: planned beside actual -------------------------------------------------------------


def _goal_tables(html: str) -> dict[str, list[list[str]]]:
    """Each goal's weekly table, by the goal's name (the tables follow in the goals' order)."""
    tables = Tables(html, "goals").tables
    weekly = [t for t in tables if t[0][0] == "Week of"]
    names = re.findall(r"<h3>(.*?)</h3>", html.split('id="goals"')[1].split("</section>")[0])
    return dict(zip(names, weekly, strict=True))


def test_a_goal_with_a_pacing_plan_shows_planned_and_actual_weekly_amounts(
    demo: Journal, demo_html: str
) -> None:
    tables = _goal_tables(demo_html)
    strength = next(g for g in demo.goals if g.name == "Strength videos")
    header, *rows = tables["Strength videos"]
    assert header == [
        "Week of",
        "Planned",
        "Her target",
        "Rest days",
        "Target after rest",
        "Done (sessions)",
        "Target reached",
    ]
    assert len(rows) == 12
    for row in rows:
        week = date.fromisoformat(row[0])
        assert row[1] == str(planned_target(strength, week, 0))
        done = sum(
            1
            for s in demo.sessions
            if week <= s.date < week + timedelta(days=7) and s.kind == "strength"
        )
        assert row[5] == str(done)
    assert "Planned and actual weekly amounts" in Tables(demo_html, "goals").text


def test_a_goal_without_a_plan_has_no_planned_column(demo_html: str) -> None:
    header = _goal_tables(demo_html)["Moving minutes"][0]
    assert "Planned" not in header and header[1] == "Done (minutes)"


def test_the_plan_runs_ahead_of_her_target_until_she_accepts_a_step() -> None:
    start = TODAY - timedelta(weeks=7)  # a Monday
    goal = Goal.create(
        name="Walks", per_week=2, kinds=["walk"], ramp_to=4, ramp_every=2, created=start
    )
    sessions = [
        Session(start + timedelta(weeks=w, days=d), "walk", 20) for w in range(7) for d in (1, 4)
    ]
    journal = Journal(sessions=sessions, goals=[goal])
    # She accepts the first offered step (in week three) and lets the later ones pass.
    journal.goals = [accept_step_up(goal, journal, start + timedelta(weeks=2))]
    rows = _goal_tables(render_report(journal, TODAY, 8))["Walks"][1:]
    assert [r[1] for r in rows] == ["2", "2", "3", "3", "4", "4", "4", "4"]
    assert [r[2] for r in rows] == ["2", "2", "3", "3", "3", "3", "3", "3"]
    assert [r[5] for r in rows] == ["2"] * 7 + ["0"]  # this week has only begun
    text = Tables(render_report(journal, TODAY, 8), "goals").text
    assert (
        "Pacing plan: from 2 toward 4 sessions a week, one step after every 2 steady weeks" in text
    )


# -- a period from one date to another ---------------------------------------------------------


def test_a_period_between_dates_keeps_to_those_days(demo: Journal) -> None:
    first, last = date(2026, 9, 9), date(2026, 10, 20)  # a Wednesday to a Tuesday
    period = period_between(first, last, 0)
    assert period.week_starts[0] == date(2026, 9, 7) and period.week_starts[-1] == date(
        2026, 10, 19
    )
    html = render_between(demo, first, last, TODAY)
    assert "Period: 2026-09-09 to 2026-10-20 (42 days in 7 calendar weeks;" in html
    weeks = [r[0] for r in Tables(html, "pain").tables[0][1:]]
    assert weeks[0] == "2026-09-09" and weeks[1] == "2026-09-14" and len(weeks) == 7
    sessions = [s for s in demo.sessions if first <= s.date <= last]
    assert f"{len(sessions)} sessions, {sum(s.minutes for s in sessions)} minutes" in html
    pegs = [p for p in demo.pegs if first <= p.date <= last]
    assert len(Tables(html, "peg").tables[0]) == len(pegs) + 1


# -- printing ----------------------------------------------------------------------------------


def test_print_styles_keep_charts_and_tables_whole_on_any_paper(demo_html: str) -> None:
    style = demo_html.split("<style>")[1].split("</style>")[0]
    style = re.sub(r"/\*.*?\*/", "", style, flags=re.S)
    rule = re.search(r"([^{}]*)\{[^}]*break-inside: avoid", style)
    assert rule is not None
    kept = {s.strip() for s in rule.group(1).split(",")}
    assert {"figure", ".chart", "table", ".block"} <= kept
    page = re.search(r"@page\s*\{([^}]*)\}", style)
    assert page is not None and "size" not in page.group(1)  # no paper fixed: A4 and Letter
    # Every chart sits inside a figure or a block, with its heading.
    assert demo_html.count("<svg") == demo_html.count("<figure>")


def test_her_text_in_a_goal_plan_stays_text() -> None:
    goal = Goal.create(
        name="<b>Walks</b>", per_week=1, ramp_to=2, ramp_every=1, created=TODAY - timedelta(weeks=2)
    )
    html = render_report(Journal(goals=[replace(goal)]), TODAY, 4)
    assert "<b>Walks</b>" not in html and "&lt;b&gt;Walks&lt;/b&gt;" in html
