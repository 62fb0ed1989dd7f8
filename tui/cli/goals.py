"""`gentle goal ...` and `gentle milestone add`: her weekly goals and her own milestones."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tui.cli.base import Parser
from tui.core.dates import today

if TYPE_CHECKING:
    from tui.core.models import Goal
    from tui.store import Store


def cmd_goal_add(args: argparse.Namespace, store: Store) -> int:
    from tui.core.models import Goal

    goal = Goal.create(
        name=args.name,
        per_week=args.per_week,
        minutes_per_week=args.minutes_per_week,
        kinds=args.kind or (),
        routine=args.routine,
        ramp_to=args.ramp_to,
        ramp_every=args.ramp_every,
        created=today(),
    )
    store.add_goal(goal)
    print(f"Goal added: {describe_goal(goal)}.")
    return 0


def describe_goal(goal: Goal) -> str:
    """One line about a goal, stored names shown escaped (never raw control characters)."""
    from tui.core.text import shown

    return shown(_describe(goal))


def _describe(goal: Goal) -> str:
    from tui.core.words import amount, count

    parts = [f"{goal.name}: {amount(goal.target, goal.unit)} a week"]
    if goal.kinds:
        parts.append("kinds " + ", ".join(goal.kinds))
    if goal.routine:
        parts.append(f"routine {goal.routine}")
    if goal.ramp_to is not None:
        every = count(goal.ramp_every or 0, "week")
        parts.append(f"pacing up to {amount(goal.ramp_to, goal.unit)} after {every} met in a row")
    return "; ".join(parts)


def cmd_goal_list(args: argparse.Namespace, store: Store) -> int:
    from tui.core import words
    from tui.core.goals import step_up_offer, week_progress
    from tui.core.words import count

    journal = store.journal()
    day = today()
    if not journal.goals:
        print("No goals yet. Add one: gentle goal add NAME --per-week N")
        return 0
    for goal in journal.goals:
        progress = week_progress(goal, journal, day)
        rest = f" ({count(progress.rest_days, 'rest day')} this week)" if progress.rest_days else ""
        done = words.progress(progress.done, progress.target, goal.unit)
        print(f"{describe_goal(goal)} | this week {done}{rest}")
        offer = step_up_offer(goal, journal, day)
        if offer is not None:
            offered = words.amount(offer, goal.unit)
            print(f"  Ready when you are: step up to {offered} (gentle goal step-up {goal.name!r})")
    return 0


def cmd_goal_step(args: argparse.Namespace, store: Store) -> int:
    from tui.core import goals as rules
    from tui.core.text import shown
    from tui.core.words import amount

    day = today()
    with store.transaction():
        goal = store.goal(args.name)
        if args.direction == "up":
            journal = store.journal()
            offered = rules.step_up_offer(goal, journal, day)
            new = (
                rules.accept_step_up(goal, journal, day)
                if offered
                else rules.step_up_now(goal, day)
            )
        else:
            new = rules.step_down(goal, day)
        if new is goal:
            print(f"{shown(goal.name)} stays at {amount(goal.target, goal.unit)} a week.")
            return 0
        store.save_goal(new)
    change = f"{amount(goal.target, goal.unit)} → {amount(new.target, new.unit)}"
    print(f"{shown(new.name)}: {change} a week.")
    return 0


def cmd_goal_remove(args: argparse.Namespace, store: Store) -> int:
    removed = store.remove_goal(args.name)
    if removed is None:
        store.goal(args.name)  # raises the error that names the goals there are
    from tui.core.text import shown

    print(f"Goal removed: {shown(removed or args.name)}.")
    return 0


def cmd_milestone_add(args: argparse.Namespace, store: Store) -> int:
    from tui.core.models import CustomMilestone, IntRange, check_name, check_text

    milestone = CustomMilestone(
        check_name(args.routine, "routine"),
        IntRange(1, 100_000).check("count", args.count),
        check_text(args.reward, "reward"),
    )
    store.add_milestone(milestone)
    print(f"Milestone added: {milestone.routine} at {milestone.count}.")
    return 0


def add_goal_parsers(sub: Any) -> None:
    goal = sub.add_parser("goal", help="weekly goals")
    goal_sub = goal.add_subparsers(metavar="ACTION", required=True, parser_class=Parser)
    add = goal_sub.add_parser("add", help="add a weekly goal")
    add.add_argument("name", metavar="NAME")
    amount = add.add_mutually_exclusive_group(required=True)
    amount.add_argument("--per-week", dest="per_week", help="sessions a week, 1-50")
    amount.add_argument("--minutes-per-week", dest="minutes_per_week", help="minutes a week")
    add.add_argument("--kind", action="append", help="count only this kind (repeatable)")
    add.add_argument("--routine", help="count only this routine")
    add.add_argument("--ramp-to", dest="ramp_to", help="where pacing may lead")
    add.add_argument("--ramp-every", dest="ramp_every", help="weeks met in a row before an offer")
    add.set_defaults(handler=cmd_goal_add)
    goal_sub.add_parser("list", help="goals and this week's progress").set_defaults(
        handler=cmd_goal_list
    )
    for name, direction, text in (
        ("step-up", "up", "one step up"),
        ("step-down", "down", "one step down"),
    ):
        p = goal_sub.add_parser(name, help=text)
        p.add_argument("name", metavar="NAME")
        p.set_defaults(handler=cmd_goal_step, direction=direction)
    remove = goal_sub.add_parser("remove", help="remove a goal")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=cmd_goal_remove)


def add_milestone_parsers(sub: Any) -> None:
    milestone = sub.add_parser("milestone", help="your own milestones for a routine")
    milestone_sub = milestone.add_subparsers(metavar="ACTION", required=True, parser_class=Parser)
    madd = milestone_sub.add_parser("add", help="celebrate a routine at COUNT, with a reward")
    madd.add_argument("routine", metavar="ROUTINE")
    madd.add_argument("count", metavar="COUNT")
    madd.add_argument("--reward", help='e.g. "ice cream"')
    madd.set_defaults(handler=cmd_milestone_add)


def add_parsers(sub: Any, command: str) -> None:
    """Register `goal` or `milestone`."""
    (add_goal_parsers if command == "goal" else add_milestone_parsers)(sub)
