"""The UI tests' fixed day and demo life, importable by name (`from demo_life import TODAY`):
`from conftest import ...` would get whichever conftest.py was imported last, the store tests'
when both run in one process."""

from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 23)  # a Monday: the week's goals start today
DEMO_DAYS = 120
DEMO_SEED = 7
