"""Today at a glance, as one plain object: `gentle status --json` and the status text share it."""

from __future__ import annotations

from datetime import date
from typing import Any

from tui.core.flares import flare_summary
from tui.core.goals import met_weeks_in_a_row, step_up_offer, week_progress
from tui.core.insights import insights, pain_change
from tui.core.milestones import routine_counts
from tui.core.models import Journal
from tui.core.peg import peg_for_week


def status(journal: Journal, day: date) -> dict[str, Any]:
    """The `status --json` object for `day`."""
    checkin = journal.checkins.get(day)
    goals = []
    for goal in journal.goals:
        progress = week_progress(goal, journal, day)
        goals.append(
            {
                "name": goal.name,
                "unit": goal.unit,
                "done": progress.done,
                "target": progress.target,
                "base_target": progress.base_target,
                "rest_days": progress.rest_days,
                "met": progress.met,
                "week_start": progress.start.isoformat(),
                "kinds": list(goal.kinds),
                "routine": goal.routine,
                "met_weeks_in_a_row": met_weeks_in_a_row(goal, journal, day),
                "step_up_offer": step_up_offer(goal, journal, day),
            }
        )
    flares = flare_summary(journal, day)
    change = pain_change(journal, day)
    peg = peg_for_week(journal, day)
    return {
        "date": day.isoformat(),
        "checkin": checkin.to_dict() if checkin else None,
        "goals": goals,
        "days_since_flare": flares.days_since,
        "flares": {
            "days_since": flares.days_since,
            "last_4_weeks": flares.last_4_weeks,
            "typical_gap_days": flares.typical_gap,
            "typical_length_days": flares.typical_length,
            "episodes": flares.episodes,
        },
        "routines": [
            {
                "routine": r.routine,
                "count": r.count,
                "next_milestone": r.next_milestone,
                "to_go": r.to_go,
                "reward": r.reward,
                "projected": r.projected.isoformat() if r.projected else None,
                "last_done": r.last_done.isoformat(),
            }
            for r in routine_counts(journal, day)
        ],
        "insights": [
            {
                "key": i.key,
                "text": i.text,
                "a": {"label": i.a_label, "mean": round(i.a_mean, 2), "days": i.a_n},
                "b": {"label": i.b_label, "mean": round(i.b_mean, 2), "days": i.b_n},
            }
            for i in insights(journal, day)
        ],
        "peg": (
            {
                "week": peg.week(journal.week_start).isoformat(),
                "date": peg.date.isoformat(),
                "pain": peg.pain,
                "enjoyment": peg.enjoyment,
                "activity": peg.activity,
                "score": round(peg.score, 2),
            }
            if peg
            else None
        ),
        "pain_change": (
            {"mean": round(change.mean_change, 2), "sessions": change.sessions} if change else None
        ),
    }
