"""A unit's trail for an auditor: every event with who and when, every decision with its
reason and the rule that allowed it, every document (the return's label, the consignments
that carried it, its certificates of sanitisation, the papers named by its events), in
the order they happened.

The rules are written in the domain's own words (English), as the law they come from.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from revalo.domain.catalog import Product, Site
from revalo.domain.certificates import STANDARD, SanitisationCertificate
from revalo.domain.disposition import (
    REUSE_ROUTES,
    ROUTE_RULES,
    DispositionRecord,
    DispositionRoute,
    implied_work,
)
from revalo.domain.events import UnitEvent
from revalo.domain.journey import Consignment, ConsignmentKind
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.domain.work_orders import WorkOrderKind

_R = DispositionRoute


class EntryKind(enum.StrEnum):
    EVENT = "event"
    DECISION = "decision"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class TrailEntry:
    at: datetime
    kind: EntryKind
    #: The event's type, the decision's route, or the document's kind.
    what: str
    who: str
    reason: str = ""
    #: For a decision: the rule that allowed it.
    rule: str = ""
    #: The document's reference (an event's document, a consignment, a certificate).
    reference: str = ""
    site: str = ""

    def as_json(self) -> dict[str, Any]:
        row = asdict(self)
        row["at"] = self.at.isoformat()
        row["kind"] = self.kind.value
        return row


CSV_COLUMNS = ("at", "kind", "what", "who", "reason", "rule", "reference", "site")


def decision_rule(record: DispositionRecord, product: Product | None, to: Site | None) -> str:
    """The rules a decision passed (``check_route``), as the law and the company say them."""
    rule = ROUTE_RULES[record.route]
    parts = [f"waste-hierarchy rank {rule.hierarchy_rank} (Directive 2008/98/EC art. 4)"]
    parts.append(f"to a {to.kind.value} ({to.code})" if to else "kept in-house")
    if record.route in REUSE_ROUTES:
        parts.append("open to re-use: the unit was not flagged hazardous at its inspection")
    if record.route is _R.RESTOCK:
        parts.append("restocked as new: graded A/A")
    if record.route is _R.DISPOSE:
        parts.append(
            "disposal only of a hazardous unit (Code de l'environnement L541-15-8), never of "
            "apparel or footwear (ESPR 2024/1781 art. 25)"
        )
    if product is not None and product.apparel and record.route is _R.RECYCLE:
        parts.append(
            "apparel recycled only when damaged beyond repair or hazardous (ESPR 2024/1781 "
            "art. 25 and its derogations)"
        )
    if product is not None and product.is_weee and record.route in (_R.RECYCLE, _R.DISPOSE):
        parts.append(
            f"WEEE category {product.weee_category} only to a certified treatment facility "
            "(Directive 2012/19/EU art. 8)"
        )
    if product is not None and WorkOrderKind.DATA_WIPE in implied_work(record.route, product):
        parts.append(f"a data-bearing device leaves only after a recorded wipe ({STANDARD})")
    if record.route is _R.REFURBISH:
        parts.append("'reconditionné' only when tested, repaired and wiped (décret 2022-190)")
    if record.overrides_id is not None:
        parts.append("an override: it needs a reason and keeps the earlier decision")
    return "; ".join(parts)


#: The return policy's rule, for the authorisation of the unit's return.
POLICY_RULE = (
    "the return policy (withdrawal within 14 days, Directive 2011/83/EU art. 9; legal "
    "guarantee of 2 years, Directive (EU) 2019/771), per category and country"
)


def _documents(
    consignments: Sequence[Consignment],
    certificates: Sequence[SanitisationCertificate],
    treatment: frozenset[str],
    abroad: frozenset[int],
) -> list[TrailEntry]:
    found = []
    for c in consignments:
        what = "return_label" if c.kind is ConsignmentKind.RETURN and c.sscc else "consignment"
        if c.kind is ConsignmentKind.DISPATCH and c.destination in treatment:
            what = "waste_shipment"  # it carries its waste-tracking slip
        elif c.kind is not ConsignmentKind.RETURN and c.id in abroad:
            what = "shipment_abroad"  # used equipment in it carries its test record
        sscc = f"; SSCC {c.sscc}" if c.sscc else ""
        found.append(
            TrailEntry(
                at=c.booked_at,
                kind=EntryKind.DOCUMENT,
                what=what,
                who=c.carrier,
                reason=f"{c.kind.value} {c.origin} -> {c.destination}, {c.service_id}{sscc}",
                reference=c.reference,
                site=c.destination,
            )
        )
    for cert in certificates:
        medium = cert.media_serial or "not recorded"
        found.append(
            TrailEntry(
                at=cert.sanitised_at,
                kind=EntryKind.DOCUMENT,
                what="certificate_of_sanitisation",
                who=cert.operator,
                reason=f"{cert.method.value}, medium {medium}, {cert.tool}",
                rule=STANDARD,
                reference=cert.number,
                site=cert.site_code,
            )
        )
    return found


def build_trail(
    *,
    rma: ReturnRequest | None,
    product: Product | None,
    events: Sequence[UnitEvent],
    decisions: Sequence[DispositionRecord],
    sites: dict[str, Site],
    consignments: Sequence[Consignment],
    certificates: Sequence[SanitisationCertificate],
    treatment: frozenset[str] = frozenset(),
    abroad: frozenset[int] = frozenset(),
) -> list[TrailEntry]:
    """Everything of a unit's trail, oldest first (at one time: events, then decisions,
    then documents). ``treatment``: the codes of the treatment facilities among the
    consignments' destinations; ``abroad``: the consignments that crossed a border."""
    entries = []
    if rma is not None and rma.decided_at is not None:
        entries.append(
            TrailEntry(
                at=rma.decided_at,
                kind=EntryKind.DECISION,
                what="return_rejected"
                if rma.state is ReturnState.REJECTED
                else "return_authorised",
                who=rma.decided_by or "",
                reason=rma.decision_reason,
                rule=POLICY_RULE,
                reference=rma.number,
                site=rma.destination_site or "",
            )
        )
    for e in events:
        entries.append(
            TrailEntry(
                at=e.occurred_at,
                kind=EntryKind.EVENT,
                what=e.type.value,
                who=e.actor,
                reason=e.reason,
                reference=e.document,
                site=e.location_code or e.site_code or "",
            )
        )
    for d in decisions:
        to = sites.get(d.destination_site) if d.destination_site else None
        entries.append(
            TrailEntry(
                at=d.decided_at,
                kind=EntryKind.DECISION,
                what=d.route.value,
                who=d.actor,
                reason=d.reason,
                rule=decision_rule(d, product, to),
                site=d.destination_site or "",
            )
        )
    entries += _documents(consignments, certificates, treatment, abroad)
    order = {EntryKind.EVENT: 0, EntryKind.DECISION: 1, EntryKind.DOCUMENT: 2}
    return sorted(entries, key=lambda x: (x.at, order[x.kind]))
