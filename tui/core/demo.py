"""Realistic demo data: her check-ins, videos, walks, movement snacks and flares.

Deterministic for a seed and an end date (its own `random.Random`, never the clock), so screenshots
and tests see the same life every time. The shape follows her own account: the strength video with
her mother-in-law on Mondays and Thursdays and a cooldown after it, 2-5 minute movement snacks,
walks at Bellhouse Park or the Lion's Field track, a flare every two to three weeks (rest, no
movement), the odd busy December, and a slow improvement over the years.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from statistics import median

from msgspec import Struct, field

from tui.core.dates import today, week_start
from tui.core.models import Checkin, CustomMilestone, Goal, Journal, Session, routine_key
from tui.core.peg import Peg

STRENGTH = "Lower Body Strength"
COOLDOWN = "Mindful Cooldown"
COMPANION = "mother-in-law"
PLACES = ("Bellhouse Park", "Lion's Field track")
COMPANION_DAYS = (0, 3)  # Monday and Thursday
DEFAULT_MILESTONES = (10, 25, 50, 100, 150, 200)  # then every 50
REWARDS = ((150, "ice cream"), (200, "a day trip to the sea"))

FLARE_NOTES = (
    "Flare. Dark room, heat pad, no screens.",
    "Resting. Curtains shut, warm blanket, quiet.",
    "Everything too loud today. Stayed in bed.",
    "Flare day. Rest is the right thing today.",
)
AFTER_FLARE_NOTES = (
    "Coming out of the flare. Gentle stretches only.",
    "Tired but better. Took it slowly.",
)
SLEPT_WELL_NOTES = (
    "Legs less restless last night.",
    "Fell asleep quickly after yesterday's video.",
)
DAY_NOTES = (
    "Cold and damp, joints stiff.",
    "Good chat with my mother-in-law.",
    "Friends over for tea, lovely but tiring.",
    "Physio appointment: keep it below the pain threshold.",
    "Sunny morning, felt lighter.",
    "Slept badly, the neighbours had a party.",
    "Pottered in the garden for a bit.",
)
QUIET_NOTES = ("Busy with December things.", "Family visiting, no time to sit down.")
SNACK_NOTES = (
    "Sit-to-stands while the kettle boiled",
    "Calf raises at the kitchen sink",
    "Marching on the spot during the news",
    "Shoulder rolls and gentle twists",
    "Heel-to-toe along the hallway",
)
WALK_NOTES = ("Saw the heron by the pond.", "Two laps, a bench rest halfway.")


class _Calendar(Struct):
    """What the year holds before a day is lived: flares and busy stretches."""

    flare: set[date] = field(default_factory=set)
    after_flare: dict[date, int] = field(default_factory=dict)  # 1 or 2 days after a flare
    quiet: set[date] = field(default_factory=set)  # a busy fortnight with few entries


class _State(Struct):
    """What carries over from one day to the next."""

    moved_yesterday: bool = True
    flare_yesterday: bool = False
    pain_yesterday: int = 4
    wave: float = 0.0  # slow ups and downs of pain, week to week
    owe_video: bool = False  # a Monday/Thursday video a flare moved to another day
    strength_done: int = 0


def generate(days: int = 120, seed: int = 0, end: date | None = None) -> Journal:
    """A realistic journal of the `days` days ending at `end` (default today), inclusive."""
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    end = end or today()
    start = end - timedelta(days=days - 1)
    rng = random.Random(seed)
    calendar = _calendar(rng, start, end)
    journal = Journal(
        goals=_goals(start),
        milestones=[CustomMilestone(STRENGTH, count, reward) for count, reward in REWARDS],
    )
    state = _State()
    for offset in range(days):
        _live(rng, start + timedelta(days=offset), end, calendar, state, journal)
    journal.celebrated = _celebrated(journal, end)
    # Ids from the seed too (its own stream, so the entries stay as they were): the same seed
    # gives the same file, screenshots included. Real entries get random ids (tui.core.ids).
    ids = random.Random(f"demo ids {seed}")
    for checkin in journal.checkins.values():
        checkin.id = f"{ids.getrandbits(64):016x}"
    for session in journal.sessions:
        session.id = f"{ids.getrandbits(64):016x}"
    # Its own generator, drawn after the days: the PEG answers leave the rest of the demo as it was.
    journal.pegs = _pegs(random.Random(seed * 7919 + 17), journal, start, end, calendar)
    return journal


def _goals(start: date) -> list[Goal]:
    return [
        Goal.create(
            name="Strength videos",
            per_week=2,
            kinds=("strength",),
            ramp_to=3,
            ramp_every=3,
            created=start,
        ),
        Goal.create(
            name="Walks", per_week=2, kinds=("walk",), ramp_to=4, ramp_every=4, created=start
        ),
        Goal.create(name="Moving minutes", minutes_per_week=90, created=start),
    ]


def _calendar(rng: random.Random, start: date, end: date) -> _Calendar:
    """Flares 14-21 days apart lasting 1-3 days; now and then a busy December fortnight."""
    calendar = _Calendar()
    onset = start + timedelta(days=rng.randint(2, 18))
    while onset <= end:
        length = rng.choices((1, 2, 3), weights=(4, 4, 2))[0]
        for i in range(length):
            calendar.flare.add(onset + timedelta(days=i))
        for i in (1, 2):
            calendar.after_flare[onset + timedelta(days=length - 1 + i)] = i
        onset += timedelta(days=rng.randint(14, 21))
    for year in range(start.year, end.year + 1):
        first = date(year, 12, rng.randint(6, 14))
        # Last December always (she lost two weeks to it), earlier ones now and then;
        # never a gap in the last fortnight, so the demo opens on an ordinary week.
        if (year == end.year - 1 or rng.random() < 0.4) and (end - first).days > 28:
            calendar.quiet.update(first + timedelta(days=i) for i in range(14))
    return calendar


def _live(
    rng: random.Random,
    day: date,
    end: date,
    calendar: _Calendar,
    state: _State,
    journal: Journal,
) -> None:
    """One day: the night's sleep, the morning's pain, the movement, the mood, the check-in."""
    years = min((end - day).days / 365.25, 10.0)  # things ease slowly over the years
    flare = day in calendar.flare
    after = calendar.after_flare.get(day, 0)
    quiet = day in calendar.quiet
    state.wave = 0.75 * state.wave + rng.gauss(0, 0.45)

    if flare or state.flare_yesterday:
        quality = rng.randint(1, 2)
        hours = rng.uniform(4.5, 6.5)
    else:
        q = 3.3 - 0.06 * years + (0.5 if state.moved_yesterday else -0.15)
        q += -0.2 * (state.pain_yesterday - 4) + rng.gauss(0, 0.6)
        quality = _clamp(round(q), 1, 5)
        hours = 6.6 + (0.35 if state.moved_yesterday else 0) + 0.3 * (quality - 3)
        hours += rng.gauss(0, 0.5)
    sleep_hours = min(max(round(hours * 4) / 4, 3.0), 10.0)

    if flare:
        pain = rng.randint(7, 9)
    else:
        p = 3.3 + 0.15 * years + state.wave + (-0.35 if state.moved_yesterday else 0.45)
        p += (0, 1.6, 0.8)[after] - 0.2 * (quality - 3) + rng.gauss(0, 0.6)
        pain = _clamp(round(p), 1, 6)

    if flare or after == 1:
        state.owe_video = state.owe_video or day.weekday() in COMPANION_DAYS
        sessions = [] if flare else _light_day(rng, day)
    else:
        sessions = _moves(rng, day, pain, quality, after, quiet, years, state)
    journal.sessions.extend(sessions)
    moved = bool(sessions)

    if flare:
        mood = rng.randint(1, 2)
    else:
        m = 3.5 - 0.08 * years + (0.45 if moved else -0.2) - 0.3 * (pain - 4)
        m += 0.15 * (quality - 3) + rng.gauss(0, 0.5)
        mood = _clamp(round(m), 1, 3 if after == 1 else 5)

    if flare or rng.random() < (0.3 if quiet else 0.9):
        note = _note(rng, flare, after, quiet, state.moved_yesterday and quality >= 4)
        values = {
            "pain": pain,
            "mood": mood,
            "sleep_hours": sleep_hours,
            "sleep_quality": quality,
            "flare": flare,
            "note": note,
        }
        journal.checkins[day] = Checkin(date=day, **Checkin.validate_fields(values))

    state.moved_yesterday, state.flare_yesterday, state.pain_yesterday = moved, flare, pain


def _light_day(rng: random.Random, day: date) -> list[Session]:
    """The day after a flare: a snack, perhaps a cooldown, nothing more."""
    sessions = []
    if rng.random() < 0.5:
        sessions.append(_session(rng, day, "snack", rng.randint(2, 4), None))
    if rng.random() < 0.35:
        sessions.append(_session(rng, day, "stretch", rng.randint(8, 12), None, routine=COOLDOWN))
    return sessions


def _moves(
    rng: random.Random,
    day: date,
    pain: int,
    quality: int,
    after: int,
    quiet: bool,
    years: float,
    state: _State,
) -> list[Session]:
    """An ordinary day's movement; a good night and a low-pain morning make a little more likely."""
    energy = 0.05 * (quality - 3) - 0.04 * (pain - 4)
    companion_day = day.weekday() in COMPANION_DAYS
    strength: str | None = None  # who she does the video with ("" alone)
    if quiet:
        if rng.random() < 0.12:
            strength = COMPANION if companion_day else ""
    elif companion_day:
        state.owe_video = False
        if rng.random() < (0.6 if after else 0.92):
            strength = COMPANION
    elif state.owe_video:
        state.owe_video = False
        if rng.random() < 0.5:
            strength = COMPANION
    elif rng.random() < 0.12 + energy:
        strength = ""

    sessions: list[Session] = []
    if strength is not None:
        state.strength_done += 1
        sessions.append(
            _session(
                rng,
                day,
                "strength",
                rng.choice((10, 10, 10, 10, 9, 11, 12)),
                pain,
                routine=STRENGTH,
                companion=strength or None,
                note=_milestone_note(state),
            )
        )
    if rng.random() < ((0.8 if strength is not None else 0.12) if not quiet else 0.05):
        sessions.append(_session(rng, day, "stretch", rng.randint(8, 12), pain, routine=COOLDOWN))

    snacks = 0
    if quiet:
        snacks = int(rng.random() < 0.2)
    else:
        snacks = rng.choices((0, 1, 2, 3, 4), weights=(30, 30, 22, 12, 6))[0]
    for _ in range(snacks):
        note = rng.choice(SNACK_NOTES) if rng.random() < 0.15 else None
        sessions.append(_session(rng, day, "snack", rng.randint(2, 5), pain, note=note))

    walk_chance = 0.05 if quiet else 0.28 + 0.012 * (10 - years) + energy
    if day.weekday() >= 5:
        walk_chance += 0.12
    if rng.random() < walk_chance * (0.5 if after else 1):
        minutes = rng.choice((15, 20)) if after else rng.choice(range(15, 46, 5))
        place = rng.choices(PLACES, weights=(3, 2))[0]
        note = rng.choice(WALK_NOTES) if rng.random() < 0.08 else None
        sessions.append(_session(rng, day, "walk", minutes, pain, place=place, note=note))
    return sessions


def _session(
    rng: random.Random,
    day: date,
    kind: str,
    minutes: int,
    pain: int | None,
    *,
    routine: str | None = None,
    place: str | None = None,
    companion: str | None = None,
    note: str | None = None,
) -> Session:
    """A validated session; some log pain before and after (usually the same or 1 lower)."""
    before = after = None
    if pain is not None and rng.random() < (0.1 if kind == "snack" else 0.35):
        before = pain
        after = _clamp(pain - rng.choices((1, 0, -1), weights=(60, 36, 4))[0], 0, 10)
    return Session.create(
        date=day,
        kind=kind,
        minutes=minutes,
        routine=routine,
        place=place,
        companion=companion,
        pain_before=before,
        pain_after=after,
        note=note,
        check_future=False,
    )


def _milestone_note(state: _State) -> str | None:
    if state.strength_done == 150:
        return "150th time! Ice cream with my mother-in-law."
    if state.strength_done == 200:
        return "200th time! Planning our day trip to the sea."
    return None


def _pegs(
    rng: random.Random, journal: Journal, start: date, end: date, calendar: _Calendar
) -> list[Peg]:
    """A weekly PEG check on her first check-in of most weeks, about the seven days before it.

    Pain follows her logged pain; interference eases slowly over the months as the movement adds
    up, and a week with flare days in it interferes more. Busy weeks go unanswered, and the
    current week is left open so the dashboard's invitation shows.
    """
    pegs = []
    week = week_start(start, journal.week_start) + timedelta(weeks=1)
    current = week_start(end, journal.week_start)
    while week < current:
        days = (week + timedelta(days=i) for i in range(7))
        day = next((d for d in days if d in journal.checkins), None)
        week += timedelta(weeks=1)
        if day is None or day in calendar.quiet or rng.random() < 0.1:
            continue
        past = [day - timedelta(days=i) for i in range(1, 8)]
        flares = sum(d in calendar.flare for d in past)
        usual = [
            c.pain
            for d in past
            if (c := journal.checkins.get(d)) and c.pain is not None and not c.flare
        ]
        if not usual:
            continue
        months = (end - day).days / 30.4
        # "Average pain" as she judges it: her usual days, a flare nudging it up a little.
        pain = median(usual) + 0.3 * flares + rng.gauss(0, 0.35)
        easing = min(3.0, 0.4 * months)  # interference was higher months ago
        enjoyment = pain + easing + 0.1 * flares + rng.gauss(0, 0.45)
        activity = pain + 0.5 + easing + 0.2 * flares + rng.gauss(0, 0.45)
        items = (_clamp(round(value), 0, 10) for value in (pain, enjoyment, activity))
        pegs.append(Peg(day, *items))
    return pegs


def _note(rng: random.Random, flare: bool, after: int, quiet: bool, slept_well: bool) -> str | None:
    if flare:
        return rng.choice(FLARE_NOTES) if rng.random() < 0.6 else None
    if rng.random() >= 0.14:
        return None
    if after:
        return rng.choice(AFTER_FLARE_NOTES)
    if quiet:
        return rng.choice(QUIET_NOTES)
    return rng.choice(SLEPT_WELL_NOTES if slept_well else DAY_NOTES)


def _celebrated(journal: Journal, end: date) -> set[tuple[str, int]]:
    """Milestones reached more than a day before `end`: old news the app need not celebrate."""
    reached: dict[str, list[date]] = {}
    for session in sorted(journal.sessions, key=lambda s: s.date):
        if session.routine:
            reached.setdefault(routine_key(session.routine), []).append(session.date)
    custom: dict[str, set[int]] = {}
    for milestone in journal.milestones:
        custom.setdefault(routine_key(milestone.routine), set()).add(milestone.count)
    celebrated = set()
    for key, dates in reached.items():
        marks = {*DEFAULT_MILESTONES, *range(250, len(dates) + 1, 50), *custom.get(key, ())}
        for count in marks:
            if count <= len(dates) and (end - dates[count - 1]).days > 1:
                celebrated.add((key, count))
    return celebrated


def _clamp(value: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, value))
