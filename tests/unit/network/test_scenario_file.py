"""Reading a scenario (TOML) and a demand CSV: every bad key or value named."""

from __future__ import annotations

import tomllib

import pytest

from revalo.domain.errors import InvalidValue
from revalo.domain.network_scenario import parse_scenario
from revalo.services.network_build import parse_demand_csv

FULL = """
name = "Spain +20 %"
single_sourcing = false
max_days = 3
co2_price_per_t = 100

[sites]
decide = true
close = ["hub-be"]

[sites.change.HUB-ES]
receiving = 30000
receiving_cost = 2.0
fixed_cost = 300000

[[sites.new]]
code = "REP-PL"
name = "Repair Łódź"
country = "pl"
lat = 51.77
lon = 19.46
repair = 10000
repair_cost = 28.0
must_open = false

[demand.growth]
ES = 0.20

[[demand.add]]
region = "Warszawa (PL)"
country = "PL"
lat = 52.23
lon = 21.01
units_a_year = 3000
repair = 0.15
"""


def test_a_full_scenario_is_read() -> None:
    s = parse_scenario(tomllib.loads(FULL))
    assert (s.name, s.single_sourcing, s.max_days, s.co2_price_per_t) == (
        "Spain +20 %",
        False,
        3.0,
        100.0,
    )
    assert s.decide and s.close == ("HUB-BE",)
    assert s.changes["HUB-ES"].capacity == {"receiving": 30000.0}
    assert s.changes["HUB-ES"].fixed_cost == 300000.0
    [new] = s.new_sites
    assert (new.code, new.country, new.must_open) == ("REP-PL", "PL", False)
    assert new.capacity == {"repair": 10000.0} and new.unit_cost == {"repair": 28.0}
    assert s.growth == {"ES": 0.2}
    [point] = s.new_demand
    assert point.mix == (0.15, 0.0, 0.0) and point.units_a_year == 3000


@pytest.mark.parametrize(
    "text,message",
    [
        ('name = "x"\nclosed = []', "closed: unknown key"),
        ("", "name: must be a text"),
        ('name = "x"\n[sites]\nclose = "HUB-BE"', "sites.close: must be a list"),
        ('name = "x"\nmax_days = -1', "max_days: must not be negative"),
        ('name = "x"\nco2_price_per_t = "a lot"', "co2_price_per_t: must be a number"),
        ('name = "x"\n[demand.growth]\nES = -1.5', "demand.growth.ES: a growth of -1.5"),
        (
            'name = "x"\n[[sites.new]]\ncode = "N"\nname = "N"\ncountry = "FR"\nlat = 95\nlon = 2',
            "sites.new[0].lat: 95.0, 2.0 is not a point on Earth",
        ),
        (
            'name = "x"\n[[sites.new]]\ncode = "N"\nname = "N"\ncountry = "FR"\nlat = 45\nlon = 2',
            "sites.new[0].capacity: give the capacity",
        ),
        (
            'name = "x"\n[[demand.add]]\nregion = "r"\ncountry = "FR"\nlat = 45\nlon = 2\n'
            "units_a_year = 1\nrepair = 0.7\nrecycling = 0.5",
            "demand.add[0].repair: the shares",
        ),
    ],
)
def test_a_bad_scenario_names_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message.replace("[", r"\[").replace("+", r"\+")):
        parse_scenario(tomllib.loads(text))


def test_demand_from_a_csv() -> None:
    points = parse_demand_csv(
        "region,country,lat,lon,units_a_year,kg,repair\nLyon (FR),FR,45.76,4.84,1200,2.5,0.1\n"
    )
    [lyon] = points
    assert (lyon.name, lyon.units_a_year, lyon.kg, lyon.mix) == (
        "Lyon (FR)",
        1200,
        2.5,
        (0.1, 0, 0),
    )
    with pytest.raises(InvalidValue, match="lacks the column"):
        parse_demand_csv("region,country\nx,FR\n")
    with pytest.raises(InvalidValue, match="line 2"):
        parse_demand_csv("region,country,lat,lon,units_a_year\nx,FR,north,2,1\n")
