"""Her check-ins and movement sessions: the entries of her journal, one a day or many.

Every field is checked by the rules in tui/core/fields.py, whoever gives the value: the CLI, the
forms, the importers or a stored file. `tui.core.models` re-exports both.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from msgspec import Struct
from msgspec.structs import replace

from tui.core.dates import parse_date
from tui.core.errors import InputError
from tui.core.fields import (
    MINUTES,
    MOOD,
    NAME_MAX,
    PAIN,
    SESSION_FIELDS,
    SLEEP_QUALITY,
    _iso,
    _optional,
    check_date,
    check_kind,
    check_sleep_hours,
    check_text,
)
from tui.core.ids import check_id


class _Entry(Struct, gc=False):
    """A check-in or a session: a value of its fields, its `id` aside.

    Entries hash and compare on their fields but `id` (imports count sessions as a multiset and
    compare entries by what they say; an edited entry keeps its id). They are not frozen: an id
    is given when the entry is first stored, so never change one in a set. They hold only dates,
    numbers and strings, so they are kept out of the garbage collector's passes (`gc=False`): a
    twenty-year file builds 21,000 of them on every start.
    """

    def _value(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__struct_fields__ if name != "id")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Entry)
        return self._value() == other._value()

    def __hash__(self) -> int:
        return hash(self._value())


class Checkin(_Entry, gc=False):
    """How a day was: one per date; a flare day is a rest day."""

    date: date
    pain: int | None = None
    mood: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    flare: bool = False
    note: str | None = None
    # Stable and random (tui.core.ids), given when first stored. Not part of the value: imports
    # compare entries by their fields, and an edited entry keeps its id.
    id: str = ""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "pain",
        "mood",
        "sleep_hours",
        "sleep_quality",
        "flare",
        "note",
    )

    @staticmethod
    def validate_fields(values: Mapping[str, Any]) -> dict[str, Any]:
        """Validate the given check-in fields (date excluded); unknown names are refused."""
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if name == "pain":
                clean[name] = _optional(value, PAIN, name)
            elif name == "mood":
                clean[name] = _optional(value, MOOD, name)
            elif name == "sleep_quality":
                clean[name] = _optional(value, SLEEP_QUALITY, name)
            elif name == "sleep_hours":
                clean[name] = _optional(value, check_sleep_hours, name)
            elif name == "flare":
                if not isinstance(value, bool):
                    raise InputError("flare", f"must be true or false, got {value!r}")
                clean[name] = value
            elif name == "note":
                clean[name] = check_text(value, name, multiline=True)
            else:
                raise InputError(name, f"is not a check-in field ({', '.join(Checkin.FIELDS)})")
        return clean

    def merged(self, values: Mapping[str, Any]) -> Checkin:
        """This check-in with the given (already validated) fields replaced, the rest kept."""
        return replace(self, **dict(values))

    def is_empty(self) -> bool:
        return all(getattr(self, name) in (None, False) for name in self.FIELDS)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "pain": self.pain,
            "mood": self.mood,
            "sleep_hours": self.sleep_hours,
            "sleep_quality": self.sleep_quality,
            "flare": self.flare,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, check_future: bool = False) -> Checkin:
        """Build from stored or imported data, validating every field."""
        values = {k: data.get(k) for k in cls.FIELDS if k in data}
        if values.get("flare") is None:
            values["flare"] = False
        day = parse_date(data["date"], allow_future=not check_future)
        return cls(date=day, **cls.validate_fields(values), id=check_id(data.get("id")))


class Session(_Entry, gc=False, rename={"companion": "with"}):  # as stored
    """A bout of movement: a walk, a strength video, a stretch, a 2-minute snack."""

    date: date
    kind: str
    minutes: int
    routine: str | None = None
    place: str | None = None
    companion: str | None = None  # stored and exported as `with`
    pain_before: int | None = None
    pain_after: int | None = None
    note: str | None = None
    id: str = ""  # as a check-in's

    FIELDS: ClassVar[tuple[str, ...]] = SESSION_FIELDS  # as stored: `companion` is `with`

    @classmethod
    def create(
        cls,
        *,
        date: Any,
        kind: Any,
        minutes: Any,
        routine: Any = None,
        place: Any = None,
        companion: Any = None,
        pain_before: Any = None,
        pain_after: Any = None,
        note: Any = None,
        check_future: bool = True,
    ) -> Session:
        """Validate every field and build a session; raises `InputError` naming the field."""
        if check_future:
            day = check_date(date)
        else:
            day = parse_date(date if isinstance(date, str) else _iso(date), allow_future=True)
        return cls(
            date=day,
            kind=check_kind(kind),
            minutes=MINUTES.check("minutes", minutes),
            routine=check_text(routine, "routine", NAME_MAX),
            place=check_text(place, "place", NAME_MAX),
            companion=check_text(companion, "with", NAME_MAX),
            pain_before=_optional(pain_before, PAIN, "pain_before"),
            pain_after=_optional(pain_after, PAIN, "pain_after"),
            note=check_text(note, "note", multiline=True),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "minutes": self.minutes,
            "routine": self.routine,
            "place": self.place,
            "with": self.companion,
            "pain_before": self.pain_before,
            "pain_after": self.pain_after,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, check_future: bool = False) -> Session:
        session = cls.create(
            date=data["date"],
            kind=data.get("kind"),
            minutes=data.get("minutes"),
            routine=data.get("routine"),
            place=data.get("place"),
            companion=data.get("with"),
            pain_before=data.get("pain_before"),
            pain_after=data.get("pain_after"),
            note=data.get("note"),
            check_future=check_future,
        )
        session.id = check_id(data.get("id"))
        return session
