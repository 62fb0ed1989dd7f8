"""The change record: every change to her data, as what it set and what it replaced.

A change is a list of operations on documents (check-ins, sessions, goals, her milestones). Each
operation names its table and carries the document before (None: it was added) and after (None:
it was removed). Documents are found by what identifies them to her, never by a position: an
entry's id, a goal's name, a milestone's routine and count. Undo applies the inverse operations
newest first; a later version can replay the same operations on another device.

Celebrations already shown are not part of the record: a milestone celebrated once is not
celebrated again when an undo or a delete lowers the count and it climbs back. (Only undoing a
demo or a restore, which replaced everything, puts back the celebrations it replaced.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from msgspec import Struct, field

from tui.core.models import routine_key

ENTRY_TABLES = ("checkins", "sessions")
TABLES = (*ENTRY_TABLES, "goals", "milestones")
# A demo or a restore replaces the celebrations too: undoing it must not leave the demo's behind
# (her own 10th time would then pass without one).
RESET_TABLES = (*TABLES, "celebrated", "peg")
KEEP = 200  # changes kept in the file; older ones drop out (and can no longer be undone)

Doc = dict[str, Any]


class ChangeConflict(ValueError):
    """An operation does not fit the data (the entry it changes is gone, or already there)."""


def key_of(table: str, doc: Mapping[str, Any]) -> Hashable:
    """What identifies a document in its table, on any device."""
    if table in ENTRY_TABLES:
        return doc.get("id")
    if table == "goals":
        return str(doc.get("name", "")).strip().casefold()
    if table in ("milestones", "celebrated"):
        return (routine_key(str(doc.get("routine", ""))), doc.get("count"))
    if table == "peg":
        return doc.get("date")  # one answer per week, each kept by the day it was given
    raise ValueError(f"no change record for table {table!r}")


class Op(Struct, frozen=True):
    """One document set, replaced or removed; or (`clear`) a whole table emptied."""

    table: str
    before: Doc | None = None
    after: Doc | None = None
    clear: bool = False

    def inverse(self) -> Op:
        return Op(self.table, self.after, self.before)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"table": self.table, "before": self.before, "after": self.after}
        if self.clear:
            out["clear"] = True
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Op:
        return cls(
            str(data["table"]), data.get("before"), data.get("after"), bool(data.get("clear"))
        )


class Change(Struct, frozen=True):
    """One change as she made it: a log, an edit, a delete, a goal change, an import, a demo.

    `reset` marks a change that replaced everything: `{"demo": {"days", "seed", "end"}}` (its
    generator makes the same entries again from those) or `{"restore": {"checkins": N, ...}}` (a
    backup restored into an empty file: another device takes the whole file). Their `ops` remove
    what they replaced; the entries they set are not copied, so ten years of them do not double the
    file. `undone` is when the change was taken back, if it was.
    """

    id: str
    time: str
    what: str
    ops: tuple[Op, ...] = ()
    reset: dict[str, Any] | None = None
    undone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "time": self.time,
            "what": self.what,
            "ops": [op.to_dict() for op in self.ops],
            "reset": self.reset,
            "undone": self.undone,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        return cls(
            id=str(data["id"]),
            time=str(data["time"]),
            what=str(data["what"]),
            ops=tuple(Op.from_dict(op) for op in data.get("ops") or ()),
            reset=data.get("reset"),
            undone=data.get("undone"),
        )


def now() -> str:
    """The time of a change, local with its offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def invert(change: Change) -> list[Op]:
    """The operations that take `change` back, in the order to apply them."""
    ops = [op.inverse() for op in reversed(change.ops)]
    if change.reset is not None:
        # It replaced everything: empty the tables, then put back what it replaced.
        return [Op(t, clear=True) for t in RESET_TABLES] + ops
    return ops


def next_to_undo(changes: Iterable[Change]) -> Change | None:
    """The newest change not yet undone (`changes` oldest first)."""
    return next((c for c in reversed(list(changes)) if c.undone is None), None)


class DocTables(Struct):
    """Tables of numbered documents, as the data file holds them: {"sessions": {"1": {...}}}.

    Changes them in place by the operations' keys; a new document gets the next number."""

    data: dict[str, Any]
    _index: dict[str, dict[Hashable, str]] = field(default_factory=dict)
    _next: dict[str, int] = field(default_factory=dict)

    def _table(self, name: str) -> dict[str, Any]:
        table: dict[str, Any] = self.data.setdefault(name, {})
        return table

    def _keys(self, name: str) -> dict[Hashable, str]:
        index = self._index.get(name)
        if index is None:
            table = self._table(name)
            index = self._index[name] = {key_of(name, doc): k for k, doc in table.items()}
        return index

    def apply(self, op: Op) -> Op:
        """Apply one operation; returns it with `before` as it really was."""
        table, index = self._table(op.table), self._keys(op.table)
        if op.clear:
            table.clear()
            index.clear()
            return op
        target = op.before if op.before is not None else op.after
        if target is None:
            return op
        key = key_of(op.table, target)
        number = index.get(key)
        if op.before is None and number is not None:
            raise ChangeConflict(f"{describe_doc(op.table, target)} is there already")
        if op.before is not None and number is None:
            raise ChangeConflict(f"{describe_doc(op.table, target)} is no longer there")
        before = table[number] if number is not None else None
        if number is not None:
            del index[key]
            if op.after is None:
                del table[number]
        if op.after is not None:
            if number is None:
                if op.table not in self._next:
                    self._next[op.table] = max(map(int, table), default=0) + 1
                number = str(self._next[op.table])
                self._next[op.table] += 1
            table[number] = dict(op.after)  # a replaced document keeps its place (goals' order)
            index[key_of(op.table, op.after)] = number
        return Op(op.table, before, op.after)


def apply(tables: DocTables, ops: Iterable[Op]) -> list[Op]:
    """Apply operations in order; returns them with what each really replaced."""
    return [tables.apply(op) for op in ops]


# -- in words ---------------------------------------------------------------------------------

NOUNS = {
    "checkins": ("check-in", "check-ins"),
    "sessions": ("session", "sessions"),
    "goals": ("goal", "goals"),
    "milestones": ("milestone", "milestones"),
    "celebrated": ("celebration", "celebrations"),
    "peg": ("PEG check", "PEG checks"),
}


def describe_doc(table: str, doc: Mapping[str, Any]) -> str:
    """`the 20 min walk of 2026-11-23`, `the check-in of 2026-11-23`, `the goal 'Walks'`."""
    if table == "sessions":
        routine = f" ({doc['routine']})" if doc.get("routine") else ""
        return f"the {doc.get('minutes')} min {doc.get('kind')}{routine} of {doc.get('date')}"
    if table == "checkins":
        return f"the check-in of {doc.get('date')}"
    if table == "goals":
        return f"the goal {doc.get('name')!r}"
    if table == "peg":
        return f"the weekly PEG check of {doc.get('date')}"
    return f"the milestone {doc.get('count')} of {doc.get('routine')!r}"


def _counted(ops: Sequence[Op]) -> str:
    tally = Counter(op.table for op in ops)
    parts = []
    for table, n in sorted(tally.items(), key=lambda item: list(NOUNS).index(item[0])):
        one, many = NOUNS.get(table, (table, table))
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def summary(change: Change) -> str:
    """The change in one line: `edit: the 200 min walk of 2026-11-23, minutes 200 to 20`."""
    if change.reset is not None:
        return f"{change.what} ({_reset_words(change.reset)})"
    ops = [op for op in change.ops if not op.clear]
    if len(ops) == 1:
        op = ops[0]
        if op.before is not None and op.after is not None:
            diff = _differences(op.before, op.after, "{name} {old} to {new}")
            return f"{change.what}: {describe_doc(op.table, op.before)}, {diff}"
        doc = op.after if op.after is not None else op.before
        return f"{change.what}: {describe_doc(op.table, doc or {})}"
    return f"{change.what}: {_counted(ops)}" if ops else change.what


def _reset_words(reset: Mapping[str, Any]) -> str:
    """`120 days` for a demo, `3 check-ins, 5 sessions, 1 goal` for a restore."""
    demo = reset.get("demo")
    if isinstance(demo, Mapping):
        return f"{demo.get('days')} days"
    counts = reset.get("restore") or {}
    parts = []
    for table, n in counts.items():
        one, many = NOUNS.get(table, (table, table))
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) or "nothing"


def _differences(before: Mapping[str, Any], after: Mapping[str, Any], form: str) -> str:
    names = [
        k
        for k in {**before, **after}
        if k != "id"
        and after.get(k) != before.get(k)
        and not isinstance(after.get(k), list | dict)  # a goal's steps: its target says it
    ]
    return ", ".join(
        form.format(name=k.replace("_", " "), old=_value(before.get(k)), new=_value(after.get(k)))
        for k in names
    )


def _value(value: Any) -> str:
    if value is None:
        return "empty"
    return repr(value) if isinstance(value, str) else str(value)


def came_back(ops: Sequence[Op]) -> str:
    """What applying `ops` (an undo) did, in words: what is back, what is taken out again."""
    ops = [op for op in ops if not op.clear]
    back = [op for op in ops if op.before is None and op.after is not None]
    gone = [op for op in ops if op.after is None and op.before is not None]
    restored = [op for op in ops if op.before is not None and op.after is not None]
    if len(ops) == 1:
        op = ops[0]
        if op in back:
            return f"{describe_doc(op.table, op.after or {})} is back."
        if op in gone:
            return f"{describe_doc(op.table, op.before or {})} is taken out again."
        diff = _differences(op.before or {}, op.after or {}, "{name} {new} again, not {old}")
        return f"{describe_doc(op.table, op.after or {})} is back as it was ({diff})."
    parts = []
    if back:
        parts.append(f"back: {_counted(back)}")
    if restored:
        parts.append(f"as they were: {_counted(restored)}")
    if gone:
        parts.append(f"taken out again: {_counted(gone)}")
    return "; ".join(parts) + "." if parts else "nothing needed changing."


def undo_message(change: Change, applied: Sequence[Op]) -> str:
    """What an undo tells her: which change was taken back and what came back."""
    if change.reset is not None:
        kept = [op for op in applied if not op.clear]
        back = f"; back: {_counted(kept)}" if kept else ""
        return f"Undone {summary(change)}: its entries are taken out{back}."
    return f"Undone {change.what}: {came_back(applied)}"
