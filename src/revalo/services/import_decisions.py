"""The return policy's decision on every return of an imported file, made before anything
is written and with no transaction open, from what the check read of the database in bulk;
then the records of the returns as ``request_return`` would store them.

The write re-reads the same things in its own short transaction (``ensure_unchanged``): an
order imported meanwhile, or a product, customer, client or hub changed since the check,
stops the import with nothing written, as the decisions no longer stand on what is stored.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence

from revalo.domain.errors import AlreadyExists, Conflict, DomainError
from revalo.domain.policy import LineContext, ReturnPolicy
from revalo.domain.values import as_utc
from revalo.services.common import found
from revalo.services.hubs import nearest_hub
from revalo.services.import_ports import ImportReferences, NewReturn
from revalo.services.import_rows import PlannedReturn
from revalo.services.returns import PolicyVerdict, format_rma_number, policy_verdict


def decide_returns(
    policy: ReturnPolicy, plans: Sequence[PlannedReturn], refs: ImportReferences
) -> list[PolicyVerdict]:
    """The policy's verdict on each planned return, in order. A verdict the policy cannot
    give names the file line and the order of its return."""
    hubs: dict[str, str] = {}  # the nearest hub of each customer, found once

    known = {h.code for h in refs.hubs}

    def hub_of(code: str) -> str:
        if code not in hubs:
            place = refs.customers[code]
            routed = refs.routed.get(code)
            hubs[code] = (
                routed
                if routed in known
                else nearest_hub(refs.hubs, place.point, place.country).code
            )
        return hubs[code]

    verdicts = []
    for plan in plans:
        try:
            customer = found(
                refs.customers.get(plan.customer_code),
                f"no customer with code {plan.customer_code!r}",
                "customer_code",
            )
            contexts = []
            for n, ln in enumerate(plan.lines, start=1):
                terms = found(
                    refs.products.get(ln.sku), f"line {n}: no product with SKU {ln.sku!r}", "sku"
                )
                contexts.append(
                    LineContext(n, terms.category, ln.reason, terms.new_price * ln.quantity)
                )
            verdict = policy_verdict(
                policy,
                contexts,
                customer_kind=customer.kind,
                country=customer.country,
                delivered_at=plan.delivered_at,
                requested_at=plan.requested_at,
                hub=functools.partial(hub_of, plan.customer_code),
            )
        except DomainError as exc:
            where = f"line {plan.file_lines[0]} (order {plan.order_ref!r})"
            raise type(exc)(f"{where}: {exc.message}", field=exc.field) from exc
        verdicts.append(verdict)
    return verdicts


def new_returns(
    plans: Sequence[PlannedReturn], verdicts: Sequence[PolicyVerdict], numbers: Sequence[int]
) -> Iterator[NewReturn]:
    """Each planned return with its verdict and its number, as the return to store."""
    for plan, verdict, n in zip(plans, verdicts, numbers, strict=True):
        decided = verdict.decided_by is not None
        requested = as_utc(plan.requested_at)
        yield NewReturn(
            id=n,
            number=format_rma_number(n),
            customer_code=plan.customer_code,
            requested_at=requested,
            delivered_at=as_utc(plan.delivered_at) if plan.delivered_at else None,
            state=verdict.state,
            destination_site=verdict.destination_site,
            decided_by=verdict.decided_by,
            decision_reason=verdict.decision_reason,
            decided_at=requested if decided else None,
            order_ref=plan.order_ref,
            client_code=plan.client_code,
            lines=plan.lines,
        )


def ensure_unchanged(read: ImportReferences, now: ImportReferences) -> None:
    """What the decisions stand on is still what the database holds: ``read`` was read by
    the check, ``now`` in the transaction that writes."""
    if now.imported:
        refs = ", ".join(sorted(now.imported)[:5])
        raise AlreadyExists(f"order_ref imported meanwhile: {refs}", field="order_ref")
    kinds: tuple[tuple[str, Mapping[str, object], Mapping[str, object]], ...] = (
        ("product", read.products, now.products),
        ("customer", read.customers, now.customers),
        ("client", read.clients, now.clients),
        ("returns hub", {h.code: h for h in read.hubs}, {h.code: h for h in now.hubs}),
    )
    for what, before, after in kinds:
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        if changed:
            raise Conflict(
                f"{what} {', '.join(changed[:5])} changed while the file was checked: "
                "nothing was imported; import the file again"
            )
