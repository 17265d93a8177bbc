"""The command's own messages in French when the environment's locale is French (LC_ALL,
LC_MESSAGES, then LANG), in English otherwise; the domain's and the services' refusals too."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from revalo.adapters.db import sqlite_url
from revalo.entrypoints.cli import app as cli
from revalo.entrypoints.cli_messages import EN, FR, language, said
from tests.conftest import World

FRENCH = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8", "COLUMNS": "250"}
ENGLISH = {**FRENCH, "LANG": "C.UTF-8"}


def revalo(*args: str | Path, env: dict[str, str] = FRENCH) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_the_language_is_the_environments() -> None:
    assert language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert language({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert language({"LC_ALL": "", "LC_MESSAGES": "fr_BE", "LANG": "C"}) == "fr"
    assert language({}) == "en"
    assert set(EN) == set(FR)


def test_errors_in_french(db: tuple[Path, World], tmp_path: Path) -> None:
    path, _ = db
    missing = revalo("export", "units", tmp_path / "u.csv", "--db", tmp_path / "x.db")
    assert missing.exit_code == 2
    assert missing.output.startswith(f"erreur : {tmp_path / 'x.db'} : cette base de données")
    both = revalo("export", "units", tmp_path / "u.csv", "--db", path, "--url", sqlite_url(path))
    assert both.output.strip() == "erreur : donnez --db ou --url, pas les deux"
    english = revalo("export", "units", tmp_path / "u.csv", "--db", path, "--url", "x", env=ENGLISH)
    assert english.output.strip() == "error: give --db or --url, not both"
    # The services' refusal in French too, after the French "erreur :".
    nobody = revalo("users", "deactivate", "nobody", "--db", path)
    assert nobody.exit_code == 1
    assert nobody.output.strip() == "erreur : aucun utilisateur avec l'identifiant 'nobody'"
    in_english = revalo("users", "deactivate", "nobody", "--db", path, env=ENGLISH)
    assert in_english.output.strip() == "error: no user with login 'nobody'"


def test_what_it_did_in_french(tmp_path: Path) -> None:
    path = tmp_path / "revalo.db"
    upgraded = revalo("db", "upgrade", "--db", path)
    assert upgraded.exit_code == 0, upgraded.output
    assert upgraded.output.startswith(f"La base de données sqlite:///{path} est à la révision")
    assert said("Wrote 1,200 unit(s) to units.csv.", "fr") == (
        "1\u202f200 unité(s) écrite(s) dans units.csv."
    )
    assert said(
        "a row stayed locked for 10 s (REVALO_LOCK_TIMEOUT): nothing was changed; try again", "fr"
    ) == (
        "une ligne est restée verrouillée 10 s (REVALO_LOCK_TIMEOUT) : rien n'a été modifié ; "
        "réessayez"
    )
