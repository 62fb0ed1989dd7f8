"""`gentle goal add|list|step-up|step-down|remove` and `gentle config week-start`."""

from __future__ import annotations

from typing import Any

from gentle_cli import Gentle


def goals(gentle: Gentle) -> dict[str, dict[str, Any]]:
    return {doc["name"]: doc for doc in gentle.data()["goals"].values()}


def progress(gentle: Gentle) -> dict[str, dict[str, Any]]:
    return {g["name"]: g for g in gentle.status()["goals"]}


def test_a_sessions_a_week_goal_counts_sessions(gentle: Gentle) -> None:
    out = gentle.ok("goal", "add", "Walks", "--per-week", "3")
    assert "Walks: 3 sessions a week" in out
    gentle.ok("log", "move", "walk", "20")
    gentle.ok("log", "move", "snack", "2")
    walks = progress(gentle)["Walks"]
    assert (walks["done"], walks["target"], walks["rest_days"]) == (2, 3, 0)


def test_a_minutes_a_week_goal_adds_up_short_snacks(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "Moving minutes", "--minutes-per-week", "90")
    for _ in range(3):
        gentle.ok("log", "move", "snack", "2")
    moving = progress(gentle)["Moving minutes"]
    assert (moving["unit"], moving["done"], moving["target"]) == ("minutes", 6, 90)


def test_a_goal_with_kinds_counts_only_those_kinds(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "Easy", "--per-week", "4", "--kind", "walk", "--kind", "STRETCH")
    assert goals(gentle)["Easy"]["kinds"] == ["walk", "stretch"]
    gentle.ok("log", "move", "walk", "10")
    gentle.ok("log", "move", "stretch", "10")
    gentle.ok("log", "move", "strength", "10")
    assert progress(gentle)["Easy"]["done"] == 2


def test_a_goal_for_a_routine_counts_only_that_routine(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "LBS", "--per-week", "2", "--routine", "Lower Body Strength")
    gentle.ok("log", "move", "strength", "20", "--routine", "lower body strength")
    gentle.ok("log", "move", "strength", "20", "--routine", "Upper Body")
    gentle.ok("log", "move", "strength", "20")
    assert progress(gentle)["LBS"]["done"] == 1


def test_a_paced_goal_keeps_its_ramp(gentle: Gentle) -> None:
    out = gentle.ok(
        "goal", "add", "Walks", "--per-week", "2", "--ramp-to", "5", "--ramp-every", "3"
    )  # fmt: skip
    assert "pacing up to 5 sessions after 3 weeks" in out
    stored = goals(gentle)["Walks"]
    assert (stored["target"], stored["ramp_to"], stored["ramp_every"]) == (2, 5, 3)
    assert "pacing up to 5" in gentle.ok("goal", "list")


def test_goal_list_with_no_goals_says_how_to_add_one(gentle: Gentle) -> None:
    assert "gentle goal add" in gentle.ok("goal", "list")
    assert not gentle.db.exists()


def test_goal_list_shows_this_weeks_progress_and_offers_a_step_up(seeded: Gentle) -> None:
    out = seeded.ok("goal", "list")
    assert "Walks: 2 sessions a week" in out
    assert "this week" in out
    assert "Ready when you are: step up to 3" in out


def test_step_up_accepts_the_offer(seeded: Gentle) -> None:
    offer = progress(seeded)["Walks"]["step_up_offer"]
    assert offer == 3
    out = seeded.ok("goal", "step-up", "walks")
    assert "2 sessions → 3 sessions" in out
    walks = goals(seeded)["Walks"]
    assert walks["target"] == 3
    assert walks["steps"][-1]["reason"] == "up"
    assert progress(seeded)["Walks"]["step_up_offer"] is None


def test_step_down_lowers_the_target_any_time_but_never_below_one(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "Walks", "--per-week", "2")
    assert "2 sessions → 1 session a week" in gentle.ok("goal", "step-down", "Walks")
    assert goals(gentle)["Walks"]["target"] == 1
    before = gentle.db.read_bytes()
    assert "stays at 1 session a week" in gentle.ok("goal", "step-down", "Walks")
    assert gentle.db.read_bytes() == before


def test_step_up_without_an_offer_still_goes_up_when_she_asks(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "Minutes", "--minutes-per-week", "100")
    gentle.ok("goal", "step-up", "Minutes")
    assert goals(gentle)["Minutes"]["target"] > 100


def test_remove_takes_the_goal_away_whatever_its_case(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "Walks", "--per-week", "3")
    gentle.ok("goal", "add", "Stretch", "--per-week", "2")
    assert "removed" in gentle.ok("goal", "remove", "WALKS")
    assert list(goals(gentle)) == ["Stretch"]


def test_week_start_moves_the_goal_week_and_rest_days_lower_the_target(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "Walks", "--per-week", "3")
    gentle.ok("log", "checkin", "--date", "2026-11-20", "--flare")
    gentle.ok("log", "checkin", "--date", "2026-11-21", "--flare")
    monday_week = progress(gentle)["Walks"]  # today is a Monday: the flares were last week
    assert (monday_week["week_start"], monday_week["rest_days"]) == ("2026-11-23", 0)

    assert "Thursday" in gentle.ok("config", "week-start", "thursday")
    thursday_week = progress(gentle)["Walks"]
    assert thursday_week["week_start"] == "2026-11-19"
    assert (thursday_week["rest_days"], thursday_week["target"]) == (2, 2)  # round(3 * 5 / 7)


def test_week_start_takes_a_short_day_name(gentle: Gentle) -> None:
    gentle.ok("config", "week-start", "Sun")
    gentle.ok("goal", "add", "Walks", "--per-week", "3")
    assert progress(gentle)["Walks"]["week_start"] == "2026-11-22"
