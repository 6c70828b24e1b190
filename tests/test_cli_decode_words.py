"""`decode` of a file that is read but is not an image says so (QA s11a: `decode /etc/hostname`
said the file "cannot be read")."""

from __future__ import annotations

from pathlib import Path

from test_cli import as_json, run

from desktop_app.core.errors import InvalidInput
from desktop_app.messages import error_message


def test_a_text_file_is_said_not_to_be_an_image(tmp_path: Path) -> None:
    text_file = tmp_path / "hostname"
    text_file.write_text("till-1\n", encoding="utf-8")
    decoded = run(tmp_path, "decode", str(text_file))
    assert decoded.returncode == 1
    assert decoded.stderr.strip() == f"Image: The file {text_file} is not an image (PNG, JPG…)."
    as_json_result = as_json(run(tmp_path, "decode", str(text_file), "--json"))
    assert as_json_result["error"] == "invalid_input"
    assert as_json_result["problem"] == "not_an_image"


def test_a_missing_file_still_cannot_be_read(tmp_path: Path) -> None:
    missing = tmp_path / "missing.png"
    decoded = run(tmp_path, "decode", str(missing))
    assert decoded.stderr.strip() == f"Image: The file {missing} cannot be read."


def test_the_words_go_through_the_translation_table() -> None:
    said = error_message(InvalidInput(field="image", problem="not_an_image", path="a.txt"))
    assert said == "Image: The file a.txt is not an image (PNG, JPG…)."
    unnamed = error_message(InvalidInput(field="image", problem="not_an_image"))
    assert unnamed == "Image: The file is not an image (PNG, JPG…)."
