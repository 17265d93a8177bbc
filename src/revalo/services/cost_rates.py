"""The cost ledger's rates, read from ``config/costs.toml`` (or a file of the user's)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from revalo.domain.costs import ChannelFee, CostRates, to_cents
from revalo.domain.errors import InvalidValue


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, Mapping):
        raise InvalidValue(f"costs: [{name}] must be a table", field="costs")
    return value


def _cents(table: Mapping[str, Any], key: str, where: str) -> int:
    try:
        return to_cents(table[key])
    except KeyError:
        raise InvalidValue(f"costs: [{where}] needs {key}", field="costs") from None
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidValue(f"costs: [{where}] {key} must be a number", field="costs") from None


def rates_from_dict(raw: Mapping[str, Any]) -> CostRates:
    labour, handling = _table(raw, "labour"), _table(raw, "handling")
    sites = _table(labour, "sites")
    storage = _table(_table(raw, "storage"), "eur_per_unit_day")
    fees: dict[str, ChannelFee] = {}
    for route, fee in _table(raw, "channel_fees").items():
        where = f"channel_fees.{route}"
        if not isinstance(fee, Mapping):
            raise InvalidValue(f"costs: [{where}] must be a table", field="costs")
        try:
            rate = Decimal(str(fee.get("fee_rate", 0)))
        except InvalidOperation:
            raise InvalidValue(
                f"costs: [{where}] fee_rate must be a number", field="costs"
            ) from None
        fees[route] = ChannelFee(
            str(fee.get("channel", route)), rate, _cents(fee, "fee_eur", where)
        )
    return CostRates(
        labour_cents_per_hour=_cents(labour, "default_eur_per_hour", "labour"),
        site_labour_cents_per_hour={k: _cents(sites, k, "labour.sites") for k in sites},
        receipt_cents=_cents(handling, "receipt_eur_per_unit", "handling"),
        outbound_cents=_cents(handling, "outbound_eur_per_unit", "handling"),
        wipe_licence_cents=_cents(labour, "data_wipe_licence_eur", "labour"),
        storage_cents_per_day={k: _cents(storage, k, "storage.eur_per_unit_day") for k in storage},
        channel_fees=fees,
    )


def load_rates(path: Path | None = None) -> CostRates:
    """The rates of ``path``, default the shipped ``config/costs.toml``."""
    if path is None:
        text = resources.files("revalo.config").joinpath("costs.toml").read_text("utf-8")
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidValue(f"costs: cannot read {path}: {exc.strerror}", field="costs") from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(
            f"costs: {path or 'costs.toml'} is not TOML: {exc}", field="costs"
        ) from exc
    return rates_from_dict(raw)
