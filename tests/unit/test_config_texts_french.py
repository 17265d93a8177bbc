"""A configuration file or a setting that is wrong is refused in French too: the file, its
line and the key stay as they are, the problem is written again (through the API's and the
command's one door, ``speak`` and ``said``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from revalo.domain.errors import InvalidValue
from revalo.engines.collection.config import default_collection_text, parse_collection_config
from revalo.engines.disposition.params import params_from_dict
from revalo.engines.floor_assignment.params import params_from_dict as assignment_params
from revalo.engines.transport.errors import RateCardError
from revalo.engines.transport.rate_cards import parse_transport_config
from revalo.entrypoints.api.messages import speak
from revalo.entrypoints.cli_messages import said
from revalo.settings import Settings, load_policy
from tests.unit.transport.cards import TINY


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    hits = [i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith(needle)]
    return hits[occurrence - 1]


def in_french(english: str) -> str:
    """The message in French, the same through the API and the command; in English as it
    was raised."""
    french = speak(english, "fr")
    assert said(english, "fr") == french
    assert speak(english, "en") == said(english, "en") == english
    return french


def carriers_refusal(text: str) -> str:
    with pytest.raises(RateCardError) as info:
        parse_transport_config(text, "bad.toml")
    return info.value.message


@pytest.mark.parametrize(
    ("old", "new", "needle", "french"),
    [
        (
            "prices = [10.0, 16.0, 24.0, 40.0]",
            "prices = [10.0, 16.0, 24.0]",
            ("prices", 2),
            "parcel[0].zone[1].prices : a 3 prix pour 4 paliers de poids",
        ),
        (
            "fixed_eur = 200.0",
            "fixed_eur = -5",
            ("fixed_eur", 1),
            "truck[0].fixed_eur : doit valoir zéro ou plus, pas -5",
        ),
        (
            'lanes = ["FR>*"]',
            'lanes = ["FR-DE"]',
            ("lanes", 2),
            "parcel[0].zone[1].lanes : 'FR-DE' n'a pas la forme ^([A-Z]{2}|\\*)>([A-Z]{2}|\\*)$",
        ),
        (
            'vehicle = "van_diesel"',
            'vehicle = "hovercraft"',
            ("vehicle", 1),
            "parcel[0].vehicle : véhicule inconnu 'hovercraft' (connus : ",
        ),
        (
            "per_km_eur = 1.5",
            "per_kms_eur = 1.5",
            ("per_kms_eur", 1),
            "truck[0].per_kms_eur : clé inconnue (attendue : l'une de ['accepts_bulky', ",
        ),
        (
            "fuel_surcharge_pct = 10.0",
            'fuel_surcharge_pct = "ten"',
            ("fuel_surcharge_pct", 1),
            "parcel[0].fuel_surcharge_pct : doit être un nombre, pas 'ten'",
        ),
        (
            "accepts_lithium = false",
            'accepts_lithium = "no"',
            ("accepts_lithium", 1),
            "parcel[0].accepts_lithium : doit être true ou false, pas 'no'",
        ),
    ],
)
def test_a_bad_carriers_file_in_french_keeps_its_line_and_key(
    old: str, new: str, needle: tuple[str, int], french: str
) -> None:
    assert old in TINY
    text = TINY.replace(old, new, 1)
    english = carriers_refusal(text)
    assert in_french(english).startswith(f"bad.toml:{line_of(text, *needle)} : {french}")


def test_a_carriers_file_refused_as_a_whole_in_french() -> None:
    assert in_french(carriers_refusal("")) == (
        "bad.toml : aucun service : ajoutez au moins un [[parcel]], [[pallet]], [[truck]] ou "
        "[[fleet]]"
    )
    broken = in_french(carriers_refusal("[[parcel]\n"))
    assert broken.startswith("bad.toml : TOML non valide : ")
    # A table that is not one: the network's wording of it says the same.
    text = "circuity = 3\n" + TINY
    assert in_french(carriers_refusal(text)) == "bad.toml:1 : circuity : doit être une table"


def collection_refusal(old: str, new: str) -> str:
    name, text = default_collection_text()
    assert old in text
    with pytest.raises(RateCardError) as info:
        parse_collection_config(text.replace(old, new, 1), name)
    return info.value.message


def test_a_bad_collection_file_in_french() -> None:
    shipped = default_collection_text()[1]
    opens, closes = line_of(shipped, "opens"), line_of(shipped, "closes")
    assert in_french(collection_refusal('opens = "07:00"', 'opens = "7h"')) == (
        f"collection.toml:{opens} : hub.opens : doit être une heure \"HH:MM\", pas '7h'"
    )
    late = in_french(collection_refusal('closes = "19:00"', 'closes = "40:00"'))
    assert late == (
        f"collection.toml:{closes} : hub.closes : 40:00 dépasse 36:00, la dernière heure d'un "
        "jour de plan"
    )
    missing = in_french(collection_refusal("[customers.business]", "[customers.busyness]"))
    assert missing.startswith("collection.toml:")
    assert "customers.busyness : clé inconnue (attendue : l'une de ['business', " in missing


def test_the_policy_file_and_the_settings_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("[default]\nwithdrawal_days = -1\n", encoding="utf-8")
    with pytest.raises(InvalidValue) as info:
        load_policy(policy)
    assert in_french(info.value.message) == (
        f"{policy} : [default] : withdrawal_days doit être un nombre entier de jours >= 0, pas -1"
    )
    policy.write_text("[default\n", encoding="utf-8")
    with pytest.raises(InvalidValue) as info:
        load_policy(policy)
    assert in_french(info.value.message).startswith(f"{policy} : TOML non valide : ")
    monkeypatch.setenv("REVALO_MAX_BODY_BYTES", "lots")
    with pytest.raises(InvalidValue) as info:
        Settings.from_env("sqlite://")
    assert in_french(info.value.message) == (
        "REVALO_MAX_BODY_BYTES='lots' : un nombre entier positif est attendu"
    )


def test_the_engines_parameters_in_french() -> None:
    with pytest.raises(InvalidValue) as info:
        params_from_dict({"transport": 3})
    assert in_french(info.value.message) == "[transport] doit être une table"
    with pytest.raises(InvalidValue) as info:
        assignment_params({"shift": {"max_hours": 30}})
    assert in_french(info.value.message) == (
        "max_hours 30.0 doit être au-dessus de 0 et au plus 24"
    )
