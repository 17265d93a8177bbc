"""The command's own messages in French when the environment's locale is French (LC_ALL,
LC_MESSAGES, then LANG), in English otherwise; the domain's and the services' refusals too."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from revalo.adapters.db import sqlite_url
from revalo.demo.manager import EngineTotals
from revalo.entrypoints.cli import app as cli
from revalo.entrypoints.cli_demo import engine_line, print_summary, transport_line
from revalo.entrypoints.cli_messages import EN, FR, language, said
from revalo.services.ports import LegTotals
from revalo.services.reports import summary
from tests.conftest import World
from tests.people import person

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


def test_a_wrong_setting_or_policy_file_in_french(db: tuple[Path, World], tmp_path: Path) -> None:
    path, _ = db
    export = ("export", "units", tmp_path / "u.csv", "--db", path)
    timeout = revalo(*export, env={**FRENCH, "REVALO_LOCK_TIMEOUT": "soon"})
    assert timeout.exit_code == 1
    assert timeout.output.strip() == (
        "erreur : REVALO_LOCK_TIMEOUT='soon' : donnez des secondes au-dessus de 0 et au plus 600"
    )
    policy = tmp_path / "policy.toml"
    policy.write_text("[default]\nwarranty = 2\n", encoding="utf-8")
    refused = revalo(*export, env={**FRENCH, "REVALO_RETURN_POLICY": str(policy)})
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        f"erreur : {policy} : [default] : réglage(s) inconnu(s) warranty"
    )
    english = revalo(*export, env={**ENGLISH, "REVALO_RETURN_POLICY": str(policy)})
    assert english.output.strip() == f"error: {policy}: [default]: unknown setting(s) warranty"


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


def test_tables_and_the_demos_summary_in_french(
    db: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, world = db
    listed = revalo("users", "list", "--db", path)
    assert listed.exit_code == 0, listed.output
    header = next(line for line in listed.output.splitlines() if "identifiant" in line)
    for word in ("nom", "rôles", "sites ou client", "langue", "état"):
        assert word in header
    assert "utilisateur(s)" in listed.output and "administrateur" in listed.output
    assert "login" in revalo("users", "list", "--db", path, env=ENGLISH).output
    engine = EngineTotals(batches=3, decided=1200, held=4, net_recovery=1587.5)
    engine.regret_net_recovery, engine.greedy_net_recovery = 1580.0, 1500.0
    engine.hierarchy_net_recovery = 1400.0
    assert said(engine_line(engine), "fr") == (
        "Moteur de décision, 3 lots de nuit prévisualisés puis validés, 1\u202f200 unités "
        "décidées, 4 en attente de capacité : valorisation nette 1\u202f587,50 EUR contre "
        "1\u202f580,00 EUR pour la référence gloutonne au regret (+0,47 %), 1\u202f500,00 EUR "
        "pour la gloutonne simple (+5,83 %) et 1\u202f400,00 EUR pour la hiérarchie des "
        "déchets d'abord."
    )
    assert said(
        "Network what-if on 12 weeks of returns scaled to a year (976 regions): today's "
        "network costs 2,899,281 EUR a year, 135.38 EUR a unit.",
        "fr",
    ) == (
        "Réseau, et si : sur 12 semaines de retours ramenées à l'année (976 régions), le réseau "
        "d'aujourd'hui coûte 2\u202f899\u202f281 EUR par an, 135,38 EUR par unité."
    )
    legs = LegTotals(2, 2, 1200.0, Decimal("30.5"), 4000, {"return": 2})
    assert said(transport_line(legs, 1), "fr").startswith("Transport : 2 envois (2 retour) ; 1 ")
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    console = Console(record=True, width=250)
    empty = summary(world.app.read_uow(), by=person("lectrice"))
    some = dataclasses.replace(
        empty,
        as_of=datetime(2025, 3, 2, 18, 0),
        total_units=1200,
        total_returns=900,
        units_by_state={"graded": 1000, "recycled": 200},
        units_by_route={"recycle": 200},
    )
    print_summary(some, console)
    shown = console.export_text()
    for title in ("Unités par état", "Unités par filière", "Retours par motif"):
        assert title in shown
    assert "1\u202f200 unités reçues de 900 retours" in shown and "units" not in shown
    assert "classé" in shown and "recyclage" in shown and "83,3\u00a0%" in shown
