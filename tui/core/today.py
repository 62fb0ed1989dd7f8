"""A day's movement in few words: like sessions grouped ("4 snacks, 17 min"), minutes said once."""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from tui.core.models import Session, routine_key
from tui.core.text import shown

#: How a group of several sessions of one kind (without a routine) is named.
KIND_PLURALS = {
    "walk": "walks",
    "strength": "strength sessions",
    "stretch": "stretches",
    "snack": "snacks",
    "other": "other sessions",
}


class SessionGroup(Struct, frozen=True):
    """Sessions alike: the same routine, or the same kind when they have no routine."""

    name: str  # her routine name as she last typed it, or the kind
    is_routine: bool
    count: int
    minutes: int
    place: str | None  # only when every session of the group was there
    companion: str | None  # likewise

    def words(self, *, minutes: bool = True) -> str:
        """`Walk 25 min at Bellhouse Park`, `4 snacks, 17 min`, `Lower Body Strength 2 times,
        20 min with mother-in-law`; without the minutes when the line already says them. Her
        names come literally, any control character in them written out (`shown`)."""
        name = shown(self.name)
        if self.count == 1:
            text = name if self.is_routine else name.capitalize()
            text += f" {self.minutes} min" if minutes else ""
        else:
            if self.is_routine:
                text = f"{name} {self.count} times"
            else:
                text = f"{self.count} {KIND_PLURALS.get(self.name, self.name)}"
            text += f", {self.minutes} min" if minutes else ""
        if self.place:
            text += f" at {shown(self.place)}"
        if self.companion:
            text += f" with {shown(self.companion)}"
        return text


def group_sessions(sessions: Iterable[Session]) -> list[SessionGroup]:
    """Like sessions together, in the order each group first appears."""
    groups: dict[tuple[bool, str], list[Session]] = {}
    for s in sessions:
        key = (True, routine_key(s.routine)) if s.routine else (False, s.kind)
        groups.setdefault(key, []).append(s)
    result = []
    for (is_routine, _), members in groups.items():
        places = {s.place for s in members}
        companions = {s.companion for s in members}
        result.append(
            SessionGroup(
                name=(members[-1].routine or "") if is_routine else members[0].kind,
                is_routine=is_routine,
                count=len(members),
                minutes=sum(s.minutes for s in members),
                place=places.pop() if len(places) == 1 else None,
                companion=companions.pop() if len(companions) == 1 else None,
            )
        )
    return result


def moved_words(sessions: Iterable[Session]) -> tuple[int, list[str]]:
    """The day's total minutes and one phrase per group; a single group's phrase leaves its
    minutes to the total ("Moved 20 min: Lower Body Strength", never "… 20 min" twice)."""
    groups = group_sessions(sessions)
    total = sum(g.minutes for g in groups)
    return total, [g.words(minutes=len(groups) > 1) for g in groups]
