"""The one local file that holds her data: TinyDB over an atomic storage, behind a process lock."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core.changes import RESET_TABLES
from tui.core.dates import today
from tui.core.errors import InputError
from tui.core.models import (
    Checkin,
    Journal,
    Session,
    Step,
)
from tui.core.peg import Peg, with_answer
from tui.gc_pacing import paused
from tui.store import backups, schema
from tui.store.documents import build_journal, checkin_of, stored_meta
from tui.store.goals import GoalTables
from tui.store.history import CHANGES, Recording
from tui.store.history import stored as _with_id
from tui.store.lock import ProcessLock
from tui.store.reads import CheapReads
from tui.store.storage import AtomicStorage
from tui.store.transactions import LOCK_TIMEOUT, StoreError, Transactions

if TYPE_CHECKING:
    from tinydb import TinyDB

FILE_NAME = "gentle.json"
T = TypeVar("T")


def default_path() -> Path:
    """`$GENTLE_DB`, else `gentle.json` in the user data folder."""
    env = os.environ.get("GENTLE_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("gentle-flow", appauthor=False) / FILE_NAME


class Store(Transactions, Recording, GoalTables, CheapReads):
    """Her data file. Every change runs under the inter-process lock and is one atomic write,
    and is recorded (see tui/store/history.py) so it can be undone."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._storage = AtomicStorage(path, self._check)
        self._lock = ProcessLock(f"{path}.lock", LOCK_TIMEOUT)
        self._tinydb: TinyDB | None = None  # made on the first write (see `_db`)
        self._db_loads = -1
        self._depth = 0
        self._journal: Journal | None = None
        self._journal_generation = -1
        self._storage.before_write = self._before_write
        self._storage.before_replace = self._daily_backup
        self._backed_up: date | None = None

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (or prepare to create) the data file; refuse one that is not ours."""
        target = Path(path).expanduser() if path is not None else default_path()
        # A symlink to her real file: read, lock, back up and write the file it points to, so
        # the link stays a link (an atomic rename would replace the link with a new file).
        target = Path(os.path.realpath(target))
        try:
            is_dir = target.is_dir()
        except OSError as exc:
            raise StoreError(f"cannot read {target}: {exc.strerror}") from None
        if is_dir:
            raise StoreError(f"{target} is a folder; give a file path such as {target / FILE_NAME}")
        if not target.parent.exists():
            # mkdir(parents=True) would make the missing parents 0755: make each one 0700.
            missing = [target.parent]
            while not missing[-1].parent.exists():
                missing.append(missing[-1].parent)
            try:
                for folder in reversed(missing):
                    folder.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder {target.parent}: {exc.strerror}"
                ) from None
        store = cls(target)
        if not store._opened_unparsed():
            store._read()
            store._migrate_if_needed()
        return store

    def _opened_unparsed(self) -> bool:
        """Open a file whose bytes are known to be good, and of this version's schema, without
        parsing it: a one-shot reader may decode them into just what it needs (`recent`), and
        any other read parses them (not read from disk again)."""
        raw = self._guarded(self._storage.read_unparsed)
        if raw is None:
            return False  # read and parsed, checked and marked as usual
        meta = stored_meta(raw)
        return (
            meta is not None
            and meta.get("app") == schema.APP
            and meta.get("schema") == schema.SCHEMA_VERSION
        )

    def _check(self, data: Any, known_good: bool = False) -> None:
        try:
            schema.check(data, entries=not known_good)
        except schema.NotOurs as exc:
            raise StoreError(self._refusal(str(exc))) from None

    def _refusal(self, why: str) -> str:
        folder = backups.backup_dir(self.path)
        return (
            f"{self.path}: {why}. It was left untouched. To recover, restore a backup "
            f"from {folder} (check one with `gentle --db BACKUP export --format json`), "
            f"or point --db / GENTLE_DB at another file"
        )

    def _read(self) -> dict[str, Any]:
        data = self._guarded(self._storage.read)
        if not data:
            self._refuse_if_emptied()
        return data or {}

    def _guarded(self, read: Callable[[], T]) -> T:
        """`read()`, a file it cannot read or that is not ours refused in one line."""
        try:
            return read()
        except StoreError:
            raise
        except ValueError as exc:
            raise StoreError(self._refusal(f"not a Gentle Flow data file ({exc})")) from None
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {exc.strerror}") from None

    def _refuse_if_emptied(self) -> None:
        """An existing but empty file (0 bytes, blanks, `{}`) whose backups hold her entries was
        emptied by something else (a sync tool, an editor): starting over would lose them."""
        if not self.path.exists():
            return  # a new journal
        backup = backups.newest_with_entries(self.path)
        if backup is not None:
            raise StoreError(
                f"{self.path} is empty, but its backup {backup} holds your entries. It was left "
                f"untouched. To restore that backup: cp '{backup}' '{self.path}' (to start "
                f"afresh instead, move {backup.parent} elsewhere)"
            )

    def _migrate_if_needed(self) -> None:
        data = self._read()
        if not data or schema.schema_of(data) == schema.SCHEMA_VERSION:
            return
        with self.transaction():
            data = self._read()
            old = schema.schema_of(data)
            if old == schema.SCHEMA_VERSION:
                return
            try:
                schema.migrate(data)
                schema.check(data)  # now of this schema: every entry checked before writing
            except schema.NotOurs as exc:
                raise StoreError(self._refusal(f"schema {old}, {exc}")) from None
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                why = f"schema {old}, a damaged entry ({type(exc).__name__} {exc})"
                raise StoreError(self._refusal(why)) from None
            self._readable(data)  # every entry readable before anything is copied or written
            backups.keep_copy(self.path, f"schema{old}")
            self._storage.write(data)

    # -- transactions ------------------------------------------------------------------------

    @property
    def _db(self) -> TinyDB:
        """TinyDB over her file, made when a write first needs it: commands that only read never
        import TinyDB (~4 ms of every `gentle status` or `gentle report`)."""
        if self._tinydb is None:
            from tui.store.tinydb_compat import tinydb_over

            self._tinydb = tinydb_over(self._storage)
        return self._tinydb

    def _before_write(self) -> None:
        data = self._storage.cached
        if data is not None and schema.META not in data:
            data[schema.META] = {"1": schema.new_meta()}

    def _daily_backup(self) -> None:
        """The file as it was before the day's first change (behind the screen in the app:
        at twenty years the copy and the check of the oldest copies take ~30 ms)."""
        day = today()
        if self._backed_up != day:
            backups.daily_backup(self.path, day)
            self._backed_up = day

    # -- reading -----------------------------------------------------------------------------

    def journal(self) -> Journal:
        """Everything recorded, as domain objects. Cached until the file changes."""
        fresh = self._journal_generation == self._storage.generation
        if self._journal is not None and fresh and self._storage.unchanged():
            return self._journal  # (also after `let_go_of_file_data`)
        journal = self._readable(self._read())
        self._journal = journal
        self._journal_generation = self._storage.generation
        return journal

    def _readable(self, data: dict[str, Any], since: date | None = None) -> Journal:
        try:
            with paused():  # her journal holds no reference cycles (see tui.gc_pacing)
                return build_journal(data, since)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # Our marker, but an entry we cannot read: refuse in one line, never a traceback.
            why = f"not valid Gentle Flow data (a damaged entry: {type(exc).__name__} {exc})"
            raise StoreError(self._refusal(why)) from None

    def keep_copy(self, label: str) -> Path:
        """A named copy of the file beside the daily backups (before a risky change)."""
        return backups.keep_copy(self.path, label)

    # -- writing -----------------------------------------------------------------------------

    def log_checkin(self, day: date, values: dict[str, Any]) -> Checkin:
        """Merge the given fields into that date's check-in (a second log updates only those)."""
        clean = Checkin.validate_fields(values)
        if not clean:
            raise InputError("checkin", "give at least one field (pain, mood, sleep_hours, ...)")
        with self.change("log checkin"):
            table = self._db.table("checkins")
            raw = self._read().get("checkins", {})
            doc_id = self._checkin_doc(raw, day)
            old = checkin_of(raw[str(doc_id)]) if doc_id is not None else Checkin(date=day)
            new = old.merged(clean)
            doc = _with_id(new)
            if doc_id is None:
                table.insert(doc)
                self._record("checkins", None, doc)
            else:
                self._record("checkins", raw[str(doc_id)], doc)
                table.update(doc, doc_ids=[doc_id])
        return new

    def _checkin_doc(self, raw: dict[str, Any], day: date) -> int | None:
        """The id of the stored check-in of `day` (the last one, as the journal shows it)."""
        journal = self._fresh_journal()
        if journal is not None and day not in journal.checkins:
            return None  # a new day's check-in: no need to look through the years
        # From the end (a day she logs is mostly a recent one); a plain scan of the stored
        # dicts, as TinyDB's Query would test every document twice.
        iso = day.isoformat()
        return next((int(i) for i, doc in reversed(raw.items()) if doc["date"] == iso), None)

    def add_session(self, session: Session) -> None:
        """Store a session; it gets a fresh id unless it carries one not yet taken."""
        with self.change("log move"):
            doc = _with_id(session, self._entry_ids("sessions") if session.id else None)
            self._db.table("sessions").insert(doc)
            self._record("sessions", None, doc)

    def add_sessions(self, sessions: Iterable[Session]) -> int:
        items = list(sessions)
        if items:
            with self.change("add sessions"):
                taken = self._entry_ids("sessions")
                docs = [_with_id(s, taken) for s in items]
                self._db.table("sessions").insert_multiple(docs)
                for doc in docs:
                    self._record("sessions", None, doc)
        return len(items)

    def put_checkins(self, checkins: Iterable[Checkin]) -> int:
        """Write whole check-ins (imports): each replaces that date's check-in."""
        items = list(checkins)
        if not items:
            return 0
        with self.change("put check-ins"):
            table = self._db.table("checkins")
            stored = self._read().get("checkins", {})
            by_date = {doc["date"]: int(i) for i, doc in stored.items()}
            taken = self._entry_ids("checkins")
            fresh = []
            for checkin in items:
                iso = checkin.date.isoformat()
                if iso in by_date:
                    old = stored[str(by_date[iso])]
                    checkin.id = old.get("id") or ""  # the date's check-in keeps its id
                    doc = _with_id(checkin)
                    self._record("checkins", old, doc)
                    table.update(doc, doc_ids=[by_date[iso]])
                else:
                    doc = _with_id(checkin, taken)
                    self._record("checkins", None, doc)
                    fresh.append(doc)
            table.insert_multiple(fresh)
        return len(items)

    def set_week_start(self, weekday: int) -> None:
        with self.transaction():
            data = self._read()
            meta = schema.meta_of(data)
            if meta is None:
                data[schema.META] = {"1": schema.new_meta()}
                meta = data[schema.META]["1"]
            meta["week_start"] = weekday
            self._forget_journal()
            self._storage.write(data)

    def log_peg(self, peg: Peg) -> Peg | None:
        """Save a weekly PEG check; returns the answer of its week that it replaced, if any."""
        with self.change("peg"):
            week_start = self.week_start()
            table = self._db.table("peg")
            docs = {doc.doc_id: Peg.from_dict(doc) for doc in table.all()}
            kept = {id(p) for p in with_answer(docs.values(), peg, week_start)}
            gone = [i for i, p in docs.items() if id(p) not in kept]  # its week's other answer
            raw = self._read().get("peg", {})
            for doc_id in gone:
                self._record("peg", raw[str(doc_id)], None)
            table.remove(doc_ids=gone)
            table.insert(peg.to_dict())
            self._record("peg", None, peg.to_dict())
        return docs[gone[0]] if gone else None

    def replace_journal(self, journal: Journal, demo: dict[str, Any] | None = None) -> None:
        """Make the file hold exactly `journal` (demo data, a restore into an empty file).

        Recorded as one change that replaced everything (see `Change.reset`): what it replaced,
        and the demo's parameters (`demo`) or the restore's counts, not ten years of entries."""
        with self.change("demo" if demo else "restore"):
            old = self._read()
            meta = schema.new_meta()
            meta["week_start"] = journal.week_start
            data: dict[str, Any] = {schema.META: {"1": meta}}

            def table(docs: Iterable[dict[str, Any]]) -> dict[str, Any]:
                return {str(i): doc for i, doc in enumerate(docs, start=1)}

            checkin_ids: set[str] = set()
            session_ids: set[str] = set()
            data["checkins"] = table(_with_id(c, checkin_ids) for c in journal.checkins.values())
            data["sessions"] = table(_with_id(s, session_ids) for s in journal.sessions)
            data["goals"] = table(g.to_dict() for g in journal.goals)
            data["milestones"] = table(m.to_dict() for m in journal.milestones)
            data["celebrated"] = table(
                {"routine": r, "count": c, "date": None} for r, c in sorted(journal.celebrated)
            )
            for name in RESET_TABLES:
                for doc in old.get(name, {}).values():
                    self._record(name, doc, None)
            counts = {name: len(data[name]) for name in ("checkins", "sessions", "goals")}
            self._reset = {"demo": demo} if demo is not None else {"restore": counts}
            self._forget_journal()
            if CHANGES in old:
                data[CHANGES] = old[CHANGES]
            data["peg"] = table(p.to_dict() for p in journal.pegs)
            self._storage.write(data)
            self._tinydb = None  # TinyDB's cached id counters do not know of this write

    def is_empty(self) -> bool:
        data = self._read()
        return not any(data.get(t) for t in schema.TABLES)


__all__ = ["Step", "Store", "StoreError", "default_path"]
