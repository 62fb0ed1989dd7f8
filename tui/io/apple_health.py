"""Apple Health `export.xml` / `export.zip`: workouts to movement sessions, nights to sleep hours.

Real exports run to gigabytes, so the file is streamed (tui/io/xml_stream.py) with a handler that
builds no tree at all: only the attributes of `<Workout>` and sleep `<Record>` elements are looked
at, and memory stays flat whatever the size. The prolog (with the DOCTYPE, broken in iOS 16
exports) is read past, never parsed, and no entity is ever expanded. A zip member that unpacks
past ZIP_RATIO times its packed size is refused: a hostile file costs seconds and little memory.
"""

from __future__ import annotations

import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO

from msgspec import Struct, field

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError
from tui.core.models import MINUTES, SLEEP_HOURS_MAX, Session
from tui.io.xml_stream import root_name, skip_prolog, stream_elements

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
#: The 2015 format wrote the sleep value as a number: 0 in bed, 1 asleep (2 awake).
LEGACY_SLEEP = {"0": IN_BED, "1": "HKCategoryValueSleepAnalysisAsleep"}
ROOT_TAG = "HealthData"
CDA_NAME = "export_cda.xml"
#: XML members looked into for the export's root (a phone's zip holds two or three XML files).
MAX_CANDIDATES = 20
KIND = "Apple Health export"
#: A zip member may unpack to this many times its packed size (real exports: ~15), plus a margin.
ZIP_RATIO = 100
ZIP_ALLOWANCE = 64 << 20
#: Seconds per unit of a workout's `durationUnit`.
UNIT_SECONDS = {"s": 1.0, "sec": 1.0, "ms": 0.001, "min": 60.0, "hr": 3600.0, "h": 3600.0}
DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
COMPACT_DATE_FORMAT = "%Y%m%d%H%M%S%z"  # the 2015 format: 20150601215104+0100


def kind_for(activity_type: str) -> str:
    """The movement kind for an `HKWorkoutActivityType...` value (unknown types are `other`)."""
    return KIND_BY_ACTIVITY.get(activity_type.removeprefix(ACTIVITY_PREFIX), "other")


class AppleHealthData(Struct):
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
        self.elements = 0
        self.found = AppleHealthData()
        self.asleep: dict[date, list[tuple[float, float]]] = {}
        self.in_bed: dict[date, list[tuple[float, float]]] = {}

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.elements += 1
        if tag == "Record":
            if attrib.get("type") == SLEEP_TYPE and self.seen_root:
                self._sleep(attrib)
        elif tag == "Workout" and self.seen_root:
            self._workout(attrib)
        elif not self.seen_root:
            if tag != ROOT_TAG:
                raise _NotHealthData(tag)
            self.seen_root = True

    def _workout(self, attrib: dict[str, str]) -> None:
        ignored = self.found.ignored
        start_text = attrib.get("startDate", "")
        try:  # `2025-09-19 09:12:55 -0400`, or `20150601215104+0100` in the 2015 format
            day = date.fromisoformat(start_text[:10] if start_text[4:5] == "-" else start_text[:8])
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
            start = _moment(attrib["startDate"])
            end = _moment(attrib["endDate"])
        except (KeyError, ValueError):
            self.found.ignored["sleep records without a readable time"] += 1
            return
        if end <= start:
            return
        # A night is the sleep that ends between noon the day before and noon on its morning.
        night = (end.replace(tzinfo=None) + timedelta(hours=12)).date()
        value = attrib.get("value", "")
        value = LEGACY_SLEEP.get(value, value)
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
        start = _moment(attrib["startDate"])
        end = _moment(attrib["endDate"])
    except (KeyError, ValueError):
        return None
    return max((end - start).total_seconds(), 0.0)


def _moment(text: str) -> datetime:
    """A time as the export writes it, in either format; raises ValueError."""
    return datetime.strptime(text, DATE_FORMAT if text[4:5] == "-" else COMPACT_DATE_FORMAT)


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


def _candidates(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The XML members that may be the export, likeliest first.

    The phone names the file in its own language (`export.xml`, `Export.xml`, `导出.xml`), so
    the name only orders the search; macOS's `__MACOSX/._*` shadows and the clinical
    `export_cda.xml` are never it.
    """
    found = []
    for info in archive.infolist():
        parts = info.filename.split("/")
        base = parts[-1]
        if info.is_dir() or not base.casefold().endswith(".xml"):
            continue
        if parts[0] == "__MACOSX" or base.startswith("._") or base.casefold() == CDA_NAME:
            continue
        found.append(info)
    return sorted(
        found,
        key=lambda i: (
            i.filename.rsplit("/", 1)[-1].casefold() != "export.xml",
            i.filename.count("/"),
            -i.file_size,
        ),
    )


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
        try:
            for member in _candidates(archive)[:MAX_CANDIDATES]:
                label = f"{path} ({member.filename})"
                try:
                    with archive.open(member) as stream:
                        head, _, _ = skip_prolog(stream, label, kind=KIND, peek=True)
                except FileProblem:  # empty, or not XML at all (an AppleDouble shadow, say)
                    continue
                if root_name(head) != ROOT_TAG:
                    continue
                limit = (
                    ZIP_RATIO * member.compress_size + ZIP_ALLOWANCE,
                    f"it unpacks to over {ZIP_RATIO} times its packed size, which no phone's "
                    "export does",
                )
                with archive.open(member) as stream:
                    return _parse(stream, member.file_size, label, progress, limit)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as err:
            raise FileProblem(f"{path}: the zip file is damaged ({_one_line(err)})") from None
        except (RuntimeError, NotImplementedError) as err:  # a password, an unknown compression
            raise FileProblem(
                f"{path}: cannot be unpacked ({_one_line(err)}); give the export.zip the iPhone "
                "made, or the export.xml inside it"
            ) from None
    raise FileProblem(
        f"{path}: holds no Apple Health export (no XML file in it has <{ROOT_TAG}> as its root)"
    )


def _parse(
    stream: IO[bytes],
    total: int,
    name: str,
    progress: Callable[[int, int], None] | None,
    limit: tuple[int, str] | None = None,
) -> AppleHealthData:
    target = _Target(today())
    try:
        stream_elements(
            stream, name, target, kind=KIND, total=total, progress=progress, limit=limit
        )
    except _NotHealthData as err:
        tag = err.tag.rpartition("}")[2]  # without its namespace
        raise FileProblem(
            f"{name}: not an Apple Health export (its root element is <{tag}>, "
            f"expected <{ROOT_TAG}>)"
        ) from None
    except InputError as err:  # pragma: no cover - sessions are built from checked values
        raise FileProblem(f"{name}: {err}") from None
    return target.finish()


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
