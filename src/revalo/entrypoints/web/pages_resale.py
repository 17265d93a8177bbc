"""The resale pages: the listings with filters, a listing with its price history and the
forms to publish, reprice, sell and withdraw it, and the profitability of every resale.
The same use cases as the API's."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.people import Permission
from revalo.domain.resale import ListingStatus
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import resale, resale_learning, resale_profit
from revalo.services.resale_ports import ListingFilter

router = APIRouter(route_class=WebRoute, include_in_schema=False)
MOST = Decimal("1000000")
PAGE = 100


@router.get("/resale", dependencies=[need(Permission.VIEW_LISTINGS)], response_class=HTMLResponse)
def listings_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The listings, newest first, by channel and status."""
    errors = Errors()
    data = dict(request.query_params)
    channels = resale.sales_channels()
    codes = {c.code for c in channels}
    channel = data.get("channel", "").strip().upper() or None
    if channel is not None and channel not in codes:
        channel = None
    status = forms.choice(data, "status", errors, ListingStatus)
    found, total = resale.list_listings(
        uow, ListingFilter(channel=channel, status=status), by=user, limit=PAGE, offset=0
    )
    ctx = {
        "listings": found,
        "total": total,
        "channels": channels,
        "channel": channel,
        "statuses": list(ListingStatus),
        "status": status,
        "errors": errors,
    }
    return page(request, "resale.html", ctx, nav="resale")


@router.get(
    "/resale/listings/{listing_id}",
    dependencies=[need(Permission.VIEW_LISTINGS)],
    response_class=HTMLResponse,
)
def listing_page(
    request: Request, listing_id: int, uow: ReadUowDep, user: CurrentUser
) -> HTMLResponse:
    """One listing: its words, prices, history, sale, and the forms its state allows."""
    listing = resale.show_listing(uow, listing_id, by=user)
    ctx = {
        "x": listing,
        "channel": resale.get_channel(listing.channel),
        "may_manage": user.can(Permission.MANAGE_LISTINGS),
        "may_sell": user.can(Permission.SELL),
    }
    return page(request, "listing.html", ctx, nav="resale")


@router.get(
    "/resale/profitability",
    dependencies=[need(Permission.VIEW_PROFITABILITY)],
    response_class=HTMLResponse,
)
def profitability_page(
    request: Request, uow: ReadUowDep, user: CurrentUser, app: AppDep
) -> HTMLResponse:
    """What every resale fetched net of fees and costs, against the engine's expectation."""
    feedback = app.settings.resale_feedback_min_sales
    n = max(feedback, 1)
    report = resale_profit.resale_profitability(uow, by=user, min_sales=n)
    learned = resale_learning.learned_rates(uow, by=user, min_sales=feedback)
    ctx = {"report": report, "min_sales": n, "feedback": feedback, "learned": learned}
    return page(request, "resale_profitability.html", ctx, nav="resale")


def _attempt(request: Request, listing_id: int, run: Callable[[], object], key: str) -> Response:
    back = f"/resale/listings/{listing_id}"
    try:
        run()
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect(back, flash=in_language(exc.message, language(request)))
    return redirect(back, flash=translator(language(request))(key, id=listing_id))


@router.post(
    "/resale/listings/{listing_id}/publish",
    dependencies=[need(Permission.MANAGE_LISTINGS)],
    response_model=None,
)
def publish_form(request: Request, listing_id: int, uow: UowDep, user: CurrentUser) -> Response:
    return _attempt(
        request,
        listing_id,
        lambda: resale.publish_listing(uow, listing_id, by=user),
        "resale.published_flash",
    )


@router.post(
    "/resale/listings/{listing_id}/reprice",
    dependencies=[need(Permission.MANAGE_LISTINGS)],
    response_model=None,
)
def reprice_form(
    request: Request, listing_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    price = forms.amount(data, "price", errors, high=MOST)
    reason = forms.text(data, "reason", errors, max_length=200)
    if errors or price is None:
        message = "; ".join(errors.values()) or translator(language(request))("resale.no_price")
        return redirect(f"/resale/listings/{listing_id}", flash=message)
    return _attempt(
        request,
        listing_id,
        lambda: resale.reprice_listing(uow, listing_id, price=price, reason=reason, by=user),
        "resale.repriced_flash",
    )


@router.post(
    "/resale/listings/{listing_id}/sell", dependencies=[need(Permission.SELL)], response_model=None
)
def sell_form(
    request: Request, listing_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    price = forms.amount(data, "price", errors, high=MOST)
    buyer = forms.text(data, "buyer", errors, max_length=100)
    if errors:
        return redirect(f"/resale/listings/{listing_id}", flash="; ".join(errors.values()))
    return _attempt(
        request,
        listing_id,
        lambda: resale.sell_listing(uow, listing_id, buyer=buyer, price=price, by=user),
        "resale.sold_flash",
    )


@router.post(
    "/resale/listings/{listing_id}/withdraw",
    dependencies=[need(Permission.MANAGE_LISTINGS)],
    response_model=None,
)
def withdraw_form(
    request: Request, listing_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    reason = forms.text(data, "reason", errors, max_length=2000, required=True)
    if errors:
        return redirect(f"/resale/listings/{listing_id}", flash="; ".join(errors.values()))
    return _attempt(
        request,
        listing_id,
        lambda: resale.withdraw_listing(uow, listing_id, reason=reason, by=user),
        "resale.withdrawn_flash",
    )
