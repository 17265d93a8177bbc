"""The portal as the staff see it (the shop's orders are in ``portal_orders``): a return's
portal link for a customer who lost theirs, the photos a customer sent of a damage, the
keep-it figures of a return, and what keep-it saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.errors import NotAllowed
from revalo.domain.keep_it import KeepItFigures, KeepItRules
from revalo.domain.people import Permission, User
from revalo.domain.portal import new_token, token_hash
from revalo.domain.returns import ReturnState
from revalo.services.common import found, when
from revalo.services.guard import needs, reads, record_done
from revalo.services.keep_it import price_lines
from revalo.services.portal_ports import KeepItSavings, Photo
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import client_for, ensure_sees_return
from revalo.services.transport import Transport


@needs(Permission.ISSUE_PORTAL_LINK)
@retried
def issue_link(uow: UnitOfWork, number: str, *, by: User, at: datetime | None = None) -> str:
    """A new link to the return on the portal (the earlier ones keep working); its secret
    is shown once, only its hash is kept."""
    t = when(at)
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.ISSUE_PORTAL_LINK)
        if uow.portal.portal_return(rma.number) is None:
            raise NotAllowed(f"return {rma.number} was not started from the portal")
        token = new_token()
        uow.portal.add_link(rma.number, token_hash(token), by=by.login, at=t)
        record_done(uow, by, "issue_portal_link", rma.number)
        uow.commit()
    return token


@reads(Permission.VIEW_RETURNS)
def photos(uow: UnitOfWork, number: str, *, by: User) -> Sequence[Photo]:
    """The photos the customer sent with the return, oldest first (none for a return not
    started from the portal)."""
    with uow.read_only() as reading:
        rma = found(reading.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.VIEW_RETURNS)
        return reading.portal.photos(rma.number)


@reads(Permission.VIEW_RETURNS)
def photo(uow: UnitOfWork, number: str, photo_id: int, *, by: User) -> tuple[str, bytes]:
    """One of the return's photos: its media type and content."""
    with uow.read_only() as reading:
        rma = found(reading.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.VIEW_RETURNS)
        return found(
            reading.portal.photo_content(rma.number, photo_id),
            f"return {rma.number} has no photo {photo_id}",
            "photo_id",
        )


@dataclass(frozen=True, slots=True)
class LineCheck:
    line_no: int
    sku: str
    quantity: int
    figures: KeepItFigures | None


@reads(Permission.VIEW_RETURNS)
def keep_it_check(
    uow: UnitOfWork,
    transport: Transport,
    rules: KeepItRules,
    number: str,
    *,
    by: User,
    at: datetime | None = None,
    feedback_min_sales: int = 0,
) -> list[LineCheck]:
    """The keep-it figures of each line of an authorised return, as of now (nothing stored;
    ``feedback_min_sales`` as ``keep_it.price_lines`` says)."""
    with uow.read_only() as reading:
        rma = found(reading.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.VIEW_RETURNS)
        if rma.state is not ReturnState.AUTHORISED:
            raise NotAllowed(
                f"return {rma.number} is {rma.state.value}: keep-it prices an authorised return"
            )
        t = when(at)
        priced = price_lines(
            reading, transport, rules, rma, at=t, feedback_min_sales=feedback_min_sales
        )
        return [
            LineCheck(ln.line_no, ln.sku, ln.quantity, figures)
            for ln, figures in zip(rma.lines, priced, strict=True)
        ]


@reads(Permission.VIEW_DASHBOARD)
def keep_it_savings(uow: UnitOfWork, *, by: User, client_code: str | None = None) -> KeepItSavings:
    """What the units customers kept spared: EUR, road kilometres, kg CO2e (of ``client_code``'s
    returns; a client's user sees its own)."""
    client = client_for(by, client_code, Permission.VIEW_DASHBOARD)
    with uow.read_only() as reading:
        return reading.portal.savings(client)
