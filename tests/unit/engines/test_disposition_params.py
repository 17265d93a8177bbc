"""The shipped configuration loads, documents its figures, and bad values are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue
from revalo.engines.disposition import load_channels, load_params
from revalo.engines.disposition.params import params_from_dict

CONFIG = Path(__file__).resolve().parents[3] / "src" / "revalo" / "config" / "disposition.toml"


def test_shipped_configuration_loads_with_the_published_decay() -> None:
    pa = load_params()
    assert pa.category("laptop").decay_rate == 0.01
    assert pa.category("laptop").decay_period_days == 7.0
    assert pa.category("power_tool").decay_period_days == 30.0
    assert pa.circuity == 1.3
    assert pa.lead_days(DispositionRoute.REPAIR) > 0
    codes = {c.code for c in load_channels()}
    assert {"REFURB-MKT", "DISCOUNT-MKT", "B2B-LOT", "NEW-STOCK"} <= codes


def test_every_table_of_the_configuration_is_explained() -> None:
    """Each [table] is preceded or followed by a comment saying what it is or where it comes
    from, so nobody changes a figure without knowing its source."""
    lines = CONFIG.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if (
            line.startswith("[")
            and not line.startswith("[categories.")
            and (not line.startswith("[channels."))
        ):
            around = lines[max(0, i - 3) : i + 3]
            assert any(x.lstrip().startswith("#") for x in around), line


def test_bad_values_name_their_field() -> None:
    with pytest.raises(InvalidValue) as err:
        params_from_dict({"transport": {"circuity": 0.5}})
    assert err.value.field == "circuity"
    with pytest.raises(InvalidValue) as err:
        params_from_dict({"route_lead_days": {"teleport": 1}})
    assert err.value.field == "route_lead_days"
    with pytest.raises(InvalidValue) as err:
        params_from_dict({"categories": {"default": {"decay_rate": 1.5, "decay_period_days": 7}}})
    assert err.value.field == "decay_rate"
