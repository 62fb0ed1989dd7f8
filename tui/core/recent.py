"""Her recent distinct sessions (to repeat one with a key) and the names she has typed before."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.models import Journal, Session, routine_key

RECENT_SHOWN = 5


def session_key(session: Session) -> tuple[str, str, str, str]:
    """Sessions are 'the same' with the same routine, kind, companion and place (any spelling)."""
    return (
        routine_key(session.routine or ""),
        session.kind,
        routine_key(session.companion or ""),
        routine_key(session.place or ""),
    )


def recent_sessions(journal: Journal, limit: int = RECENT_SHOWN) -> list[Session]:
    """The most recent session of each distinct kind of session, most recent first."""
    seen: set[tuple[str, str, str, str]] = set()
    found: list[Session] = []
    for session in reversed(journal.sessions):  # sorted by date, the latest logged last
        key = session_key(session)
        if key in seen:
            continue
        seen.add(key)
        found.append(session)
        if len(found) == limit:
            break
    return found


def distinct_names(values: Iterable[str | None]) -> list[str]:
    """Distinct names in the order given, latest first: pass them oldest first (as she last
    spelled each one)."""
    seen: set[str] = set()
    names = []
    for value in reversed(list(values)):
        if value and routine_key(value) not in seen:
            seen.add(routine_key(value))
            names.append(value)
    return names
