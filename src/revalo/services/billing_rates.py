"""Rate cards: load them from a TOML file, add a version from a day, show them; and the EU
standard VAT rates (``config/vat_rates.toml``, with their source).

A rate-card file names the seller once and each client's versions::

    [seller]
    name = "Revalo Logistique SAS"
    address = "12 rue des Entrepôts, 69007 Lyon"
    country = "FR"
    vat_number = "FR40123456789"
    company_id = "SIREN 123 456 789 RCS Lyon"

    [[cards]]
    client = "BOREA"
    valid_from = 2025-01-01
    payment_days = 30
    buyer = { name = "Maison Borea SARL", address = "...", country = "FR", vat_number = "" }
    rates = { return_received = "1.80", unit_graded = "0.90", storage_unit_day = "0.04" }

Loading a file again changes nothing: a version already there is skipped when it is the
same, and refused when it differs (a version is never changed; add one from a later day).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

from revalo.domain.billing import RATE_NAMES, Party, RateCard, Rates, card_for
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.people import Permission, User, ensure_sees_client
from revalo.domain.values import utcnow
from revalo.services.clients import client_named
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried

_PARTY_KEYS = frozenset({"name", "address", "country", "vat_number", "company_id"})
_CARD_KEYS = frozenset({"client", "valid_from", "payment_days", "buyer", "rates", "seller"})


@functools.cache
def vat_table() -> dict[str, tuple[tuple[date, Decimal], ...]]:
    """Each EU country's standard VAT rates (percent) with the day each applies from."""
    text = resources.files("revalo.config").joinpath("vat_rates.toml").read_text()
    data = tomllib.loads(text)["rates"]
    return {
        country: tuple(sorted((r["from"], Decimal(r["rate"])) for r in rates))
        for country, rates in data.items()
    }


def standard_rates(on: date) -> dict[str, Decimal]:
    """The standard rate of each EU country on a day."""
    found = {}
    for country, rates in vat_table().items():
        valid = [rate for start, rate in rates if start <= on]
        if valid:
            found[country] = valid[-1]
    return found


def eu_countries() -> frozenset[str]:
    return frozenset(vat_table())


def _amount(value: object, where: str) -> Decimal:
    try:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise InvalidOperation
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidValue(f"{where}: {value!r} is not an amount in EUR", field=where) from None


def _keys(table: object, allowed: frozenset[str], where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise InvalidValue(f"{where} must be a table", field=where)
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise InvalidValue(
            f"{where}: unknown key {', '.join(unknown)} (known: {', '.join(sorted(allowed))})",
            field=where,
        )
    return table


def party_from(table: object, where: str) -> Party:
    t = _keys(table, _PARTY_KEYS, where)
    for key in ("name", "address", "country"):
        if not isinstance(t.get(key), str):
            raise InvalidValue(f"{where} needs its {key}", field=where)
    return Party(**{k: str(v) for k, v in t.items()})


def rates_from(table: object, where: str) -> Rates:
    t = _keys(table, frozenset(RATE_NAMES), where)
    return Rates(**{k: _amount(v, f"{where}.{k}") for k, v in t.items()})


@dataclass(frozen=True, slots=True)
class ParsedCards:
    cards: tuple[RateCard, ...]


def parse_cards(text: str) -> ParsedCards:
    """The versions a rate-card file holds, checked (nothing is written)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(f"the rate-card file is not TOML: {exc}", field="file") from None
    _keys(data, frozenset({"seller", "cards"}), "the file")
    seller = party_from(data.get("seller"), "seller") if "seller" in data else None
    found = []
    for n, raw in enumerate(data.get("cards") or [], start=1):
        where = f"cards[{n}]"
        t = _keys(raw, _CARD_KEYS, where)
        if not isinstance(t.get("client"), str) or not isinstance(t.get("valid_from"), date):
            raise InvalidValue(f"{where} needs its client and valid_from (YYYY-MM-DD)", field=where)
        own_seller = party_from(t["seller"], f"{where}.seller") if "seller" in t else seller
        if own_seller is None:
            raise InvalidValue(f"{where}: no seller (give [seller] once for the file)", field=where)
        if "buyer" not in t:
            raise InvalidValue(f"{where} needs its buyer", field=where)
        days = t.get("payment_days", 30)
        if not isinstance(days, int) or isinstance(days, bool):
            raise InvalidValue(f"{where}.payment_days must be a number of days", field=where)
        found.append(
            RateCard(
                client_code=t["client"],
                valid_from=t["valid_from"],
                rates=rates_from(t.get("rates", {}), f"{where}.rates"),
                seller=own_seller,
                buyer=party_from(t["buyer"], f"{where}.buyer"),
                payment_days=days,
            )
        )
    if not found:
        raise InvalidValue("the rate-card file has no [[cards]]", field="file")
    return ParsedCards(tuple(found))


def _same(a: RateCard, b: RateCard) -> bool:
    return (a.rates, a.seller, a.buyer, a.payment_days) == (
        b.rates,
        b.seller,
        b.buyer,
        b.payment_days,
    )


def _store(uow: UnitOfWork, card: RateCard, by: User) -> bool:
    """Store a new version; False when the same version is there already."""
    client_named(uow, card.client_code)
    existing = {c.valid_from: c for c in uow.billing.cards(card.client_code)}
    there = existing.get(card.valid_from)
    if there is not None:
        if _same(there, card):
            return False
        raise NotAllowed(
            f"client {card.client_code} has a rate card from {card.valid_from.isoformat()} "
            "already, with other terms: a version is never changed; add one from a later day",
            field="valid_from",
        )
    uow.billing.add_card(replace(card, created_by=by.login, created_at=utcnow()))
    return True


@needs(Permission.MANAGE_RATE_CARDS)
@retried
def load_rate_cards(uow: UnitOfWork, text: str, *, by: User) -> tuple[int, int]:
    """Store the file's versions: (added, already there). Nothing is written when one of
    them is refused."""
    parsed = parse_cards(text)
    with uow:
        added = sum(_store(uow, card, by) for card in parsed.cards)
        record_done(uow, by, "load_rate_cards", f"{added} added")
        uow.commit()
    return added, len(parsed.cards) - added


@needs(Permission.MANAGE_RATE_CARDS)
@retried
def add_rate_card(
    uow: UnitOfWork,
    client_code: str,
    *,
    valid_from: date,
    rates: Rates,
    buyer: Party | None = None,
    seller: Party | None = None,
    payment_days: int | None = None,
    by: User,
) -> RateCard:
    """A new version of the client's prices from a day; the parties and the payment term
    are the previous version's unless given (the first version needs both parties)."""
    with uow:
        client = client_named(uow, client_code)
        before = card_for(list(uow.billing.cards(client.code)), valid_from)
        if (buyer is None or seller is None) and before is None:
            raise InvalidValue(
                f"client {client.code} has no rate card before {valid_from.isoformat()}: "
                "name the seller and the buyer",
                field="buyer",
            )
        card = RateCard(
            client_code=client.code,
            valid_from=valid_from,
            rates=rates,
            seller=seller or before.seller,  # type: ignore[union-attr]
            buyer=buyer or before.buyer,  # type: ignore[union-attr]
            payment_days=payment_days if payment_days is not None else before.payment_days,  # type: ignore[union-attr]
        )
        if not _store(uow, card, by):
            raise NotAllowed(
                f"client {client.code} has this rate card from {valid_from.isoformat()} already",
                field="valid_from",
            )
        record_done(uow, by, "add_rate_card", f"{client.code} {valid_from.isoformat()}")
        uow.commit()
    return card


@reads(Permission.VIEW_INVOICES)
def rate_cards(uow: UnitOfWork, client_code: str | None = None, *, by: User) -> Sequence[RateCard]:
    """Every version, by client then day; a client user sees its own only."""
    code = client_code.strip().upper() if client_code else by.bound_client
    ensure_sees_client(by, Permission.VIEW_INVOICES, code)
    with uow:
        if code:
            client_named(uow, code)
        return uow.billing.cards(code)
