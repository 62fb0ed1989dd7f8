"""Her settings file: keys she moved, the quiet theme remembered, never a crash on a bad entry."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui import config
from tui.config import ACTIONS, load, remember


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "gentle-flow" / "config.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_no_file_means_every_default_and_no_warning(path: Path) -> None:
    settings = load(path)
    assert settings.keys == {} and settings.theme is None and settings.warnings == []
    assert [settings.key(action) for action in ("checkin", "move", "help")] == ["l", "m", "?"]


def test_gentle_config_names_the_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENTLE_CONFIG", str(write(path, '[keys]\ncheckin = "c"\n')))
    assert config.config_path() == path
    assert load().key("checkin") == "c"


def test_without_gentle_config_the_file_is_in_the_user_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("GENTLE_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config.config_path() == tmp_path / "xdg" / "gentle-flow" / "config.toml"


def test_her_keys_move_the_actions_she_names(path: Path) -> None:
    settings = load(write(path, '[keys]\ncheckin = "c"\nquiet = "ctrl+t"\nhistory = "H"\n'))
    assert settings.keys == {"checkin": "c", "quiet": "ctrl+t", "history": "H"}
    assert settings.key("move") == "m" and settings.warnings == []


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        ('fly = "f"', "no such action"),
        ('checkin = ""', "not a key"),
        ('checkin = "two words"', "not a key"),
        ("checkin = 3", "not a key"),
        ('checkin = "tab"', "needed elsewhere"),
        ('checkin = "m"', "already move's key"),
    ],
)
def test_a_bad_key_gives_one_line_and_keeps_the_default(path: Path, entry: str, why: str) -> None:
    settings = load(write(path, f"[keys]\n{entry}\n"))
    [warning] = settings.warnings
    assert why in warning and str(path) in warning and "\n" not in warning
    assert settings.key("checkin") == "l"


def test_two_actions_on_one_key_keep_the_second_at_its_default(path: Path) -> None:
    settings = load(write(path, '[keys]\ncheckin = "c"\nmove = "c"\n'))
    assert (settings.key("checkin"), settings.key("move")) == ("c", "m")
    assert len(settings.warnings) == 1


def test_a_file_that_is_not_toml_gives_one_line_and_every_default(path: Path) -> None:
    settings = load(write(path, "[keys\ncheckin = c"))
    assert len(settings.warnings) == 1 and "not read" in settings.warnings[0]
    assert settings.keys == {}


def test_a_keys_entry_that_is_not_a_table_is_refused(path: Path) -> None:
    settings = load(write(path, 'keys = "c"\n'))
    assert len(settings.warnings) == 1 and settings.keys == {}


def test_every_action_of_the_contract_can_be_moved() -> None:
    assert set(ACTIONS) == {
        "checkin", "move", "goals", "dashboard", "history", "undo", "help", "quiet", "quit", "peg",
    }  # fmt: skip


def test_remembering_the_theme_keeps_her_keys_and_comments(path: Path) -> None:
    write(path, '# mine\n[keys]\ncheckin = "c"  # c for check-in\n')
    remember(path, theme="gentle-quiet")
    text = path.read_text()
    assert "# mine" in text and 'checkin = "c"  # c for check-in' in text
    settings = load(path)
    assert settings.theme == "gentle-quiet" and settings.key("checkin") == "c"
    remember(path, theme="gentle")
    assert load(path).theme == "gentle"
    assert path.read_text().count("theme =") == 1


def test_a_new_settings_file_is_hers_alone(path: Path) -> None:
    remember(path, quiet_offered=date(2026, 11, 23))
    assert load(path).quiet_offered == date(2026, 11, 23)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_theme_that_is_not_a_name_is_refused(path: Path) -> None:
    settings = load(write(path, "theme = 3\n"))
    assert settings.theme is None and len(settings.warnings) == 1


def test_reading_the_settings_imports_no_ui() -> None:
    code = (
        "import sys, tui.config, tui.gc_pacing\n"
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
