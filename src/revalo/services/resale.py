"""Listings on the sales channels: a unit decided for resale becomes a listing on the
decision's channel, at the value model's price for its grade, is published, repriced as it
ages, reserved, sold or withdrawn.

Each change locks the listing's unit first (the unit's row is the listing's lock): two buyers
reserving or buying the same listing take turns, and the second finds it reserved or sold.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from revalo.domain.channels import SalesChannel, channels_from_config
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.listing_text import listing_description, listing_title
from revalo.domain.lots import format_lot
from revalo.domain.people import Permission, User
from revalo.domain.resale import Listing, ListingStatus, PriceModel, price_model
from revalo.domain.units import ReturnedUnit, UnitState
from revalo.engines.disposition import load_params
from revalo.engines.disposition.options import sale_grade
from revalo.engines.disposition.params import GRADES, load_config
from revalo.services.common import found, get_unit, record, when
from revalo.services.guard import ensure_handles, needs, reads
from revalo.services.ports import UnitOfWork
from revalo.services.resale_ports import ListingFilter
from revalo.services.resale_profit import observed_rates
from revalo.services.retry import retried

#: The routes whose unit is sold on a channel by a listing.
RESALE_ROUTES = frozenset(
    {DispositionRoute.RESELL, DispositionRoute.REPAIR, DispositionRoute.REFURBISH}
)
#: The unit states in which a unit decided for resale may get its listing.
_LISTABLE = frozenset({UnitState.DISPOSITION_DECIDED, UnitState.READY, UnitState.LISTED})
_F = list(FunctionalGrade)
_C = list(CosmeticGrade)


@functools.lru_cache(maxsize=1)
def _shipped_channels() -> tuple[SalesChannel, ...]:
    return channels_from_config(load_config())


def sales_channels(config: Path | None = None) -> tuple[SalesChannel, ...]:
    """Every sales channel (config/channels.toml, or the channels of ``config``)."""
    return _shipped_channels() if config is None else channels_from_config(load_config(config))


def default_channel(
    route: DispositionRoute, grade: str, category: str, config: Path | None = None
) -> str | None:
    """The first channel of the configuration that sells the route's units and takes the
    grade and the category: where a manager's decision without a channel is listed."""
    for ch in sales_channels(config):
        if route.value in ch.routes and ch.accepts(grade, category):
            return ch.code
    return None


def get_channel(code: str, config: Path | None = None) -> SalesChannel:
    wanted = code.strip().upper()
    for ch in sales_channels(config):
        if ch.code == wanted:
            return ch
    known = ", ".join(c.code for c in sales_channels(config))
    raise InvalidValue(f"no sales channel {code!r}; the channels are {known}", field="channel")


def get_listing(uow: UnitOfWork, listing_id: int) -> Listing:
    return found(uow.listings.get(listing_id), f"no listing {listing_id}", "listing")


def _locked(uow: UnitOfWork, listing_id: int, by: User, permission: Permission) -> Listing:
    """The listing, its unit locked until the use case ends, read again after the lock."""
    first = get_listing(uow, listing_id)
    unit = get_unit(uow, first.lpn, lock=True)
    ensure_handles(by, permission, unit)
    return get_listing(uow, listing_id)


def unit_sale_grade(route: DispositionRoute, functional: str, cosmetic: str) -> str:
    """The grade a unit is sold at after its route (the engine's rule)."""
    f, c = _F.index(FunctionalGrade(functional)), _C.index(CosmeticGrade(cosmetic))
    return GRADES[sale_grade(route, f, c)]


def listing_price_model(listing: Listing, config: Path | None = None) -> PriceModel:
    cat = load_params(config).category(listing.category)
    return PriceModel(
        listing.reference_price, cat.decay_rate, cat.decay_period_days, listing.floor_price
    )


def _age_days(unit: ReturnedUnit, at: datetime) -> float:
    """Days since the unit came back: the value model's decay counts from the return."""
    return max((at - unit.received_at).total_seconds() / 86400, 0.0)


@needs(Permission.MANAGE_LISTINGS)
@retried
def create_listing(
    uow: UnitOfWork,
    lpn: str,
    *,
    by: User,
    channel: str | None = None,
    photos: tuple[str, ...] = (),
    at: datetime | None = None,
    config: Path | None = None,
    feedback_min_sales: int = 0,
) -> Listing:
    """A unit decided for resale becomes a draft listing: on the decision's channel (or the
    one given), with the grade as the channel names it, a title and description from the
    product and the inspection, and the value model's price for its grade and age, never
    below the channel's floor. With ``feedback_min_sales`` above 0, the share of the new
    price observed on at least that many past sales of the same channel, category and grade
    replaces the configured rate (REVALO_RESALE_FEEDBACK_MIN_SALES)."""
    t = when(at)
    observed = observed_rates(uow, by=by, min_sales=feedback_min_sales, config=config)
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.MANAGE_LISTINGS, unit)
        if unit.route not in RESALE_ROUTES or unit.state not in _LISTABLE:
            raise NotAllowed(
                f"unit {unit.lpn} is {unit.state.value}: only a unit decided for resale, "
                "repair or refurbishment is listed"
            )
        if uow.listings.open_for_unit(unit.id) is not None:
            raise NotAllowed(f"unit {unit.lpn} has an open listing already")
        in_lot = uow.lots.lot_of_unit(unit.id)
        if in_lot is not None:
            raise NotAllowed(
                f"unit {unit.lpn} is in lot {format_lot(in_lot)}: it is sold with the lot"
            )
        assert unit.route is not None and unit.sku is not None
        decision = uow.dispositions.latest(unit.id)
        product = found(uow.products.get(unit.sku), f"no product {unit.sku}")
        inspection = found(uow.inspections.latest(unit.id), f"unit {unit.lpn} was never inspected")
        grade = unit_sale_grade(
            unit.route, inspection.functional_grade.value, inspection.cosmetic_grade.value
        )
        code = (
            channel
            or (decision.channel if decision else None)
            or default_channel(unit.route, grade, product.category, config)
        )
        if not code:
            raise InvalidValue(
                f"the decision on unit {unit.lpn} names no channel: give one", field="channel"
            )
        ch = get_channel(code, config)
        ch.ensure_accepts(grade, product.category)
        cat = load_params(config).category(product.category)
        model = price_model(
            ch,
            grade,
            new_price=product.new_price,
            resale_factor=cat.resale_factor,
            decay_rate=cat.decay_rate,
            decay_period_days=cat.decay_period_days,
            observed_rate=observed.get((ch.code, product.category, grade)),
        )
        refurbished = unit.route is DispositionRoute.REFURBISH
        name = ch.grade_name(grade)
        listing = Listing(
            unit_id=unit.id,
            lpn=unit.lpn,
            channel=ch.code,
            grade=grade,
            channel_grade=name,
            category=product.category,
            title=listing_title(product, name, refurbished=refurbished),
            description=listing_description(
                product,
                inspection,
                name,
                refurbished=refurbished,
                repaired=unit.route is DispositionRoute.REPAIR,
            ),
            reference_price=model.reference,
            floor_price=model.floor,
            asking_price=model.price_at(_age_days(unit, t)),
            created_at=t,
            created_by=by.login,
            refurbished=refurbished,
            photos=photos,
        )
        uow.listings.add(listing)
        uow.commit()
    return listing


@needs(Permission.MANAGE_LISTINGS)
@retried
def publish_listing(
    uow: UnitOfWork, listing_id: int, *, by: User, at: datetime | None = None
) -> Listing:
    """Put a draft on sale. A unit whose work is done is dispatched to the graded stock
    first (its data wipe and tests are checked then); one still in work waits."""
    t = when(at)
    with uow:
        listing = _locked(uow, listing_id, by, Permission.MANAGE_LISTINGS)
        unit = get_unit(uow, listing.lpn)
        if unit.state is UnitState.READY:
            product = uow.products.get(unit.sku) if unit.sku else None
            change = unit.dispatch(
                at=t,
                actor=by.login,
                data_bearing=product.data_bearing if product else False,
                document=f"listing {listing.id}",
            )
            record(uow, change)
        if unit.state is not UnitState.LISTED:
            raise NotAllowed(
                f"unit {unit.lpn} is {unit.state.value}: it is put on sale once its work is "
                "done and it is in the graded stock"
            )
        listing.publish(t)
        uow.listings.save(listing)
        uow.commit()
    return listing


@needs(Permission.MANAGE_LISTINGS)
@retried
def edit_listing(
    uow: UnitOfWork,
    listing_id: int,
    *,
    by: User,
    title: str | None = None,
    description: str | None = None,
) -> Listing:
    """Change a listing's words (a banned wording is refused, décret 2022-190)."""
    with uow:
        listing = _locked(uow, listing_id, by, Permission.MANAGE_LISTINGS)
        listing.edit(title=title, description=description)
        uow.listings.save(listing)
        uow.commit()
    return listing


@needs(Permission.MANAGE_LISTINGS)
@retried
def reprice_listing(
    uow: UnitOfWork,
    listing_id: int,
    *,
    price: Decimal,
    by: User,
    reason: str = "",
    at: datetime | None = None,
) -> Listing:
    """Set a listing's asking price by hand (never below its floor)."""
    with uow:
        listing = _locked(uow, listing_id, by, Permission.MANAGE_LISTINGS)
        listing.reprice(price, at=when(at), actor=by.login, reason=reason.strip() or "by hand")
        uow.listings.save(listing)
        uow.commit()
    return listing


@dataclass(frozen=True, slots=True)
class Repriced:
    lpn: str
    listing_id: int
    old: Decimal
    new: Decimal


@needs(Permission.MANAGE_LISTINGS)
def reprice_aged(
    uow: UnitOfWork,
    *,
    by: User,
    channel: str | None = None,
    at: datetime | None = None,
    config: Path | None = None,
) -> list[Repriced]:
    """Lower every open listing's price to the value model's price for its unit's age (its
    category's decay), never below its floor; each listing in its own transaction."""
    t = when(at)
    with uow:
        ids = [
            x.id
            for status in (ListingStatus.DRAFT, ListingStatus.LISTED)
            for x in uow.listings.list(
                ListingFilter(channel=channel, status=status), limit=100_000, offset=0
            )[0]
            if x.id is not None
        ]
    out = []
    for listing_id in ids:
        done = reprice_aged_listing(uow, listing_id, by=by, at=t, config=config)
        if done is not None:
            out.append(done)
    return out


@needs(Permission.MANAGE_LISTINGS)
@retried
def reprice_aged_listing(
    uow: UnitOfWork,
    listing_id: int,
    *,
    by: User,
    at: datetime | None = None,
    config: Path | None = None,
) -> Repriced | None:
    """Lower one listing's price to the value model's for its unit's age (None: unchanged)."""
    at = when(at)
    with uow:
        listing = _locked(uow, listing_id, by, Permission.MANAGE_LISTINGS)
        if listing.status not in (ListingStatus.DRAFT, ListingStatus.LISTED):
            return None
        unit = get_unit(uow, listing.lpn)
        old = listing.asking_price
        new = listing_price_model(listing, config).price_at(_age_days(unit, at))
        if new >= old or not listing.reprice(new, at=at, actor=by.login, reason="aged"):
            return None
        uow.listings.save(listing)
        uow.commit()
    return Repriced(listing.lpn, listing_id, old, new)


@needs(Permission.MANAGE_LISTINGS)
@retried
def reserve_listing(
    uow: UnitOfWork, listing_id: int, *, buyer: str, by: User, release: bool = False
) -> Listing:
    """Hold a listed item for one buyer (or, with ``release``, put it back on sale)."""
    with uow:
        listing = _locked(uow, listing_id, by, Permission.MANAGE_LISTINGS)
        if release:
            listing.release()
        else:
            listing.reserve(buyer)
        uow.listings.save(listing)
        uow.commit()
    return listing


@needs(Permission.SELL)
@retried
def sell_listing(
    uow: UnitOfWork,
    listing_id: int,
    *,
    by: User,
    buyer: str = "",
    price: Decimal | None = None,
    at: datetime | None = None,
    config: Path | None = None,
    document: str = "",
) -> Listing:
    """Close the listing with its sale: the channel's fees are kept with it, the unit's
    proceeds are the price, and the unit leaves the stock (a ledger move and its event)."""
    t = when(at)
    with uow:
        listing = _locked(uow, listing_id, by, Permission.SELL)
        unit = get_unit(uow, listing.lpn)
        sale = listing.sell(get_channel(listing.channel, config), price=price, buyer=buyer, at=t)
        record(
            uow,
            unit.sell(
                at=t, actor=by.login, document=document or f"listing {listing.id}", price=sale.price
            ),
        )
        uow.listings.save(listing)
        uow.commit()
    return listing


@needs(Permission.MANAGE_LISTINGS)
@retried
def withdraw_listing(uow: UnitOfWork, listing_id: int, *, reason: str, by: User) -> Listing:
    """Take a listing off sale, with the reason; the unit stays in the graded stock."""
    with uow:
        listing = _locked(uow, listing_id, by, Permission.MANAGE_LISTINGS)
        listing.withdraw(reason)
        uow.listings.save(listing)
        uow.commit()
    return listing


@reads(Permission.VIEW_LISTINGS)
def list_listings(
    uow: UnitOfWork, flt: ListingFilter, *, by: User, limit: int = 50, offset: int = 0
) -> tuple[list[Listing], int]:
    with uow:
        items, total = uow.listings.list(flt, limit=limit, offset=offset)
        return list(items), total


@reads(Permission.VIEW_LISTINGS)
def show_listing(uow: UnitOfWork, listing_id: int, *, by: User) -> Listing:
    with uow:
        return get_listing(uow, listing_id)
