"""Listings on the sales channels (create, publish, edit, reprice, reserve, sell, withdraw),
the channels and their feeds, and the profitability of every resale."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from starlette.responses import Response

from revalo.domain.people import Permission
from revalo.domain.resale import ListingStatus
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.resale import (
    ChannelsPublic,
    LearnedRatePublic,
    ListingCreate,
    ListingEdit,
    ListingPublic,
    ListingReprice,
    ListingReserve,
    ListingSell,
    ListingsPublic,
    ListingWithdraw,
    ProfitabilityPublic,
    ProfitGroupPublic,
    channel_public,
    listing_public,
)
from revalo.entrypoints.api.types import Limit, Offset
from revalo.services import resale as service
from revalo.services import resale_feeds, resale_learning, resale_profit
from revalo.services.resale_ports import ListingFilter

router = APIRouter(tags=["resale"])
ListingId = Annotated[int, Path(ge=1, le=2**62, description="the listing's number")]
ChannelCode = Annotated[str, Path(min_length=1, max_length=20, examples=["REFURB-MKT"])]
_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "the channel's listed items"}
}


@router.post(
    "/listings",
    dependencies=[need(Permission.MANAGE_LISTINGS)],
    status_code=status.HTTP_201_CREATED,
)
def create_listing(
    body: ListingCreate, uow: UowDep, user: CurrentUser, app: AppDep
) -> ListingPublic:
    """A unit decided for resale becomes a draft listing: the decision's channel, its grade
    as the channel names it, words from the product and inspection, the value model's price."""
    x = service.create_listing(
        uow,
        body.lpn,
        by=user,
        channel=body.channel,
        photos=tuple(body.photos),
        feedback_min_sales=app.settings.resale_feedback_min_sales,
    )
    return listing_public(x)


@router.get("/listings", dependencies=[need(Permission.VIEW_LISTINGS)])
def list_listings(
    uow: ReadUowDep,
    user: CurrentUser,
    limit: Limit = 50,
    offset: Offset = 0,
    channel: Annotated[str | None, Query(max_length=20)] = None,
    listing_status: Annotated[ListingStatus | None, Query(alias="status")] = None,
    category: Annotated[str | None, Query(max_length=40)] = None,
    grade: Annotated[str | None, Query(max_length=1)] = None,
) -> ListingsPublic:
    """The listings, newest first, with filters."""
    flt = ListingFilter(
        channel=channel.strip().upper() if channel else None,
        status=listing_status,
        category=category.strip().lower() if category else None,
        grade=grade.strip().upper() if grade else None,
    )
    found, total = service.list_listings(uow, flt, by=user, limit=limit, offset=offset)
    return ListingsPublic(data=[listing_public(x) for x in found], count=total)


@router.get("/listings/{listing_id}", dependencies=[need(Permission.VIEW_LISTINGS)])
def get_listing(listing_id: ListingId, uow: ReadUowDep, user: CurrentUser) -> ListingPublic:
    """One listing with its price history and its sale."""
    return listing_public(service.show_listing(uow, listing_id, by=user))


@router.post("/listings/{listing_id}/publish", dependencies=[need(Permission.MANAGE_LISTINGS)])
def publish_listing(listing_id: ListingId, uow: UowDep, user: CurrentUser) -> ListingPublic:
    """Put a draft on sale (the unit goes to the graded stock if its work is done)."""
    return listing_public(service.publish_listing(uow, listing_id, by=user))


@router.patch("/listings/{listing_id}", dependencies=[need(Permission.MANAGE_LISTINGS)])
def edit_listing(
    listing_id: ListingId, body: ListingEdit, uow: UowDep, user: CurrentUser
) -> ListingPublic:
    """Change the title or description (a claim of newness is refused, décret 2022-190)."""
    x = service.edit_listing(
        uow, listing_id, by=user, title=body.title, description=body.description
    )
    return listing_public(x)


@router.post("/listings/{listing_id}/reprice", dependencies=[need(Permission.MANAGE_LISTINGS)])
def reprice_listing(
    listing_id: ListingId, body: ListingReprice, uow: UowDep, user: CurrentUser
) -> ListingPublic:
    """Set the asking price (never below the floor); the history keeps it."""
    x = service.reprice_listing(uow, listing_id, price=body.price, reason=body.reason, by=user)
    return listing_public(x)


@router.post("/listings/{listing_id}/reserve", dependencies=[need(Permission.MANAGE_LISTINGS)])
def reserve_listing(
    listing_id: ListingId, body: ListingReserve, uow: UowDep, user: CurrentUser
) -> ListingPublic:
    """Hold a listed item for one buyer."""
    return listing_public(service.reserve_listing(uow, listing_id, buyer=body.buyer, by=user))


@router.post("/listings/{listing_id}/sell", dependencies=[need(Permission.SELL)])
def sell_listing(
    listing_id: ListingId, body: ListingSell, uow: UowDep, user: CurrentUser
) -> ListingPublic:
    """Record the sale: the listing closes, the unit's proceeds are the price and it leaves
    the stock. Of two sales at once, one wins; the other gets 409."""
    x = service.sell_listing(uow, listing_id, buyer=body.buyer, price=body.price, by=user)
    return listing_public(x)


@router.post("/listings/{listing_id}/withdraw", dependencies=[need(Permission.MANAGE_LISTINGS)])
def withdraw_listing(
    listing_id: ListingId, body: ListingWithdraw, uow: UowDep, user: CurrentUser
) -> ListingPublic:
    """Take a listing off sale, with the reason."""
    return listing_public(service.withdraw_listing(uow, listing_id, reason=body.reason, by=user))


@router.get("/channels", dependencies=[need(Permission.VIEW_LISTINGS)])
def list_channels(user: CurrentUser, limit: Limit = 50, offset: Offset = 0) -> ChannelsPublic:
    """The sales channels: fees, payment terms, grades accepted and their names."""
    found = service.sales_channels()
    page = found[offset : offset + limit]
    return ChannelsPublic(data=[channel_public(ch) for ch in page], count=len(found))


@router.get(
    "/channels/{code}/feed.csv", dependencies=[need(Permission.VIEW_LISTINGS)], responses=_CSV
)
def channel_feed_csv(code: ChannelCode, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The channel's listed items as CSV (Revalo's own columns)."""
    items = resale_feeds.channel_feed(uow, code, by=user)
    return Response(resale_feeds.feed_csv(items), media_type="text/csv; charset=utf-8")


@router.get("/channels/{code}/feed.json", dependencies=[need(Permission.VIEW_LISTINGS)])
def channel_feed_json(code: ChannelCode, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The channel's listed items as JSON (Revalo's own fields)."""
    items = resale_feeds.channel_feed(uow, code, by=user)
    return Response(
        resale_feeds.feed_json(code.strip().upper(), items), media_type="application/json"
    )


@router.get("/resale/profitability", dependencies=[need(Permission.VIEW_PROFITABILITY)])
def profitability(
    uow: ReadUowDep, user: CurrentUser, app: AppDep, limit: Limit = 50, offset: Offset = 0
) -> ProfitabilityPublic:
    """What the units sold fetched net of fees and costs, by week, channel, category and
    grade, against the engine's expectation; ``off`` says where it was off."""
    n = max(app.settings.resale_feedback_min_sales, 1)
    report = resale_profit.resale_profitability(uow, by=user, min_sales=n)
    rows = [
        ProfitGroupPublic(
            week=g.week,
            channel=g.channel,
            category=g.category,
            grade=g.grade,
            units=g.units,
            fetched=g.fetched,
            fees=g.fees,
            costs=g.costs,
            net=g.net,
            expected=g.expected,
            expected_units=g.expected_units,
            gap=g.gap,
            off=g.off(n),
        )
        for g in report.groups
    ]
    return ProfitabilityPublic(
        data=rows[offset : offset + limit],
        count=len(rows),
        units_sold=len(report.sold),
        off=len(report.off),
    )


@router.get("/resale/learned-rates", dependencies=[need(Permission.VIEW_PROFITABILITY)])
def learned_rates(uow: ReadUowDep, user: CurrentUser, app: AppDep) -> list[LearnedRatePublic]:
    """Each channel, category and grade sold ``REVALO_RESALE_FEEDBACK_MIN_SALES`` times or
    more: the share of the new price its units fetched, which new listings and the engine's
    expected values now use, beside the configured rate (empty when the feedback is off)."""
    n = app.settings.resale_feedback_min_sales
    found = resale_learning.learned_rates(uow, by=user, min_sales=n)
    return [LearnedRatePublic.model_validate(r) for r in found]
