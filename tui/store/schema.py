"""What a Gentle Flow file looks like, and how older versions are brought forward.

Version history:
- 1: the first layout: sessions stored `duration` (minutes) and `companion`;
  check-ins stored `sleep`.
- 2: field names as in the product contract (`minutes`, `with`, `sleep_hours`), goals with steps.
- 3: every check-in and session has a stable random `id`; a `changes` table records each change
  (see tui/core/changes.py).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from operator import methodcaller
from typing import Any

from tui.core import records

APP = "gentle-flow"
SCHEMA_VERSION = 3
META = "_meta"
TABLES = ("checkins", "sessions", "goals", "milestones", "celebrated", "peg")


# What every document of the current schema must carry, so reading it can never fail half way.
REQUIRED: dict[str, tuple[tuple[str, type], ...]] = {
    "checkins": (("date", str), ("id", str)),
    "sessions": (("date", str), ("kind", str), ("minutes", int), ("id", str)),
    "goals": (("name", str), ("unit", str), ("target", int)),
    "peg": (("date", str), ("pain", int), ("enjoyment", int), ("activity", int)),
}


class NotOurs(ValueError):
    """The data is not a Gentle Flow file (or one from a newer version)."""


def meta_of(data: dict[str, Any]) -> dict[str, Any] | None:
    """The file's meta document, or None for a file that has none yet."""
    table = data.get(META)
    if not isinstance(table, dict) or not table:
        return None
    doc = next(iter(table.values()))
    return doc if isinstance(doc, dict) else None


def check_version(schema: Any, what: str, newest: int = SCHEMA_VERSION) -> int:
    """`schema` as a version this Gentle Flow reads (1 to `newest`), or `NotOurs` (`what`: the
    kind of file)."""
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise NotOurs(f"not a {what} (schema {schema!r})")
    if schema > newest:
        raise NotOurs(
            f"written by a newer Gentle Flow (schema {schema}, this one reads up to "
            f"{newest}); upgrade gentle-flow"
        )
    return schema


def check(data: Any, *, entries: bool = True) -> None:
    """Raise `NotOurs` unless `data` is a Gentle Flow file this version can read.

    `entries=False` skips checking the entries themselves, their required fields as well as
    their values: for bytes known to have passed every check already (twenty years of entries
    take ~10 ms to look over even at C speed).
    """
    if not isinstance(data, dict):
        raise NotOurs("not a Gentle Flow data file (the top level is not an object)")
    if not data:
        return
    meta = meta_of(data)
    if meta is None or meta.get("app") != APP:
        raise NotOurs("not a Gentle Flow data file (no gentle-flow marker)")
    schema = check_version(meta.get("schema"), "Gentle Flow data file")
    for name, table in data.items():
        # map(isinstance, ...): ~0.4 ms at 11k documents, against ~6 ms for a generator.
        if not isinstance(table, dict) or not all(map(isinstance, table.values(), repeat(dict))):
            raise NotOurs(f"not a Gentle Flow data file (table {name!r} is not a table)")
    if schema == SCHEMA_VERSION and entries:
        for name, keys in REQUIRED.items():
            docs = data.get(name, {})
            for key, kind in keys:
                # C-level loops again: this runs on every open of a ten-year file.
                if not all(
                    map(isinstance, map(methodcaller("get", key), docs.values()), repeat(kind))
                ):
                    bad = next(i for i, d in docs.items() if not isinstance(d.get(key), kind))
                    raise NotOurs(f"a damaged entry ({name} #{bad} lacks {_names(keys)})")
        check_entries(data)


def check_entries(data: dict[str, Any]) -> None:
    """Raise `NotOurs` naming the first entry (or setting) that breaks the rules typed input
    follows: a file the app cannot fully read is refused before anything could rewrite it."""
    week = (meta_of(data) or {}).get("week_start", 0)
    if not isinstance(week, int) or isinstance(week, bool) or not 0 <= week <= 6:
        raise NotOurs(f"a damaged setting (week_start must be 0-6, got {week!r})")
    try:
        records.check_stored(data)
    except records.DamagedEntry as exc:
        raise NotOurs(f"a damaged entry ({exc})") from None


def _names(keys: tuple[tuple[str, type], ...]) -> str:
    return ", ".join(key for key, _ in keys)


def new_meta() -> dict[str, Any]:
    return {"app": APP, "schema": SCHEMA_VERSION, "week_start": 0}


def schema_of(data: dict[str, Any]) -> int:
    meta = meta_of(data)
    return int(meta["schema"]) if meta else SCHEMA_VERSION


def _v1_to_v2(data: dict[str, Any]) -> None:
    for doc in data.get("sessions", {}).values():
        doc["minutes"] = doc.pop("duration", doc.get("minutes"))
        doc["with"] = doc.pop("companion", doc.get("with"))
    for doc in data.get("checkins", {}).values():
        doc["sleep_hours"] = doc.pop("sleep", doc.get("sleep_hours"))
    for doc in data.get("goals", {}).values():
        if "steps" not in doc:
            doc["steps"] = [
                {
                    "date": doc.get("created", "2000-01-01"),
                    "target": doc["target"],
                    "reason": "created",
                }
            ]


def _v2_to_v3(data: dict[str, Any]) -> None:
    from tui.core.ids import new_id

    for name in ("checkins", "sessions"):
        for doc in data.get(name, {}).values():
            if not doc.get("id"):
                doc["id"] = new_id()


MIGRATIONS: dict[int, Callable[[dict[str, Any]], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: dict[str, Any]) -> int:
    """Bring `data` forward to the current schema in place; returns the version it had."""
    old = schema_of(data)
    for version in range(old, SCHEMA_VERSION):
        MIGRATIONS[version](data)
    meta = meta_of(data)
    if meta is not None:
        meta["schema"] = SCHEMA_VERSION
    return old
