"""Apple Health `export.xml` / `export.zip`: workouts to movement sessions, nights to sleep hours.

Real exports run to gigabytes, so the file is streamed through expat with a target that builds no
tree at all: only the attributes of `<Workout>` and sleep `<Record>` elements are looked at, and
memory stays flat whatever the size. iOS 16 wrote a broken internal DTD; it is cut out before
parsing (nothing in the export needs it).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import ParseError, XMLParser

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError
from tui.core.models import MINUTES, SLEEP_HOURS_MAX, Session

#: HKWorkoutActivityType... (without the prefix) to a movement kind; anything else is `other`.
KIND_BY_ACTIVITY: dict[str, str] = {
    "Walking": "walk",
    "Hiking": "walk",
    "WheelchairWalkPace": "walk",
    "TraditionalStrengthTraining": "strength",
    "FunctionalStrengthTraining": "strength",
    "CoreTraining": "strength",
    "Pilates": "strength",
    "Barre": "strength",
    "Cooldown": "stretch",
    "Flexibility": "stretch",
    "Yoga": "stretch",
    "MindAndBody": "stretch",
    "TaiChi": "stretch",
    "PreparationAndRecovery": "stretch",
}
ACTIVITY_PREFIX = "HKWorkoutActivityType"
SLEEP_TYPE = "HKCategoryTypeIdentifierSleepAnalysis"
IN_BED = "HKCategoryValueSleepAnalysisInBed"
ROOT_TAG = "HealthData"
CHUNK = 1 << 20
#: Seconds per unit of a workout's `durationUnit`.
UNIT_SECONDS = {"s": 1.0, "sec": 1.0, "ms": 0.001, "min": 60.0, "hr": 3600.0, "h": 3600.0}
DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[.*?\]\s*)?>", re.DOTALL)
_DOCTYPE_HEAD_LIMIT = 16 << 20
#: Control characters XML 1.0 forbids; some exports carry a stray vertical tab (\x0b) in a name.
#: They are single bytes never part of a UTF-8 sequence, so deleting them per chunk is safe.
_FORBIDDEN = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def kind_for(activity_type: str) -> str:
    """The movement kind for an `HKWorkoutActivityType...` value (unknown types are `other`)."""
    return KIND_BY_ACTIVITY.get(activity_type.removeprefix(ACTIVITY_PREFIX), "other")


@dataclass
class AppleHealthData:
    """What an export holds that Gentle Flow can use."""

    sessions: list[Session] = field(default_factory=list)
    #: Hours asleep per night, keyed by the date of the morning after.
    sleep: dict[date, float] = field(default_factory=dict)
    #: Workouts that could not become a session, by reason.
    ignored: Counter[str] = field(default_factory=Counter)


class _NotHealthData(Exception):
    def __init__(self, tag: str) -> None:
        self.tag = tag


class _Target:
    """An expat target that keeps workouts and sleep samples and builds no tree."""

    def __init__(self, last_day: date) -> None:
        self.last_day = last_day
        self.seen_root = False
        self.found = AppleHealthData()
        self.asleep: dict[date, list[tuple[float, float]]] = {}
        self.in_bed: dict[date, list[tuple[float, float]]] = {}

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag == "Record":
            if attrib.get("type") == SLEEP_TYPE and self.seen_root:
                self._sleep(attrib)
        elif tag == "Workout" and self.seen_root:
            self._workout(attrib)
        elif not self.seen_root:
            if tag != ROOT_TAG:
                raise _NotHealthData(tag)
            self.seen_root = True

    def close(self) -> None:
        return None

    def _workout(self, attrib: dict[str, str]) -> None:
        ignored = self.found.ignored
        start_text = attrib.get("startDate", "")
        try:
            day = date.fromisoformat(start_text[:10])
        except ValueError:
            ignored["without a readable start date"] += 1
            return
        if day > self.last_day:
            ignored["dated after today"] += 1
            return
        seconds = _duration_seconds(attrib)
        if seconds is None:
            ignored["without a readable duration"] += 1
            return
        minutes = int(seconds / 60 + 0.5)  # half a minute and more rounds up
        if minutes < MINUTES.lo:
            ignored["shorter than half a minute"] += 1
            return
        if minutes > MINUTES.hi:
            ignored[f"longer than {MINUTES.hi} minutes"] += 1
            return
        kind = kind_for(attrib.get("workoutActivityType", ""))
        self.found.sessions.append(Session(date=day, kind=kind, minutes=minutes))

    def _sleep(self, attrib: dict[str, str]) -> None:
        try:
            start = datetime.strptime(attrib["startDate"], DATE_FORMAT)
            end = datetime.strptime(attrib["endDate"], DATE_FORMAT)
        except (KeyError, ValueError):
            return
        if end <= start:
            return
        # A night is the sleep that ends between noon the day before and noon on its morning.
        night = (end.replace(tzinfo=None) + timedelta(hours=12)).date()
        value = attrib.get("value", "")
        if "Asleep" in value:
            bucket = self.asleep
        elif value == IN_BED:
            bucket = self.in_bed
        else:
            return
        bucket.setdefault(night, []).append((start.timestamp(), end.timestamp()))

    def finish(self) -> AppleHealthData:
        """Turn the collected sleep samples into hours per night (asleep, else in bed)."""
        nights = set(self.asleep) | set(self.in_bed)
        for night in sorted(nights):
            if night > self.last_day:
                continue
            intervals = self.asleep.get(night) or self.in_bed.get(night) or []
            hours = round(_covered_seconds(intervals) / 3600 * 4) / 4
            if hours > 0:
                self.found.sleep[night] = min(hours, SLEEP_HOURS_MAX)
        return self.found


def _duration_seconds(attrib: dict[str, str]) -> float | None:
    text = attrib.get("duration")
    if text:
        factor = UNIT_SECONDS.get(attrib.get("durationUnit", "min"))
        try:
            value = float(text)
        except ValueError:
            return None
        return value * factor if factor is not None and value >= 0 else None
    try:  # newer exports may leave the duration out: fall back to start and end
        start = datetime.strptime(attrib["startDate"], DATE_FORMAT)
        end = datetime.strptime(attrib["endDate"], DATE_FORMAT)
    except (KeyError, ValueError):
        return None
    return max((end - start).total_seconds(), 0.0)


def _covered_seconds(intervals: list[tuple[float, float]]) -> float:
    """Total time covered by possibly overlapping intervals (several sources record one night)."""
    total = 0.0
    current_start = current_end = None
    for start, end in sorted(intervals):
        if current_end is None or start > current_end:
            if current_end is not None and current_start is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None and current_start is not None:
        total += current_end - current_start
    return total


def read_apple_health(
    path: Path, progress: Callable[[int, int], None] | None = None
) -> AppleHealthData:
    """Parse an `export.xml` or the `export.zip` holding it.

    `progress(done_bytes, total_bytes)` is called as the file is read. Raises `FileProblem` with
    one line naming the file if it is not a complete Apple Health export.
    """
    name = str(path)
    try:
        with path.open("rb") as raw:
            magic = raw.read(4)
            raw.seek(0)
            if magic.startswith(b"PK"):
                return _read_zip(path, raw, progress)
            total = path.stat().st_size
            return _parse(raw, total, name, progress)
    except FileNotFoundError:
        raise FileProblem(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileProblem(f"{path}: is a folder, give the export.xml or export.zip file") from None
    except PermissionError:
        raise FileProblem(f"{path}: cannot be read (permission denied)") from None


def _read_zip(
    path: Path, raw: IO[bytes], progress: Callable[[int, int], None] | None
) -> AppleHealthData:
    try:
        archive = zipfile.ZipFile(raw)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise FileProblem(
            f"{path}: not a complete zip file (cut off while copying?); export it again"
        ) from None
    with archive:
        members = [i for i in archive.infolist() if Path(i.filename).name == "export.xml"]
        if not members:
            raise FileProblem(f"{path}: holds no export.xml, so it is not an Apple Health export")
        member = min(members, key=lambda i: (i.filename != "apple_health_export/export.xml",))
        try:
            with archive.open(member) as stream:
                return _parse(stream, member.file_size, f"{path} ({member.filename})", progress)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as err:
            raise FileProblem(f"{path}: the zip file is damaged ({_one_line(err)})") from None


def _parse(
    stream: IO[bytes], total: int, name: str, progress: Callable[[int, int], None] | None
) -> AppleHealthData:
    target = _Target(today())
    parser = XMLParser(target=target)
    done = 0
    try:
        head, done = _head_without_doctype(stream, name)
        if not head.strip():
            raise FileProblem(f"{name}: empty, not an Apple Health export")
        parser.feed(head.translate(None, _FORBIDDEN))
        if progress is not None:
            progress(done, total)
        while chunk := stream.read(CHUNK):
            parser.feed(chunk.translate(None, _FORBIDDEN))
            done += len(chunk)
            if progress is not None:
                progress(done, total)
        parser.close()
    except _NotHealthData as err:
        tag = err.tag.rpartition("}")[2]  # without its namespace
        raise FileProblem(
            f"{name}: not an Apple Health export (its root element is <{tag}>, "
            f"expected <{ROOT_TAG}>)"
        ) from None
    except ParseError as err:
        what = "cut off" if "no element found" in str(err) else "not well-formed XML"
        raise FileProblem(
            f"{name}: not a complete Apple Health export ({what}: {_one_line(err)})"
        ) from None
    except InputError as err:  # pragma: no cover - sessions are built from checked values
        raise FileProblem(f"{name}: {err}") from None
    return target.finish()


def _head_without_doctype(stream: IO[bytes], name: str) -> tuple[bytes, int]:
    """The start of the file with any `<!DOCTYPE ...>` block cut out (iOS 16 wrote a broken one)."""
    head = stream.read(CHUNK)
    start = head.find(b"<!DOCTYPE")
    if start < 0:
        return head, len(head)
    while True:
        match = _DOCTYPE.search(head, start)
        if match is not None:
            return head[: match.start()] + head[match.end() :], len(head)
        more = stream.read(CHUNK)
        if not more or len(head) > _DOCTYPE_HEAD_LIMIT:
            raise FileProblem(f"{name}: not a complete Apple Health export (unfinished DOCTYPE)")
        head += more


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def activity_table() -> list[tuple[str, str]]:
    """The documented mapping, for docs and tests: (HKWorkoutActivityType..., kind)."""
    return [(ACTIVITY_PREFIX + name, kind) for name, kind in KIND_BY_ACTIVITY.items()]


__all__ = [
    "KIND_BY_ACTIVITY",
    "AppleHealthData",
    "activity_table",
    "kind_for",
    "read_apple_health",
]
