"""Return requests: ask, decide by policy or by hand, cancel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.catalog import Customer, CustomerKind
from revalo.domain.clients import ensure_same_owner
from revalo.domain.errors import InvalidValue
from revalo.domain.notifications import NotificationKind
from revalo.domain.people import Permission, User
from revalo.domain.policy import LineContext, PolicyOutcome, ReturnPolicy
from revalo.domain.returns import ReturnLine, ReturnReason, ReturnRequest, ReturnState
from revalo.domain.values import as_utc
from revalo.services.clients import owner_for_new
from revalo.services.common import found, get_site, when
from revalo.services.guard import needs
from revalo.services.hubs import hub_for
from revalo.services.notifications import notify
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried

POLICY_ACTOR = "return-policy"


@dataclass(frozen=True, slots=True)
class LineRequest:
    sku: str
    quantity: int
    reason: ReturnReason
    serial: str | None = None
    comment: str = ""


def format_rma_number(n: int) -> str:
    return f"RMA{n:08d}"


@dataclass(frozen=True, slots=True)
class PolicyVerdict:
    """What the return policy makes of a new return, in the words the return records it:
    authorised (to a hub) or rejected by the policy, or left for a person's review."""

    state: ReturnState
    decision_reason: str
    decided_by: str | None = None
    destination_site: str | None = None


def policy_verdict(
    policy: ReturnPolicy,
    lines: Sequence[LineContext],
    *,
    customer_kind: CustomerKind,
    country: str,
    delivered_at: datetime | None,
    requested_at: datetime,
    hub: Callable[[], str],
) -> PolicyVerdict:
    """The policy's answer on a new return; ``hub``: the code of the customer's nearest
    returns hub, asked only when the return is authorised. ``request_return`` applies it
    to the return; an import writes it as it is, for thousands of returns at once."""
    decision = policy.decide(
        lines,
        country=country,
        customer_kind=customer_kind,
        delivered_at=delivered_at,
        requested_at=requested_at,
    )
    if decision.outcome is PolicyOutcome.AUTHORISE:
        return PolicyVerdict(ReturnState.AUTHORISED, decision.reason, POLICY_ACTOR, hub())
    if decision.outcome is PolicyOutcome.REJECT:
        return PolicyVerdict(ReturnState.REJECTED, decision.reason, POLICY_ACTOR)
    return PolicyVerdict(ReturnState.REQUESTED, "needs review: " + decision.reason)


@needs(Permission.REQUEST_RETURN)
@retried
def request_return(
    uow: UnitOfWork,
    policy: ReturnPolicy,
    *,
    customer_code: str,
    lines: list[LineRequest],
    delivered_at: datetime | None,
    by: User,
    requested_at: datetime | None = None,
    order_ref: str = "",
    auto_decide: bool = True,
    client_code: str | None = None,
) -> ReturnRequest:
    """Record a return request; the policy authorises, rejects or leaves it for review.
    ``client_code``: the client whose goods come back (None: the provider's own); every
    line's product must be that client's or of no client."""
    at = when(requested_at)
    with uow:
        customer = found(
            uow.customers.get(customer_code.strip().upper()),
            f"no customer with code {customer_code!r}",
            "customer_code",
        )
        owner = owner_for_new(uow, client_code)
        rma = build_return(uow, customer, lines, at, delivered_at, order_ref, owner)
        if auto_decide:
            apply_policy(uow, policy, customer, rma, at)
        uow.returns.add(rma)
        if rma.state is ReturnState.AUTHORISED:
            notify(uow, NotificationKind.RETURN_AUTHORISED, rma, at)
        uow.commit()
    return rma


def build_return(
    uow: UnitOfWork,
    customer: Customer,
    lines: list[LineRequest],
    at: datetime,
    delivered_at: datetime | None,
    order_ref: str,
    owner: str | None,
) -> ReturnRequest:
    if not lines:
        raise InvalidValue("a return needs at least one line", field="lines")
    built = []
    for i, ln in enumerate(lines, start=1):
        sku = ln.sku.strip().upper()
        product = found(uow.products.get(sku), f"line {i}: no product with SKU {ln.sku!r}", "sku")
        ensure_same_owner(
            the_return=f"line {i}: the return",
            return_client=owner,
            sku=sku,
            product_client=product.client_code,
        )
        built.append(
            ReturnLine(
                line_no=i,
                sku=sku,
                quantity=ln.quantity,
                reason=ln.reason,
                serial=ln.serial,
                comment=ln.comment,
            )
        )
    n = uow.sequences.next("rma")
    return ReturnRequest(
        id=n,
        number=format_rma_number(n),
        customer_code=customer.code,
        requested_at=at,
        delivered_at=as_utc(delivered_at) if delivered_at else None,
        lines=built,
        order_ref=order_ref,
        client_code=owner,
    )


def apply_policy(
    uow: UnitOfWork, policy: ReturnPolicy, customer: Customer, rma: ReturnRequest, at: datetime
) -> None:
    contexts = []
    for ln in rma.lines:
        product = found(uow.products.get(ln.sku), f"no product {ln.sku}")
        contexts.append(
            LineContext(ln.line_no, product.category, ln.reason, product.new_price * ln.quantity)
        )
    verdict = policy_verdict(
        policy,
        contexts,
        customer_kind=customer.kind,
        country=customer.country,
        delivered_at=rma.delivered_at,
        requested_at=rma.requested_at,
        hub=lambda: hub_for(uow, customer, at).code,
    )
    if verdict.state is ReturnState.AUTHORISED:
        assert verdict.destination_site is not None
        rma.authorise(
            by=POLICY_ACTOR,
            reason=verdict.decision_reason,
            at=at,
            destination_site=verdict.destination_site,
        )
    elif verdict.state is ReturnState.REJECTED:
        rma.reject(by=POLICY_ACTOR, reason=verdict.decision_reason, at=at)
    else:
        rma.decision_reason = verdict.decision_reason


def _load(uow: UnitOfWork, number: str) -> ReturnRequest:
    """The return, locked until the use case ends (it changes it)."""
    return found(
        uow.returns.get(number.strip().upper(), lock=True), f"no return {number!r}", "number"
    )


@needs(Permission.AUTHORISE_RETURN)
@retried
def authorise_return(
    uow: UnitOfWork,
    number: str,
    *,
    by: User,
    reason: str,
    destination_site: str | None = None,
    at: datetime | None = None,
) -> ReturnRequest:
    with uow:
        rma = _load(uow, number)
        rma.ensure_can_authorise()
        if destination_site:
            hub = get_site(uow, destination_site, "destination_site")
            if not hub.holds_stock:
                raise InvalidValue(f"{hub.name} does not receive returns", field="destination_site")
        else:
            customer = found(uow.customers.get(rma.customer_code), "customer missing")
            hub = hub_for(uow, customer, when(at))
        rma.authorise(
            by=by.login, reason=reason or "authorised", at=when(at), destination_site=hub.code
        )
        notify(uow, NotificationKind.RETURN_AUTHORISED, rma, when(at))
        uow.commit()
    return rma


@needs(Permission.REJECT_RETURN)
@retried
def reject_return(
    uow: UnitOfWork, number: str, *, by: User, reason: str, at: datetime | None = None
) -> ReturnRequest:
    with uow:
        rma = _load(uow, number)
        rma.ensure_can_reject()
        rma.reject(by=by.login, reason=reason, at=when(at))
        uow.commit()
    return rma


@retried
def mark_in_transit(uow: UnitOfWork, number: str) -> ReturnRequest:
    with uow:
        rma = _load(uow, number)
        rma.mark_in_transit()
        uow.commit()
    return rma
