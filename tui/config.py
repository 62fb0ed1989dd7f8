"""Her settings file: `config.toml` in the user config folder (or the path in `GENTLE_CONFIG`).

```toml
theme = "gentle-quiet"        # remembered when she presses t
quiet_offered = 2026-11-23    # the flare day the quiet theme was last offered (the app writes it)

[keys]
checkin = "c"                 # any of the actions in ACTIONS
```

Reading never fails: a file that cannot be read or parsed, an unknown action, or a key that is not
a key gives one line in `warnings` and the default stays. Plain Python (tomllib), no Textual.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from msgspec import Struct, field

APP_NAME = "gentle-flow"
ENV = "GENTLE_CONFIG"

#: The actions her `[keys]` table may move, with their default keys.
ACTIONS: dict[str, str] = {
    "checkin": "l",
    "move": "m",
    "goals": "g",
    "dashboard": "d",
    "history": "h",
    "undo": "u",
    "help": "?",
    "quiet": "t",
    "quit": "q",
    "peg": "p",
}
#: Keys the forms and the dashboard need for themselves.
RESERVED = frozenset(
    [
        "tab",
        "shift+tab",
        "enter",
        "escape",
        "space",
        "ctrl+p",
        "ctrl+c",
        "ctrl+q",
        "up",
        "down",
        "left",
        "right",
        "pageup",
        "pagedown",
        "home",
        "end",
    ]
)
_NAMED = re.compile(r"(?:(?:ctrl|alt|shift)\+)*(?:[a-z][a-z0-9_]*|f[0-9]{1,2})")


class Config(Struct):
    """What her config file says (defaults where it says nothing, or nothing valid)."""

    keys: dict[str, str] = field(default_factory=dict)  # action -> key, only the ones she moved
    theme: str | None = None
    quiet_offered: date | None = None
    warnings: list[str] = field(default_factory=list)

    def key(self, action: str) -> str:
        """The key for `action` (hers, or the default)."""
        return self.keys.get(action, ACTIONS[action])


def config_path() -> Path:
    """`$GENTLE_CONFIG`, or `config.toml` in the user config folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def is_key(key: str) -> bool:
    """A single printable character, or a key name such as `f2`, `ctrl+x`, `question_mark`."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    return bool(_NAMED.fullmatch(key))


def load(path: Path | None = None) -> Config:
    """Read the config file (a missing file is an empty one); never raises."""
    path = path or config_path()
    config = Config()
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as exc:
        config.warnings.append(f"{path}: not read ({exc}); using the default settings")
        return config
    import tomllib  # only when there is a file to read: ~1.5 ms of every start otherwise

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        config.warnings.append(f"{path}: not read ({exc}); using the default settings")
        return config
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        config.theme = theme.strip()
    elif theme is not None:
        config.warnings.append(f"{path}: theme must be a theme's name; using the default")
    offered = data.get("quiet_offered")
    if isinstance(offered, date):
        config.quiet_offered = offered
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.warnings.append(f'{path}: [keys] must be a table of action = "key"')
        return config
    _read_keys(config, keys, path)
    return config


def _read_keys(config: Config, keys: dict[str, object], path: Path) -> None:
    taken = {key: action for action, key in ACTIONS.items() if action not in keys}
    for action, key in keys.items():
        where = f"{path}: keys.{action}"
        if action not in ACTIONS:
            config.warnings.append(f"{where}: no such action (one of {', '.join(ACTIONS)})")
        elif not isinstance(key, str) or not is_key(key.strip()):
            config.warnings.append(f"{where}: {key!r} is not a key; keeping {ACTIONS[action]}")
        elif key.strip() in RESERVED:
            config.warnings.append(f"{where}: {key} is needed elsewhere; keeping {ACTIONS[action]}")
        elif key.strip() in taken:
            other = taken[key.strip()]
            config.warnings.append(
                f"{where}: {key} is already {other}'s key; keeping {ACTIONS[action]}"
            )
        else:
            config.keys[action] = key.strip()
            taken[key.strip()] = action


def remember(path: Path | None = None, **values: str | date | None) -> None:
    """Set top-level settings (`theme="gentle-quiet"`, `quiet_offered=date`), None removes one.

    The rest of the file (her keys, her comments) stays as she wrote it. The file is replaced
    atomically and readable by her alone. Failing to write it is not worth troubling her: a
    setting that cannot be kept is simply not kept.
    """
    path = path or config_path()
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    except (OSError, UnicodeDecodeError):
        return
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), None)
    top, rest = (lines, []) if first_table is None else (lines[:first_table], lines[first_table:])
    for name, value in values.items():
        pattern = re.compile(rf"\s*{re.escape(name)}\s*=")
        top = [line for line in top if not pattern.match(line)]
        if value is not None:
            shown = value.isoformat() if isinstance(value, date) else _toml_string(value)
            top.insert(0, f"{name} = {shown}")
    text = "\n".join([*top, *rest]) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(f".{path.name}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temp, path)
    except OSError:
        return


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
