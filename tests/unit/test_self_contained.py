"""The project stands alone: a user's clone has nothing beside it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Names of a folder that exists only beside the project's own development copy.
OUTSIDE = ("../" + "shared", "shared/" + "data", "REFERENCE" + ".md")


def test_no_source_test_or_benchmark_names_a_folder_outside_the_repository() -> None:
    offenders = []
    for top in ("src", "tests", "bench", "docs"):
        for path in sorted((ROOT / top).rglob("*")):
            if not path.is_file() or path.suffix not in {".py", ".toml", ".md", ".html", ".txt"}:
                continue
            if "data" in path.relative_to(ROOT).parts[:2]:
                continue  # the public data sets themselves
            text = path.read_text(encoding="utf-8", errors="replace")
            offenders += [f"{path.relative_to(ROOT)}: {name}" for name in OUTSIDE if name in text]
    assert offenders == []


def test_the_public_data_the_tests_read_is_in_the_repository() -> None:
    data = ROOT / "tests" / "data"
    assert len(list((data / "vrp" / "solomon").glob("*.txt"))) == 6
    assert len(list((data / "vrp" / "cvrp").glob("*.vrp"))) == 4
    readme = (data / "README.md").read_text(encoding="utf-8")
    # Every data set there says where it comes from.
    for folder in ("vrp/solomon", "vrp/cvrp", "cflp", "epcis"):
        assert (data / folder).is_dir()
        section = readme.split(f"## {folder} ")[1].split("\n## ")[0]
        assert "Source" in section, folder
