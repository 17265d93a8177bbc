"""Every environment variable the code reads is documented in docs/settings.md."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _variables_read(paths: list[Path]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        found.update(re.findall(r"\"(REVALO_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    return found


def test_every_setting_is_documented() -> None:
    code = [*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("tests").glob("*.py")]
    read = _variables_read(code)
    assert "REVALO_DATABASE_URL" in read  # the scan itself works
    documented = set(re.findall(r"`(REVALO_[A-Z_]+)`", (ROOT / "docs" / "settings.md").read_text()))
    assert read - documented == set(), "document these in docs/settings.md"
