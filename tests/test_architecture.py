"""The shape of the code that keeps the command line fast and the widgets reusable."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI_PACKAGES = ("textual", "plotext", "rich")
# Every module that must load without the UI: the command line, the domain, the store, the io.
NON_UI = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for folder in ("tui/cli", "tui/core", "tui/store", "tui/io")
    for p in (ROOT / folder).glob("*.py")
)


@pytest.mark.parametrize("module", NON_UI)
def test_a_non_ui_module_imports_no_textual_rich_or_plotext(module: str) -> None:
    # One interpreter per module (harlequin's import hygiene test): a leak names its module.
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{UI_PACKAGES!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(out.stdout) == [], f"{module} pulls in the UI"


def test_building_the_command_line_parser_imports_no_ui() -> None:
    code = (
        "import sys\nfrom tui.cli import build_parser\nbuild_parser()\n"
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"


def test_the_dashboard_s_data_is_computed_without_textual() -> None:
    # Its promise ("no Textual here"): a screenshot reads what the dashboard needs of her data,
    # and lets go of the parsed file, before Textual loads (whose modules then reuse that memory).
    code = (
        "import sys\nimport tui.screens.dashboard_data\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'plotext')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_widgets_know_nothing_of_the_app() -> None:
    offenders = []
    for path in (ROOT / "widgets").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "tui"]
    assert offenders == []


def test_the_first_frame_needs_neither_the_data_file_nor_the_domain_nor_plotext() -> None:
    # The app opens her file right after its first frame: what is imported by then is what the
    # first frame costs. (The opener raises, so the app ends there.)
    code = (
        "import sys\n"
        "from tui.app import GentleApp\n"
        "from tui.core.errors import FileProblem\n"
        "seen = []\n"
        "def open_store():\n"
        "    seen.extend(sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "        ('tinydb', 'orjson', 'plotext') or m.startswith(('tui.store', 'tui.io',\n"
        "        'tui.screens.dashboard_data', 'tui.core.goals', 'tui.core.insights',\n"
        "        'tui.core.models'))))\n"
        "    raise FileProblem('stop here')\n"
        "app = GentleApp(open_store)\n"
        "app.run(headless=True, size=(80, 24))\n"
        "print(app.return_code, seen)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "1 []"
