"""Hostile files: no entity is ever expanded, no token or zip grows without bound; one line each."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from io_cli import Gentle

from tui.core.errors import FileProblem
from tui.io import apple_health
from tui.io.apple_health import read_apple_health

WORKOUT = (
    '<Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="{d}" '
    'durationUnit="min" startDate="2025-09-26 19:00:00 -0400"/>'
)
LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "prolog",
    [
        "<!-- <!DOCTYPE decoy> -->\n<!DOCTYPE HealthData [" + LAUGHS + "]>\n",
        " " * (1 << 20) + "<!DOCTYPE HealthData [" + LAUGHS + "]>\n",
        '<!DOCTYPE HealthData [<!-- <HealthData> -->\n<!ENTITY l9 "12">]>\n',
        '<!DOCTYPE HealthData [<!ENTITY l9 SYSTEM "file:///etc/hostname">]>\n',
    ],
    ids=["after a decoy comment", "after 1 MB of whitespace", "decoy root", "external"],
)
def test_an_entity_declared_in_the_doctype_is_never_expanded(
    gentle: Gentle, tmp_path: Path, prolog: str
) -> None:
    path = _write(
        tmp_path,
        '<?xml version="1.0"?>\n'
        + prolog
        + "<HealthData>"
        + WORKOUT.format(d="&l9;")
        + "</HealthData>",
    )
    with pytest.raises(FileProblem, match="not a complete Apple Health export"):
        read_apple_health(path)
    line = gentle.refused("import", "apple-health", path, code=1)
    assert "not well-formed XML" in line


def test_a_doctype_after_the_root_element_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "<HealthData><!DOCTYPE x [" + LAUGHS + "]>" + WORKOUT.format(d="&l9;"))
    with pytest.raises(FileProblem, match="not well-formed XML"):
        read_apple_health(path)


def test_one_attribute_over_the_cap_is_refused_in_one_line(gentle: Gentle, tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        huge = '<HealthData><Record type="' + "A" * (40 << 20) + '"/></HealthData>'
        z.writestr("apple_health_export/export.xml", huge)
    assert archive.stat().st_size < 1 << 20
    line = gentle.refused("import", "apple-health", archive, code=1)
    assert line.endswith(
        "not an Apple Health export (it holds an element or attribute over 16 MB, which no "
        "phone writes)"
    )


def test_a_zip_that_unpacks_far_beyond_its_size_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apple_health, "ZIP_ALLOWANCE", 1 << 20)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("export.xml", "<HealthData>" + "<Record/>" * (1 << 20) + "</HealthData>")
    with pytest.raises(FileProblem, match="unpacks to over 100 times its packed size"):
        read_apple_health(archive)


def test_a_prolog_that_never_ends_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "<!-- " + "x" * (17 << 20))
    with pytest.raises(FileProblem, match="no element in its first 16 MB"):
        read_apple_health(path)


def test_a_zip_in_a_compression_python_cannot_read_is_one_line(
    gentle: Gentle, tmp_path: Path
) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:
        z.writestr("apple_health_export/export.xml", "<HealthData/>")
    data = bytearray(archive.read_bytes())
    data[8:10] = (9).to_bytes(2, "little")  # Deflate64, which zipfile does not unpack
    central = data.index(b"PK\x01\x02")
    data[central + 10 : central + 12] = (9).to_bytes(2, "little")
    archive.write_bytes(bytes(data))
    line = gentle.refused("import", "apple-health", archive, code=1)
    assert "export.zip: cannot be unpacked (That compression method is not supported)" in line


def test_a_mood_name_with_control_characters_is_shown_escaped(
    gentle: Gentle, tmp_path: Path
) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note\n"
        "2026-10-14,October 14,Wednesday,21:40,\x1b]0;owned\x07,,\n"
    )
    line = gentle.refused("import", "daylio", path, code=2)
    assert "\x1b" not in line and "\x07" not in line
    assert "'\\x1b]0;owned\\x07' (1 entry)" in line
