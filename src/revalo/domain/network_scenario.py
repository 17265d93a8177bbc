"""A network scenario: today's network plus changes (sites opened, closed or changed, new
sites, demand growth by country, new demand points, a CO2 price, a lead-time cap), read
from a TOML document. Pure: no I/O, every bad key or value named in the error."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from revalo.domain.errors import InvalidValue

#: What a site may do, as the network model counts it (capacity in units a year).
ACTIVITIES = ("receiving", "repair", "refurbishment", "recycling")


@dataclass(frozen=True, slots=True)
class SiteChange:
    """Changes to one existing site: capacities and unit costs per activity, fixed cost."""

    capacity: Mapping[str, float] = field(default_factory=dict)
    unit_cost: Mapping[str, float] = field(default_factory=dict)
    fixed_cost: float | None = None


@dataclass(frozen=True, slots=True)
class NewSite:
    code: str
    name: str
    country: str
    lat: float
    lon: float
    fixed_cost: float
    capacity: Mapping[str, float]
    unit_cost: Mapping[str, float]
    #: Forced open (True) or left for the model to decide (False).
    must_open: bool = True


@dataclass(frozen=True, slots=True)
class NewDemand:
    region: str
    country: str
    lat: float
    lon: float
    units_a_year: float
    #: Shares going on to repair, refurbishment and recycling.
    mix: tuple[float, float, float] = (0.0, 0.0, 0.0)
    kg: float = 5.0


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    description: str = ""
    #: Existing sites the model may close (every one when ``decide`` is True).
    decide: bool = False
    close: tuple[str, ...] = ()
    open: tuple[str, ...] = ()
    changes: Mapping[str, SiteChange] = field(default_factory=dict)
    new_sites: tuple[NewSite, ...] = ()
    growth: Mapping[str, float] = field(default_factory=dict)
    new_demand: tuple[NewDemand, ...] = ()
    co2_price_per_t: float = 0.0
    single_sourcing: bool = True
    max_days: float | None = None


#: Today's network as it is: every existing site open, nothing changed.
CURRENT = Scenario(name="Today's network", description="the sites as they are, today's demand")

_TOP = {"name", "description", "single_sourcing", "max_days", "co2_price_per_t", "sites", "demand"}
_SITES = {"decide", "close", "open", "change", "new"}
_DEMAND = {"growth", "add"}


def parse_scenario(data: Mapping[str, Any]) -> Scenario:
    """The scenario of a parsed TOML document; InvalidValue names the key that is wrong."""
    _only(data, _TOP, "")
    name = _text(data, "name", "")
    sites = _table(data, "sites", "")
    demand = _table(data, "demand", "")
    _only(sites, _SITES, "sites.")
    _only(demand, _DEMAND, "demand.")
    changes = {
        code.upper(): _change(_as_table(v, f"sites.change.{code}"), f"sites.change.{code}.")
        for code, v in _table(sites, "change", "sites.").items()
    }
    growth = {}
    for country, v in _table(demand, "growth", "demand.").items():
        where = f"demand.growth.{country}"
        g = _number(v, where)
        if g <= -1:
            raise InvalidValue(f"{where}: a growth of {g} leaves no demand")
        growth[country.upper()] = g
    max_days = data.get("max_days")
    return Scenario(
        name=name,
        description=_text(data, "description", "", required=False),
        decide=_flag(sites, "decide", "sites.", False),
        close=_codes(sites, "close", "sites."),
        open=_codes(sites, "open", "sites."),
        changes=changes,
        new_sites=tuple(
            _new_site(_as_table(v, f"sites.new[{i}]"), f"sites.new[{i}].")
            for i, v in enumerate(_list(sites, "new", "sites."))
        ),
        growth=growth,
        new_demand=tuple(
            _new_demand(_as_table(v, f"demand.add[{i}]"), f"demand.add[{i}].")
            for i, v in enumerate(_list(demand, "add", "demand."))
        ),
        co2_price_per_t=_positive(data.get("co2_price_per_t", 0.0), "co2_price_per_t"),
        single_sourcing=_flag(data, "single_sourcing", "", True),
        max_days=None if max_days is None else _positive(max_days, "max_days"),
    )


def _only(data: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        where, known = f"{prefix}{unknown[0]}", ", ".join(sorted(allowed))
        raise InvalidValue(f"{where}: unknown key (known: {known})")


def _as_table(v: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(v, Mapping):
        raise InvalidValue(f"{where}: must be a table")
    return v


def _table(data: Mapping[str, Any], key: str, prefix: str) -> Mapping[str, Any]:
    return _as_table(data.get(key, {}), f"{prefix}{key}")


def _list(data: Mapping[str, Any], key: str, prefix: str) -> list[Any]:
    v, where = data.get(key, []), f"{prefix}{key}"
    if not isinstance(v, list):
        raise InvalidValue(f"{where}: must be a list")
    return v


def _text(data: Mapping[str, Any], key: str, prefix: str, *, required: bool = True) -> str:
    v, where = data.get(key, None if required else ""), f"{prefix}{key}"
    if not isinstance(v, str) or (required and not v.strip()):
        raise InvalidValue(f"{where}: must be a text")
    return v.strip()


def _flag(data: Mapping[str, Any], key: str, prefix: str, default: bool) -> bool:
    v, where = data.get(key, default), f"{prefix}{key}"
    if not isinstance(v, bool):
        raise InvalidValue(f"{where}: must be true or false")
    return v


def _number(v: Any, where: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise InvalidValue(f"{where}: must be a number")
    return float(v)


def _positive(v: Any, where: str) -> float:
    n = _number(v, where)
    if n < 0:
        raise InvalidValue(f"{where}: must not be negative")
    return n


def _codes(data: Mapping[str, Any], key: str, prefix: str) -> tuple[str, ...]:
    out = []
    for i, v in enumerate(_list(data, key, prefix)):
        if not isinstance(v, str) or not v.strip():
            where = f"{prefix}{key}[{i}]"
            raise InvalidValue(f"{where}: must be a site code")
        out.append(v.strip().upper())
    return tuple(out)


def _per_activity(data: Mapping[str, Any], prefix: str, suffix: str) -> dict[str, float]:
    return {
        a: _positive(data[a + suffix], f"{prefix}{a}{suffix}")
        for a in ACTIVITIES
        if a + suffix in data
    }


_ACTIVITY_KEYS = {a for a in ACTIVITIES} | {a + "_cost" for a in ACTIVITIES}


def _change(data: Mapping[str, Any], prefix: str) -> SiteChange:
    _only(data, _ACTIVITY_KEYS | {"fixed_cost"}, prefix)
    fixed = data.get("fixed_cost")
    return SiteChange(
        capacity=_per_activity(data, prefix, ""),
        unit_cost=_per_activity(data, prefix, "_cost"),
        fixed_cost=None if fixed is None else _positive(fixed, f"{prefix}fixed_cost"),
    )


def _point(data: Mapping[str, Any], prefix: str) -> tuple[float, float]:
    lat, lon = _number(data.get("lat"), f"{prefix}lat"), _number(data.get("lon"), f"{prefix}lon")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        where = f"{prefix}lat"
        raise InvalidValue(f"{where}: {lat}, {lon} is not a point on Earth")
    return lat, lon


def _country(data: Mapping[str, Any], prefix: str) -> str:
    c = _text(data, "country", prefix).upper()
    if len(c) != 2 or not c.isalpha():
        where = f"{prefix}country"
        raise InvalidValue(f"{where}: {c} is not an ISO 3166 two-letter code")
    return c


def _new_site(data: Mapping[str, Any], prefix: str) -> NewSite:
    _only(
        data,
        _ACTIVITY_KEYS | {"code", "name", "country", "lat", "lon", "fixed_cost", "must_open"},
        prefix,
    )
    lat, lon = _point(data, prefix)
    capacity = _per_activity(data, prefix, "")
    if not any(capacity.values()):
        where = f"{prefix}capacity"
        raise InvalidValue(f"{where}: give the capacity of at least one activity")
    return NewSite(
        code=_text(data, "code", prefix).upper(),
        name=_text(data, "name", prefix),
        country=_country(data, prefix),
        lat=lat,
        lon=lon,
        fixed_cost=_positive(data.get("fixed_cost", 0.0), f"{prefix}fixed_cost"),
        capacity=capacity,
        unit_cost=_per_activity(data, prefix, "_cost"),
        must_open=_flag(data, "must_open", prefix, True),
    )


def _new_demand(data: Mapping[str, Any], prefix: str) -> NewDemand:
    keys = {"region", "country", "lat", "lon", "units_a_year", "kg", "repair"}
    _only(data, keys | {"refurbishment", "recycling"}, prefix)
    lat, lon = _point(data, prefix)
    mix = tuple(
        _positive(data.get(k, 0.0), f"{prefix}{k}")
        for k in ("repair", "refurbishment", "recycling")
    )
    if sum(mix) > 1 + 1e-9:
        where = f"{prefix}repair"
        raise InvalidValue(f"{where}: the shares of repair, refurbishment and recycling exceed 1")
    return NewDemand(
        region=_text(data, "region", prefix),
        country=_country(data, prefix),
        lat=lat,
        lon=lon,
        units_a_year=_positive(data.get("units_a_year"), f"{prefix}units_a_year"),
        mix=(mix[0], mix[1], mix[2]),
        kg=_positive(data.get("kg", 5.0), f"{prefix}kg"),
    )
