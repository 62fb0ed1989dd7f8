"""Apple Health `export.xml` / `export.zip`: workouts to movement sessions, nights to sleep hours.

Real exports run to gigabytes, so the file is streamed through expat with a handler that builds
no tree at all: only the attributes of `<Workout>` and sleep `<Record>` elements are looked at, and
memory stays flat whatever the size. The prolog (with the DOCTYPE, broken in iOS 16 exports) is
read past, never parsed, and expat refuses any entity or DTD declaration, so no entity is ever
expanded. A token over TOKEN_MAX, or a zip member that unpacks past ZIP_RATIO times its packed
size, is refused: a hostile file costs seconds and little memory.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from codecs import BOM_UTF8 as BOM
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, NoReturn
from xml.parsers import expat

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
#: The 2015 format wrote the sleep value as a number: 0 in bed, 1 asleep (2 awake).
LEGACY_SLEEP = {"0": IN_BED, "1": "HKCategoryValueSleepAnalysisAsleep"}
ROOT_TAG = "HealthData"
CDA_NAME = "export_cda.xml"
CHUNK = 1 << 20
#: The longest run of bytes without a new element (one attribute, say): real ones are far below.
TOKEN_MAX = 16 << 20
#: Read past at most this much before the root element (the DTD of real exports is ~10 kB).
PROLOG_MAX = 16 << 20
#: A zip member may unpack to this many times its packed size (real exports: ~15), plus a margin.
ZIP_RATIO = 100
ZIP_ALLOWANCE = 64 << 20
NO_ELEMENTS = expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]
#: Seconds per unit of a workout's `durationUnit`.
UNIT_SECONDS = {"s": 1.0, "sec": 1.0, "ms": 0.001, "min": 60.0, "hr": 3600.0, "h": 3600.0}
DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
COMPACT_DATE_FORMAT = "%Y%m%d%H%M%S%z"  # the 2015 format: 20150601215104+0100
_PROLOG_STARTS = (b"<?", b"<!--", b"<!DOCTYPE")
_START_TAG = re.compile(rb"<[A-Za-z_:]")
_TAG_NAME = re.compile(rb"<([A-Za-z_:][^\s/>]*)")
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
            for member in _candidates(archive):
                label = f"{path} ({member.filename})"
                with archive.open(member) as stream:
                    head, _ = _skip_prolog(stream, label, peek=True)
                if _root_name(head) != ROOT_TAG:
                    continue
                limit = ZIP_RATIO * member.compress_size + ZIP_ALLOWANCE
                with archive.open(member) as stream:
                    return _parse(stream, member.file_size, label, progress, limit)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as err:
            raise FileProblem(f"{path}: the zip file is damaged ({_one_line(err)})") from None
    raise FileProblem(
        f"{path}: holds no Apple Health export (no XML file in it has <{ROOT_TAG}> as its root)"
    )


def _refuse_declaration(*_args: object) -> NoReturn:
    raise _Declared


class _Declared(Exception):
    """The document tried to declare a DTD or an entity: never expanded, refused."""


def _new_parser(target: _Target) -> Any:
    """Expat with every way to declare or fetch an entity refused (the prolog is never fed)."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_declaration
    parser.EntityDeclHandler = _refuse_declaration
    parser.UnparsedEntityDeclHandler = _refuse_declaration
    parser.ExternalEntityRefHandler = _refuse_declaration
    parser.StartElementHandler = target.start
    return parser


def _parse(
    stream: IO[bytes],
    total: int,
    name: str,
    progress: Callable[[int, int], None] | None,
    limit: int | None = None,
) -> AppleHealthData:
    target = _Target(today())
    parser = _new_parser(target)
    try:
        chunk, done = _skip_prolog(stream, name)
        seen = stalled = 0
        while chunk:
            parser.Parse(chunk.translate(None, _FORBIDDEN), False)
            if progress is not None:
                progress(done, total)
            # Expat holds an unfinished token whole: a run with no new element is a token that
            # keeps growing (one huge attribute), refused before it can fill the memory.
            stalled = stalled + len(chunk) if target.elements == seen else 0
            seen = target.elements
            if stalled > TOKEN_MAX:
                raise FileProblem(
                    f"{name}: not an Apple Health export (it holds an element or attribute over "
                    f"{TOKEN_MAX >> 20} MB, which no phone writes)"
                )
            if limit is not None and done > limit:
                raise FileProblem(
                    f"{name}: not an Apple Health export (it unpacks to over "
                    f"{ZIP_RATIO} times its packed size, which no phone's export does)"
                )
            chunk = stream.read(CHUNK)
            done += len(chunk)
        parser.Parse(b"", True)
    except _NotHealthData as err:
        tag = err.tag.rpartition("}")[2]  # without its namespace
        raise FileProblem(
            f"{name}: not an Apple Health export (its root element is <{tag}>, "
            f"expected <{ROOT_TAG}>)"
        ) from None
    except _Declared:
        raise FileProblem(
            f"{name}: not an Apple Health export (it declares a DTD or entities after its start, "
            "which no phone writes)"
        ) from None
    except expat.ExpatError as err:
        what = "cut off" if err.code == NO_ELEMENTS else "not well-formed XML"
        raise FileProblem(
            f"{name}: not a complete Apple Health export ({what}: {_one_line(err)})"
        ) from None
    except InputError as err:  # pragma: no cover - sessions are built from checked values
        raise FileProblem(f"{name}: {err}") from None
    return target.finish()


def _skip_prolog(stream: IO[bytes], name: str, *, peek: bool = False) -> tuple[bytes, int]:
    """Read past the prolog (declaration, comments, DOCTYPE) to the root's start tag.

    Returns the bytes from the root's `<` on and how many bytes were read. The DOCTYPE is never
    parsed (iOS 16 wrote a broken one, and a DTD is where entities hide): it is skipped up to the
    first start tag, so the parser sees a document without one, where any later `<!DOCTYPE` or
    `&entity;` is an error. A prolog over PROLOG_MAX is refused.
    """
    buf = b""
    read = 0
    mode = ""  # "" between items; "?>" or "-->" inside one; "dtd" inside the DOCTYPE
    while True:
        chunk = stream.read(CHUNK)
        if not read and chunk.startswith(BOM):
            chunk = chunk[len(BOM) :]
        read += len(chunk)
        buf += chunk
        while buf:
            if mode == "":
                buf = buf.lstrip(b" \t\r\n")
                if buf.startswith(b"<?"):
                    mode, buf = "?>", buf[2:]
                elif buf.startswith(b"<!--"):
                    mode, buf = "-->", buf[4:]
                elif buf.startswith(b"<!DOCTYPE"):
                    mode, buf = "dtd", buf[9:]
                elif chunk and any(m.startswith(buf) for m in _PROLOG_STARTS):
                    break  # too short to tell yet
                elif buf[:1] == b"<":
                    return buf, read
                elif buf:
                    raise FileProblem(f"{name}: not an Apple Health export (not an XML file)")
            elif mode == "dtd":
                found = _START_TAG.search(buf)
                if found is None:
                    buf = buf[-1:]
                    break
                return buf[found.start() :], read
            else:
                end = buf.find(mode.encode())
                if end < 0:
                    buf = buf[-2:]
                    break
                buf, mode = buf[end + len(mode) :], ""
        if not chunk:
            what = "empty" if read == 0 else "cut off before its first element"
            raise FileProblem(f"{name}: {what}, not an Apple Health export")
        if read > PROLOG_MAX:
            if peek:
                return b"", read
            raise FileProblem(
                f"{name}: not an Apple Health export (no element in its first "
                f"{PROLOG_MAX >> 20} MB)"
            )


def _root_name(head: bytes) -> str:
    match = _TAG_NAME.match(head)
    return match[1].decode("utf-8", "replace") if match else ""


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
